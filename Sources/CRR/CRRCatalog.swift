import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import OpenAPI

/// The catalog bundled with crrspec: draft-07 download schemas (`schemas/`) and OpenAPI specs
/// (`openapi/`) reconstructed by the crrspec project from public material. They are not CAISO's
/// official files; point crrspec at those with `--schema FILE` or `--spec FILE`.
public enum CRRCatalog {
    /// One catalog file.
    public struct Entry: Sendable, Hashable {
        /// Path in the repository, e.g. `schemas/CRRPublicAuctionResult_v1.1.1.draft-07.schema.json`.
        public var path: String
        public var fileName: CRRFileName
        public var name: String { fileName.name }
        public var version: CRRVersion { fileName.version }
        public var isSchema: Bool { if case .schema = fileName.kind { return true } else { return false } }
        /// The URI the catalog registers the file under.
        public var uri: String { "catalog:" + path }
    }

    /// Every catalog file, schemas first, by name and version.
    public static let entries: [Entry] = CatalogFiles.files.compactMap { file in
        CRRFileName(file.path).map { Entry(path: file.path, fileName: $0) }
    }.sorted { ($0.isSchema ? 0 : 1, $0.name, $0.version) < ($1.isSchema ? 0 : 1, $1.name, $1.version) }

    /// The file's text.
    public static func text(_ entry: Entry) -> String {
        CatalogFiles.files.first { $0.path == entry.path }!.text
    }

    /// A catalog file, parsed once per process (documents are immutable, so every registry,
    /// library and command shares the one parse).
    public static func document(_ entry: Entry) throws -> Document {
        if let cached = parsedLock.withLock({ parsed[entry.path] }) { return cached }
        let bytes = Array(text(entry).utf8)
        let document = try DocumentLoader.load(bytes: bytes, name: entry.path, format: entry.isSchema ? .json : .yaml).documents[0].document
        return parsedLock.withLock {
            if let raced = parsed[entry.path] { return raced }
            parsed[entry.path] = document
            return document
        }
    }

    private static let parsedLock = Lock()
    nonisolated(unsafe) private static var parsed: [String: Document] = [:]

    /// Looks up `Name` (newest version) or `Name@X.Y.Z`; schemas and services alike.
    public static func find(_ reference: String) -> Entry? {
        // "@", "@@" or "" split into empty parts (never index a part that is not there).
        let parts = reference.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty else { return nil }
        let candidates = entries.filter { $0.name == name || $0.name.lowercased() == name.lowercased() }
        if parts.count == 2 {
            guard let version = CRRVersion(parts[1]) else { return nil }
            return candidates.first { $0.version == version }
        }
        return candidates.max { $0.version < $1.version }
    }

    /// Names close to a reference, for "did you mean" messages.
    public static func suggestions(for reference: String) -> [String] {
        let name = String(reference.split(separator: "@", omittingEmptySubsequences: false).first ?? "")
        guard !name.isEmpty else { return [] }
        let names = Array(Set(entries.map(\.name))).sorted()
        if let near = Suggest.closest(name, among: names) { return [near] }
        return names.filter { $0.lowercased().contains(name.lowercased()) }
    }

    /// Registers every catalog schema (by its `catalog:` URI and its `$id`) so that `$ref`s
    /// between catalog schemas, and from users' schemas to them, resolve offline.
    public static func register(into registry: SchemaRegistry) throws {
        for entry in entries where entry.isSchema && registry.resourceIfLoaded(entry.uri) == nil {
            registry.add(try document(entry), uri: entry.uri)
        }
    }

    /// Compiles a catalog schema.
    /// With a pointer, compiles the subschema there (e.g. `/items` to judge single records).
    public static func compileSchema(_ entry: Entry, pointer: JSONPointer = JSONPointer(), registry: SchemaRegistry,
                                     options: CompileOptions) throws -> Schema {
        try register(into: registry)
        guard let resource = registry.resourceIfLoaded(entry.uri) else {
            throw SchemaError("catalog file \(entry.path) is not loaded")
        }
        guard let target = resource.document.resolve(pointer) else {
            throw SchemaError("nothing at \(pointer) in \(entry.path)")
        }
        return try Schema.compile(target, registry: registry, options: options)
    }

    /// Loads a catalog OpenAPI spec.
    public static func spec(_ entry: Entry) throws -> OpenAPISpec {
        OpenAPISpec(document: try document(entry), path: entry.path)
    }
}
