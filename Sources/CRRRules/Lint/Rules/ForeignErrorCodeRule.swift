import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A code that belongs to another CRR service.
struct ForeignErrorCodeRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-foreign", severity: .warning, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "The code table lists only codes that apply to the spec's own service.",
        why: "The 2024-11-21 update removed codes that do not apply (SMT codes in TOR conversion, market codes in messages); a foreign code tells clients to expect an error the service never returns.",
        fix: "Remove the row, or move it to the service it belongs to.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>SMT0146</td><td>...</td><td>Secondary market</td></tr>
        crrspec: warning: error code SMT0146 (secondary market) does not apply to the auction service; it belongs to secondary_market [crr-error-code-foreign]
                 hint: remove the row
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable, let service = context.service else { return }
        for entry in table.entries where CRRKnowledge.retirement(entry.code, service: service) == nil {
            guard let owner = CRRKnowledge.owner(of: entry.code), !owner.services.contains(service) else { continue }
            out.add(table.description, at: table.position(of: entry),
                    "error code \(entry.code) (\(owner.what)) does not apply to the \(service) service; it belongs to \(owner.services.sorted().joined(separator: ", "))",
                    hint: "remove the row")
        }
    }
}
