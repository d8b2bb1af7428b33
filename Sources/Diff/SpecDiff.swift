import Document
import Foundation
import JSONSchema
import OpenAPI

/// An input that cannot be compared: unreadable, malformed, or not an OpenAPI document or a
/// JSON schema. Commands exit 2 on it.
public struct DiffInputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// Set when the file is an API description crrspec refuses (Swagger 2.0, OpenAPI 3.1): a
    /// folder's walk reports it instead of passing over it as a file that is not a spec.
    public var isUnsupportedSpec = false
    public init(_ message: String, isUnsupportedSpec: Bool = false) {
        self.message = message
        self.isUnsupportedSpec = isUnsupportedSpec
    }
    public var description: String { message }
}

/// One side of a comparison: a parsed document, the name to report it by, and the library its
/// `$ref`s resolve in.
public struct DiffInput: Sendable {
    public var document: Document
    public var name: String
    public var library: DocumentLibrary

    public init(document: Document, name: String, library: DocumentLibrary) {
        self.document = document
        self.name = name
        self.library = library
        library.register(document, path: name)
    }

    /// What the document is.
    public var kind: DiffResult.Kind? { SpecDiff.kind(of: document) }
}

/// Choices that change how changes are judged.
public struct DiffOptions: Sendable {
    /// Treat error-code catalog changes (codes added, removed, replaced) as documentation (MINI),
    /// as CAISO's release notes do, instead of as response changes (MINOR). Read by the CRR
    /// layer's error-code check.
    public var errorCodesAsDocumentation = false
    /// What a layer plugs in: the checks run after the engine's own (``DiffCheck``) and the
    /// naming convention the result's declared versions are read by. Default: none
    /// (``DiffConfiguration/general``).
    public var configuration: DiffConfiguration

    public init(errorCodesAsDocumentation: Bool = false, configuration: DiffConfiguration = .general) {
        self.errorCodesAsDocumentation = errorCodesAsDocumentation
        self.configuration = configuration
    }
}

/// Structural diffs of OpenAPI 3.0 specs and draft-07 schemas, with every change classified.
///
/// ```swift
/// let result = try SpecDiff.compare(SpecDiff.load("old.yaml"), SpecDiff.load("new.yaml"))
/// print(result.requiredBump)              // MAJOR
/// for change in result.changes { print(change.id, change.message) }
/// ```
public enum SpecDiff {
    /// Reads a file, or an entry of the configuration's catalog (`auction@1.2.0`,
    /// `CRRMEQResult@1.1.0`) when no file has that name; the file and its `$ref`s (through
    /// `library`, by default one on the file system with the same limits and the
    /// configuration's catalog) are read within `limits`.
    public static func load(_ path: String, library: DocumentLibrary? = nil, limits: ReaderLimits = .default,
                            configuration: DiffConfiguration = .general) throws -> DiffInput {
        let catalog = configuration.catalog
        if FileManager.default.fileExists(atPath: path) {
            let library = library ?? .fileSystem(limits: limits, catalog: catalog)
            do {
                guard let document = try DocumentLoader.load(path: path, limits: limits).documents.first?.document else {
                    throw DiffInputError("\(path): no document")
                }
                if OpenAPIVersion.isAPIDescription(document) {
                    do { try OpenAPIVersion.check(document) } catch { throw DiffInputError(error.description, isUnsupportedSpec: true) }
                }
                return DiffInput(document: document, name: path, library: library)
            } catch let error as DocumentError {
                throw DiffInputError(error.description)
            }
        }
        if path.contains("@") || !path.contains("/"), let catalog, let entry = catalog.find(path) {
            return try catalogInput(path: entry, catalog: catalog)
        }
        throw DiffInputError("\(path): no such file (nor a catalog entry such as auction@1.2.0)")
    }

    /// A file of `catalog` by its path, with `$ref`s resolving inside the catalog.
    public static func catalogInput(path: String, catalog: DiffCatalog) throws -> DiffInput {
        guard catalog.paths.contains(path) else { throw DiffInputError("\(path): no catalog entry") }
        return DiffInput(document: try catalog.document(path), name: path, library: catalogLibrary(catalog))
    }

    /// A library over `catalog`'s files (none without one).
    public static func catalogLibrary(_ catalog: DiffCatalog?) -> DocumentLibrary {
        DocumentLibrary(loader: { path in
            guard let catalog, catalog.paths.contains(path) else { return nil }
            return try? catalog.document(path)
        }, lister: { _ in [] }, catalog: catalog)  // catalog schemas are found by $id without listing
    }

    /// Parses text already in memory (for tests and git revisions).
    public static func input(text: String, name: String, library: DocumentLibrary? = nil, limits: ReaderLimits = .default) throws -> DiffInput {
        let format: InputFormat = name.hasSuffix(".json") ? .json : .yaml
        do {
            guard let document = try DocumentLoader.load(bytes: Array(text.utf8), name: name, format: format, limits: limits).documents.first?.document else {
                throw DiffInputError("\(name): no document")
            }
            return DiffInput(document: document, name: name, library: library ?? .fileSystem(limits: limits))
        } catch let error as DocumentError {
            throw DiffInputError(error.description)
        }
    }

    /// `openapi` for a document with an `openapi` field, `schema` for a JSON schema (a `$schema`,
    /// or schema keywords at the root), nil otherwise.
    public static func kind(of document: Document) -> DiffResult.Kind? {
        let root = document.root
        guard root.kind == .object else { return root.bool != nil ? .schema : nil }
        if OpenAPIVersion.isAPIDescription(document) { return .openAPI }
        if root["$schema"] != nil || root["$id"] != nil { return .schema }
        for member in root.members where SchemaDialect.validationKeywords.contains(member.name) || member.name == "definitions" {
            return .schema
        }
        return nil
    }

    /// Compares two versions of one spec or schema.
    public static func compare(_ old: DiffInput, _ new: DiffInput, options: DiffOptions = DiffOptions()) throws -> DiffResult {
        guard let oldKind = old.kind else { throw DiffInputError("\(old.name): neither an OpenAPI document nor a JSON schema") }
        guard let newKind = new.kind else { throw DiffInputError("\(new.name): neither an OpenAPI document nor a JSON schema") }
        guard oldKind == newKind else {
            throw DiffInputError("\(old.name) is \(oldKind == .openAPI ? "an OpenAPI document" : "a JSON schema") but \(new.name) is not")
        }
        var result: DiffResult
        switch oldKind {
        case .openAPI:
            // Swagger 2.0 and OpenAPI 3.1 are refused, not compared as if they were 3.0.
            for document in [old.document, new.document] {
                do { try OpenAPIVersion.check(document) } catch { throw DiffInputError(error.description) }
            }
            result = try OpenAPIDiff.compare(old: old, new: new, options: options)
        case .schema:
            result = SchemaFileDiff.compare(old: old.document, new: new.document, oldLibrary: old.library, newLibrary: new.library,
                                            oldName: old.name, newName: new.name, businessRules: options.configuration.businessRules)
        }
        result.oldDeclared = FileNameVersion.name(old.name, options.configuration.naming)
        result.newDeclared = FileNameVersion.name(new.name, options.configuration.naming)
        // A $ref the file fence refused (outside the compared files' folders, a FIFO, a device)
        // or a read limit stopped: the input is unusable, as in validate.
        if let refusal = old.library.refusal ?? new.library.refusal { throw DiffInputError(refusal.description) }
        return result
    }
}
