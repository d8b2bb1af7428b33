import Document
import JSONSchema

/// An example in a spec that does not validate against the schema it illustrates.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    /// Where the example is.
    public var example: Value
    /// The schema it was checked against.
    public var schemaPointer: String
    public var errors: [ValidationError]

    public var description: String {
        let p = example.position
        return "\(example.document.name):\(p.line):\(p.column): example at \(example.pointer) does not match its schema \(schemaPointer): "
            + errors.filter { !$0.isBranchDetail }.map(\.message).joined(separator: "; ")
    }
}

extension OpenAPISpec {
    /// Every place that holds a schema: `components/schemas/*` and the schemas of parameters,
    /// request bodies and responses (with their own nested schemas).
    public var schemaLocations: [Value] {
        var out: [Value] = []
        if let schemas = root["components"]?["schemas"] { out += schemas.members.map(\.value) }
        var stack = [root["paths"], root["components"]?["parameters"], root["components"]?["requestBodies"], root["components"]?["responses"]].compactMap { $0 }
        while let value = stack.popLast() {
            for member in value.members {
                if member.name == "schema", member.value.kind == .object { out.append(member.value) } else if member.value.kind == .object || member.value.kind == .array {
                    stack.append(member.value)
                }
            }
            for element in value.elements { stack.append(element) }
        }
        return out
    }

    /// Validates every `example` (OpenAPI schema, parameter and media-type examples) and every
    /// `examples` entry's `value` against the schema it belongs to.
    public func checkExamples(registry: SchemaRegistry = SchemaRegistry(), options: CompileOptions = .init()) throws -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        var checked: Set<Int> = []
        func check(_ example: Value, against schema: Value) throws {
            guard checked.insert(example.index).inserted else { return }
            let compiled = try compileSchema(schema, registry: registry, options: options)
            let result = try compiled.validate(example)
            if !result.valid {
                failures.append(ExampleFailure(example: example, schemaPointer: schema.pointer.description, errors: result.errors))
            }
        }
        // Schema objects with `example`, at any depth under a schema location.
        var stack = schemaLocations
        var visited: Set<Int> = []
        while let schema = stack.popLast() {
            guard schema.kind == .object, visited.insert(schema.index).inserted else { continue }
            if let example = schema["example"] { try check(example, against: schema) }
            // Every subschema the draft-07 keyword table knows (if/then/else, contains,
            // propertyNames, dependencies ... as well as properties, items and the combiners).
            stack += SchemaRegistry.subschemas(of: schema).filter { $0.kind == .object }
        }
        // Parameters and media types: `example`, and `examples.*.value`, beside a `schema`.
        var holders: [Value] = [root["paths"], root["components"]].compactMap { $0 }
        while let value = holders.popLast() {
            if value.kind == .object, let schema = value["schema"], schema.kind == .object {
                if let example = value["example"] { try check(example, against: schema) }
                if let examples = value["examples"], examples.kind == .object {
                    for entry in examples.members {
                        if let example = (try? resolve(entry.value))?["value"] { try check(example, against: schema) }
                    }
                }
            }
            for member in value.members where member.name != "schema" && member.name != "example" && member.name != "examples"
                && (member.value.kind == .object || member.value.kind == .array) {
                holders.append(member.value)
            }
            for element in value.elements where element.kind == .object || element.kind == .array { holders.append(element) }
        }
        return failures
    }
}
