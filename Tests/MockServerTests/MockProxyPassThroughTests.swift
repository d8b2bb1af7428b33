import Foundation
import XCTest
import EngineTestSupport

/// `--proxy URL` passes the upstream's answer through unchanged (status, header fields in
/// their order, body bytes, a compressed body with its `Content-Encoding`) and the client's
/// request header fields as sent; it checks a decoded copy. The upstream is a raw socket
/// server that sends exactly the bytes the test chose.
final class MockProxyPassThroughTests: XCTestCase {
    static let spec = """
        openapi: 3.0.3
        info: {title: items, version: "1.0.0"}
        paths:
          /items:
            get:
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}}
            post:
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: integer}}}}}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: object}}}}
        """

    func specFile() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-mock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("items.yaml")
        try Self.spec.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The head of a raw answer split into the status line and the header lines, and the body.
    func split(_ bytes: [UInt8]) throws -> (status: String, headers: [String], body: [UInt8]) {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        let end = try XCTUnwrap((0...max(0, bytes.count - 4)).first { Array(bytes[$0..<min($0 + 4, bytes.count)]) == separator },
                                String(decoding: bytes, as: UTF8.self))
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        return (lines[0], Array(lines.dropFirst()), Array(bytes[(end + 4)...]))
    }

    func testGzipAnswerIsPassedThroughByteForByteWithItsHeadersInOrder() throws {
        // {"id":"x"}: the spec wants an integer, so the check of the decoded copy has a finding.
        let body = StoredDeflate.gzip(Array(#"{"id":"x"}"#.utf8))
        let upstreamHeaders = ["X-First: one", "Content-Type: application/json; charset=utf-8", "Date: Tue, 01 Dec 2026 10:00:00 GMT",
                               "Content-Encoding: gzip", "Vary: Accept-Encoding", "Keep-Alive: timeout=5", "Set-Cookie: a=1",
                               "Set-Cookie: b=2", "x-lower-case: Mixed  Value", "Connection: keep-alive, X-Private",
                               "X-Private: connection only"]
        let upstream = try RawUpstream(answer: RawUpstream.answer(status: "200 Fine Thanks", headers: upstreamHeaders, body: body))
        defer { upstream.stop() }
        let proxy = try MockProcess([try specFile().path, "--quiet", "--proxy", upstream.url])
        defer { proxy.stop() }

        let connection = try RawConnection(url: proxy.url)
        defer { connection.close() }
        connection.send("GET /items?a=1 HTTP/1.1\r\nHost: client.example\r\nAccept-Encoding: gzip, deflate;q=0.5, br\r\n"
                        + "X-Trace: 1\r\nTE: trailers\r\nCookie: k=v; w=z\r\nProxy-Authorization: Basic eA==\r\nX-Zeta: z\r\n"
                        + "Connection: keep-alive, X-Hop\r\nX-Hop: hop\r\nUser-Agent: raw/1\r\n\r\n")
        let answer = connection.readResponse()
        let (status, headers, received) = try split(answer.bytes)

        // The status; the reason phrase of a standard code is SwiftNIO's own.
        XCTAssertTrue(status.hasPrefix("HTTP/1.1 200 "), status)
        XCTAssertEqual(received, body, "the gzip body byte for byte")
        // The upstream's fields in their order with their values, without those of its
        // connection (Keep-Alive, Connection and X-Private, which Connection names); then the
        // proxy's finding from the decoded copy.
        XCTAssertEqual(headers, ["X-First: one", "Content-Type: application/json; charset=utf-8", "Date: Tue, 01 Dec 2026 10:00:00 GMT",
                                 "Content-Encoding: gzip", "Vary: Accept-Encoding", "Set-Cookie: a=1", "Set-Cookie: b=2",
                                 "x-lower-case: Mixed  Value", "Content-Length: \(body.count)", "X-Crrspec-Violations: 1; response type /id"])

        // The request as the client sent it: Host the upstream's, Accept-Encoding untouched,
        // the connection's fields (TE, Connection, X-Hop it names, Proxy-*) left out.
        XCTAssertEqual(upstream.requests.count, 1)
        let requestLine = String(decoding: upstream.requests[0], as: UTF8.self).components(separatedBy: "\r\n")[0]
        XCTAssertEqual(requestLine, "GET /items?a=1 HTTP/1.1")
        XCTAssertEqual(upstream.headerLines(), ["Host: 127.0.0.1:\(upstream.port)", "Accept-Encoding: gzip, deflate;q=0.5, br", "X-Trace: 1",
                                                "Cookie: k=v; w=z", "X-Zeta: z", "User-Agent: raw/1", "Connection: close"])
    }

    func testDeflateAnswerIsCheckedDecodedAndSentAsItCame() throws {
        let body = StoredDeflate.zlib(Array(#"{"id":7}"#.utf8))
        let upstream = try RawUpstream(answer: RawUpstream.answer(headers: ["Content-Type: application/json", "Content-Encoding: deflate"], body: body))
        defer { upstream.stop() }
        let proxy = try MockProcess([try specFile().path, "--quiet", "--proxy", upstream.url])
        defer { proxy.stop() }
        let connection = try RawConnection(url: proxy.url)
        connection.send("GET /items HTTP/1.1\r\nHost: x\r\nAccept-Encoding: deflate\r\n\r\n")
        let (status, headers, received) = try split(connection.readResponse().bytes)
        XCTAssertEqual(status, "HTTP/1.1 200 OK")
        XCTAssertEqual(received, body)
        // Valid once decoded: no finding.
        XCTAssertEqual(headers.filter { !$0.hasPrefix("Date: ") },
                       ["Content-Type: application/json", "Content-Encoding: deflate", "Content-Length: \(body.count)"])
    }

    func testAnswerThatDoesNotDecodeIsPassedOnWithAFinding() throws {
        let dir = try specFile().deletingLastPathComponent()
        let log = dir.appendingPathComponent("proxy.jsonl")
        let garbage: [UInt8] = [0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        let upstream = try RawUpstream(answer: RawUpstream.answer(headers: ["Content-Type: application/json", "Content-Encoding: gzip"], body: garbage))
        defer { upstream.stop() }
        let proxy = try MockProcess([dir.appendingPathComponent("items.yaml").path, "--quiet", "--proxy", upstream.url, "--log", log.path])
        defer { proxy.stop() }
        let connection = try RawConnection(url: proxy.url)
        connection.send("GET /items HTTP/1.1\r\nHost: x\r\n\r\n")
        let (status, headers, received) = try split(connection.readResponse().bytes)
        XCTAssertEqual(status, "HTTP/1.1 200 OK")
        XCTAssertEqual(received, garbage)
        XCTAssertTrue(headers.contains("Content-Encoding: gzip"), "\(headers)")
        XCTAssertTrue(headers.contains("X-Crrspec-Violations: 1; response mock-response-encoding /header/Content-Encoding"), "\(headers)")
        proxy.stop()
        let line = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(line.contains(#""id":"mock-response-encoding""#), line)
        XCTAssertTrue(line.contains("does not decode"), line)
    }

    // MARK: SIGTERM with a request in flight

    /// Waits (at most 60 s) for the process to end on its own and returns its exit status.
    func exitStatus(_ mock: MockProcess) -> Int32? {
        for _ in 0..<1200 where mock.process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if mock.process.isRunning { return nil }
        mock.process.waitUntilExit()
        return mock.process.terminationStatus
    }

    func testSIGTERMLetsAProxiedRequestInFlightFinish() throws {
        let upstream = try RawUpstream(answer: RawUpstream.answer(headers: ["Content-Type: application/json"], body: Array(#"{"id":1}"#.utf8)),
                                       delay: 2)
        defer { upstream.stop() }
        let proxy = try MockProcess([try specFile().path, "--quiet", "--proxy", upstream.url])
        defer { proxy.stop() }
        let connection = try RawConnection(url: proxy.url)
        connection.send("GET /items HTTP/1.1\r\nHost: x\r\n\r\n")
        // Wait until the upstream has the request (the proxy is now waiting for its answer).
        for _ in 0..<600 where upstream.requests.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(upstream.requests.count, 1)
        kill(proxy.process.processIdentifier, SIGTERM)
        let answer = connection.readResponse(timeout: 60)
        XCTAssertEqual(answer.status, 200, answer.text)
        XCTAssertTrue(answer.text.hasSuffix(#"{"id":1}"#), answer.text)
        XCTAssertEqual(exitStatus(proxy), 0, proxy.stderr)
    }

    func testSIGTERMLetsASlowRequestBodyFinish() throws {
        let mock = try MockProcess([try specFile().path, "--quiet"])
        defer { mock.stop() }
        // A validated POST body of about 200 KB, sent in pieces.
        let body = Array(("{\"items\":[" + (0..<40_000).map { String($0) }.joined(separator: ",") + "]}").utf8)
        let connection = try RawConnection(url: mock.url)
        connection.send("POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
        let half = body.count / 2
        connection.send(String(decoding: body[..<half], as: UTF8.self))
        Thread.sleep(forTimeInterval: 0.3)
        kill(mock.process.processIdentifier, SIGTERM)
        // The rest arrives after the signal, in pieces.
        var offset = half
        while offset < body.count {
            Thread.sleep(forTimeInterval: 0.1)
            let end = min(offset + 20_000, body.count)
            XCTAssertTrue(connection.send(String(decoding: body[offset..<end], as: UTF8.self)), "the mock stopped reading at \(offset)")
            offset = end
        }
        let answer = connection.readResponse(timeout: 60)
        XCTAssertEqual(answer.status, 200, answer.text)
        XCTAssertTrue(answer.text.hasSuffix("{}") || answer.text.contains("\r\n\r\n{"), answer.text)
        XCTAssertEqual(exitStatus(mock), 0, mock.stderr)
    }
}
