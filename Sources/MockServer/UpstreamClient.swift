import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The upstream of `--proxy`: `http://` or `https://`, a host (name, IPv4, or IPv6 in
/// brackets), an optional port and an optional path prefix. No user info, query or fragment.
struct UpstreamURL: Sendable, Equatable {
    var tls: Bool
    /// The host as written, without brackets.
    var host: String
    var port: Int
    /// The path prefix without a trailing `/` (empty for none).
    var prefix: String

    init?(_ text: String) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("http://") {
            tls = false
            rest = text.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            tls = true
            rest = text.dropFirst(8)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = rest[authorityEnd...]
        guard !path.contains("?"), !path.contains("#"), !authority.contains("@") else { return nil }
        while path.hasSuffix("/") { path.removeLast() }
        prefix = String(path)
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
            guard host.contains(":") else { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        guard !host.isEmpty, host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit),
                  let number = Int(portText), (1...65535).contains(number) else { return nil }
            port = number
        } else {
            port = tls ? 443 : 80
        }
    }

    /// The `Host` header: the host, with the port when it is not the scheme's default.
    var hostHeader: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return port == (tls ? 443 : 80) ? shown : "\(shown):\(port)"
    }

    /// The name sent for TLS's server name indication: nil for an IP address (SNI carries names only).
    var serverName: String? {
        if host.contains(":") { return nil }
        if host.split(separator: ".", omittingEmptySubsequences: false).count == 4,
           host.allSatisfy({ $0 == "." || $0.isASCIIDigit }) { return nil }
        return host
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// An upstream's complete answer.
struct UpstreamAnswer: Sendable {
    var status: Int
    /// The reason phrase of the status line, as sent.
    var reason: String
    /// Header fields in the order received.
    var headers: [(name: String, value: String)]
    var body: [UInt8]
}

/// Why an exchange with the upstream failed.
struct UpstreamError: Error, CustomStringConvertible {
    var description: String

    /// A short text for what went wrong with the upstream.
    static func describe(_ error: any Error, url: UpstreamURL) -> String {
        switch error {
        case let error as UpstreamError: return error.description
        case let error as NIOConnectionError:
            let cause = error.connectionErrors.first.map { "\($0.error)" } ?? error.dnsAError.map { "\($0)" } ?? "\(error)"
            return "cannot connect to \(url.hostHeader): \(cause)"
        case ChannelError.connectTimeout(let time):
            return "no connection to \(url.hostHeader) within \(Double(time.nanoseconds) / 1_000_000_000) s"
        case let error as NIOSSLError: return "TLS: \(error)"
        default: return "\(error)"
        }
    }
}

/// A small HTTP/1.1 client on SwiftNIO (the event loops the mock server runs on) for the
/// proxy: one connection per request (`Connection: close`), TLS through swift-nio-ssl with the
/// system's trust roots and host name verification, redirects not followed, the whole answer
/// collected in memory. The connection, the request and the answer together must finish within
/// `timeout`.
final class UpstreamClient: Sendable {
    let url: UpstreamURL
    let timeout: TimeAmount
    let tlsContext: NIOSSLContext?

    init(url: UpstreamURL, timeoutSeconds: Double) throws {
        self.url = url
        self.timeout = .nanoseconds(Int64(max(0.001, min(timeoutSeconds, 86_400)) * 1_000_000_000))
        tlsContext = url.tls ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
    }

    /// Sends a request for `target` (the path with its query, the prefix not yet in front) with
    /// `headers` in their order (a `Host` and a `Content-Length` are added when they are not
    /// there, and `Connection: close`) and waits for the whole answer.
    func send(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8]) async throws -> UpstreamAnswer {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: url.prefix + target)
        for header in headers { head.headers.add(name: header.name, value: header.value) }
        if !head.headers.contains(name: "Host") { head.headers.add(name: "Host", value: url.hostHeader) }
        if !head.headers.contains(name: "Content-Length"),
           !body.isEmpty || !["GET", "HEAD", "DELETE", "OPTIONS", "TRACE"].contains(method) {
            head.headers.add(name: "Content-Length", value: String(body.count))
        }
        head.headers.add(name: "Connection", value: "close")
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = eventLoop.makePromise(of: UpstreamAnswer.self)
        let tlsContext = tlsContext
        let serverName = url.serverName
        let timeout = timeout
        let requestHead = head
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                do {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(UpstreamExchangeHandler(head: requestHead, body: body, promise: promise))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        let seconds = Double(timeout.nanoseconds) / 1_000_000_000
        let deadline = eventLoop.scheduleTask(in: timeout) {
            promise.fail(UpstreamError(description: "no answer within \(seconds) s"))
        }
        bootstrap.connect(host: url.host, port: url.port).whenComplete { result in
            switch result {
            case .success(let channel):
                // Whichever way the exchange ends, the connection goes.
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
            case .failure(let error):
                promise.fail(error)
            }
        }
        promise.futureResult.whenComplete { _ in deadline.cancel() }
        return try await promise.futureResult.get()
    }
}

/// Writes the request once the connection is up and collects the answer.
final class UpstreamExchangeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    let head: HTTPRequestHead
    let body: [UInt8]
    let promise: EventLoopPromise<UpstreamAnswer>
    private var answerHead: HTTPResponseHead?
    private var answerBody: [UInt8] = []

    init(head: HTTPRequestHead, body: [UInt8], promise: EventLoopPromise<UpstreamAnswer>) {
        self.head = head
        self.body = body
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            // 1xx answers (100 Continue) come before the real one.
            if head.status.code >= 200 || head.status.code == 101 {
                answerHead = head
                answerBody = []
            }
        case .body(let buffer):
            if answerHead != nil { answerBody.append(contentsOf: buffer.readableBytesView) }
        case .end:
            guard let head = answerHead else { return }
            promise.succeed(UpstreamAnswer(status: Int(head.status.code), reason: head.status.reasonPhrase,
                                           headers: head.headers.map { (name: $0.name, value: $0.value) }, body: answerBody))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(UpstreamError(description: "the connection closed before the answer was complete"))
        context.fireChannelInactive()
    }
}
