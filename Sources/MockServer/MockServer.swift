import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import Mock
import NIOCore
import NIOPosix
import NIOSSL

/// How the mock's HTTP server listens.
public struct MockServerOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (the bound URL is reported through `onRunning`).
    public var port = 4010
    /// PEM files: the server certificate (chain) and its private key; both or neither.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// PEM file of the CA that client certificates must chain to (mutual TLS).
    public var clientCA: String?
    /// A connection with no traffic for this long is closed (a body that never ends).
    public var idleTimeoutSeconds: Int64 = 30
    /// `--proxy`: the upstream's base URL (`http://host:port`, with a path prefix or not);
    /// requests go there instead of being answered by the mock.
    public var proxy: String?
    /// Seconds the proxy waits for the upstream's answer.
    public var proxyTimeoutSeconds: Double = 30
    public init() {}
}

/// A problem with the server's settings (certificate files, the address).
public struct MockServerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The HTTP layer of `crrspec mock`: Hummingbird 2 (SwiftNIO) serving HTTP/1.1, or HTTPS
/// through swift-nio-ssl. It collects each request's body (up to `--max-body`), hands the
/// request to ``MockEngine`` and writes its answer; all logic is in the engine.
///
/// Mutual TLS: with a client CA the TLS layer asks for a client certificate and refuses the
/// handshake when a presented certificate does not verify against the CA. A client that
/// presents none completes the handshake and every request gets HTTP 403 with `SEC0001` (the
/// code of the spec's own table), so clients see a CRR error rather than a TLS alert.
public enum MockServer {
    /// Makes SwiftNIO's event-loop threads (one per core) run Swift concurrency's tasks too, so
    /// a request is read, validated and answered on one thread instead of hopping between the
    /// event loop and the cooperative pool for every read and write. Call it once, before the
    /// process starts any task (the mock command does, before ``run(engines:options:onRunning:log:)``).
    /// Returns false when the runtime did not accept it (the server then works as before).
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool { installedOnEventLoops }

    /// Tried once, on first use (a static's initialiser runs exactly once, whatever the thread).
    private static let installedOnEventLoops = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

    /// Serves until SIGINT or SIGTERM; in-flight requests finish first. Each request is answered
    /// by the engine in `engines` (which `--watch` swaps when a spec file changes). `onRunning`
    /// gets the bound URL once the socket listens; `log` gets each response's record.
    public static func run(engines: MockEngineBox, options: MockServerOptions,
                           onRunning: @escaping @Sendable (String) -> Void,
                           log: @escaping @Sendable (MockLogRecord) -> Void) async throws {
        var forwarder: MockForwarder?
        if let proxy = options.proxy {
            guard let upstream = MockForwarder(base: proxy, timeout: options.proxyTimeoutSeconds) else {
                throw MockServerError("--proxy \(proxy): not an http:// or https:// URL")
            }
            forwarder = upstream
        }
        let responder = MockHTTPResponder(engines: engines, requireClientCertificate: options.clientCA != nil, forwarder: forwarder, log: log)
        let linger = TimeAmount.seconds(min(options.idleTimeoutSeconds, 2))
        let proxying = forwarder != nil
        var http = HTTP1Channel.Configuration(additionalChannelHandlers: proxying
                                                ? [MockCloseAfterOutputHandler(linger: linger), MockUpstreamDateHandler()]
                                                : [MockCloseAfterOutputHandler(linger: linger)],
                                              idleTimeout: .seconds(options.idleTimeoutSeconds))
        http.httpDecoder = .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 200)
        let server: HTTPServerBuilder
        let scheme: String
        if let tls = try tlsConfiguration(options) {
            server = try .tls(.http1(configuration: http), tlsConfiguration: tls)
            scheme = "https"
        } else {
            server = .http1(configuration: http)
            scheme = "http"
        }
        var logger = Logger(label: "crrspec-mock")
        logger.logLevel = .critical
        let host = options.host
        let app = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onRunning("\(scheme)://\(shownHost):\(port)")
            },
            logger: logger
        )
        try await app.runService()
    }

    /// Whether `text` is an upstream `--proxy` accepts: `http://` or `https://`, a host, an
    /// optional port and path prefix (no user info, query or fragment).
    public static func isProxyURL(_ text: String) -> Bool { UpstreamURL(text) != nil }

    /// The TLS settings, or nil for plain HTTP.
    static func tlsConfiguration(_ options: MockServerOptions) throws -> TLSConfiguration? {
        switch (options.tlsCertificate, options.tlsKey) {
        case (nil, nil):
            if options.clientCA != nil { throw MockServerError("--client-ca needs --tls-cert and --tls-key (mutual TLS is part of HTTPS)") }
            return nil
        case (nil, _): throw MockServerError("--tls-key needs --tls-cert")
        case (_, nil): throw MockServerError("--tls-cert needs --tls-key")
        case (let cert?, let key?):
            let chain: [NIOSSLCertificate]
            let privateKey: NIOSSLPrivateKey
            do { chain = try NIOSSLCertificate.fromPEMFile(cert) } catch {
                throw MockServerError("--tls-cert \(cert): not a readable PEM certificate (\(error))")
            }
            guard !chain.isEmpty else { throw MockServerError("--tls-cert \(cert): no certificate in the file") }
            do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
                throw MockServerError("--tls-key \(key): not a readable PEM private key (\(error))")
            }
            var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                        privateKey: .privateKey(privateKey))
            if let ca = options.clientCA {
                let roots: [NIOSSLCertificate]
                do { roots = try NIOSSLCertificate.fromPEMFile(ca) } catch {
                    throw MockServerError("--client-ca \(ca): not a readable PEM certificate (\(error))")
                }
                guard !roots.isEmpty else { throw MockServerError("--client-ca \(ca): no certificate in the file") }
                configuration.trustRoots = .certificates(roots)
                // Presented certificates must verify; a client without one gets 403 SEC0001.
                configuration.certificateVerification = .optionalVerification
            }
            return configuration
        }
    }
}

/// The request context: Hummingbird's core storage and the channel (for the TLS peer).
struct MockRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

/// Collects the body, asks the engine, writes its answer.
struct MockHTTPResponder: HTTPResponder {
    typealias Context = MockRequestContext
    let engines: MockEngineBox
    let requireClientCertificate: Bool
    let forwarder: MockForwarder?
    let log: @Sendable (MockLogRecord) -> Void

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        let engine = engines.current
        var request = request
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(request.headers.count)
        for field in request.headers { headers.append((field.name.rawName, field.value)) }
        var verified: Bool?
        if requireClientCertificate {
            let certificate = try? await context.channel.nioSSL_peerCertificate().get()
            verified = certificate != nil
        }
        let path = request.uri.path
        let query = request.uri.query
        let method = request.method.rawValue
        let maxBody = engine.options.maxBody
        var mockRequest = MockRequest(method: method, path: path, query: query, headers: headers, clientCertificateVerified: verified)
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        let answer: MockResponse
        if let declared, declared > maxBody {
            answer = engine.tooLarge(mockRequest, length: declared)
        } else {
            do {
                let buffer = try await request.collectBody(upTo: maxBody)
                mockRequest.body = Array(buffer.readableBytesView)
                if let forwarder {
                    return await forwarder.forward(mockRequest, engine: engine, log: log)
                }
                answer = engine.handle(mockRequest)
            } catch is NIOTooManyBytesError {
                answer = engine.tooLarge(mockRequest, length: nil)
            }
        }
        log(answer.record)
        var fields = HTTPFields(mockHeaders: answer.headers)
        if answer.status == 413 {
            fields[.connection] = "close"
            // Hummingbird reads the rest of an unread body before the next request, and a body
            // that never ends would be read for ever: close the connection once the answer is out.
            let channel = context.channel
            let bytes = ByteBuffer(bytes: answer.body)
            return Response(status: .contentTooLarge, headers: fields, body: ResponseBody(contentLength: bytes.readableBytes) { writer in
                try await writer.write(bytes)
                try await writer.finish(nil)
                channel.close(promise: nil)
            })
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// Closes a connection a moment after Hummingbird finished its output. Hummingbird answers a
/// request it cannot parse with 400 and `Connection: close`, then only half-closes (it stops
/// writing and waits for the client to hang up), so a client that never hangs up held the
/// connection until the idle timeout. The whole connection now closes after `linger` (at most
/// 2 s, never later than the idle timeout): long enough for the client to read the answer
/// before the socket goes away. A connection whose output is finished has no request left
/// to serve, so the same holds after `Connection: close` requests.
final class MockCloseAfterOutputHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = NIOAny
    let linger: TimeAmount

    init(linger: TimeAmount) { self.linger = linger }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        context.close(mode: mode, promise: promise)
        guard mode == .output else { return }
        let channel = context.channel
        context.eventLoop.scheduleTask(in: linger) { channel.close(promise: nil) }
    }
}
