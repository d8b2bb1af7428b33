import CRR
import Document
import JSONSchema
import OpenAPI
import Reporting

/// An example request body for an operation, checked against its schema with crrspec's engine:
/// the media type's own example when it has one, else one made from the schema (`example`,
/// `default`, the first `enum` value, formats, bounds and `minItems`).
public struct ExampleBody: Sendable {
    /// The body as pretty JSON.
    public var json: String
    /// Where it came from: `examples/NAME`, `example` or `built from the schema`.
    public var source: String
    /// Whether the body validates against the request body schema.
    public var valid: Bool
    /// The validation messages when it does not.
    public var problems: [String]

    /// The example body of an operation's JSON request body; nil without one.
    public static func of(_ operation: ContractOperation, in spec: PageSpec) -> ExampleBody? {
        guard let media = operation.requestBody?.jsonMedia, let schema = media.schema else { return nil }
        var candidates: [(String, String)] = media.examples.compactMap { example in
            example.data.map { (example.name == "example" ? "example" : "examples/" + example.name, JSONText.render($0)) }
        }
        var builder = Builder(contract: spec.contract)
        candidates.append(("built from the schema", builder.build(schema, depth: 0, full: true)))
        candidates.append(("built from the schema (required fields)", builder.build(schema, depth: 0, full: false)))
        var first: ExampleBody?
        for (source, json) in candidates {
            let problems = check(json, against: schema, spec: spec)
            let pretty = (try? DocumentLoader.load(bytes: Array(json.utf8), name: "example.json", format: .json).documents.first?.document.root).flatMap { $0 }
            let example = ExampleBody(json: pretty.map { JSONText.render($0) } ?? json, source: source, valid: problems.isEmpty, problems: problems)
            if example.valid { return example }
            if first == nil { first = example }
        }
        return first
    }

    /// Validation messages of a JSON text against a schema of the spec (empty: valid).
    static func check(_ json: String, against schema: Value, spec: PageSpec) -> [String] {
        do {
            guard let document = try DocumentLoader.load(bytes: Array(json.utf8), name: "example.json", format: .json).documents.first?.document else {
                return ["no document"]
            }
            let compiled = try spec.openAPI.compileSchema(schema, registry: spec.registry, options: CRRBusinessRule.options())
            let result = try compiled.validate(document.root)
            return result.valid ? [] : result.errors.filter { !$0.isBranchDetail }.map { "\($0.instanceLocation): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    /// Makes a value from a schema, following `$ref`s through the contract.
    struct Builder {
        let contract: Contract

        mutating func build(_ raw: Value, depth: Int, full: Bool) -> String {
            guard depth < 12, let schema = (try? contract.resolve(raw)) ?? nil, schema.kind == .object else { return "null" }
            if let example = schema["example"] { return JSONText.render(example, pretty: false) }
            if let value = schema["default"] { return JSONText.render(value, pretty: false) }
            if let first = schema["enum"]?.elements.first(where: { !$0.isNull }) { return JSONText.render(first, pretty: false) }
            if let all = schema["allOf"], all.kind == .array {
                // Objects merged member by member; anything else: the first part.
                var members: [(String, String)] = []
                for part in all.elements {
                    let text = build(part, depth: depth + 1, full: full)
                    guard let parsed = parse(text), parsed.kind == .object else { return text }
                    for member in parsed.members where !members.contains(where: { $0.0 == member.name }) {
                        members.append((member.name, JSONText.render(member.value, pretty: false)))
                    }
                }
                return "{" + members.map { JSONWriter.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
            }
            for key in ["oneOf", "anyOf"] {
                if let first = schema[key]?.elements.first(where: { _ in true }) { return build(first, depth: depth + 1, full: full) }
            }
            let type = schema["type"]?.string ?? (schema["properties"] != nil ? "object" : schema["items"] != nil ? "array" : "")
            switch type {
            case "object":
                let required = Set(schema["required"]?.elements.compactMap(\.string) ?? [])
                var parts: [String] = []
                for property in schema["properties"].map({ Array($0.members) }) ?? [] {
                    let resolved = (try? contract.resolve(property.value)) ?? nil
                    if resolved?["readOnly"]?.bool == true { continue }
                    guard full || required.contains(property.name) else { continue }
                    parts.append(JSONWriter.quote(property.name) + ":" + build(property.value, depth: depth + 1, full: full))
                }
                return "{" + parts.joined(separator: ",") + "}"
            case "array":
                let count = max(1, schema["minItems"]?.double.map { Int($0) } ?? 1)
                guard let items = schema["items"] else { return "[]" }
                let item = build(items, depth: depth + 1, full: full)
                return "[" + Array(repeating: item, count: min(count, 50)).joined(separator: ",") + "]"
            case "integer", "number":
                var n = schema["minimum"]?.double ?? (schema["exclusiveMinimum"]?.bool == true ? 1 : 0)
                if schema["exclusiveMinimum"]?.bool == true, schema["minimum"] != nil { n += 1 }
                if let maximum = schema["maximum"]?.double, n > maximum { n = maximum }
                if let m = schema["minimum"], schema["exclusiveMinimum"]?.bool != true, let text = m.numberText { return text }
                return n == n.rounded() ? String(Int(n)) : String(n)
            case "boolean":
                return "true"
            case "string":
                switch schema["format"]?.string {
                case "date-time"?: return "\"2025-01-01T00:00:00Z\""
                case "date"?: return "\"2025-01-01\""
                case "uuid"?: return "\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\""
                default:
                    let minimum = schema["minLength"]?.double.map { Int($0) } ?? 1
                    return JSONWriter.quote(String(repeating: "x", count: max(1, min(minimum, 200))))
                }
            default:
                return "null"
            }
        }

        func parse(_ text: String) -> Value? {
            (try? DocumentLoader.load(bytes: Array(text.utf8), name: "part.json", format: .json).documents.first?.document.root) ?? nil
        }
    }
}
