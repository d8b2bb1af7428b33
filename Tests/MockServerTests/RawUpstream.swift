import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An upstream for `--proxy` tests that answers every request with fixed bytes (status line,
/// header fields in a chosen order, a body compressed or not), after an optional delay, and
/// keeps the raw bytes of each request it got: what no second `crrspec mock` would send.
final class RawUpstream: @unchecked Sendable {
    let fd: Int32
    let port: UInt16
    let answer: [UInt8]
    let delay: TimeInterval
    private let lock = NSLock()
    private var received: [[UInt8]] = []
    private var thread: Thread?
    private var stopped = false

    var url: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, raw.
    var requests: [[UInt8]] { lock.withLock { received } }

    /// The header lines of the `index`th request (without the request line).
    func headerLines(_ index: Int = 0) -> [String] {
        let text = String(decoding: requests[index], as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return [] }
        return text[..<end.lowerBound].components(separatedBy: "\r\n").dropFirst().map { String($0) }
    }

    init(answer: [UInt8], delay: TimeInterval = 0) throws {
        self.answer = answer
        self.delay = delay
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            Glibc.close(fd)
            throw MockStartError(status: errno, stdout: "", stderr: "the raw upstream cannot listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [unowned self] in self.serve() }
        self.thread = thread
        thread.start()
    }

    /// The answer: a status line, the fields in order, `Content-Length` of the body last.
    static func answer(status: String = "200 OK", headers: [String], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\n"
        for line in headers { head += line + "\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    private func serve() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            if lock.withLock({ stopped }) { Glibc.close(client); return }
            let bytes = RawUpstream.readRequest(client)
            lock.withLock { received.append(bytes) }
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            var offset = 0
            while offset < answer.count {
                let n = answer.withUnsafeBytes { Glibc.send(client, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break }
                offset += n
            }
            Glibc.close(client)
        }
    }

    /// Reads a request's head and its `Content-Length` body (at most 30 s).
    static func readRequest(_ client: Int32) -> [UInt8] {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !RawConnection.isComplete(bytes) {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }

    deinit { if !lock.withLock({ stopped }) { stop() } }
}
