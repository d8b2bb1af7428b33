import ArgumentParser
import CRR
import CRRRules
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Lint
import Pages
import Reporting

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, junit, markdown, html
}

extension Severity: ExpressibleByArgument {}


struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check OpenAPI 3.0 specs and draft-07 schemas against JSON Schema, OpenAPI and CRR rules.",
        discussion: """
        Each finding names its rule, severity, file:line:column and JSON Pointer. PATH is a spec or \
        schema file, or a folder searched for .yaml, .yml and .json specs and schemas. The CRR \
        profile (crr-* rules) applies to files named like CRR specs and schemas \
        (caiso_crr_<service>_vX.Y.Z.yaml, <Name>_vX.Y.Z.draft-07.schema.json) and to files whose \
        content is CRR's (they define CRRServiceException, name a CAISO CRR server or hold \
        CAISO's error-code table); --profile crr or none overrides. Text output says once \
        whether it was on and why.

        Configuration: the nearest .crrspec.yaml above each file (or --config) turns rules off or \
        re-grades them, per path if need be:
          lint:
            fail-on: warning
            rules: {schema-enum-description: off, oas-*: warning}
            overrides:
              - files: ["legacy/**"]
                rules: {crr-error-responses: off}
        An x-lint-ignore member (a rule id, a list of them, or true) silences findings at and \
        below the object that holds it. --write-baseline records today's findings in \
        .crrspec-baseline.json beside the config (without one, in the folder that holds the \
        PATHs); later runs, from any working directory, report only new ones. Findings are \
        matched without line numbers, so moving text does not revive them.

        Custom rules: a rule body in Spectral's syntax under lint.rules (description, message \
        with {{property}} {{value}} {{path}}, severity, given: a JSONPath, then: field/function/\
        functionOptions with truthy, falsy, defined, undefined, pattern, enumeration, length, \
        casing, alphabetical, xor or schema), or --ruleset FILE with a Spectral ruleset:
          lint:
            rules:
              paths-no-query:
                description: Paths carry no query string.
                severity: error
                given: $.paths
                then: {field: "@key", function: pattern, functionOptions: {notMatch: "\\\\?"}}

        Formats: text (with a code frame), json, sarif (SARIF 2.1.0 for code scanning), github \
        (workflow annotations), junit, html (one self-contained page: findings by file and rule \
        with code frames). --list-rules prints the rules (text, json, markdown or html); \
        crrspec explain RULE says why a rule exists, with an example and the fix.

        Exit status: 0 no finding at or above --fail-on (default error), 1 some, 2 a file or the \
        configuration could not be read, or a check hit a resource limit (a `limit` error naming \
        the option that raises it, e.g. --regex-budget for a hostile pattern in an example).

        Examples:
          crrspec lint openapi/ schemas/
          crrspec lint --catalog
          crrspec lint \\
              ../shared/reference/caiso-crr-openapi/caiso_crr_auction_v1.2.1.yaml
          crrspec lint --format sarif specs/ > crrspec.sarif
          crrspec lint --format github --fail-on warning specs/
          crrspec lint --write-baseline specs/ && crrspec lint specs/
          crrspec lint --format html openapi/ > lint.html
          crrspec lint --list-rules --format markdown
          crrspec lint --list-rules --format html > rules.html
          crrspec lint --ruleset .spectral.yaml specs/
          crrspec lint --fix --dry-run specs/ && crrspec lint --fix specs/
        """
    )

    @Argument(help: ArgumentHelp("Spec or schema files, or folders to search.", valueName: "PATH"))
    var paths: [String] = []

    @Option(name: .long, help: "Output: text, json, sarif, github, junit or html (markdown with --list-rules; --list-rules takes text, json, markdown or html).")
    var format: LintFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings of this severity or worse: error, warning or info (default: the config's, else error).")
    var failOn: Severity?

    @Option(name: .long, help: "Rule profile: auto (CRR rules for files named or built like CRR files), crr, or none. Overrides the config.")
    var profile: CRRProfile.Selection?

    @Option(name: .long, help: ArgumentHelp("Use this configuration instead of the nearest .crrspec.yaml.", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Also run the rules of this Spectral ruleset file (its rules: unchanged; JavaScript functions and extends are reported and skipped).", valueName: "FILE"))
    var ruleset: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .crrspec.yaml files.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("Report only findings not in this baseline file.", valueName: "FILE"))
    var baseline: String?

    @Flag(name: .customLong("write-baseline"), help: "Record the current findings as the baseline (and exit 0).")
    var writeBaseline = false

    @Flag(name: .long, help: "Lint the catalog bundled with crrspec.")
    var catalog = false

    @Flag(name: .customLong("list-rules"), help: "List every rule with its id, severity and description.")
    var listRules = false

    @Flag(name: .long, help: "Apply the mechanical fixes in place (fractional seconds in date-time examples, unquoted ON/OFF, a misspelt keyword with one clear correction), then report what is left.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print the changes instead of writing them.")
    var dryRun = false

    @Flag(name: .customLong("no-frame"), help: "Text output without code frames.")
    var noFrame = false

    @Flag(name: .shortAndLong, help: "No summary line.")
    var quiet = false

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if listRules {
            if [.sarif, .github, .junit].contains(format) {
                throw ValidationError("--list-rules prints text, json, markdown or html, not \(format.rawValue) (that format is for findings)")
            }
            return
        }
        if format == .markdown { throw ValidationError("--format markdown is for --list-rules") }
        if paths.isEmpty && !catalog { throw ValidationError("give a spec or schema file, a folder, or --catalog") }
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
        if fix && paths.contains("-") { throw ValidationError("--fix changes files in place; it cannot fix standard input") }
        if fix && writeBaseline { throw ValidationError("--fix and --write-baseline exclude each other") }
        if noConfig && config != nil { throw ValidationError("--config and --no-config exclude each other") }
    }

    func run() throws {
        if listRules {
            Output.out(RuleListing.render(format))
            return
        }
        var run = LintRun(command: self)
        try run.execute()
    }
}

/// `--list-rules` output.
enum RuleListing {
    static func render(_ format: LintFormat) -> String {
        let rules = LintEngine.rules(with: [CRRLint.profile]).map(\.meta)
        switch format {
        case .html:
            return ReportPages.rules(rules.map {
                ReportPages.RuleRow(id: $0.id, severity: $0.severity.rawValue, appliesTo: scopeText($0), summary: $0.summary, why: $0.why, fix: $0.fix)
            })
        case .json, .sarif, .github, .junit:
            // sarif, github and junit are refused with --list-rules (validate()); json here.
            var w = JSONWriter(pretty: true)
            w.beginObject(); w.key("rules"); w.beginArray()
            for m in rules {
                w.beginObject()
                w.field("id", m.id); w.field("severity", m.severity.rawValue); w.field("scope", m.scope.rawValue)
                w.field("crrProfile", m.profile?.name == CRRLint.ruleProfile.name); w.field("description", m.summary); w.field("why", m.why); w.field("fix", m.fix)
                w.endObject()
            }
            w.endArray(); w.endObject()
            return w.output + "\n"
        case .markdown:
            var out = "| Rule | Severity | Applies to | Checks |\n| --- | --- | --- | --- |\n"
            for m in rules {
                out += "| `\(m.id)` | \(m.severity.rawValue) | \(scopeText(m)) | \(Markdown.cell(m.summary)) |\n"
            }
            return out
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            return rules.map { m in
                m.id + String(repeating: " ", count: width - m.id.count) + "  " + m.severity.rawValue.padding(7) + "  " + m.summary
            }.joined(separator: "\n") + "\n"
        }
    }

    static func scopeText(_ m: RuleMeta) -> String {
        let base: String
        switch m.scope {
        case .schemas: base = "schemas, spec schemas"
        case .schemaFiles: base = "schema files"
        case .openAPI: base = "specs"
        case .all: base = "specs, schemas"
        }
        return m.profile.map { base + " (\($0.title))" } ?? base
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// One `crrspec lint` invocation: makes the library's `LintSession` from the options, runs it
/// and prints its result (fixes, the baseline written, or the findings and the summary).
struct LintRun {
    let command: LintCommand

    init(command: LintCommand) { self.command = command }

    mutating func execute() throws {
        let session = LintSession(paths: command.paths, profiles: [CRRLint.profile], limits: command.limits.reader,
                                  validationLimits: command.limits.validation)
        if command.catalog {
            session.sources = CRRCatalog.entries.map { entry in
                LintSession.Source(name: entry.uri, text: CRRCatalog.text(entry)) { try CRRCatalog.document(entry) }
            }
        }
        session.profile = command.profile
        session.configPath = command.config
        session.noConfig = command.noConfig
        session.rulesetPath = command.ruleset
        session.baselinePath = command.baseline
        session.writeBaseline = command.writeBaseline
        session.fix = command.fix ? (command.dryRun ? .dryRun : .apply) : nil
        session.failOn = command.failOn
        session.writeFile = { text, path in try OutputFile.write(text, to: path) }
        let result: LintSessionResult
        do {
            // What custom rules cannot run is said once, on standard error.
            result = try session.run { Output.err("crrspec: note: \($0)\n") }
        } catch let error as LintSessionError {
            throw fail(error.description)
        }
        if let fixes = result.fixes {
            let counts = "\(fixes.count) finding\(fixes.count == 1 ? "" : "s") in \(fixes.files.count) file\(fixes.files.count == 1 ? "" : "s")"
            if fixes.dryRun {
                for file in fixes.files { Output.out(LintFix.describe(file.applied, in: file.source, file: file.file)) }
                if !command.quiet { Output.err("would fix \(counts) (--dry-run: nothing written)\n") }
                return
            }
            if !command.quiet { Output.err("fixed \(counts)\n") }
        }
        if let written = result.baselineWritten {
            Output.err("wrote \(written.count) finding\(written.count == 1 ? "" : "s") to \(ControlEscape.line(written.path)); later runs report only new ones\n")
            return
        }
        render(result.outcome.reported, files: result.outcome.files, sources: result.sources, customRules: result.customRules,
               failOn: result.failOn, linted: result.lintedSource(file:))
        if !command.quiet && command.format == .text {
            if let line = LintRun.profileLine(result.decisions) { Output.err(line + "\n") }
            Output.err(result.outcome.summary + "\n")
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }

    func render(_ findings: [Finding], files: [String], sources: [String: String], customRules: [CustomRule], failOn: Severity,
                linted: (String) -> [UInt8]? = { _ in nil }) {
        switch command.format {
        case .text, .markdown:
            Output.out(FindingTextRenderer.render(findings, frames: !command.noFrame, sourceBytes: { file in
                sources[file].map { Array($0.utf8) } ?? linted(file) ?? (try? DocumentLoader.readRaw(path: file))
            }))
        case .json:
            Output.out(FindingJSONRenderer.render(findings))
        case .sarif:
            let tool = SARIFRenderer.Tool(version: CRRSpecVersion.current, rules: LintEngine.rules(with: [CRRLint.profile]).map(\.meta.descriptor) + customRules.map(\.meta.descriptor))
            Output.out(SARIFRenderer.render(findings, tool: tool, explanations: .crrspec))
        case .github:
            Output.out(GitHubAnnotations.render(findings))
        case .html:
            Output.out(ReportPages.lint(findings, files: files) { file in
                sources[file] ?? (try? DocumentLoader.readRaw(path: file)).map { String(decoding: $0, as: UTF8.self) }
            })
        case .junit:
            Output.out(JUnitRenderer.render(findings, files: files, failOn: failOn, suiteName: "crrspec lint"))
        }
    }

    /// One line saying whether the CRR profile was on and why: "CRR profile on (the file name
    /// follows CRR naming)", or per reason with counts when the files differ; none when no file
    /// got the profile by itself.
    static func profileLine(_ decisions: [CRRProfile.Decision]) -> String? {
        // Nothing to say when no file got the profile and nothing chose it explicitly.
        guard decisions.contains(where: { $0.active || $0.reason.hasPrefix("--profile") || $0.reason.hasPrefix("profile:") }) else { return nil }
        var order: [CRRProfile.Decision] = []
        var counts: [CRRProfile.Decision: Int] = [:]
        for decision in decisions {
            if counts[decision] == nil { order.append(decision) }
            counts[decision, default: 0] += 1
        }
        if order.count == 1 { return order[0].summary }
        return order.map { "\($0.summary) for \(counts[$0]!) file\(counts[$0]! == 1 ? "" : "s")" }.joined(separator: "; ")
    }

    func fail(_ message: String) -> ExitCode {
        Output.err(ControlEscape.keepingLines(message) + "\n")
        return ExitCode(2)
    }
}
