import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// An operation without the 400, 403, 404 and 500 responses carrying CRRServiceException.
struct ErrorResponsesRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-responses", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Every operation declares 403, 404 and 500 responses (and 400 when it takes input) whose content is CRRServiceException.",
        why: "CRR clients parse every error body as CRRServiceException; the 2024-11-21 update made every operation document 403, 404 and 500, and operations with path or query parameters or a body also answer bad input with 400. An operation without such input (the app-status ping, whose only parameter is the request-id header) is listed by the CPG notes with 403, 404 and 500 only, so 400 is not demanded there.",
        fix: "Add the missing responses with content application/json, schema $ref '#/components/schemas/CRRServiceException'.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   /auction/v1.0/portfolioRequiredCredit:
                     get:
                       responses: {'200': ..., '400': ..., '404': ..., '500': ...}
        crrspec: error: GET /auction/v1.0/portfolioRequiredCredit lacks the 403 response with CRRServiceException [crr-error-responses]
                 hint: add 403 with content application/json and schema $ref '#/components/schemas/CRRServiceException'
        """)

    static let statuses = ["400", "403", "404", "500"]

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let spec = context.spec, let contract = context.contract else { return }
        for operation in contract.operations {
            let responses = operation.value["responses"]
            // Input a request can get wrong: path or query parameters (path-item and operation
            // ones, as the model merges them), or a body (not the request-id header).
            let takesInput = operation.parameters.contains { $0.location == .path || $0.location == .query } || operation.requestBody != nil
            let required = takesInput ? ErrorResponsesRule.statuses : ErrorResponsesRule.statuses.filter { $0 != "400" }
            let missing = required.filter { responses?[$0] == nil }
            if !missing.isEmpty {
                out.add(responses ?? operation.value, "\(operation.method.uppercased()) \(operation.path) lacks the \(list(missing)) response\(missing.count == 1 ? "" : "s") with CRRServiceException",
                        hint: "add \(list(missing)) with content application/json and schema $ref '#/components/schemas/CRRServiceException'")
            }
            for status in ErrorResponsesRule.statuses {
                guard let raw = responses?[status] else { continue }
                let response = (try? spec.resolve(raw)) ?? raw
                let schemas = response["content"].entries.compactMap { $0.value["schema"] }
                if schemas.isEmpty {
                    out.add(raw, "the \(status) response of \(operation.method.uppercased()) \(operation.path) has no content; it should carry CRRServiceException")
                } else if let wrong = schemas.first(where: { !isServiceException($0, context) }) {
                    out.add(wrong, "the \(status) response of \(operation.method.uppercased()) \(operation.path) carries \(describe(wrong)), not CRRServiceException")
                }
            }
        }
    }

    func isServiceException(_ schema: Value, _ context: LintContext) -> Bool {
        guard let target = context.dereference(schema) else { return false }
        return target.pointer.tokens == ["components", "schemas", "CRRServiceException"]
    }

    func describe(_ schema: Value) -> String {
        if let ref = schema["$ref"]?.string { return ref.split(separator: "/").last.map { "\($0)" } ?? ref }
        return "an inline schema"
    }

    func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
