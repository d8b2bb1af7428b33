import Document
import Foundation
import JSONSchema
import OpenAPI

/// A selection that names nothing usable (`crrspec validate` reports it as a usage error,
/// exit 2): an unknown catalog name or file, a bad `#pointer`, an operation without a JSON body.
public struct SchemaSelectionError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Where the schema for validating instances comes from — what `crrspec validate --schema`,
/// `--spec --component` and `--spec --operation` select: a schema file or bundled catalog schema
/// (optionally `#/pointer` into it), or a component schema or an operation's JSON request body
/// inside an OpenAPI spec (a file or a bundled catalog service). Compiling it also decides
/// whether the CRR profile applies, and why.
///
/// ```swift
/// var selection = SchemaSelection(spec: "auction", operation: "portfolioCreation")
/// let schema = try selection.compile(registry: SchemaRegistry())
/// print(selection.decision.reason)      // "a bundled catalog spec"
/// let report = schema.validate(try JSONReader.parse(contentsOfFile: "portfolio.json").root)
/// ```
public struct SchemaSelection {
    /// A schema file or catalog schema name (`Name[@x.y.z]`), with an optional `#/pointer`.
    public var schema: String?
    /// A spec file or catalog service (`service[@x.y.z]`); used when `schema` is nil.
    public var spec: String?
    /// With `spec`: a schema under `components/schemas`.
    public var component: String?
    /// With `spec` (and no `component`): an operationId whose JSON request body is selected.
    public var operation: String?
    /// Whether the CRR profile applies (`auto`: decided by the file's name and content).
    public var profile: CRRProfile.Selection
    /// Applied to the compile options last (`--formats`, `--default-dialect`).
    public var adjust: (CompileOptions) -> CompileOptions
    /// Set by ``compile(registry:resourceRoots:)``: whether the CRR profile is on, and why.
    public private(set) var decision = CRRProfile.Decision(active: false, reason: "")

    public init(schema: String? = nil, spec: String? = nil, component: String? = nil, operation: String? = nil,
                profile: CRRProfile.Selection = .auto, adjust: @escaping (CompileOptions) -> CompileOptions = { $0 }) {
        self.schema = schema
        self.spec = spec
        self.component = component
        self.operation = operation
        self.profile = profile
        self.adjust = adjust
    }

    /// Registers the bundled catalog in `registry`, fences local `$ref`s to the selected file's
    /// folder and `resourceRoots`, and compiles the selected schema.
    /// - Throws: ``SchemaSelectionError`` when the selection names nothing usable; the
    ///   reader's, registry's or compiler's errors (`DocumentError`, `SchemaError`, …) otherwise.
    public mutating func compile(registry: SchemaRegistry, resourceRoots: [String] = []) throws -> Schema {
        try CRRCatalog.register(into: registry)
        if let reference = schema {
            // SCHEMA#/pointer selects a subschema, e.g. #/items to judge single records.
            let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let schema = parts[0]
            var pointer = JSONPointer()
            if parts.count == 2 {
                guard let parsed = JSONPointer(URIReference.percentDecode(parts[1])) else {
                    throw SchemaSelectionError("\(reference): the part after # must be a JSON Pointer such as #/items")
                }
                pointer = parsed
            }
            if FileManager.default.fileExists(atPath: schema) {
                registry.allowedRoots = [URL(fileURLWithPath: schema).standardizedFileURL.deletingLastPathComponent().path]
                    + resourceRoots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                registry.searchDirectories = registry.allowedRoots
                let (_, resource) = try registry.addFile(schema)
                decision = CRRProfile.decide(profile, path: schema, document: resource.document.root)
                let options = adjust(decision.active ? CRRProfile.options() : CRRBusinessRule.options())
                guard let target = resource.document.resolve(pointer) else {
                    throw SchemaSelectionError("nothing at #\(pointer) in \(schema)")
                }
                return try Schema.compile(target, registry: registry, options: options)
            }
            guard let entry = CRRCatalog.find(schema), entry.isSchema else {
                throw SchemaSelectionError(notFound(schema, what: "schema file or catalog schema"))
            }
            decision = profile == .none ? CRRProfile.decide(.none, path: nil, document: nil)
                : CRRProfile.Decision(active: true, reason: profile == .crr ? "--profile crr" : "a bundled catalog schema")
            let options = adjust(decision.active ? CRRProfile.options() : CRRBusinessRule.options())
            return try CRRCatalog.compileSchema(entry, pointer: pointer, registry: registry, options: options)
        }
        guard let specPath = spec else { throw SchemaSelectionError("select a schema or a spec") }
        let openAPI: OpenAPISpec
        var fromCatalog = false
        if FileManager.default.fileExists(atPath: specPath) {
            // As for a schema file: local $refs only inside the spec's folder and the --resource roots.
            registry.allowedRoots = [URL(fileURLWithPath: specPath).standardizedFileURL.deletingLastPathComponent().path]
                + resourceRoots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            openAPI = try OpenAPISpec.load(specPath, limits: registry.limits)
        } else if let entry = CRRCatalog.find(specPath), !entry.isSchema {
            openAPI = try CRRCatalog.spec(entry)
            fromCatalog = true
        } else {
            throw SchemaSelectionError(notFound(specPath, what: "spec file or catalog service"))
        }
        let target: Value
        if let component {
            guard let value = openAPI.componentSchema(component) else {
                let names = openAPI.componentSchemaNames
                let near = Suggest.closest(component, among: names).map { " Did you mean \($0)?" } ?? ""
                throw SchemaSelectionError("no schema \(component) in components/schemas of \(specPath).\(near) Known: \(names.joined(separator: ", "))")
            }
            target = value
        } else {
            guard let id = operation else { throw SchemaSelectionError("with a spec, select a component schema or an operation") }
            if registry.uri(of: openAPI.document) == nil {
                registry.add(openAPI.document, uri: URIReference.file(SchemaRegistry.absolutePathOf(openAPI.path)).description)
            }
            let contract = try Contract(document: openAPI.document, resolve: Contract.registryResolver(registry))
            guard let op = contract.operation(id: id) else {
                let ids = contract.operations.compactMap(\.operationId)
                let near = Suggest.closest(id, among: ids).map { " Did you mean \($0)?" } ?? ""
                throw SchemaSelectionError("no operation \(id) in \(specPath).\(near) Known: \(ids.joined(separator: ", "))")
            }
            guard let body = op.requestBody?.jsonSchema else {
                throw SchemaSelectionError("operation \(id) (\(op.method.uppercased()) \(op.path)) has no JSON request body to validate against")
            }
            target = body
        }
        if fromCatalog && profile == .auto {
            decision = CRRProfile.Decision(active: true, reason: "a bundled catalog spec")
        } else {
            decision = CRRProfile.decide(profile, path: specPath, document: openAPI.document.root)
        }
        return try openAPI.compileSchema(target, registry: registry, options: adjust(decision.active ? CRRProfile.options() : CRRBusinessRule.options()))
    }

    private func notFound(_ reference: String, what: String) -> String {
        var message = "no \(what) named \(reference)"
        let suggestions = CRRCatalog.suggestions(for: reference)
        if !suggestions.isEmpty { message += "; did you mean \(suggestions.prefix(5).joined(separator: ", "))?" }
        return message + " (crrspec catalog lists the bundled names)"
    }
}
