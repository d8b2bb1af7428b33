import ArgumentParser
import Batch
import CRR
import Document
import OpenAPI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

/// Output formats of the commands that report findings.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// `file:line:column: error: message` lines for people.
    case text
    /// One JSON object (the JSON Schema "basic" output units plus positions).
    case json
    /// GitHub Actions workflow commands (`::error file=...,line=...,col=...::message`).
    case github
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// JUnit XML, for CI test views: a test suite per file, a failing test case per error.
    case junit
    /// One self-contained HTML page: each file's lines with the errors marked, charts of errors by field and keyword.
    case html
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON, YAML or JSON Lines files (or folders of them) against a JSON Schema (draft-07, -06 or -04).",
        discussion: """
        Every error names the failing value's file:line:column, its JSON Pointer and the schema \
        keyword that failed. `$ref`s resolve from local files only: map a remote URI prefix to a \
        folder with --resource. No network access is ever made.

        FILE is .json, .yaml/.yml, .jsonl (one instance per line, each judged alone), .jsonl.gz \
        (gzipped JSON Lines), - for standard input (JSON unless --input-format says otherwise), or \
        a folder: crrspec walks it recursively and checks the files matching --include (default \
        *.json, *.yaml, *.yml, *.jsonl, *.jsonl.gz) and no --exclude; hidden files and folders are \
        skipped. The schema is compiled once and files are checked on all cores (--jobs); results \
        print in file order, and a summary with the files, records, valid, invalid, unusable and \
        MB/s goes to standard error.

        The schema's $schema picks its dialect: draft-07, draft-06 or draft-04 (schemas without \
        one are draft-07 unless --default-dialect says otherwise); 2019-09, 2020-12 and unknown \
        dialects exit 2. format, contentMediaType and contentEncoding are assertions; --formats \
        annotate makes them annotations (never an error). A $ref cycle that never moves into the \
        instance stops the instances that reach it with exit 2.

        --schema auto picks the catalog download schema each file's records fit best (by their \
        field names) and says which on standard error; a file that fits none is reported with the \
        closest candidates.

        Exit status: 0 all valid, 1 some instance invalid, 2 usage error, unreadable or malformed \
        input, or a limit hit.

        The CRR profile adds the CRR rules: a date-time carries no fractional seconds. It is on for \
        catalog schemas, files named like CRR specs and schemas, and files whose content is CRR's \
        (they define CRRServiceException, name a CAISO CRR server, or hold CAISO's error-code \
        table); --profile crr or none overrides. Text output says once whether it is on and why.

        Examples:
          crrspec validate \\
              --schema schemas/CRRPublicAuctionResult_v1.1.1.draft-07.schema.json \\
              results.json
          crrspec validate --schema CRRPublicAuctionResult@1.1.1 results.json
          crrspec validate --schema auto downloads/
          crrspec validate --schema CRRSourceSink#/items --exclude 'archive/**' \\
              nightly/
          crrspec validate --spec caiso_crr_auction_v1.2.1.yaml \\
              --operation portfolioCreation portfolio.json
          crrspec validate --spec auction --component NewBid bid.yaml
          crrspec validate --schema order.schema.json --fast orders.jsonl.gz
          crrspec validate --schema legacy.schema.json --default-dialect draft-04 --formats annotate data.json
          crrspec validate --schema s.json --format github changed/*.json
          crrspec validate --spec auction --operation portfolioCreation \\
              --format html bids/ > report.html
          crrspec validate --schema s.json \\
              --resource https://example.com/schemas/=./vendor/schemas a.yaml
          cat a.json | crrspec validate --schema s.json --format json -
        """
    )

    @Option(name: .long, help: ArgumentHelp("The schema: a file (JSON or YAML; draft-07, -06 or -04 by its $schema), a catalog name such as CRRPublicAuctionResult or CRRPublicAuctionResult@1.1.1, or auto (pick the catalog download schema that fits each file).", valueName: "SCHEMA"),
            completion: Completions.schemas)
    var schema: String?

    @Option(name: .long, help: ArgumentHelp("An OpenAPI 3.0 spec (a file, or a catalog service such as auction or auction@1.2.1); use with --component or --operation.", valueName: "SPEC"),
            completion: Completions.specs)
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("Validate against this schema of the spec's components/schemas.", valueName: "NAME"))
    var component: String?

    @Option(name: .long, help: ArgumentHelp("Validate against this operation's request body schema.", valueName: "OPERATION_ID"))
    var operation: String?

    @Option(name: .long, help: "Rule profile: auto (CRR rules for catalog files and files named or built like CRR specs), crr, or none.")
    var profile: CRRProfile.Selection = .auto

    @Option(name: .long, help: ArgumentHelp("Map a URI prefix to a local directory for $ref resolution (repeatable).", valueName: "URI=PATH"))
    var resource: [String] = []

    @OptionGroup var dialect: DialectOptions

    @Flag(name: .long, help: "Stop at the first failure of each instance (fastest; no error details).")
    var fast = false

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations), sarif, junit or html (one self-contained page).")
    var format: ReportFormat = .text

    @Option(name: .customLong("input-format"), help: "Read every FILE as json, yaml or jsonl instead of going by the extension.")
    var inputFormat: InputFormat?

    @Option(name: .long, help: ArgumentHelp("In folders, check only files matching this glob (repeatable; default *.json, *.yaml, *.yml, *.jsonl, *.jsonl.gz). A glob with / matches the path inside the folder; ** matches any folders.", valueName: "GLOB"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("In folders, skip files and folders matching this glob (repeatable), e.g. 'archive/**' or '*.draft.json'.", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Files checked at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(name: .long, help: "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "Print only errors (no 'valid' lines, no summary, no progress bar).")
    var quiet = false

    @OptionGroup var limits: LimitOptions

    @Argument(help: ArgumentHelp("Files or folders to validate (- for standard input).", valueName: "FILE"),
              completion: .file(extensions: ["json", "yaml", "yml", "jsonl", "gz"]))
    var files: [String]

    var isAuto: Bool { schema?.lowercased() == "auto" }

    func validate() throws {
        if (schema == nil) == (spec == nil) { throw ValidationError("give either --schema or --spec") }
        if spec != nil && (component == nil) == (operation == nil) {
            throw ValidationError("with --spec, give exactly one of --component NAME or --operation OPERATION_ID")
        }
        if spec == nil && (component != nil || operation != nil) { throw ValidationError("--component and --operation need --spec") }
        if files.isEmpty { throw ValidationError("give at least one FILE or folder to validate (or - for standard input)") }
        for mapping in resource {
            let parts = mapping.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                throw ValidationError("--resource takes URI=PATH with both sides non-empty, e.g. --resource http://localhost:1234/=./remotes (got \(ControlEscape.line(mapping)))")
            }
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs needs a positive number") }
        if isAuto && !resource.isEmpty { throw ValidationError("--resource needs a schema file; --schema auto uses the bundled catalog") }
    }

    func run() throws {
        // The summary's time covers compiling the schema too (a schema can take longer to
        // compile than the files take to validate).
        let started = ContinuousClock.now
        var options = BatchOptions()
        options.fast = fast
        options.inputFormat = inputFormat
        options.readerLimits = limits.reader
        options.validationLimits = limits.validation
        if let jobs { options.jobs = jobs }
        // For benchmarks and bisecting: the size from which a top-level array is validated while
        // it is parsed (`CRRSPEC_STREAM_ARRAY_BYTES=off` reads every file whole).
        if let setting = ProcessInfo.processInfo.environment["CRRSPEC_STREAM_ARRAY_BYTES"] {
            options.streamArrayBytes = setting == "off" ? Int.max : Int(setting) ?? options.streamArrayBytes
        }
        let batch = try makeBatch(options)
        let collected = InputCollector(includes: include, excludes: exclude).collect(files)
        let output = ReportPrinter(format: format, quiet: quiet, command: "validate", color: color,
                                   progressTotal: collected.files.count)
        for problem in collected.problems { output.emit([problem], bytes: 0, label: nil) }
        let summary = batch.run(collected.files, progress: output.progress) { outcome in
            output.emit(outcome.reports, bytes: outcome.bytes, label: outcome.schemaLabel, path: outcome.path)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let code = output.finish(seconds: max(summary.seconds, seconds))
        if code != 0 { throw ExitCode(code) }
    }

    /// Says once, on standard error with text output, that the CRR profile is on and why (or
    /// off, when --profile says so); a plain schema under auto gets no line.
    func announceProfile(_ decision: CRRProfile.Decision) {
        guard decision.active || profile != .auto else { return }
        if format == .text && !quiet { Output.err(decision.summary + "\n") }
    }

    /// The batch that checks the files: the schema compiled once (or --schema auto prepared),
    /// before any file is read.
    func makeBatch(_ options: BatchOptions) throws -> BatchValidator {
        if isAuto {
            let auto = CRRAutoSchemas(profile: profile, baseOptions: dialect.apply(CRRBusinessRule.options()))
            announceProfile(profile == .none ? CRRProfile.decide(.none, path: nil, document: nil)
                            : CRRProfile.Decision(active: true, reason: profile == .crr ? "--profile crr" : "--schema auto picks bundled catalog schemas"))
            return BatchValidator(options: options) { _, _, sample in
                switch auto.choose(for: sample) {
                case .success(let chosen): return .schema(chosen.schema, label: chosen.label)
                case .failure(let error): return .problem(error.message)
                }
            }
        }
        // URI=PATH, as validate() checked.
        let mappings = resource.map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) }
        let registry = SchemaRegistry(limits: limits.reader, defaultDialect: dialect.defaultDialect,
                                      mappings: mappings.map { (prefix: $0[0], directory: $0[1]) })
        let compiled: Schema
        do {
            var source = SchemaSelection(schema: schema, spec: spec, component: component, operation: operation, profile: profile,
                                         adjust: dialect.apply)
            compiled = try source
                .compile(registry: registry, resourceRoots: mappings.map { $0[1] })
            announceProfile(source.decision)
        } catch let error as SchemaSelectionError {
            // A schema that cannot be selected (no such file, component or operation) is a
            // usage error on stderr, and an unusable result in json/sarif/github: never an empty stdout.
            reportUnusableSchema(error)
            throw ArgumentParser.ValidationError(error.description)
        } catch {
            Output.err("\(describeLoadError(error, file: schema ?? spec ?? ""))\n")
            reportUnusableSchema(error)
            throw ExitCode(2)
        }
        // One schema known up front: a large download is validated while it is parsed.
        return BatchValidator(options: options, schema: compiled)
    }
}

extension ValidateCommand {
    /// With `--format json|sarif|github`, a schema that cannot be used still produces a
    /// well-formed document on stdout: one unusable result for the schema file (the message is
    /// on stderr too). Text output keeps just the stderr line.
    func reportUnusableSchema(_ error: any Error) {
        guard format != .text else { return }
        var file = schema ?? spec ?? ""
        var line: Int?, column: Int?
        var message = "\(error)"
        switch error {
        case let e as DocumentError:
            file = e.file; message = e.message
            if e.line > 0 { line = e.line; column = e.column }
        case let e as SchemaError:
            file = e.file ?? file; message = e.message
            line = e.position?.line; column = e.position?.column
        default:
            break
        }
        let output = ReportPrinter(format: format, quiet: true, command: "validate", color: color, progressTotal: 0)
        output.emit([InstanceReport(file: file, outcome: .unusable("the schema cannot be used: " + message, line: line, column: column))],
                    bytes: 0, label: nil)
        _ = output.finish(seconds: 0)
    }
}

/// A readable one-line message for an error thrown while loading or compiling.
func describeLoadError(_ error: any Error, file: String) -> String {
    switch error {
    case let e as DocumentError: return e.description
    case let e as SchemaError: return e.description
    case let e as UnsupportedSpecVersion: return e.description
    default: return "\(file): error: \(error)"
    }
}

extension InputFormat: ExpressibleByArgument {}
extension CRRProfile.Selection: CaseIterable, ExpressibleByArgument {
    /// The selections `--profile` takes: the engines' `auto` and `none`, and the CRR layer's.
    public static var allCases: [ProfileSelection] { [.auto, .crr, .none] }

    public init?(argument: String) {
        guard let known = Self.allCases.first(where: { $0.rawValue == argument }) else { return nil }
        self = known
    }
}
