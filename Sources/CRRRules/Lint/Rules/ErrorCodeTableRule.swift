import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A CRRServiceException without a usable code table, or one missing the shared codes.
struct ErrorCodeTableRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-table", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "CRRServiceException's description holds a well-formed HTML code table listing the codes every service returns.",
        why: "The table is the only place a CRR spec says what its error codes mean; clients map codes to handling from it.",
        fix: "Keep one <table> of <tr><td>CODE</td><td>text</td><td>category</td></tr> rows, closing every tag, and list SEC0001, SER0001, SER0017, SER0028, SER0029 and SER0030.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   CRRServiceException:
                     description: |-
                       <table> ... (no rows for SER0028, SER0029, SER0030)
        crrspec: error: the code table lacks SER0028, SER0029, SER0030, which every CRR service returns since the 2024-11-21 update [crr-error-code-table]
                 hint: add a row for each; SER0028 and SER0029 say which HTTP status they go with
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let exception = context.root["components"]?["schemas"]?["CRRServiceException"] else { return }
        guard let table = context.codeTable else {
            out.add(exception["description"] ?? exception, "CRRServiceException's description has no error-code table")
            return
        }
        let text = table.description.string ?? ""
        for problem in HTMLTable.nestingProblems(text) {
            out.add(table.description, at: SourceSearch.position(in: table.description, offset: problem.offset, token: problem.token),
                    "the code table's HTML is not well-formed: \(problem.message)")
        }
        let missing = CRRKnowledge.sharedCodes.filter { !table.codes.contains($0) }
        if !missing.isEmpty {
            out.add(table.description, "the code table lacks \(missing.joined(separator: ", ")), which every CRR service returns since the 2024-11-21 update",
                    hint: "add a row for each; SER0028 and SER0029 say which HTTP status they go with")
        }
    }
}
