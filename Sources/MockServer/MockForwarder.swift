import Document
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Mock
import NIOCore

/// `--proxy URL`: forwards a request to the upstream and passes its answer back unchanged,
/// after the engine checked both against the spec. The findings go to the log record and to
/// an `X-Crrspec-Violations` header.
///
/// The HTTP client is ``UpstreamClient`` (HTTP/1.1 on SwiftNIO, TLS through swift-nio-ssl):
/// redirects are not followed (a 3xx goes back to the client as it came). The request goes on
/// with the client's header fields as sent (order and values; `Host` is the upstream's, the
/// fields of the connection are left out, RFC 9110 7.6.1) and the answer comes back with the
/// upstream's status, header fields and body bytes: a compressed body stays compressed, with
/// its `Content-Encoding`. The engine checks a decoded private copy.
final class MockForwarder: Sendable {
    /// The upstream's base: scheme, host, port and path prefix, without a trailing `/`.
    let base: String
    let client: UpstreamClient

    /// Header fields that belong to one connection (RFC 9110 7.6.1, RFC 9112), never forwarded
    /// either way; `Proxy-*` fields are left out too, and those a `Connection` field names.
    static let hopByHop: Set<String> = ["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                                        "te", "trailer", "transfer-encoding", "upgrade"]

    /// A field the mock's HTTP layer uses to give the upstream's `Date` back to
    /// ``MockUpstreamDateHandler`` (the server sets its own `Date` on every answer); never sent.
    static let upstreamDateField = "X-Crrspec-Upstream-Date"

    /// nil when `base` is not an `http://` or `https://` URL with a host.
    init?(base: String, timeout: Double) {
        guard let url = UpstreamURL(base), let client = try? UpstreamClient(url: url, timeoutSeconds: timeout) else { return nil }
        var text = base
        while text.hasSuffix("/") { text.removeLast() }
        self.base = text
        self.client = client
    }

    /// Whether a field is one of the connection's: hop-by-hop, `Proxy-*`, or named by `Connection`.
    static func isHopByHop(_ name: String, nominated: Set<String>) -> Bool {
        let lower = name.lowercased()
        return hopByHop.contains(lower) || lower.hasPrefix("proxy-") || nominated.contains(lower)
    }

    /// The field names a message's `Connection` fields list (they are hop-by-hop for it).
    static func nominated(_ headers: [(name: String, value: String)]) -> Set<String> {
        var names: Set<String> = []
        for header in headers where header.name.lowercased() == "connection" {
            for token in header.value.split(separator: ",") {
                names.insert(mockTrim(token).lowercased())
            }
        }
        return names
    }

    /// The request's header fields for the upstream: `Host` (the upstream's) first, then the
    /// client's fields in their order with their values, without those of the connection.
    /// `Content-Length` is the length of the collected body; cookies the HTTP layer split into
    /// several fields go as the one field the client sent.
    static func requestHeaders(_ headers: [(name: String, value: String)], host: String, bodyLength: Int) -> [(name: String, value: String)] {
        let nominated = nominated(headers)
        var out: [(name: String, value: String)] = [(name: "Host", value: host)]
        var cookieSent = false
        for header in headers {
            let name = header.name.lowercased()
            if name == "host" || isHopByHop(name, nominated: nominated) { continue }
            switch name {
            case "content-length":
                out.append((name: header.name, value: String(bodyLength)))
            case "cookie":
                if cookieSent { continue }
                cookieSent = true
                let all = headers.filter { $0.name.lowercased() == "cookie" }.map(\.value)
                out.append((name: header.name, value: all.joined(separator: "; ")))
            default:
                out.append(header)
            }
        }
        return out
    }

    /// The upstream's header fields for the client: the same order and values, without those of
    /// the connection (and without a `Content-Length` that is not the body's, which the
    /// server then sets; a HEAD or 304 answer keeps the length of what it describes).
    static func answerHeaders(_ headers: [(name: String, value: String)], bodyLength: Int) -> [(name: String, value: String)] {
        let nominated = nominated(headers)
        return headers.filter { header in
            let name = header.name.lowercased()
            if isHopByHop(name, nominated: nominated) || name == upstreamDateField.lowercased() { return false }
            if name == "content-length" { return bodyLength == 0 || mockTrim(Substring(header.value)) == String(bodyLength) }
            return true
        }
    }

    func forward(_ request: MockRequest, engine: MockEngine, log: @Sendable (MockLogRecord) -> Void) async -> Response {
        let start = engine.options.now()
        let (operation, requestViolations) = engine.inspectRequest(request)
        let target = request.path + (request.query.map { "?" + $0 } ?? "")
        let forwarded = MockForwarder.requestHeaders(request.headers, host: client.url.hostHeader, bodyLength: request.body.count)
        let answer: UpstreamAnswer
        do {
            answer = try await client.send(method: request.method, target: target, headers: forwarded, body: request.body)
        } catch {
            return failure(request, engine: engine, operation: operation, violations: requestViolations, start: start,
                           message: "the upstream \(base) did not answer: \(UpstreamError.describe(error, url: client.url))", log: log)
        }
        // The engine decodes a compressed body for itself; the client gets the bytes as they came.
        var violations = requestViolations
        if let operation {
            violations += engine.inspectResponse(operation: operation, status: answer.status, headers: answer.headers, body: answer.body)
        }
        log(engine.proxyRecord(request, operation: operation, status: answer.status, violations: violations, start: start))
        let headers = MockForwarder.answerHeaders(answer.headers, bodyLength: answer.body.count)
        var fields = HTTPFields(mockHeaders: headers)
        fields.appendViolations(violations)
        // The server replaces `Date` with its own; the handler puts the upstream's back.
        if let date = headers.first(where: { $0.name.lowercased() == "date" }), let name = HTTPField.Name(MockForwarder.upstreamDateField) {
            fields.append(HTTPField(name: name, value: date.value))
        }
        return Response(status: HTTPResponse.Status(code: answer.status, reasonPhrase: answer.reason), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
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

/// Puts the upstream's `Date` back on a proxied answer: Hummingbird sets the server's own
/// `Date` on every response (in place of the one there), and ``MockForwarder`` hands the
/// upstream's value down in ``MockForwarder/upstreamDateField``. Only in the pipeline with
/// `--proxy`.
final class MockUpstreamDateHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPConnectionStateHandler.OutboundIn
    typealias OutboundOut = HTTPConnectionStateHandler.OutboundOut
    static let marker = HTTPField.Name(MockForwarder.upstreamDateField)!

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), let date = head.headerFields[MockUpstreamDateHandler.marker] else {
            context.write(data, promise: promise)
            return
        }
        head.headerFields[MockUpstreamDateHandler.marker] = nil
        if let index = head.headerFields.firstIndex(where: { $0.name == .date }) {
            head.headerFields[index] = HTTPField(name: .date, value: date)
        } else {
            head.headerFields.append(HTTPField(name: .date, value: date))
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
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
