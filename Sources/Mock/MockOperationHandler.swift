import CRR
import Document
import JSONSchema
import OpenAPI
import Reporting

/// Validates one request against its operation and picks the response.
struct MockOperationHandler {
    let engine: MockEngine
    let operation: MockOperation
    let request: MockRequest
    let pathValues: [String: String]

    var spec: MockSpec { engine.specs[operation.spec] }

    func run() -> MockResponse {
        let parameterViolations = validateParameters()
        let bodyViolations = validateBody()
        let violations = parameterViolations + bodyViolations
        if !violations.isEmpty {
            // SER0030 for data that fails its schema in the body; SER0017 for the request itself.
            let dataErrors = bodyViolations.contains { $0.id != MockLogID.malformedBody && $0.id != MockLogID.missingBody
                && $0.id != MockLogID.unsupportedMediaType }
            let code = dataErrors ? spec.code("SER0030") : spec.code("SER0017")
            let status = violations.count == 1 && violations[0].id == MockLogID.unsupportedMediaType ? 415 : 400
            return engine.error(status, spec: operation.spec, code: code, violations: violations, request: request, operation: operation)
        }
        return MockResponder(engine: engine, operation: operation, request: request).respond()
    }

    // MARK: Parameters

    func validateParameters() -> [MockViolation] {
        var out: [MockViolation] = []
        let queryPairs = MockQuery.pairs(request.query)
        for parameter in operation.parameters {
            let pointer = "/\(parameter.location)/\(parameter.name)"
            let raw: [String]
            switch parameter.location {
            case "path": raw = pathValues[parameter.name].map { [$0] } ?? []
            case "query": raw = queryPairs.filter { $0.name == parameter.name }.map(\.value)
            case "header": raw = request.headerValues(parameter.name)
            case "cookie": raw = MockQuery.cookies(request.headerValues("Cookie")).filter { $0.name == parameter.name }.map(\.value)
            default: continue
            }
            if raw.isEmpty {
                if parameter.required {
                    out.append(MockViolation(side: "request", id: MockLogID.missingParameter, pointer: pointer,
                                             message: "the required \(parameter.location) parameter \(parameter.name) is missing"))
                }
                continue
            }
            guard let schemaValue = parameter.schema, let schema = engine.schema(schemaValue, spec: operation.spec, direction: .request) else { continue }
            let resolved = (try? spec.spec.resolve(schemaValue)) ?? schemaValue
            let json = MockParameterCoder.json(raw, schema: resolved, style: parameter.style, explode: parameter.explode, spec: spec.spec)
            guard let document = try? JSONReader.parse(string: json, name: pointer) else { continue }
            // The fast mode first: most requests are valid, and only an invalid value needs
            // the collecting mode's messages (an exceeded limit is left to the collecting mode).
            if (try? schema.isValid(document.root)) == true { continue }
            guard let result = try? schema.validate(document.root) else { continue }
            for error in result.errors where !error.isBranchDetail {
                let at = error.instanceLocation.isEmpty ? "" : error.instanceLocation
                out.append(MockViolation(side: "request", id: error.ruleID, pointer: pointer + at,
                                         message: "\(parameter.location) parameter \(parameter.name) \(MockParameterCoder.show(raw)): \(error.message)"))
            }
        }
        return out
    }

    // MARK: Body

    func validateBody() -> [MockViolation] {
        if operation.requestContent.isEmpty { return [] }
        let contentType = request.header("Content-Type")
        if request.body.isEmpty {
            if operation.requestBodyRequired {
                return [MockViolation(side: "request", id: MockLogID.missingBody, pointer: "",
                                      message: CRRBusinessRule.message("the request body is required (\(operation.requestContent.map(\.name).joined(separator: ", ")))",
                                                                       rule: operation.requestBodyRule))]
            }
            return []
        }
        let mediaType = contentType.map { mockTrim(Substring($0.split(separator: ";").first ?? "")).lowercased() } ?? ""
        guard let media = MockMedia.pick(mediaType, from: operation.requestContent) else {
            return [MockViolation(side: "request", id: MockLogID.unsupportedMediaType, pointer: "/header/Content-Type",
                                  message: "Content-Type \(contentType.map { "\"\($0)\"" } ?? "is missing"); the operation accepts \(operation.requestContent.map(\.name).joined(separator: ", "))")]
        }
        guard MockMedia.isJSON(media.name) else { return [] }
        let document: Document
        do {
            document = try JSONReader.parse(request.body, name: "request body", limits: engine.options.readerLimits)
        } catch {
            return [MockViolation(side: "request", id: MockLogID.malformedBody, pointer: "", message: "malformed JSON: \(error.message)",
                                  line: error.line, column: error.column)]
        }
        guard let schema = engine.schema(media.schema, spec: operation.spec, direction: .request) else { return [] }
        // A valid body (the usual case) is recognised by the fast mode, which stops at the first
        // failure and records nothing; only an invalid one is walked again to collect every
        // error with its position. A limit hit in the fast mode is reported by the second walk.
        if (try? schema.isValid(document.root)) == true { return [] }
        let result: ValidationResult
        do {
            result = try schema.validate(document.root)
        } catch {
            return [MockViolation(side: "request", id: "limit", pointer: "", message: error.message)]
        }
        return result.errors.filter { !$0.isBranchDetail }.map {
            MockViolation(side: "request", id: $0.ruleID, pointer: $0.instanceLocation, message: $0.message,
                          line: $0.position.line, column: $0.position.column)
        }
    }
}

/// Media-type matching.
enum MockMedia {
    static func isJSON(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "application/json" || lower.hasSuffix("+json") || lower == "*/*"
    }

    /// The operation's media type for a request `Content-Type` (exact, then `type/*`, then `*/*`).
    /// A request without `Content-Type` matches only when the operation has one JSON type.
    static func pick(_ mediaType: String, from content: [MockOperation.Media]) -> MockOperation.Media? {
        if mediaType.isEmpty { return nil }
        if let exact = content.first(where: { $0.name.lowercased() == mediaType }) { return exact }
        let major = mediaType.split(separator: "/").first.map { String($0) + "/*" } ?? ""
        return content.first { $0.name.lowercased() == major } ?? content.first { $0.name == "*/*" }
    }
}

/// Query strings and cookies.
enum MockQuery {
    /// `a=1&b=2` → pairs, decoded (`+` is a space); undecodable pairs are kept raw.
    static func pairs(_ query: String?) -> [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return mockSplit(query[...], on: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = mockSplit(pair, on: UInt8(ascii: "="), maxSplits: 1)
            let name = mockPercentDecode(parts[0], plusIsSpace: true) ?? String(parts[0])
            let value = parts.count > 1 ? (mockPercentDecode(parts[1], plusIsSpace: true) ?? String(parts[1])) : ""
            return (name, value)
        }
    }

    static func cookies(_ headers: [String]) -> [(name: String, value: String)] {
        headers.flatMap { $0.split(separator: ";") }.compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (mockTrim(parts[0]), mockTrim(parts[1]))
        }
    }
}

/// Turns parameter text into the JSON value its schema describes (OpenAPI 3.0 styles).
enum MockParameterCoder {
    /// The values as the message shows them: quoted, each cut at 200 characters, at most 20.
    static func show(_ raw: [String]) -> String {
        func one(_ value: String) -> String {
            value.count <= 200 ? JSONWriter.quote(value) : JSONWriter.quote(String(value.prefix(200))) + "… (\(value.utf8.count) bytes)"
        }
        if raw.count == 1 { return one(raw[0]) }
        return "[" + raw.prefix(20).map(one).joined(separator: ", ") + (raw.count > 20 ? ", … (\(raw.count) values)" : "") + "]"
    }

    /// The JSON text for the values of one parameter under its style.
    static func json(_ raw: [String], schema: Value, style: String, explode: Bool, spec: OpenAPISpec) -> String {
        let type = schema["type"]?.string
        if type == "array" {
            let items = schema["items"].flatMap { try? spec.resolve($0) }
            var values: [String]
            if explode && (style == "form") {
                values = raw
            } else {
                let separator: Character = switch style {
                case "pipeDelimited": "|"
                case "spaceDelimited": " "
                default: ","
                }
                values = raw.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
            }
            return "[" + values.map { scalar($0, type: items?["type"]?.string) }.joined(separator: ",") + "]"
        }
        return scalar(raw.last ?? "", type: type)
    }

    /// A scalar as JSON: numbers and booleans unquoted when they read as such, else a string
    /// (which the schema's `type` then rejects with its own message).
    static func scalar(_ text: String, type: String?) -> String {
        switch type {
        case "integer", "number":
            if isJSONNumber(text) { return text }
        case "boolean":
            if text == "true" || text == "false" { return text }
        default:
            break
        }
        return JSONWriter.quote(text)
    }

    static func isJSONNumber(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 100 else { return false }
        guard let document = try? JSONReader.parse(string: text) else { return false }
        return document.root.kind == .number
    }
}
