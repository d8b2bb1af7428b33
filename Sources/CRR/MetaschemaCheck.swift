import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

/// What `crrspec metaschema` does, as a library call: each schema file is validated against the
/// metaschema of its own dialect (draft-07, -06 or -04 by its `$schema`, else
/// ``defaultDialect``), then compiled, which also catches `$ref`s that do not resolve and
/// patterns that are not ECMA-262. `$ref`s between the files given, to the bundled CRR catalog
/// and to the mapped folders resolve; a file's local `$ref`s may read only inside its own folder
/// and the mapped folders. Two files that declare the same `$id` are each other's error.
///
/// ```swift
/// let check = MetaschemaCheck(readerLimits: .default, validationLimits: ValidationLimits())
/// for (report, _) in try check.run(["schemas/CRRMEQResult_v1.2.0.draft-07.schema.json"]) {
///     print(report.file ?? "-", report.outcome)
/// }
/// ```
public struct MetaschemaCheck: Sendable {
    public var readerLimits: ReaderLimits
    public var validationLimits: ValidationLimits
    /// URI prefixes mapped to folders (`--resource URI=PATH`).
    public var mappings: [(prefix: String, directory: String)]
    /// The dialect of schemas without `$schema`.
    public var defaultDialect: Dialect
    /// The options the schemas and the metaschemas are compiled with (format assertion).
    public var compileOptions: CompileOptions

    public init(readerLimits: ReaderLimits, validationLimits: ValidationLimits, mappings: [(prefix: String, directory: String)] = [],
                defaultDialect: Dialect = .draft7, compileOptions: CompileOptions = CompileOptions()) {
        self.readerLimits = readerLimits
        self.validationLimits = validationLimits
        self.mappings = mappings
        self.defaultDialect = defaultDialect
        self.compileOptions = compileOptions
    }

    /// Each file's report and size in bytes, in the order given (`-` is standard input).
    public func run(_ schemas: [String]) throws -> [(report: InstanceReport, bytes: Int)] {
        // Each dialect's metaschema, compiled when a schema of that dialect first comes.
        var metaschemas: [Dialect: Schema] = [:]
        let metaRegistry = SchemaRegistry()
        func metaschema(_ dialect: Dialect) throws -> Schema {
            if let known = metaschemas[dialect] { return known }
            let compiled = try Schema.compile(dialect.metaschemaDocument().root, registry: metaRegistry, options: compileOptions)
            metaschemas[dialect] = compiled
            return compiled
        }
        var reports: [(report: InstanceReport, bytes: Int)] = []
        func add(_ report: InstanceReport, _ bytes: Int = 0) { reports.append((report, bytes)) }
        // Load every schema first: $refs between the schemas given, and to the bundled catalog
        // (urn:crrspec:schema:...), resolve when they compile. A given file with the same $id as
        // a catalog schema replaces it; two given files with the same $id are an error.
        let registry = SchemaRegistry(limits: readerLimits, defaultDialect: defaultDialect, mappings: mappings)
        let resourceRoots = mappings.map { URL(fileURLWithPath: $0.directory).standardizedFileURL.path }
        try CRRCatalog.register(into: registry)
        var loaded: [String: Document] = [:]
        var duplicates: [String: (message: String, at: Value)] = [:]
        var claimed: [String: String] = [:]  // $id → the file that declared it first
        for path in schemas {
            guard let document = try? DocumentLoader.load(path: path, limits: readerLimits).documents.first?.document else { continue }
            loaded[path] = document
            guard path != "-" else { continue }
            let uri = URIReference.file(SchemaRegistry.absolutePathOf(path)).description
            let clash = registry.identifiers(declaredIn: document, uri: uri).first { claimed[$0.uri].map { $0 != path } ?? false }
            if let clash {
                duplicates[path] = ("duplicate $id \(clash.uri): declared by both \(claimed[clash.uri]!) and \(path); a $id names one schema per call (check one of them alone, or give one a different $id)", clash.at)
                continue  // never registered: the first file's refs keep resolving in the first file
            }
            for identifier in registry.identifiers(declaredIn: document, uri: uri) where claimed[identifier.uri] == nil {
                claimed[identifier.uri] = path
            }
            registry.add(document, uri: uri)
        }
        for path in schemas {
            let document: Document
            if let known = loaded[path] {
                document = known
            } else {
                do {
                    guard let first = try DocumentLoader.load(path: path, limits: readerLimits).documents.first else { continue }
                    document = first.document
                } catch {
                    add(InstanceReport(file: error.file, outcome: .unusable(error.message, line: error.line, column: error.column)))
                    continue
                }
            }
            if let duplicate = duplicates[path] {
                add(InstanceReport(file: document.name, outcome: .unusable(duplicate.message, line: duplicate.at.position.line, column: duplicate.at.position.column)), document.source.count)
                continue
            }
            do {
                let schemaDialect = try registry.dialect(of: document)
                let result = try metaschema(schemaDialect).validate(document.root, limits: validationLimits)
                if !result.valid {
                    add(InstanceReport(file: document.name, outcome: .invalid(result.errors, truncated: result.truncated)), document.source.count)
                    continue
                }
                if path == "-" { registry.add(document, uri: "file:///dev/stdin") }
                // Local $refs only inside the schema's own folder and the --resource roots.
                registry.allowedRoots = (path == "-" ? [FileManager.default.currentDirectoryPath]
                    : [URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path]) + resourceRoots
                _ = try Schema.compile(document.root, registry: registry, options: compileOptions)
                add(InstanceReport(file: document.name, outcome: .valid), document.source.count)
            } catch let error as SchemaError {
                add(InstanceReport(file: document.name, outcome: .unusable(error.message, line: error.position?.line, column: error.position?.column)), document.source.count)
            } catch {
                add(InstanceReport(file: document.name, outcome: .unusable("\(error)", line: nil, column: nil)), document.source.count)
            }
        }
        return reports
    }
}
