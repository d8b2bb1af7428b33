import ArgumentParser
import CRR
import CRRRules
import Document
import Diff
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Lint
import Mock
import Reporting

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a finding: what a keyword, CRR rule, lint rule or change id means, an example, and the fix.",
        discussion: """
        ID is what a finding is known by: the failing JSON Schema keyword (enum, required, format, \
        pattern, multipleOf, maxItems, additionalProperties, ...), a CRR profile rule \
        (crr-date-time-seconds), an input problem (malformed-input, input-unreadable, limit, \
        schema-auto, invalid), a lint \
        rule (crrspec lint --list-rules), a change id of crrspec diff and version-check \
        (response-enum-value-added, operation-removed) or a version rule of version-check \
        (declared-bump-too-low, version-not-reset). SARIF output names the same ids. Custom \
        lint rules are explained from their description: those of the .crrspec.yaml nearest the \
        working directory, and of --ruleset FILE. Without ID, every id is listed.

        Exit status: 0, or 2 for an unknown ID.

        Examples:
          crrspec explain enum
          crrspec explain crr-date-time-seconds
          crrspec explain schema-unknown-keyword
          crrspec explain response-enum-value-added
          crrspec explain declared-bump-too-low
          crrspec explain my-custom-rule --ruleset .spectral.yaml
          crrspec explain
        """
    )

    @Option(name: .long, help: ArgumentHelp("Also explain the custom rules of this Spectral ruleset file.", valueName: "FILE"))
    var ruleset: String?

    @Argument(help: ArgumentHelp("The keyword, rule or change id.", valueName: "ID"),
              completion: .custom { (_: [String], _: Int, prefix: String) -> [String] in
                  return ExplanationCatalog.crrspec.all.flatMap { [$0.id] + $0.aliases }.filter { $0.hasPrefix(prefix) }
              })
    var id: String?

    func run() throws {
        let catalog = ExplanationCatalog.crrspec.adding(customRules())
        guard let id else {
            Output.out(catalog.renderIndex())
            return
        }
        guard let explanation = catalog.lookup(id) else {
            let near = catalog.suggestions(for: id)
            Output.err("crrspec: no explanation for \(ControlEscape.line(id))" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                       + " (crrspec explain lists every id)\n")
            throw ExitCode(2)
        }
        Output.out(Explanations.render(explanation))
    }
}

extension ExplainCommand {
    /// The explanations of the custom rules of the nearest `.crrspec.yaml` and of `--ruleset` (unreadable ones are
    /// skipped here: `crrspec lint` reports them).
    func customRules() -> [Explanation] {
        var rules: [CustomRule] = []
        if let path = LintConfig.find(from: FileManager.default.currentDirectoryPath), let config = try? LintConfig.load(path, profiles: [CRRLint.profile]) {
            rules += config.customRules
        }
        if let ruleset, let outcome = try? CustomRuleParser.ruleset(ruleset, profiles: [CRRLint.profile]) { rules += outcome.rules }
        return rules.map(\.explanation)
    }
}

extension ExplanationCatalog {
    /// Every id crrspec's commands emit: Reporting's built-ins, the CRR profile's rules, every lint rule (from its
    /// `RuleMeta`; the CRR layer's rules after the engine's), every change id (`ChangeCatalog`),
    /// the version rules and the mock's log ids.
    static let crrspec = ExplanationCatalog.builtIn.adding(CRRProfile.explanations + LintEngine.explanations(with: [CRRLint.profile]) + ChangeCatalog.explanations(with: CRRDiff.configuration)
                                                           + VersionRule.explanations + MockLogID.explanations)
}
