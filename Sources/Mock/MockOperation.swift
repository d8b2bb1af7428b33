import Document
import OpenAPI

/// What the mock needs of one operation, read once at start-up from the spec's contract.
public struct MockOperation: Sendable {
    /// A parameter with the OpenAPI 3.0 defaults applied.
    public struct Parameter: Sendable {
        public var name: String
        /// `path`, `query`, `header`, `cookie`.
        public var location: String
        public var required: Bool
        public var style: String
        public var explode: Bool
        public var schema: Value?
    }

    /// A media type with its schema and examples (named ones first in document order;
    /// `example` is named `example`).
    public struct Media: Sendable {
        public var name: String
        public var schema: Value?
        public var examples: [(name: String, value: Value)]
    }

    /// A response of the operation.
    public struct Response: Sendable {
        /// `200`, `4XX`, `default`.
        public var status: String
        public var content: [Media]
        /// Response headers that are required, with their schemas.
        public var headers: [(name: String, required: Bool, schema: Value?)]
    }

    public var method: String
    /// The path as written in the spec.
    public var path: String
    public var operationId: String?
    public var parameters: [Parameter]
    public var requestBodyRequired: Bool
    /// Empty without a request body.
    public var requestContent: [Media]
    public var responses: [Response]
    /// Where the operation is: `file:line`.
    public var location: String
    /// Index of the spec in ``MockEngine/specs``.
    public var spec: Int
}

extension MockOperation {
    /// Reads the operations of a spec.
    ///
    /// TEMPORARY: reads the spec through ``OpenAPISpec`` until the contract model of issue 11
    /// lands in `Sources/OpenAPI`; then this becomes a mapping of its operations.
    static func operations(of spec: OpenAPISpec, specIndex: Int) throws -> [MockOperation] {
        var out: [MockOperation] = []
        for op in spec.operations {
            let item = (try? spec.resolve(spec.root["paths"]![op.path]!)) ?? op.value
            var parameters: [Parameter] = []
            var seen: Set<String> = []
            for list in [op.value["parameters"], item["parameters"]] {
                for raw in list.map({ Array($0.elements) }) ?? [] {
                    let p = try spec.resolve(raw)
                    guard let name = p["name"]?.string, let location = p["in"]?.string, seen.insert(location + ":" + name).inserted else { continue }
                    let style = p["style"]?.string ?? ((location == "query" || location == "cookie") ? "form" : "simple")
                    let schema = try p["schema"].map(spec.resolve) ?? p["content"].flatMap { Array($0.members).first?.value["schema"] }
                    parameters.append(Parameter(name: name, location: location, required: location == "path" || p["required"]?.bool == true,
                                                style: style, explode: p["explode"]?.bool ?? (style == "form"), schema: schema))
                }
            }
            var bodyRequired = false
            var requestContent: [Media] = []
            if let raw = op.value["requestBody"] {
                let body = try spec.resolve(raw)
                bodyRequired = body["required"]?.bool == true
                requestContent = try media(body["content"], spec)
            }
            var responses: [Response] = []
            for member in op.value["responses"].map({ Array($0.members) }) ?? [] {
                let r = try spec.resolve(member.value)
                var headers: [(String, Bool, Value?)] = []
                for h in r["headers"].map({ Array($0.members) }) ?? [] {
                    let header = try spec.resolve(h.value)
                    headers.append((h.name, header["required"]?.bool == true, header["schema"]))
                }
                responses.append(Response(status: member.name, content: try media(r["content"], spec), headers: headers))
            }
            out.append(MockOperation(method: op.method.uppercased(), path: op.path, operationId: op.operationId, parameters: parameters,
                                     requestBodyRequired: bodyRequired, requestContent: requestContent, responses: responses,
                                     location: "\(spec.path):\(op.value.position.line)", spec: specIndex))
        }
        return out
    }

    static func media(_ content: Value?, _ spec: OpenAPISpec) throws -> [Media] {
        var out: [Media] = []
        for member in content.map({ Array($0.members) }) ?? [] {
            var examples: [(String, Value)] = []
            for e in member.value["examples"].map({ Array($0.members) }) ?? [] {
                if let value = try spec.resolve(e.value)["value"] { examples.append((e.name, value)) }
            }
            if let example = member.value["example"] { examples.append(("example", example)) }
            out.append(Media(name: member.name, schema: member.value["schema"], examples: examples))
        }
        return out
    }
}

