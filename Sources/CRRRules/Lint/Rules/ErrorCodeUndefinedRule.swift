import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A code used in an example or a description that the spec's code table does not list.
struct ErrorCodeUndefinedRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-undefined", severity: .warning, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Error codes used in examples and descriptions are in the spec's own code table.",
        why: "A code the table does not explain cannot be handled by clients and usually means the table or the text is out of date.",
        fix: "Add the code to the CRRServiceException table, or correct the example or text.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   errorCode: {type: string, maxLength: 15, example: SER0077}
                   (the code table has no SER0077 row)
        crrspec: warning: error code SER0077 is not in the code table of CRRServiceException [crr-error-code-undefined]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable else { return }
        let codes = table.codes
        let skip: Set<Int> = [table.description.index, context.revisions?.description.index ?? -1]
        for value in context.texts where !skip.contains(value.index) {
            guard let text = value.string else { continue }
            for (code, offset) in CRRErrorCode.codes(in: text) where !codes.contains(code) && !CRRErrorCode.isPlaceholder(code) {
                out.add(value, at: SourceSearch.position(in: value, offset: offset, token: code),
                        "error code \(code) is not in the code table of CRRServiceException")
            }
        }
    }
}
