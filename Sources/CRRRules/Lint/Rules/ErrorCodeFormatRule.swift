import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A code in the table not shaped like three or four capitals and four digits.
struct ErrorCodeFormatRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-format", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Error codes match [A-Z]{3,4}[0-9]{4} (SER0017, LHFV0026).",
        why: "Clients match codes by this shape, and ErrorDetail.errorCode carries it.",
        fix: "Write the code as capitals and four digits, with no spaces.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>POR010</td><td>Portfolio {0} cannot be deleted.</td><td>Portfolio</td></tr>
        crrspec: error: error code "POR010" does not match [A-Z]{3,4}[0-9]{4} [crr-error-code-format]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable else { return }
        for entry in table.entries where !CRRErrorCode.isWellFormed(entry.code) {
            out.add(table.description, at: table.position(of: entry), "error code \"\(entry.code)\" does not match [A-Z]{3,4}[0-9]{4}")
        }
    }
}
