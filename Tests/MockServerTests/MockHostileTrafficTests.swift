import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Hostile traffic against the real `crrspec mock` on a real port, one test per case: the
/// server answers 4xx or closes the connection, never crashes, keeps serving, and its resident
/// memory (VmRSS of /proc/PID/status) stays under ``memoryBound``.
final class MockHostileTrafficTests: XCTestCase {
    /// The resident memory the mock may reach under any of these cases (a debug build serving
    /// every current service starts at about 50 MiB).
    static let memoryBound = 400 << 20
    static let goodRequest = "GET /crr/marketstatus/v1.0/activeAuctionMarkets?participantName=CISO HTTP/1.1\r\nHost: localhost\r\ncaiso-request-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6\r\n\r\n"

    func start(_ arguments: [String] = []) throws -> MockProcess {
        let mock = try MockProcess(["market_status", "auction", "--quiet"] + arguments)
        return mock
    }

    /// After an attack: the process lives, answers a normal request, and is under the memory bound.
    func assertHealthy(_ mock: MockProcess, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(mock.process.isRunning, "\(label): the mock exited (status \(mock.process.terminationStatus))\n\(mock.stderr)", file: file, line: line)
        guard mock.process.isRunning else { return }
        let connection = try RawConnection(url: mock.url)
        connection.send(MockHostileTrafficTests.goodRequest)
        let answer = connection.readResponse()
        XCTAssertEqual(answer.status, 200, "\(label): a normal request afterwards: \(answer.text.prefix(300))", file: file, line: line)
        let rss = MockHostileTrafficTests.residentBytes(mock.process.processIdentifier)
        print("\(label): VmRSS after the attack \(rss >> 20) MiB (\(rss) bytes)")
        XCTAssertLessThan(rss, MockHostileTrafficTests.memoryBound, "\(label): resident memory \(rss >> 20) MiB", file: file, line: line)
    }

    /// VmRSS in bytes (0 when unreadable).
    static func residentBytes(_ pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }

    func assertRejectedOrClosed(_ answer: RawConnection.Answer, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        if let status = answer.status {
            XCTAssertTrue((400..<500).contains(status), "\(label): status \(status): \(answer.text.prefix(300))", file: file, line: line)
        } else {
            XCTAssertTrue(answer.closed, "\(label): neither an answer nor a closed connection: \(answer.text.prefix(300))", file: file, line: line)
        }
        print("\(label): " + (answer.status.map { "answered \($0)" } ?? "connection closed without an answer"))
    }

    func testHeaderFlood() throws {
        let mock = try start()
        defer { mock.stop() }
        // 10,000 header fields: more than the decoder's field count and list size allow.
        var request = "GET /crr/marketstatus/v1.0/activeAuctionMarkets?participantName=CISO HTTP/1.1\r\nHost: localhost\r\n"
        for i in 0..<10_000 { request += "x-flood-\(i): \(String(repeating: "v", count: 50))\r\n" }
        request += "\r\n"
        let connection = try RawConnection(url: mock.url)
        connection.send(request)
        assertRejectedOrClosed(connection.readResponse(), "header flood (10,000 fields)")
        // One header field of 1 MiB.
        let big = try RawConnection(url: mock.url)
        big.send("GET /crr/marketstatus/v1.0/activeAuctionMarkets HTTP/1.1\r\nHost: localhost\r\nx-big: \(String(repeating: "a", count: 1 << 20))\r\n\r\n")
        assertRejectedOrClosed(big.readResponse(), "one 1 MiB header field")
        try assertHealthy(mock, "header flood")
    }

    func testTenMegabyteQueryString() throws {
        let mock = try start()
        defer { mock.stop() }
        let connection = try RawConnection(url: mock.url)
        connection.send("GET /crr/marketstatus/v1.0/activeAuctionMarkets?participantName=" + String(repeating: "A", count: 10 << 20)
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assertRejectedOrClosed(connection.readResponse(), "10 MB query string")
        try assertHealthy(mock, "10 MB query string")
    }

    func testBodyThatNeverEndsIsClosedByTheIdleTimeout() throws {
        let mock = try start(["--idle-timeout", "2"])
        defer { mock.stop() }
        let connection = try RawConnection(url: mock.url)
        // Announces a megabyte, sends ten bytes, then nothing.
        connection.send("POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\ncaiso-request-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6\r\n\r\n{\"portfol")
        // The server closes it; the read waits up to 60 s (a loaded machine), not a timing assertion.
        let answer = connection.readResponse(timeout: 60)
        XCTAssertTrue(answer.closed, "the stalled connection was not closed: \(answer.text.prefix(300))")
        assertRejectedOrClosed(answer, "a body that stops after 10 of 1,000,000 bytes")
        try assertHealthy(mock, "stalled body")
    }

    func testEndlessChunkedBodyStopsAtMaxBody() throws {
        let mock = try start(["--max-body", "1048576"])
        defer { mock.stop() }
        let connection = try RawConnection(url: mock.url)
        connection.send("POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\ncaiso-request-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6\r\n\r\n")
        // Keeps sending 64 KiB chunks (64 MiB at most) until the server answers or closes.
        let chunk = "10000\r\n" + String(repeating: " ", count: 0x10000) + "\r\n"
        var sent = 0
        while sent < 1024, connection.send(chunk) { sent += 1 }
        let answer = connection.readResponse()
        assertRejectedOrClosed(answer, "endless chunked body (\(sent) chunks of 64 KiB sent)")
        if let status = answer.status { XCTAssertEqual(status, 413, answer.text) }
        XCTAssertLessThan(sent, 1024, "the server read 64 MiB of a body limited to 1 MiB without stopping it")
        try assertHealthy(mock, "endless chunked body")
    }

    func testThousandConcurrentConnections() throws {
        let mock = try start()
        defer { mock.stop() }
        var connections: [RawConnection] = []
        for _ in 0..<1000 { connections.append(try RawConnection(url: mock.url)) }
        // Every connection open at once, then a request on each, then every answer.
        for c in connections { c.send(MockHostileTrafficTests.goodRequest) }
        var statuses: [Int: Int] = [:]
        var closed = 0
        for c in connections {
            let answer = c.readResponse()
            if let status = answer.status { statuses[status, default: 0] += 1 } else { closed += 1 }
        }
        print("1,000 concurrent connections: statuses \(statuses.sorted { $0.key < $1.key }), \(closed) closed without an answer")
        XCTAssertEqual(statuses[200], 1000, "statuses \(statuses), closed \(closed)")
        let rss = MockHostileTrafficTests.residentBytes(mock.process.processIdentifier)
        print("1,000 concurrent connections: VmRSS with all of them open \(rss >> 20) MiB")
        XCTAssertLessThan(rss, MockHostileTrafficTests.memoryBound)
        connections.forEach { $0.close() }
        try assertHealthy(mock, "1,000 concurrent connections")
    }

    func testMalformedHTTP() throws {
        let mock = try start()
        defer { mock.stop() }
        let cases: [(String, String)] = [
            ("binary garbage", String(decoding: (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }, as: UTF8.self)),
            ("no HTTP version", "GET /crr/marketstatus/v1.0/activeAuctionMarkets\r\n\r\n"),
            ("unknown method token with spaces", "G E T / HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("HTTP/9.9", "GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
            ("header without a colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n"),
            ("control character in a header value", "GET / HTTP/1.1\r\nHost: x\u{01}y\r\n\r\n"),
            ("Content-Length not a number", "POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
            ("two different Content-Lengths", "POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello"),
            ("Content-Length and chunked", "POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("chunk size not hexadecimal", "POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
            ("negative Content-Length", "POST /crr/auction/v1.0/portfolioCreation HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
            ("bare LF line ends and a NUL", "GET /\u{0} HTTP/1.1\nHost: x\n\n"),
        ]
        for (label, request) in cases {
            let connection = try RawConnection(url: mock.url)
            connection.send(request)
            assertRejectedOrClosed(connection.readResponse(), "malformed HTTP: \(label)")
            XCTAssertTrue(mock.process.isRunning, "the mock exited after \(label)")
        }
        try assertHealthy(mock, "malformed HTTP")
    }
}

extension MockHostileTrafficTests {
    /// After a request it cannot parse, Hummingbird answers 400 and stops writing; the server
    /// now also closes its side within seconds instead of holding the connection until the
    /// idle timeout (here 600 s), so a client that never hangs up does not keep it open.
    func testMalformedRequestClosesTheConnection() throws {
        let mock = try start(["--idle-timeout", "600"])
        defer { mock.stop() }
        let connection = try RawConnection(url: mock.url)
        connection.send("GET / HTTP/1.1\r\nHost x\r\n\r\n")
        let answer = connection.readResponse(timeout: 60)
        assertRejectedOrClosed(answer, "header without a colon")
        // Once the server has closed the socket, a byte sent to it is refused (reset). The wait
        // is bounded at 60 s for a loaded machine; the idle timeout alone would take 600 s.
        var refused = false
        for _ in 0..<600 where !refused {
            usleep(100_000)
            refused = !connection.send("x")
        }
        XCTAssertTrue(refused, "the connection stayed open after the 400 to a malformed request")
        try assertHealthy(mock, "malformed request, connection closed")
    }
}

/// A plain TCP connection for requests no HTTP client would send.
final class RawConnection {
    let fd: Int32

    struct Answer {
        var bytes: [UInt8]
        /// The server closed the connection (or reset it).
        var closed: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
        /// The status of the first response line, when one arrived.
        var status: Int? {
            guard text.hasPrefix("HTTP/1."), text.count >= 12 else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }
    }

    init(url: String) throws {
        // http://127.0.0.1:PORT
        guard let colon = url.lastIndex(of: ":"), let port = UInt16(url[url.index(after: colon)...]) else {
            throw MockStartError(status: -1, stdout: url, stderr: "no port in the URL")
        }
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            let error = errno
            Glibc.close(fd)
            throw MockStartError(status: error, stdout: url, stderr: "connect failed: errno \(error)")
        }
    }

    /// Sends everything it can; false once the server no longer takes bytes (closed or reset).
    @discardableResult
    func send(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        // A send that blocks longer than 10 s means the server stopped reading.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads until the first response is complete (headers and Content-Length body), the server
    /// closes, or `timeout` seconds pass without a byte.
    func readResponse(timeout seconds: Int = 30) -> Answer {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return Answer(bytes: bytes, closed: true) }
            if n < 0 { return Answer(bytes: bytes, closed: errno == ECONNRESET || errno == EPIPE) }
            bytes += buffer[0..<n]
            if RawConnection.isComplete(bytes) { return Answer(bytes: bytes, closed: false) }
        }
    }

    static func isComplete(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<end.lowerBound].lowercased()
        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return text.utf8.distance(from: end.upperBound.samePosition(in: text.utf8)!, to: text.utf8.endIndex) >= length
    }

    private var isOpen = true

    func close() {
        if isOpen { Glibc.close(fd) }
        isOpen = false
    }

    deinit { close() }
}
