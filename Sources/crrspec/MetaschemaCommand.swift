import ArgumentParser
import Batch
import CRR
import Document
import Foundation
import JSONSchema
import Reporting

struct MetaschemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metaschema",
        abstract: "Check schemas against the draft-07 metaschema (and that they compile).",
        discussion: """
        Each SCHEMA is validated against the bundled draft-07 metaschema; then crrspec compiles it, \
        which also catches unresolvable $refs and regexes that are not ECMA-262. $refs between the \
        schemas given, and to the bundled catalog, resolve. A folder is walked recursively for \
        *.json, *.yaml and *.yml files (--include and --exclude as for validate).

        Exit status: 0 all valid, 1 some schema invalid, 2 unreadable input.

        Examples:
          crrspec metaschema schemas/*.schema.json
          crrspec metaschema --format json my.schema.json
          crrspec metaschema --format github schemas/*.schema.json
        """
    )

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations) or sarif.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("In folders, check only files matching this glob (repeatable; default *.json, *.yaml, *.yml).", valueName: "GLOB"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("In folders, skip files and folders matching this glob (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @OptionGroup var limits: LimitOptions

    @Argument(help: ArgumentHelp("Schema files (JSON or YAML), or folders of them.", valueName: "SCHEMA"), completion: .file(extensions: ["json", "yaml", "yml"]))
    var schemas: [String]

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
        let metaRegistry = SchemaRegistry()
        let metaschema = try Schema.compile(MetaschemaDocument.draft07(), registry: metaRegistry)
        var reports: [(InstanceReport, Int)] = []
        func add(_ report: InstanceReport, _ bytes: Int = 0) { reports.append((report, bytes)) }
        // Load every schema first: $refs between the schemas given, and to the bundled catalog
        // (urn:crrspec:schema:...), resolve when they compile. A given file with the same $id as
        // a catalog schema replaces it.
        let registry = SchemaRegistry()
        registry.limits = limits.reader
        try CRRCatalog.register(into: registry)
        var loaded: [String: Document] = [:]
        for path in schemas {
            if let document = try? DocumentLoader.load(path: path, limits: limits.reader).documents.first?.document {
                loaded[path] = document
                if path != "-" { registry.add(document, uri: URIReference.file(SchemaRegistry.absolutePathOf(path)).description) }
            }
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
            do {
                let result = try metaschema.validate(document.root, limits: limits.validation)
                if !result.valid {
                    add(InstanceReport(file: document.name, outcome: .invalid(result.errors, truncated: result.truncated)), document.source.count)
                    continue
                }
                if path == "-" { registry.add(document, uri: "file:///dev/stdin") }
                // Local $refs only inside the schema's own folder (validate adds --resource roots).
                registry.allowedRoots = path == "-" ? [FileManager.default.currentDirectoryPath]
                    : [URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path]
                do {
                    _ = try Schema.compile(document.root, registry: registry)
                    add(InstanceReport(file: document.name, outcome: .valid), document.source.count)
                } catch let error as SchemaError {
                    add(InstanceReport(file: document.name, outcome: .unusable(error.message, line: error.position?.line, column: error.position?.column)), document.source.count)
                }
            } catch {
                add(InstanceReport(file: document.name, outcome: .unusable("\(error)", line: nil, column: nil)), document.source.count)
            }
        }
        return reports
    }
}
