import ArgumentParser
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
        which also catches unresolvable $refs and regexes that are not ECMA-262.

        Exit status: 0 all valid, 1 some schema invalid, 2 unreadable input.

        Examples:
          crrspec metaschema schemas/*.schema.json
          crrspec metaschema --format json my.schema.json
        """
    )

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @OptionGroup var limits: LimitOptions

    @Argument(help: ArgumentHelp("Schema files (JSON or YAML).", valueName: "SCHEMA"))
    var schemas: [String]

    func run() throws {
        let metaRegistry = SchemaRegistry()
        let metaschema = try Schema.compile(MetaschemaDocument.draft07(), registry: metaRegistry)
        var reports: [InstanceReport] = []
        for path in schemas {
            let document: Document
            do {
                guard let loaded = try DocumentLoader.load(path: path, limits: limits.reader).documents.first else { continue }
                document = loaded.document
            } catch {
                reports.append(InstanceReport(file: error.file, outcome: .unusable(error.message, line: error.line, column: error.column)))
                continue
            }
            do {
                let result = try metaschema.validate(document.root, limits: limits.validation)
                if !result.valid {
                    reports.append(InstanceReport(file: path, outcome: .invalid(result.errors, truncated: result.truncated)))
                    continue
                }
                let registry = SchemaRegistry()
                registry.limits = limits.reader
                // Local $refs only inside the schema's own folder (crrspec validate adds --resource roots).
                registry.allowedRoots = [URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path]
                let uri = URIReference.file(SchemaRegistry.absolutePathOf(path)).description
                registry.add(document, uri: uri)
                do {
                    _ = try Schema.compile(document.root, registry: registry)
                    reports.append(InstanceReport(file: path, outcome: .valid))
                } catch let error as SchemaError {
                    reports.append(InstanceReport(file: path, outcome: .unusable(error.message, line: error.position?.line, column: error.position?.column)))
                }
            } catch {
                reports.append(InstanceReport(file: path, outcome: .unusable("\(error)", line: nil, column: nil)))
            }
        }
        switch format {
        case .text:
            Output.out(ValidationReportRenderer.text(reports, verbose: !quiet))
            if !quiet { Output.err(ValidationReportRenderer.summary(reports) + "\n") }
        case .json:
            Output.out(ValidationReportRenderer.json(reports))
        }
        let code = ValidationReportRenderer.exitCode(reports)
        if code != 0 { throw ExitCode(code) }
    }
}
