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
        let cookiePairs = operation.parameters.contains { $0.location == "cookie" } ? MockQuery.cookies(request.headerValues("Cookie")) : []
        for parameter in operation.parameters {
            let pointer = "/\(parameter.location)/\(parameter.name)"
            let resolved = parameter.schema.map { (try? spec.spec.resolve($0)) ?? $0 }
            let shape = MockParameterCoder.Shape(resolved)
            let input: MockParameterCoder.Input
            switch parameter.location {
            case "path": input = .values(pathValues[parameter.name].map { [$0] } ?? [])
            case "query", "cookie":
                let pairs = parameter.location == "query" ? queryPairs : cookiePairs
                let others = Set(operation.parameters.filter { $0.location == parameter.location && $0.name != parameter.name }.map(\.name))
                input = MockParameterCoder.input(pairs, name: parameter.name, shape: shape, style: parameter.style, explode: parameter.explode,
                                                 schema: resolved, otherNames: others)
            case "header": input = .values(request.headerValues(parameter.name))
            default: continue
            }
            if input.isEmpty {
                if parameter.required {
                    out.append(MockViolation(side: "request", id: MockLogID.missingParameter, pointer: pointer,
                                             message: "the required \(parameter.location) parameter \(parameter.name) is missing"))
                }
                continue
            }
            guard let schemaValue = parameter.schema, let schema = engine.schema(schemaValue, spec: operation.spec, direction: .request) else { continue }
            let shown = MockParameterCoder.show(input.texts)
            let json: String
            switch MockParameterCoder.json(input, name: parameter.name, shape: shape, schema: resolved ?? schemaValue,
                                           style: parameter.style, explode: parameter.explode, spec: spec.spec) {
            case .success(let text): json = text
            case .failure(let mismatch):
                out.append(MockViolation(side: "request", id: MockLogID.missingParameter, pointer: pointer,
                                         message: "\(parameter.location) parameter \(parameter.name) \(shown) is not in \(parameter.style) style (\(mismatch.expected))"))
                continue
            }
            guard let document = try? JSONReader.parse(string: json, name: pointer) else { continue }
            // The fast mode first: most requests are valid, and only an invalid value needs
            // the collecting mode's messages (an exceeded limit is left to the collecting mode).
            if (try? schema.isValid(document.root)) == true { continue }
            guard let result = try? schema.validate(document.root) else { continue }
            for error in result.errors where !error.isBranchDetail {
                let at = error.instanceLocation.isEmpty ? "" : error.instanceLocation
                out.append(MockViolation(side: "request", id: error.ruleID, pointer: pointer + at,
                                         message: "\(parameter.location) parameter \(parameter.name) \(shown): \(error.message)"))
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


/// Turns parameter text into the JSON value its schema describes, in the parameter's OpenAPI 3.0
/// style: `matrix` and `label` (path), `form` (query, cookie), `simple` (path, header),
/// `spaceDelimited`, `pipeDelimited` and `deepObject` (query), explode or not, for primitives,
/// arrays and objects. Values are converted by the schema's `type` (of the items, of each
/// property); text that does not read as that type stays a string, which the schema rejects.
enum MockParameterCoder {
    /// What the schema describes.
    enum Shape: Equatable {
        case primitive, array, object

        init(_ schema: Value?) {
            switch schema?["type"]?.string {
            case "array": self = .array
            case "object": self = .object
            case nil where schema?["properties"] != nil: self = .object
            default: self = .primitive
            }
        }
    }

    /// The text of one parameter in a request: its values (path, header, query and cookie
    /// values under its name), or, for an object exploded into several query parameters
    /// (`form` with explode: `R=100&G=200`; `deepObject`: `color[R]=100`), its members.
    enum Input {
        case values([String])
        case members([(name: String, value: String)])

        var isEmpty: Bool {
            switch self {
            case .values(let values): values.isEmpty
            case .members(let members): members.isEmpty
            }
        }

        /// As the messages show it.
        var texts: [String] {
            switch self {
            case .values(let values): values
            case .members(let members): members.map { $0.name + "=" + $0.value }
            }
        }
    }

    /// Text that is not in the parameter's style (a label value without its `.`).
    struct StyleMismatch: Error {
        /// What the style asks for (`.VALUE`).
        var expected: String
    }

    /// The query or cookie pairs of one parameter. An object in `deepObject` style takes the
    /// pairs `name[property]`; an object in `form` style with explode takes the pairs named as
    /// its properties, and, when the schema declares `additionalProperties` (not `false`), every
    /// pair no other parameter of the operation names.
    static func input(_ pairs: [(name: String, value: String)], name: String, shape: Shape, style: String, explode: Bool,
                      schema: Value?, otherNames: Set<String>) -> Input {
        if shape == .object && style == "deepObject" {
            return .members(pairs.compactMap { pair in
                guard pair.name.hasPrefix(name + "["), pair.name.hasSuffix("]"), pair.name.count > name.count + 2 else { return nil }
                return (String(pair.name.dropFirst(name.count + 1).dropLast()), pair.value)
            })
        }
        if shape == .object && style == "form" && explode {
            let properties = Set(schema?["properties"]?.members.map(\.name) ?? [])
            let additional = schema?["additionalProperties"].map { $0.bool != false } ?? false
            return .members(pairs.filter { properties.contains($0.name) || (additional && !otherNames.contains($0.name) && $0.name != name) })
        }
        return .values(pairs.filter { $0.name == name }.map(\.value))
    }

    /// The values as the message shows them: quoted, each cut at 200 characters, at most 20.
    static func show(_ raw: [String]) -> String {
        func one(_ value: String) -> String {
            value.count <= 200 ? JSONWriter.quote(value) : JSONWriter.quote(String(value.prefix(200))) + "… (\(value.utf8.count) bytes)"
        }
        if raw.count == 1 { return one(raw[0]) }
        return "[" + raw.prefix(20).map(one).joined(separator: ", ") + (raw.count > 20 ? ", … (\(raw.count) values)" : "") + "]"
    }

    /// The JSON text of one parameter; a failure when its text is not in its style.
    static func json(_ input: Input, name: String, shape: Shape, schema: Value, style: String, explode: Bool,
                     spec: OpenAPISpec) -> Result<String, StyleMismatch> {
        let values: [String]
        switch input {
        case .members(let members): return .success(object(members, schema: schema, spec: spec))
        case .values(let given): values = given
        }
        let items: [String]
        switch unwrap(values, name: name, shape: shape, style: style, explode: explode) {
        case .failure(let mismatch): return .failure(mismatch)
        case .success(let texts): items = texts
        }
        switch shape {
        case .primitive:
            return .success(scalar(items.last ?? "", type: schema["type"]?.string))
        case .array:
            let itemSchema = schema["items"].flatMap { try? spec.resolve($0) }
            return .success("[" + items.map { scalar($0, type: itemSchema?["type"]?.string) }.joined(separator: ",") + "]")
        case .object:
            // Exploded (`R=100,G=200`) or alternating (`R,100,G,200`); anything else stays the
            // text it was, a string, which `type: object` rejects.
            let raw = values.last ?? ""
            var members: [(name: String, value: String)] = []
            if explode && style != "form" && style != "spaceDelimited" && style != "pipeDelimited" {
                for item in items {
                    let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    guard parts.count == 2, !parts[0].isEmpty else { return .success(JSONWriter.quote(raw)) }
                    members.append((String(parts[0]), String(parts[1])))
                }
            } else {
                guard items.count % 2 == 0 else { return .success(JSONWriter.quote(raw)) }
                for k in stride(from: 0, to: items.count, by: 2) { members.append((items[k], items[k + 1])) }
            }
            return .success(object(members, schema: schema, spec: spec))
        }
    }

    /// The items of the values under the style: the value of a primitive, the items of an array,
    /// the alternating names and values (or `name=value` items, exploded) of an object.
    static func unwrap(_ values: [String], name: String, shape: Shape, style: String, explode: Bool) -> Result<[String], StyleMismatch> {
        func split(_ text: Substring, _ separator: Character) -> [String] {
            text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        switch style {
        case "label":
            // `.blue`; `.blue,black` (explode: `.blue.black`); `.R,100,G,200` (explode: `.R=100.G=200`).
            // Without explode, RFC 6570 (and OpenAPI 3.0.4's table) separate with `,`, 3.0.3's
            // table with `.`: a value without a `,` is split at its dots.
            guard let text = values.last, text.hasPrefix(".") else { return .failure(StyleMismatch(expected: shape == .primitive ? ".VALUE" : explode ? ".A.B" : ".A,B")) }
            let body = text.dropFirst()
            if shape == .primitive { return .success([String(body)]) }
            if body.isEmpty { return .success([]) }
            return .success(split(body, explode || !body.contains(",") ? "." : ","))
        case "matrix":
            // `;color=blue`; `;color=blue,black` (explode: `;color=blue;color=black`);
            // `;color=R,100,G,200` (explode: `;R=100;G=200`); `;color` is empty.
            let mismatch = StyleMismatch(expected: shape == .object && explode ? ";A=1;B=2" : shape == .array && explode ? ";\(name)=A;\(name)=B" : ";\(name)=VALUE")
            guard let text = values.last, text.hasPrefix(";") else { return .failure(mismatch) }
            let pieces = split(text.dropFirst(), ";")
            if shape == .object && explode { return .success(pieces) }
            var items: [String] = []
            for piece in pieces {
                let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts[0] == name else { return .failure(mismatch) }
                let value = parts.count == 2 ? parts[1] : ""
                if shape == .array && explode {
                    items.append(String(value))
                } else {
                    guard pieces.count == 1 else { return .failure(mismatch) }
                    if shape == .primitive { return .success([String(value)]) }
                    items = value.isEmpty ? [] : split(value, ",")
                }
            }
            return .success(items)
        case "form":
            // `color=blue,black` or, exploded, `color=blue&color=black`.
            if shape == .array { return .success(explode ? values : values.flatMap { split($0[...], ",") }) }
            if shape == .object { return .success(split((values.last ?? "")[...], ",")) }
            return .success(values)
        case "spaceDelimited", "pipeDelimited":
            let separator: Character = style == "pipeDelimited" ? "|" : " "
            if shape == .object { return .success(split((values.last ?? "")[...], separator)) }
            if shape == .array { return .success(values.flatMap { split($0[...], separator) }) }
            return .success(values)
        default:
            // `simple` (and the rest): `blue`, `blue,black`, `R,100,G,200` (explode: `R=100,G=200`).
            if shape == .object { return .success(split((values.last ?? "")[...], ",")) }
            if shape == .array { return .success(values.flatMap { split($0[...], ",") }) }
            return .success(values)
        }
    }

    /// An object of named texts, each converted by its property's type (later duplicates win).
    static func object(_ members: [(name: String, value: String)], schema: Value, spec: OpenAPISpec) -> String {
        var order: [String] = []
        var latest: [String: String] = [:]
        for member in members {
            if latest.updateValue(member.value, forKey: member.name) == nil { order.append(member.name) }
        }
        let additional = schema["additionalProperties"].flatMap { $0.kind == .object ? (try? spec.resolve($0)) : nil }
        let fields = order.map { key -> String in
            let property = schema["properties"]?[key].flatMap { try? spec.resolve($0) } ?? additional
            return JSONWriter.quote(key) + ":" + scalar(latest[key] ?? "", type: property?["type"]?.string)
        }
        return "{" + fields.joined(separator: ",") + "}"
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
