import ArgumentParser
import CRR
import Document
import OpenAPI
import Foundation
import JSONSchema
import Reporting

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON, YAML or JSON Lines files against a draft-07 schema.",
        discussion: """
        Every error names the failing value's file:line:column, its JSON Pointer and the schema \
        keyword that failed. `$ref`s resolve from local files only: map a remote URI prefix to a \
        folder with --resource. No network access is ever made.

        FILE is .json, .yaml/.yml, .jsonl (one instance per line, each judged alone) or - for \
        standard input (JSON unless --input-format says otherwise).

        Exit status: 0 all valid, 1 some instance invalid, 2 usage error, unreadable or malformed \
        input, or a limit hit.

        The CRR profile (on by default for catalog schemas and files named like CRR specs, or with \
        --profile crr) adds the CRR rules: a date-time carries no fractional seconds.

        Examples:
          crrspec validate --schema schemas/CRRPublicAuctionResult_v1.1.1.draft-07.schema.json results.json
          crrspec validate --schema CRRPublicAuctionResult@1.1.1 results.json
          crrspec validate --spec caiso_crr_auction_v1.2.1.yaml --operation portfolioCreation portfolio.json
          crrspec validate --spec auction --component NewBid bid.yaml
          crrspec validate --schema order.schema.json --fast orders.jsonl
          crrspec validate --schema s.json --resource https://example.com/schemas/=./vendor/schemas a.yaml
          cat a.json | crrspec validate --schema s.json --format json -
        """
    )

    @Option(name: .long, help: ArgumentHelp("The draft-07 schema: a file (JSON or YAML), or a catalog name such as CRRPublicAuctionResult or CRRPublicAuctionResult@1.1.1.", valueName: "SCHEMA"))
    var schema: String?

    @Option(name: .long, help: ArgumentHelp("An OpenAPI 3.0 spec (a file, or a catalog service such as auction or auction@1.2.1); use with --component or --operation.", valueName: "SPEC"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("Validate against this schema of the spec's components/schemas.", valueName: "NAME"))
    var component: String?

    @Option(name: .long, help: ArgumentHelp("Validate against this operation's request body schema.", valueName: "OPERATION_ID"))
    var operation: String?

    @Option(name: .long, help: "Rule profile: auto (CRR rules for catalog files and files named like CRR specs), crr, or none.")
    var profile: CRRProfile.Selection = .auto

    @Option(name: .long, help: ArgumentHelp("Map a URI prefix to a local directory for $ref resolution (repeatable).", valueName: "URI=PATH"))
    var resource: [String] = []

    @Flag(name: .long, help: "Stop at the first failure of each instance (fastest; no error details).")
    var fast = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .customLong("input-format"), help: "Read every FILE as json, yaml or jsonl instead of going by the extension.")
    var inputFormat: InputFormat?

    @Flag(name: .shortAndLong, help: "Print only errors (no 'valid' lines, no summary).")
    var quiet = false

    @OptionGroup var limits: LimitOptions

    @Argument(help: ArgumentHelp("Files to validate.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if (schema == nil) == (spec == nil) { throw ValidationError("give either --schema or --spec") }
        if spec != nil && (component == nil) == (operation == nil) {
            throw ValidationError("with --spec, give exactly one of --component NAME or --operation OPERATION_ID")
        }
        if spec == nil && (component != nil || operation != nil) { throw ValidationError("--component and --operation need --spec") }
        if files.isEmpty { throw ValidationError("give at least one FILE to validate (or - for standard input)") }
        for mapping in resource where !mapping.contains("=") {
            throw ValidationError("--resource takes URI=PATH, e.g. --resource http://localhost:1234/=./remotes (got \(mapping))")
        }
    }

    func run() throws {
        let registry = SchemaRegistry()
        registry.limits = limits.reader
        for mapping in resource {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            registry.addMapping(prefix: parts[0], directory: parts[1])
        }
        let compiled: Schema
        do {
            compiled = try SchemaSource(schema: schema, spec: spec, component: component, operation: operation, profile: profile)
                .compile(registry: registry, resourceRoots: resource.map { String($0.split(separator: "=", maxSplits: 1)[1]) })
        } catch let error as ArgumentParser.ValidationError {
            throw error
        } catch {
            Output.err("\(describeLoadError(error, file: schema ?? spec ?? ""))\n")
            throw ExitCode(2)
        }
        var reports: [InstanceReport] = []
        for file in files {
            reports += validateFile(file, compiled)
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

    func validateFile(_ file: String, _ schema: Schema) -> [InstanceReport] {
        let loaded: (documents: [LoadedDocument], failures: [DocumentError])
        do {
            loaded = try DocumentLoader.load(path: file, format: inputFormat, limits: limits.reader)
        } catch {
            return [InstanceReport(file: error.file, outcome: .unusable(error.message, line: error.line, column: error.column))]
        }
        var reports: [InstanceReport] = []
        for item in loaded.documents {
            let name = item.document.name
            do {
                if fast {
                    let ok = try schema.isValid(item.document.root, limits: limits.validation)
                    reports.append(InstanceReport(file: name, line: item.line, outcome: ok ? .valid : .invalid([], truncated: false)))
                } else {
                    let result = try schema.validate(item.document.root, limits: limits.validation)
                    reports.append(InstanceReport(file: name, line: item.line,
                                                  outcome: result.valid ? .valid : .invalid(result.errors, truncated: result.truncated)))
                }
            } catch {
                reports.append(InstanceReport(file: name, line: item.line, outcome: .unusable(error.message, line: item.line, column: item.line == nil ? nil : 1)))
            }
        }
        for failure in loaded.failures {
            reports.append(InstanceReport(file: failure.file, line: failure.line, outcome: .unusable(failure.message, line: failure.line, column: failure.column)))
        }
        reports.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return reports
    }
}

/// A readable one-line message for an error thrown while loading or compiling.
func describeLoadError(_ error: any Error, file: String) -> String {
    switch error {
    case let e as DocumentError: return e.description
    case let e as SchemaError: return e.description
    default: return "\(file): error: \(error)"
    }
}

extension InputFormat: ExpressibleByArgument {}
