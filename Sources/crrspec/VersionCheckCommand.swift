import ArgumentParser
import CRRRules
import Diff
import Document
import Reporting

struct VersionCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version-check",
        abstract: "Check that MAJOR.MINOR.MINI version numbers match the changes between two versions.",
        discussion: """
        Versions come from the file names (caiso_crr_<service>_vX.Y.Z.yaml, ..._vX.Y.Z_openapi.yaml, \
        <Name>_vX.Y.Z.draft-07.schema.json), info.version or the schema's $id, and the release \
        notes (the revision table in info.description; a schema's History: list). The rules: \
        MINI for documentation only; MINOR when a service changed compatibly or got a minor path \
        version; MAJOR when a service was added, got a major path version or changed incompatibly; \
        the numbers right of the bumped one restart at 0; the version goes up when anything \
        changed; file name and info.version agree; the release notes have an entry for the new \
        version.

        One FILE (or any number with --history) checks that file's own release history, for \
        published files with no earlier version at hand. One directory \
        checks its consecutive versions; two directories pair files by service or schema name.

        Exit status: 0 when every rule holds, 1 otherwise, 2 on unusable input.

        Examples:
          crrspec version-check openapi/caiso_crr_auction_v1.2.0_openapi.yaml \\
              openapi/caiso_crr_auction_v1.2.1_openapi.yaml
          crrspec version-check openapi
          crrspec version-check --catalog --format markdown
          crrspec version-check --git-base origin/main openapi schemas --format github
          crrspec version-check caiso_crr_auction_v1.2.1.yaml
        """
    )

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations), sarif (SARIF 2.1.0), junit, markdown or html (one self-contained page).")
    var format: DiffOutputFormat = .text

    @Option(name: .customLong("git-base"), help: ArgumentHelp("Compare the working tree with this git revision.", valueName: "REV"))
    var gitBase: String?

    @Flag(name: .long, help: "Check the consecutive versions of the bundled catalog.")
    var catalog = false

    @Flag(name: .long, help: "Check each FILE's own release history (any number of files).")
    var history = false

    @Option(name: .customLong("error-codes"), help: "How error-code catalog changes count: contract (MINOR, the default) or documentation (MINI).")
    var errorCodes: ErrorCodePolicy = .contract

    @Argument(help: ArgumentHelp("OLD NEW, a directory, one file, or paths with --git-base.", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        try DiffCommands.guarded {
            let (matching, singles) = history
                ? (InputPairing.Matching(), paths)
                : try DiffCommands.matching(paths, gitBase: gitBase, catalog: catalog, singleFileAllowed: true, limits: limits.reader)
            var entries: [DiffReport.Entry] = []
            for pair in matching.pairs {
                let diff = try SpecDiff.compare(pair.old, pair.new, options: errorCodes.options)
                entries.append(DiffReport.Entry(result: diff, check: try VersionCheck.check(old: pair.old, new: pair.new, diff: diff).verdict))
            }
            var histories: [(file: String, problems: [Finding])] = []
            for file in singles {
                let input = try SpecDiff.load(file, limits: limits.reader, configuration: CRRDiff.configuration)
                guard input.kind != nil else { throw DiffInputError("\(file): neither an OpenAPI document nor a JSON schema") }
                histories.append((file, try VersionCheck.history(input)))
            }
            let report = DiffReport(entries: entries, notes: matching.notes, histories: histories)
            Output.out(DiffCommands.render(report, format, versionCheck: true))
            return report.passed ? 0 : 1
        }
    }
}
