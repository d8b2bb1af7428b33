import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema

/// An OpenAPI 3.0 document over the positioned value tree: operations, components and local
/// `$ref` resolution. Schemas inside it compile with the draft-07 engine plus OpenAPI 3.0's
/// `nullable` (see ``compileSchema(_:registry:options:)``).
public final class OpenAPISpec: @unchecked Sendable {
    public let document: Document
    public let path: String

    /// One operation: an HTTP method on a path.
    public struct Operation: Sendable {
        public var method: String
        public var path: String
        public var operationId: String?
        public var value: Value
    }

    private let contractLock = Lock()
    private var cachedContract: Contract?

    public init(document: Document, path: String) {
        self.document = document
        self.path = path
    }

    /// Reads a spec file (YAML or JSON).
    ///
    /// - Throws: ``UnsupportedSpecVersion`` for Swagger 2.0 and OpenAPI 3.1 documents.
    public static func load(_ path: String, limits: ReaderLimits = .default) throws -> OpenAPISpec {
        let loaded = try DocumentLoader.load(path: path, limits: limits)
        guard let document = loaded.documents.first?.document else {
            throw SchemaError("\(path) holds no document")
        }
        let spec = OpenAPISpec(document: document, path: path)
        // Swagger 2.0 and OpenAPI 3.1 are refused here, not read as if they were 3.0.
        try OpenAPIVersion.check(document)
        guard document.root.kind == .object else {
            throw SchemaError("an OpenAPI document must be an object, found \(document.root.kind)", at: document.root)
        }
        return spec
    }

    public var root: Value { document.root }
    /// The `openapi` field, e.g. `3.0.0`.
    public var openapiVersion: String? { root["openapi"]?.string }
    /// `info.version`.
    public var infoVersion: String? { root["info"]?["version"]?.string ?? root["info"]?["version"]?.numberText }
    public var title: String? { root["info"]?["title"]?.string }

    public static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Every operation in `paths`, in document order: the contract model's (``Contract``),
    /// with local `$ref`s followed. Empty for a document the model refuses (Swagger 2.0, 3.1).
    public var operations: [Operation] {
        ((try? contract()) ?? nil)?.operations.map {
            Operation(method: $0.method, path: $0.path, operationId: $0.operationId, value: $0.value)
        } ?? []
    }

    /// The contract model of this document, built once; `$ref`s are followed inside the document.
    public func contract() throws -> Contract {
        try contractLock.withLock {
            if let cachedContract { return cachedContract }
            let built = try Contract(document: document)
            cachedContract = built
            return built
        }
    }

    public func operation(id: String) -> Operation? { operations.first { $0.operationId == id } }

    /// A schema in `components/schemas`.
    public func componentSchema(_ name: String) -> Value? { root["components"]?["schemas"]?[name] }

    public var componentSchemaNames: [String] { root["components"]?["schemas"]?.members.map(\.name) ?? [] }

    /// Follows `$ref`s inside the document until a value that is not a reference (the engine's
    /// resolver without a registry: its pointers, anchors and loop guard).
    public func resolve(_ value: Value) throws -> Value {
        switch ReferenceResolver.local.follow(value) {
        case .success(let target):
            return target
        case .failure(let failure):
            let ref = failure.referrer?.string ?? ""
            if failure.kind == .loop { throw SchemaError("cyclic $ref \(ref)", at: failure.referrer) }
            throw SchemaError("cannot resolve $ref \(ref): \(failure.message)", at: failure.referrer)
        }
    }

    /// The JSON request-body schema of an operation (its `application/json` or first JSON media
    /// type), from the contract model.
    public func requestBodySchema(_ operation: Operation) throws -> Value? {
        try contract().operations.first { $0.value.index == operation.value.index }?.requestBody?.jsonSchema
    }

    /// Compiles a schema inside this spec (`$ref`s to `#/components/...` resolve in the spec).
    public func compileSchema(_ schema: Value, registry: SchemaRegistry, options: CompileOptions = .init()) throws -> Schema {
        if registry.uri(of: document) == nil {
            registry.add(document, uri: URIReference.file(SchemaRegistry.absolutePathOf(path)).description)
        }
        var options = options
        options.openAPI30 = true
        return try Schema.compile(schema, registry: registry, options: options)
    }

    /// Every `$ref` in the document: the object that holds it and the reference text.
    public var allReferences: [(holder: Value, ref: String)] {
        var out: [(Value, String)] = []
        var stack = [root]
        while let value = stack.popLast() {
            switch value.kind {
            case .object:
                for member in value.members {
                    if member.name == "$ref", let ref = member.value.string { out.append((value, ref)) }
                    stack.append(member.value)
                }
            case .array:
                stack.append(contentsOf: value.elements)
            default:
                break
            }
        }
        return out.sorted { $0.0.index < $1.0.index }
    }
}
