import ArgumentParser
import CRR
import Document
import Foundation
import JSONSchema
import OpenAPI

/// Where the schema for `validate` comes from: a file, a catalog name, or a schema inside an
/// OpenAPI spec (a file or a catalog service).
struct SchemaSource {
    var schema: String?
    var spec: String?
    var component: String?
    var operation: String?
    var profile: CRRProfile.Selection
    /// Applied to the compile options last (`--formats`).
    var adjust: (CompileOptions) -> CompileOptions = { $0 }
    /// Set by ``compile(registry:resourceRoots:)``: whether the CRR profile is on, and why.
    private(set) var decision = CRRProfile.Decision(active: false, reason: "")

    mutating func compile(registry: SchemaRegistry, resourceRoots: [String]) throws -> Schema {
        try CRRCatalog.register(into: registry)
        if let reference = schema {
            // SCHEMA#/pointer selects a subschema, e.g. #/items to judge single records.
            let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let schema = parts[0]
            var pointer = JSONPointer()
            if parts.count == 2 {
                guard let parsed = JSONPointer(URIReference.percentDecode(parts[1])) else {
                    throw ArgumentParser.ValidationError("\(reference): the part after # must be a JSON Pointer such as #/items")
                }
                pointer = parsed
            }
            if FileManager.default.fileExists(atPath: schema) {
                registry.allowedRoots = [URL(fileURLWithPath: schema).standardizedFileURL.deletingLastPathComponent().path]
                    + resourceRoots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                registry.searchDirectories = registry.allowedRoots
                let (_, resource) = try registry.addFile(schema)
                decision = CRRProfile.decide(profile, path: schema, document: resource.document.root)
                let options = adjust(decision.active ? CRRProfile.options() : CompileOptions())
                guard let target = resource.document.resolve(pointer) else {
                    throw ArgumentParser.ValidationError("nothing at #\(pointer) in \(schema)")
                }
                return try Schema.compile(target, registry: registry, options: options)
            }
            guard let entry = CRRCatalog.find(schema), entry.isSchema else {
                throw ArgumentParser.ValidationError(notFound(schema, what: "schema file or catalog schema"))
            }
            decision = profile == .none ? CRRProfile.decide(.none, path: nil, document: nil)
                : CRRProfile.Decision(active: true, reason: profile == .crr ? "--profile crr" : "a bundled catalog schema")
            let options = adjust(decision.active ? CRRProfile.options() : CompileOptions())
            return try CRRCatalog.compileSchema(entry, pointer: pointer, registry: registry, options: options)
        }
        let specPath = spec!
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
            throw ArgumentParser.ValidationError(notFound(specPath, what: "spec file or catalog service"))
        }
        let target: Value
        if let component {
            guard let value = openAPI.componentSchema(component) else {
                let names = openAPI.componentSchemaNames
                let near = Suggest.closest(component, among: names).map { " Did you mean \($0)?" } ?? ""
                throw ArgumentParser.ValidationError("no schema \(component) in components/schemas of \(specPath).\(near) Known: \(names.joined(separator: ", "))")
            }
            target = value
        } else {
            let id = operation!
            if registry.uri(of: openAPI.document) == nil {
                registry.add(openAPI.document, uri: URIReference.file(SchemaRegistry.absolutePathOf(openAPI.path)).description)
            }
            let contract = try Contract(document: openAPI.document, resolve: Contract.registryResolver(registry))
            guard let op = contract.operation(id: id) else {
                let ids = contract.operations.compactMap(\.operationId)
                let near = Suggest.closest(id, among: ids).map { " Did you mean \($0)?" } ?? ""
                throw ArgumentParser.ValidationError("no operation \(id) in \(specPath).\(near) Known: \(ids.joined(separator: ", "))")
            }
            guard let body = op.requestBody?.jsonSchema else {
                throw ArgumentParser.ValidationError("operation \(id) (\(op.method.uppercased()) \(op.path)) has no JSON request body to validate against")
            }
            target = body
        }
        if fromCatalog && profile == .auto {
            decision = CRRProfile.Decision(active: true, reason: "a bundled catalog spec")
        } else {
            decision = CRRProfile.decide(profile, path: specPath, document: openAPI.document.root)
        }
        return try openAPI.compileSchema(target, registry: registry, options: adjust(decision.active ? CRRProfile.options() : CompileOptions()))
    }

    func notFound(_ reference: String, what: String) -> String {
        var message = "no \(what) named \(reference)"
        let suggestions = CRRCatalog.suggestions(for: reference)
        if !suggestions.isEmpty { message += "; did you mean \(suggestions.prefix(5).joined(separator: ", "))?" }
        return message + " (crrspec catalog lists the bundled names)"
    }
}

extension CRRProfile.Selection: ExpressibleByArgument {}
