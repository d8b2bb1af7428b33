import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A code the 2024-11-21 update retired.
struct RetiredErrorCodeRule: LintRule {
    let meta = RuleMeta(
        id: "crr-retired-error-code", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "The code table lists no code the 2024-11-21 update retired (SER0018, ATH0002, MKT0002, AUC portfolio codes ...).",
        why: "CAISO no longer returns these codes; clients keyed on them miss the replacement.",
        fix: "Replace the row with the code CAISO uses now (the message names it), or drop it.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>ATH0002</td><td>No privilege for {0}.</td><td>Security</td></tr>
        crrspec: error: error code ATH0002 is retired: insufficient privilege is SEC0001 since the 2024-11-21 update; use SEC0001 [crr-retired-error-code]
                 hint: write SEC0001 instead of ATH0002
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable else { return }
        for entry in table.entries {
            guard let retired = CRRKnowledge.retirement(entry.code, service: context.service) else { continue }
            let instead = retired.replacement.map { "; use \($0)" } ?? ""
            out.add(table.description, at: table.position(of: entry), "error code \(entry.code) is retired: \(retired.reason)\(instead)",
                    hint: retired.replacement.map { "write \($0) instead of \(entry.code)" } ?? "remove the row", defect: "code-listed:\(entry.code)")
        }
    }
}
