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

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations), sarif, junit or html (one self-contained page).")
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

    /// Each schema's report and size (``MetaschemaCheck`` in the CRR library).
    func check(_ schemas: [String]) throws -> [(InstanceReport, Int)] {
        let mappings = resource.map { mapping -> (prefix: String, directory: String) in
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }
        let check = MetaschemaCheck(readerLimits: limits.reader, validationLimits: limits.validation, mappings: mappings,
                                    defaultDialect: dialect.defaultDialect, compileOptions: dialect.apply(CompileOptions()))
        return try check.run(schemas).map { ($0.report, $0.bytes) }
    }
}
