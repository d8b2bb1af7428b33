import ArgumentParser
import Batch
import CRR
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

struct MetaschemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metaschema",
        abstract: "Check schemas against their dialect's metaschema (and that they compile).",
        discussion: """
        Each SCHEMA is validated against the metaschema of its own dialect — draft-07, draft-06 or \
        draft-04, as its $schema says (--default-dialect for schemas without one; 2019-09, 2020-12 \
        and unknown dialects exit 2) — all bundled, never fetched; then crrspec compiles it, which \
        also catches unresolvable $refs and regexes that are not ECMA-262. $refs between the \
        schemas given, and to the bundled catalog, resolve; --resource maps a remote URI prefix to \
        a folder as for validate. Two files of one call that declare the same $id are an error \
        naming both (exit 2): each file's own refs are resolved in that file. A folder is walked \
        recursively for *.json, *.yaml and *.yml files (--include and --exclude as for validate).

        Exit status: 0 all valid, 1 some schema invalid, 2 unreadable input.

        Examples:
          crrspec metaschema schemas/*.schema.json
          crrspec metaschema --format json my.schema.json
          crrspec metaschema --format github schemas/*.schema.json
          crrspec metaschema --format html schemas/ > metaschema.html
          crrspec metaschema --default-dialect draft-04 legacy/
          crrspec metaschema --resource https://example.com/schemas/=./vendor/schemas my.schema.json
        """
    )

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations), sarif or html (one self-contained page).")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("In folders, check only files matching this glob (repeatable; default *.json, *.yaml, *.yml).", valueName: "GLOB"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("In folders, skip files and folders matching this glob (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp("Map a URI prefix to a local directory for $ref resolution (repeatable).", valueName: "URI=PATH"))
    var resource: [String] = []

    @OptionGroup var dialect: DialectOptions

    @OptionGroup var limits: LimitOptions

    @Argument(help: ArgumentHelp("Schema files (JSON or YAML), or folders of them.", valueName: "SCHEMA"), completion: .file(extensions: ["json", "yaml", "yml"]))
    var schemas: [String]

    func validate() throws {
        for mapping in resource {
            let parts = mapping.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--resource takes URI=PATH, e.g. --resource http://localhost:1234/=./remotes (got \(mapping))")
            }
        }
    }

    func run() throws {
        let start = Date()
        let output = ReportPrinter(format: format, quiet: quiet, command: "metaschema", color: color, progressTotal: 0)
        let collected = InputCollector(includes: include.isEmpty ? ["*.json", "*.yaml", "*.yml"] : include, excludes: exclude).collect(schemas)
        for problem in collected.problems { output.emit([problem], bytes: 0, label: nil) }
        for (report, bytes) in try check(collected.files) { output.emit([report], bytes: bytes, label: nil) }
        let code = output.finish(seconds: Date().timeIntervalSince(start))
        if code != 0 { throw ExitCode(code) }
    }

    /// Each schema's report and size.
    func check(_ schemas: [String]) throws -> [(InstanceReport, Int)] {
        // Each dialect's metaschema, compiled when a schema of that dialect first comes.
        var metaschemas: [Dialect: Schema] = [:]
        let metaRegistry = SchemaRegistry()
        func metaschema(_ dialect: Dialect) throws -> Schema {
            if let known = metaschemas[dialect] { return known }
            let compiled = try Schema.compile(dialect.metaschemaDocument().root, registry: metaRegistry, options: self.dialect.apply(CompileOptions()))
            metaschemas[dialect] = compiled
            return compiled
        }
        var reports: [(InstanceReport, Int)] = []
        func add(_ report: InstanceReport, _ bytes: Int = 0) { reports.append((report, bytes)) }
        // Load every schema first: $refs between the schemas given, and to the bundled catalog
        // (urn:crrspec:schema:...), resolve when they compile. A given file with the same $id as
        // a catalog schema replaces it; two given files with the same $id are an error.
        let registry = SchemaRegistry()
        registry.limits = limits.reader
        registry.defaultDialect = dialect.defaultDialect
        let resourceRoots = resource.map { mapping -> String in
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            registry.addMapping(prefix: parts[0], directory: parts[1])
            return URL(fileURLWithPath: parts[1]).standardizedFileURL.path
        }
        try CRRCatalog.register(into: registry)
        var loaded: [String: Document] = [:]
        var duplicates: [String: (message: String, at: Value)] = [:]
        var claimed: [String: String] = [:]  // $id → the file that declared it first
        for path in schemas {
            guard let document = try? DocumentLoader.load(path: path, limits: limits.reader).documents.first?.document else { continue }
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
                    guard let first = try DocumentLoader.load(path: path, limits: limits.reader).documents.first else { continue }
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
                let result = try metaschema(schemaDialect).validate(document.root, limits: limits.validation)
                if !result.valid {
                    add(InstanceReport(file: document.name, outcome: .invalid(result.errors, truncated: result.truncated)), document.source.count)
                    continue
                }
                if path == "-" { registry.add(document, uri: "file:///dev/stdin") }
                // Local $refs only inside the schema's own folder and the --resource roots.
                registry.allowedRoots = (path == "-" ? [FileManager.default.currentDirectoryPath]
                    : [URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path]) + resourceRoots
                _ = try Schema.compile(document.root, registry: registry, options: dialect.apply(CompileOptions()))
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
