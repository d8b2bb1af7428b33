import CRR
import Document
import JSONSchema
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
    /// The path as the contract model normalises it (``ContractOperation/normalizedPath``:
    /// every template variable `{}`).
    public var normalizedPath: String
    public var operationId: String?
    public var parameters: [Parameter]
    public var requestBodyRequired: Bool
    /// The CRR business rule (`x-crr-rule` naming `required` on the request body) that makes the
    /// body required, when the spec marks it so: its reason and the CAISO code it anticipates.
    public var requestBodyRule: (reason: String, code: String?)? = nil
    /// Empty without a request body.
    public var requestContent: [Media]
    public var responses: [Response]
    /// Where the operation is: `file:line`.
    public var location: String
    /// Index of the spec in ``MockEngine/specs``.
    public var spec: Int
    /// Index of the operation in ``MockEngine/operations`` (set when the engine mounts it).
    var index = 0

    /// The response declared for a status code: exactly, as `NXX`, or (for a number) `default`.
    func response(for code: String) -> Response? {
        responses.first { $0.status == code }
            ?? responses.first { $0.status.count == 3 && $0.status.uppercased().hasSuffix("XX") && $0.status.first == code.first }
            ?? (Int(code) != nil ? responses.first { $0.status == "default" } : nil)
    }
}

extension MockOperation {
    /// The operations of a spec, read from its contract model (``Contract``: parameters merged
    /// from path item and operation with the OpenAPI 3.0 defaults, `$ref`s followed through the
    /// registry's file fence).
    static func operations(of contract: Contract, file: String, specIndex: Int) -> [MockOperation] {
        contract.operations.map { op in
            MockOperation(
                method: op.method.uppercased(), path: op.path, normalizedPath: op.normalizedPath, operationId: op.operationId,
                parameters: op.parameters.compactMap { p in
                    guard let location = p.location else { return nil }
                    return Parameter(name: p.name, location: location.rawValue, required: p.required, style: p.style,
                                     explode: p.explode, schema: p.schema ?? p.content.first?.schema)
                },
                requestBodyRequired: op.requestBody?.required ?? false,
                requestBodyRule: op.requestBody.flatMap { CRRBusinessRule.rule(for: "required", in: $0.value) },
                requestContent: op.requestBody.map { $0.content.map(media) } ?? [],
                responses: op.responses.map { r in
                    Response(status: r.status, content: r.content.map(media), headers: r.headers.map { ($0.name, $0.required, $0.schema) })
                },
                location: "\(file):\(op.position.line)", spec: specIndex)
        }
    }

    static func media(_ m: ContractMediaType) -> Media {
        Media(name: m.name, schema: m.schema, examples: m.examples.compactMap { e in e.data.map { (e.name, $0) } })
    }
}
