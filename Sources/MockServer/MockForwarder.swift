import Document
import HTTPTypes
import Hummingbird
import Mock
import NIOCore

/// `--proxy URL`: forwards a request to the upstream and passes its answer back unchanged,
/// after the engine checked both against the spec. The findings go to the log record and to
/// an `X-Crrspec-Violations` header.
///
/// The HTTP client is ``UpstreamClient`` (HTTP/1.1 on SwiftNIO, TLS through swift-nio-ssl):
/// redirects are not followed (a 3xx goes back to the client as it came). The upstream is
/// offered gzip; a gzip-compressed answer is checked and passed back decoded, so
/// `Content-Encoding` and `Content-Length` are not copied (the server sets the length of what
/// it sends).
final class MockForwarder: Sendable {
    /// The upstream's base: scheme, host, port and path prefix, without a trailing `/`.
    let base: String
    let client: UpstreamClient

    /// Header fields that belong to one connection, never forwarded.
    static let hopByHop: Set<String> = ["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                                        "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length"]

    /// nil when `base` is not an `http://` or `https://` URL with a host.
    init?(base: String, timeout: Double) {
        guard let url = UpstreamURL(base), let client = try? UpstreamClient(url: url, timeoutSeconds: timeout) else { return nil }
        var text = base
        while text.hasSuffix("/") { text.removeLast() }
        self.base = text
        self.client = client
    }

    func forward(_ request: MockRequest, engine: MockEngine, log: @Sendable (MockLogRecord) -> Void) async -> Response {
        let start = engine.options.now()
        let (operation, requestViolations) = engine.inspectRequest(request)
        let target = request.path + (request.query.map { "?" + $0 } ?? "")
        var forwarded: [(name: String, value: String)] = []
        for header in request.headers {
            let name = header.name.lowercased()
            if MockForwarder.hopByHop.contains(name) || name == "accept-encoding" { continue }
            forwarded.append(header)
        }
        forwarded.append((name: "Accept-Encoding", value: "gzip"))
        let answer: UpstreamAnswer
        do {
            answer = try await client.send(method: request.method, target: target, headers: forwarded, body: request.body)
        } catch {
            return failure(request, engine: engine, operation: operation, violations: requestViolations, start: start,
                           message: "the upstream \(base) did not answer: \(UpstreamError.describe(error, url: client.url))", log: log)
        }
        var headers = answer.headers
        var body = answer.body
        let encoding = headers.first { $0.name.lowercased() == "content-encoding" }?.value.lowercased()
        let gzipped = encoding == "gzip" || encoding == "x-gzip"
        if gzipped {
            do {
                body = try Gzip.decompress(body, name: "the upstream's answer", limits: engine.options.readerLimits)
            } catch {
                return failure(request, engine: engine, operation: operation, violations: requestViolations, start: start,
                               message: "the upstream \(base) sent a gzip answer that does not decompress: \(error.message)", log: log)
            }
        }
        // Stable order for the log and the client (names compared without case).
        headers = headers.enumerated().sorted {
            let (a, b) = ($0.element.name.lowercased(), $1.element.name.lowercased())
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        var violations = requestViolations
        if let operation {
            violations += engine.inspectResponse(operation: operation, status: answer.status, headers: headers, body: body)
        }
        log(engine.proxyRecord(request, operation: operation, status: answer.status, violations: violations, start: start))
        var fields = HTTPFields(mockHeaders: headers.filter {
            !MockForwarder.hopByHop.contains($0.name.lowercased()) && !(gzipped && $0.name.lowercased() == "content-encoding")
        })
        fields.appendViolations(violations)
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
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
