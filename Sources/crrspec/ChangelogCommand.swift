import ArgumentParser
import CRRRules
import Diff
import Document
import Pages

enum ChangelogFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, text, html
}

struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: "Write release notes for the changes between two versions, grouped by service, breaking items first.",
        discussion: """
        Lines read like the CAISO change notes: "Renamed endpoint /a → /b (GET)", "Removed PREP \
        from enum of LoadSubmissionWindowStatus", "Replaced error code SER0018 with GEN0003". \
        The same line from several places is written once with a count.

        Exit status: 0, or 2 on unusable input.

        Examples:
          crrspec changelog \\
              openapi/caiso_crr_historical_forecasted_load_v1.0.4_openapi.yaml \\
              openapi/caiso_crr_historical_forecasted_load_v1.1.0_openapi.yaml
          crrspec changelog auction@1.1.7 auction@1.2.0 --format text
          crrspec changelog --catalog --format json
          crrspec changelog --catalog --format html > changes.html
          crrspec changelog --git-base origin/main openapi
        """
    )

    @Option(name: .long, help: "Output format: markdown, json, text or html (one self-contained page).")
    var format: ChangelogFormat = .markdown

    @Option(name: .customLong("git-base"), help: ArgumentHelp("Compare the working tree with this git revision.", valueName: "REV"))
    var gitBase: String?

    @Flag(name: .long, help: "Every consecutive pair of versions in the bundled catalog.")
    var catalog = false

    @Option(name: .customLong("error-codes"), help: "How error-code catalog changes count: contract (MINOR, the default) or documentation (MINI).")
    var errorCodes: ErrorCodePolicy = .contract

    @Argument(help: ArgumentHelp("OLD NEW, a directory, or paths with --git-base.", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        try DiffCommands.guarded {
            let (matching, _) = try DiffCommands.matching(paths, gitBase: gitBase, catalog: catalog, singleFileAllowed: false, limits: limits.reader)
            let results = try matching.pairs.map { try SpecDiff.compare($0.old, $0.new, options: errorCodes.options) }
            let services = Changelog.build(results, configuration: CRRDiff.configuration)
            switch format {
            case .markdown: Output.out(Changelog.markdown(services))
            case .json: Output.out(Changelog.json(services))
            case .text: Output.out(Changelog.text(services))
            case .html: Output.out(ReportPages.changelog(services))
            }
            for note in matching.notes { Output.err("note: \(ControlEscape.keepingLines(note))\n") }
            return 0
        }
    }
}
