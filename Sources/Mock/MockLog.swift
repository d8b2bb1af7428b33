import Reporting

/// One problem the mock found in a request or in a body it was about to send.
public struct MockViolation: Sendable, Hashable {
    /// Where: `request`, `response` or `spec` (an example of the spec itself).
    public var side: String
    /// The log id (`crrspec explain ID`): a JSON Schema keyword, or one of ``MockLogID``.
    public var id: String
    /// JSON Pointer into the body, or `/query/NAME`, `/header/NAME`, `/path/NAME`.
    public var pointer: String
    public var message: String
    /// `line:column` in the request body, when the problem is in it.
    public var line: Int?
    public var column: Int?

    public init(side: String, id: String, pointer: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.side = side
        self.id = id
        self.pointer = pointer
        self.message = message
        self.line = line
        self.column = column
    }

    /// `pointer: message (line L, column C)`, the text of an `errorDescription`.
    public var text: String {
        var out = (pointer.isEmpty ? "(root)" : pointer) + ": " + message
        if let line, let column { out += " (line \(line), column \(column))" }
        return out
    }
}

/// The ids the mock writes to its log beside JSON Schema keywords; each has `crrspec explain`.
public enum MockLogID {
    /// No operation of the mounted specs has this path.
    public static let unknownPath = "mock-unknown-path"
    /// The path exists, the method does not.
    public static let methodNotAllowed = "mock-method-not-allowed"
    /// The body is longer than `--max-body`.
    public static let bodyTooLarge = "mock-body-too-large"
    /// The body is not well-formed JSON.
    public static let malformedBody = "mock-malformed-body"
    /// A required parameter (path, query, header) is missing.
    public static let missingParameter = "mock-missing-parameter"
    /// The `Content-Type` is not one the operation accepts, or a required body is missing.
    public static let unsupportedMediaType = "mock-unsupported-media-type"
    /// A required body is missing.
    public static let missingBody = "mock-missing-body"
    /// With `--client-ca`: the client presented no certificate.
    public static let clientCertificateMissing = "mock-client-certificate-missing"
    /// A spec's own example does not match its schema; the mock sent a generated body instead.
    public static let invalidSpecExample = "mock-invalid-spec-example"
    /// A `Prefer` header asked for something the operation does not have.
    public static let preferUnavailable = "mock-prefer-unavailable"

    /// With `--proxy`: the upstream answered with a status the operation does not declare.
    public static let undeclaredStatus = "mock-undeclared-status"
    /// With `--proxy`: the upstream's answer has a Content-Type its response does not list.
    public static let responseContentType = "mock-response-content-type"
    /// With `--proxy`: the upstream could not be reached or did not answer (HTTP 502).
    public static let upstreamUnavailable = "mock-upstream-unavailable"
    /// With `--proxy`: the upstream's body has a `Content-Encoding` the proxy cannot decode, so
    /// it was not checked (it is still passed on unchanged).
    public static let responseEncoding = "mock-response-encoding"
    /// With `--watch`: a changed spec file was loaded; the new version is served.
    public static let reloaded = "mock-reloaded"
    /// With `--watch`: a changed spec file cannot be used; the previous version stays.
    public static let reloadFailed = "mock-reload-failed"

    /// A `format: uuid` value that is not a UUID (the mock's format rule, ``MockFormats/uuid``).
    public static let uuidFormat = "mock-uuid"

    /// Every id, for `crrspec explain` and its tests.
    public static let all = [unknownPath, methodNotAllowed, bodyTooLarge, malformedBody, missingParameter,
                             unsupportedMediaType, missingBody, clientCertificateMissing, invalidSpecExample, preferUnavailable,
                             undeclaredStatus, responseContentType, upstreamUnavailable, responseEncoding, reloaded, reloadFailed, uuidFormat]
}

/// One line of `--log`: a request and what the mock did with it.
public struct MockLogRecord: Sendable {
    /// When the request arrived (RFC 3339, UTC, no fractional seconds).
    public var time: String
    public var method: String
    public var path: String
    public var operationId: String?
    /// The spec file the operation is in.
    public var spec: String?
    public var status: Int
    /// Milliseconds from the request's arrival to the response.
    public var durationMilliseconds: Double
    public var violations: [MockViolation]
    /// Warnings about the spec itself (an invalid example replaced by a generated body), each
    /// logged with the id `mock-invalid-spec-example`.
    public var warnings: [String]

    public init(time: String, method: String, path: String, operationId: String? = nil, spec: String? = nil, status: Int,
                durationMilliseconds: Double = 0, violations: [MockViolation] = [], warnings: [String] = []) {
        self.time = time
        self.method = method
        self.path = path
        self.operationId = operationId
        self.spec = spec
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.violations = violations
        self.warnings = warnings
    }

    /// The record as one JSON line (no newline).
    public var jsonLine: String {
        var w = JSONWriter()
        w.beginObject()
        w.field("time", time)
        w.field("method", method)
        w.field("path", path)
        w.key("operationId"); if let operationId { w.string(operationId) } else { w.null() }
        if let spec { w.field("spec", spec) }
        w.field("status", status)
        w.key("durationMs"); w.raw(MockLogRecord.format(durationMilliseconds))
        w.key("violations"); w.beginArray()
        for v in violations {
            w.beginObject()
            w.field("side", v.side)
            w.field("id", v.id)
            w.field("pointer", v.pointer)
            w.field("message", v.message)
            if let line = v.line, let column = v.column { w.field("line", line); w.field("column", column) }
            w.endObject()
        }
        w.endArray()
        if !warnings.isEmpty {
            w.key("warnings"); w.beginArray()
            for warning in warnings { w.beginObject(); w.field("id", MockLogID.invalidSpecExample); w.field("message", warning); w.endObject() }
            w.endArray()
        }
        w.endObject()
        return w.output
    }

    /// A short line for a terminal: `GET /crr/... 200 getPortfolio 1.2 ms`, then one line per violation.
    public var shortText: String { shortText(style: .plain) }

    /// The short line, coloured with `style` (on a terminal): the status green for 2xx and 3xx,
    /// yellow for 4xx, red for 5xx; violation ids cyan, warnings yellow.
    public func shortText(style: TextStyle) -> String {
        let statusText: String
        switch status {
        case ..<400: statusText = style.green(String(status))
        case 400..<500: statusText = style.yellow(String(status))
        default: statusText = style.red(String(status))
        }
        var out = "\(style.bold(method)) \(path) \(statusText)"
        if let operationId { out += " \(operationId)" }
        out += " " + style.dim(MockLogRecord.format(durationMilliseconds) + " ms")
        for v in violations { out += "\n  \(v.side) \(style.cyan(v.id)) \(v.text)" }
        for w in warnings { out += "\n  \(style.yellow("warning:")) \(w)" }
        return out
    }

    static func format(_ ms: Double) -> String {
        let scaled = (ms * 1000).rounded() / 1000
        var text = String(scaled)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
