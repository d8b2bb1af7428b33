import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import Mock
import NIOCore

/// `--proxy URL`: forwards a request to the upstream and passes its answer back unchanged,
/// after the engine checked both against the spec. The findings go to the log record and to
/// an `X-Crrspec-Violations` header.
///
/// The HTTP client is Foundation's URLSession: redirects are not followed (a 3xx goes back to
/// the client as it came), and a compressed answer arrives decoded, so `Content-Encoding` and
/// `Content-Length` are not copied (the server sets the length of what it sends).
final class MockForwarder: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    /// The upstream's base: scheme, host, port and path prefix, without a trailing `/`.
    let base: String
    let timeout: Double
    private var session: URLSession!

    /// Header fields that belong to one connection, never forwarded.
    static let hopByHop: Set<String> = ["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                                        "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length"]

    init?(base: String, timeout: Double) {
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { return nil }
        var text = base
        while text.hasSuffix("/") { text.removeLast() }
        self.base = text
        self.timeout = timeout
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Redirects go back to the client unchanged.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func forward(_ request: MockRequest, engine: MockEngine, log: @Sendable (MockLogRecord) -> Void) async -> Response {
        let start = engine.options.now()
        let (operation, requestViolations) = engine.inspectRequest(request)
        let target = base + request.path + (request.query.map { "?" + $0 } ?? "")
        guard let url = URL(string: target) else {
            return failure(request, engine: engine, operation: operation, violations: requestViolations, start: start,
                           message: "the upstream URL \(target) cannot be formed", log: log)
        }
        var upstream = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        upstream.httpMethod = request.method
        for header in request.headers where !MockForwarder.hopByHop.contains(header.name.lowercased()) {
            upstream.addValue(header.value, forHTTPHeaderField: header.name)
        }
        if !request.body.isEmpty { upstream.httpBody = Data(request.body) }
        let data: Data
        let answer: HTTPURLResponse
        do {
            let (bytes, response) = try await session.data(for: upstream)
            guard let http = response as? HTTPURLResponse else {
                return failure(request, engine: engine, operation: operation, violations: requestViolations, start: start,
                               message: "the upstream \(base) sent no HTTP answer", log: log)
            }
            data = bytes
            answer = http
        } catch {
            return failure(request, engine: engine, operation: operation, violations: requestViolations, start: start,
                           message: "the upstream \(base) did not answer: \(error.localizedDescription)", log: log)
        }
        var headers: [(name: String, value: String)] = []
        for (key, value) in answer.allHeaderFields {
            guard let name = key as? String, let value = value as? String else { continue }
            headers.append((name, value))
        }
        headers.sort { $0.name.lowercased() < $1.name.lowercased() }
        let body = Array(data)
        var violations = requestViolations
        if let operation {
            violations += engine.inspectResponse(operation: operation, status: answer.statusCode, headers: headers, body: body)
        }
        log(engine.proxyRecord(request, operation: operation, status: answer.statusCode, violations: violations, start: start))
        var fields = HTTPFields(mockHeaders: headers.filter {
            !MockForwarder.hopByHop.contains($0.name.lowercased()) && $0.name.lowercased() != "content-encoding"
        })
        fields.appendViolations(violations)
        return Response(status: HTTPResponse.Status(code: answer.statusCode), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// 502 with the spec's error body when the upstream cannot be reached.
    func failure(_ request: MockRequest, engine: MockEngine, operation: MockOperation?, violations: [MockViolation], start: Double,
                 message: String, log: @Sendable (MockLogRecord) -> Void) -> Response {
        let all = violations + [MockViolation(side: "response", id: MockLogID.upstreamUnavailable, pointer: "", message: message)]
        let answer = engine.upstreamFailure(request, operation: operation, violations: all, start: start)
        log(answer.record)
        var fields = HTTPFields(mockHeaders: answer.headers)
        fields.appendViolations(all)
        return Response(status: .badGateway, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

extension HTTPFields {
    /// The engine's `(name, value)` header pairs as HTTP fields (a name HTTP does not allow is
    /// left out).
    init(mockHeaders: [(name: String, value: String)]) {
        self.init()
        for header in mockHeaders {
            if let name = HTTPField.Name(header.name) { append(HTTPField(name: name, value: header.value)) }
        }
    }

    /// `X-Crrspec-Violations` with the summary of `violations` (nothing without any).
    mutating func appendViolations(_ violations: [MockViolation]) {
        if let summary = MockEngine.violationsHeader(violations), let name = HTTPField.Name("X-Crrspec-Violations") {
            append(HTTPField(name: name, value: summary))
        }
    }
}
