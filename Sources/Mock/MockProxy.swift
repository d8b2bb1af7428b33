import Document
import JSONSchema
import OpenAPI
import Reporting

/// The validation proxy (`crrspec mock --proxy URL`): the engine checks a request and the
/// upstream's answer against the spec; the HTTP layer forwards the bytes unchanged.
extension MockEngine {
    /// The operation a request matches (nil for an unknown path or method) and what is wrong
    /// with the request, without answering it.
    public func inspectRequest(_ request: MockRequest) -> (operation: MockOperation?, violations: [MockViolation]) {
        switch router.match(method: request.method, path: request.path) {
        case .notFound:
            return (nil, [MockViolation(side: "request", id: MockLogID.unknownPath, pointer: "",
                                        message: "no operation of the mounted specs has the path \(request.path)")])
        case .methodNotAllowed(let methods):
            return (nil, [MockViolation(side: "request", id: MockLogID.methodNotAllowed, pointer: "",
                                        message: "\(request.method) is not an operation of \(request.path); allowed: \(methods.joined(separator: ", "))")])
        case .found(let route, let pathValues):
            let operation = operations[route.operation]
            let handler = MockOperationHandler(engine: self, operation: operation, request: request, pathValues: pathValues)
            return (operation, handler.validateParameters() + handler.validateBody())
        }
    }

    /// What is wrong with an upstream's answer to an operation: a status the operation does not
    /// declare, a Content-Type it does not list, a JSON body that does not parse or does not
    /// match the declared schema (pointer, message, line:column in the body).
    public func inspectResponse(operation: MockOperation, status: Int, headers: [(name: String, value: String)], body: [UInt8]) -> [MockViolation] {
        let code = String(status)
        guard let declared = operation.response(for: code) else {
            return [MockViolation(side: "response", id: MockLogID.undeclaredStatus, pointer: "",
                                  message: "the upstream answered \(status), which the operation does not declare (it declares \(operation.responses.map(\.status).joined(separator: ", ")))")]
        }
        if declared.content.isEmpty || body.isEmpty && status == 204 { return [] }
        let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value
        let mediaType = contentType.map { mockTrim(Substring($0.split(separator: ";").first ?? "")).lowercased() } ?? ""
        guard let media = MockMedia.pick(mediaType, from: declared.content) else {
            return [MockViolation(side: "response", id: MockLogID.responseContentType, pointer: "/header/Content-Type",
                                  message: "Content-Type \(contentType.map { "\"\($0)\"" } ?? "is missing"); the \(declared.status) response declares \(declared.content.map(\.name).joined(separator: ", "))")]
        }
        guard MockMedia.isJSON(media.name) else { return [] }
        let decoded: [UInt8]
        switch body.isEmpty ? .success(body) : MockEngine.decodeContent(body, headers: headers, limits: options.readerLimits) {
        case .success(let bytes): decoded = bytes
        case .failure(let problem):
            return [MockViolation(side: "response", id: MockLogID.responseEncoding, pointer: "/header/Content-Encoding",
                                  message: problem.message + "; the body was passed on unchanged and not checked")]
        }
        let document: Document
        do {
            document = try JSONReader.parse(decoded, name: "response body", limits: options.readerLimits)
        } catch {
            return [MockViolation(side: "response", id: MockLogID.malformedBody, pointer: "", message: "malformed JSON: \(error.message)",
                                  line: error.line, column: error.column)]
        }
        guard let schema = schema(media.schema, spec: operation.spec, direction: .response) else { return [] }
        do {
            let result = try schema.validate(document.root)
            return result.errors.filter { !$0.isBranchDetail }.map {
                MockViolation(side: "response", id: $0.ruleID, pointer: $0.instanceLocation, message: $0.message,
                              line: $0.position.line, column: $0.position.column)
            }
        } catch {
            return [MockViolation(side: "response", id: "limit", pointer: "", message: error.message)]
        }
    }

    /// Why a body cannot be decoded (``decodeContent(_:headers:limits:)``).
    public struct ContentDecodingError: Error, Sendable {
        public var message: String
    }

    /// A body as its `Content-Encoding` fields say, for checking it: the codings are undone in
    /// the reverse of the order they were applied (RFC 9110 8.4). `gzip` and `x-gzip`,
    /// `deflate` (zlib, or raw deflate as some servers send it) and `identity` are understood;
    /// another coding, or data that does not decompress, is an error saying so. The decoded
    /// body may be at most `limits.maxBytes` long.
    public static func decodeContent(_ body: [UInt8], headers: [(name: String, value: String)],
                                     limits: ReaderLimits = .default) -> Result<[UInt8], ContentDecodingError> {
        var codings: [String] = []
        for header in headers where header.name.lowercased() == "content-encoding" {
            codings += header.value.split(separator: ",").map { mockTrim($0).lowercased() }.filter { !$0.isEmpty }
        }
        var bytes = body
        for coding in codings.reversed() where coding != "identity" {
            let format: Gzip.Format
            switch coding {
            case "gzip", "x-gzip": format = .gzip
            case "deflate": format = Gzip.isZlib(bytes) ? .zlib : .rawDeflate
            default:
                return .failure(ContentDecodingError(message: "the upstream's body has Content-Encoding \(coding), which the proxy cannot decode"))
            }
            do {
                bytes = try Gzip.decompress(bytes, name: "the upstream's body", limits: limits, format: format)
            } catch {
                return .failure(ContentDecodingError(message: "the upstream's body (Content-Encoding \(coding)) does not decode: \(error.message)"))
            }
        }
        return .success(bytes)
    }

    /// The log record of a proxied exchange.
    public func proxyRecord(_ request: MockRequest, operation: MockOperation?, status: Int, violations: [MockViolation],
                            start: Double) -> MockLogRecord {
        MockLogRecord(time: MockClock.timestamp(start), method: request.method, path: request.path, operationId: operation?.operationId,
                      spec: operation.map { specs[$0.spec].file } ?? specFor(path: request.path).map { specs[$0].file }, status: status,
                      durationMilliseconds: max(0, (options.now() - start) * 1000), violations: violations)
    }

    /// The value of the `X-Crrspec-Violations` header: the count, then `side id pointer` of
    /// each (at most 20, the header at most 4,000 bytes); nil without violations.
    public static func violationsHeader(_ violations: [MockViolation]) -> String? {
        guard !violations.isEmpty else { return nil }
        var text = "\(violations.count)"
        for (i, v) in violations.enumerated() {
            if i == 20 { text += "; ..."; break }
            let item = "; \(v.side) \(v.id) \(v.pointer.isEmpty ? "(root)" : v.pointer)"
            // Header values are visible ASCII: other bytes become `?`.
            let clean = String(item.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
            if text.utf8.count + clean.utf8.count > 4000 { text += "; ..."; break }
            text += clean
        }
        return text
    }
}

extension MockEngine {
    /// The 502 answer when the upstream cannot be reached: the spec's error body with the
    /// last violation's text (SER0028, or what the spec's table has).
    public func upstreamFailure(_ request: MockRequest, operation: MockOperation?, violations: [MockViolation], start: Double) -> MockResponse {
        let spec = operation?.spec ?? specFor(path: request.path)
        let code = spec.map { specs[$0].code("SER0028", fallback: "SER0001") } ?? "SER0028"
        var response = error(502, spec: spec, code: code, violations: Array(violations.suffix(1)), request: request, operation: operation)
        response.record = proxyRecord(request, operation: operation, status: 502, violations: violations, start: start)
        return response
    }
}
