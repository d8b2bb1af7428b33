import ArgumentParser
import CRRRules
import Diff
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pages
import Reporting

/// Output formats of `diff` and `version-check`.
enum DiffOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif, junit, markdown, html
}

/// `--error-codes`: whether error-code catalog changes are contract or documentation changes.
enum ErrorCodePolicy: String, ExpressibleByArgument, CaseIterable {
    case contract, documentation

    var options: DiffOptions { DiffOptions(errorCodesAsDocumentation: self == .documentation, configuration: CRRDiff.configuration) }
}

/// A bump level on the command line (`MAJOR`, `minor`, ...).
struct BumpArgument: ExpressibleByArgument {
    var bump: Bump
    init?(argument: String) {
        guard let bump = Bump(label: argument), bump != .none else { return nil }
        self.bump = bump
    }
    static var allValueStrings: [String] { ["MAJOR", "MINOR", "MINI"] }
}

/// Shared by the diff commands: run a body, turning unusable input into exit 2.
enum DiffCommands {
    static func guarded(_ body: () throws -> Int32) throws {
        let status: Int32
        do {
            status = try body()
        } catch let error as DiffInputError {
            Output.err("crrspec: \(ControlEscape.keepingLines(error.message))\n")
            throw ExitCode(2)
        }
        if status != 0 { throw ExitCode(status) }
    }

    static func render(_ report: DiffReport, _ format: DiffOutputFormat, versionCheck: Bool, failOn: Bump? = nil) -> String {
        switch format {
        case .text: DiffTextRenderer.render(report, versionCheck: versionCheck)
        case .json: DiffJSONRenderer.render(report, versionCheck: versionCheck)
        case .github: GitHubAnnotations.render(report.findings(versionCheck: versionCheck))
        case .sarif: report.sarif(versionCheck: versionCheck, toolVersion: CRRSpecVersion.current, explanations: .crrspec)
        case .junit: report.junit(versionCheck: versionCheck, failOn: failOn ?? .major)
        case .markdown: DiffMarkdownRenderer.render(report, versionCheck: versionCheck)
        case .html: ReportPages.diff(report)
        }
    }

    /// The pairs named by the arguments (`InputPairing.select`), with the CRR layer's
    /// configuration.
    static func matching(_ paths: [String], gitBase: String?, catalog: Bool, singleFileAllowed: Bool,
                         limits: ReaderLimits) throws -> (InputPairing.Matching, [String]) {
        let selected = try InputPairing.select(paths, gitBase: gitBase, catalog: catalog, singleFileAllowed: singleFileAllowed,
                                               limits: limits, configuration: CRRDiff.configuration)
        return (selected.matching, selected.singles)
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Classify every change between two versions of an OpenAPI spec or a draft-07 schema.",
        discussion: """
        Each change has a stable id (e.g. response-enum-value-added), a direction (request, \
        response, none), a compatibility (breaking, warning, compatible, documentation for specs; \
        widen, narrow, both, annotation-only for schemas), the bump it requires, and its old and \
        new locations (JSON Pointer and line:column). $refs are followed, within a file and to \
        schemas beside it or in the bundled catalog. crrspec explain ID says what a change id \
        means, how it is judged and shows an example.

        OLD and NEW are files, bundled catalog entries (auction@1.1.7) or two directories (files \
        matched by service or schema name). One directory compares its consecutive versions.

        Exit status: 0, or 1 when --fail-on is given and a change requires that bump or more; 2 on \
        unusable input.

        Examples:
          crrspec diff openapi/caiso_crr_auction_v1.1.7_openapi.yaml \\
              openapi/caiso_crr_auction_v1.2.0_openapi.yaml
          crrspec diff auction@1.1.7 auction@1.2.0 --format json
          crrspec diff auction@1.1.7 auction@1.2.0 --format html > diff.html
          crrspec diff old/ new/ --format github --fail-on MAJOR
          crrspec diff auction@1.1.7 auction@1.2.0 --format sarif > diff.sarif
          crrspec diff --git-base origin/main openapi schemas
        """
    )

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations), sarif (SARIF 2.1.0), junit (a failing test case per change that needs MAJOR, or --fail-on), markdown or html (one self-contained page).")
    var format: DiffOutputFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a change requires this bump or more: MAJOR, MINOR or MINI.", valueName: "BUMP"))
    var failOn: BumpArgument?

    @Option(name: .customLong("git-base"), help: ArgumentHelp("Compare the working tree with this git revision.", valueName: "REV"))
    var gitBase: String?

    @Flag(name: .long, help: "Compare the consecutive versions of the bundled catalog.")
    var catalog = false

    @Option(name: .customLong("error-codes"), help: "How error-code catalog changes count: contract (MINOR, the default) or documentation (MINI).")
    var errorCodes: ErrorCodePolicy = .contract

    @Argument(help: ArgumentHelp("OLD NEW (or a directory, or paths with --git-base).", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        try DiffCommands.guarded {
            let (matching, _) = try DiffCommands.matching(paths, gitBase: gitBase, catalog: catalog, singleFileAllowed: false, limits: limits.reader)
            var entries: [DiffReport.Entry] = []
            for pair in matching.pairs { entries.append(DiffReport.Entry(result: try SpecDiff.compare(pair.old, pair.new, options: errorCodes.options))) }
            let report = DiffReport(entries: entries, notes: matching.notes)
            Output.out(DiffCommands.render(report, format, versionCheck: false, failOn: failOn?.bump))
            if let failOn, report.requiredBump >= failOn.bump { return 1 }
            return 0
        }
    }
}
