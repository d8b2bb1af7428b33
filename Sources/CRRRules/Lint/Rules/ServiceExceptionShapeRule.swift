import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A CRRServiceException that is not the error model of the 2024-11-21 update.
struct ServiceExceptionShapeRule: LintRule {
    let meta = RuleMeta(
        id: "crr-service-exception-shape", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "CRRServiceException requires errorList (ErrorDetail items with severity, errorCode, errorDescription) and creationTime.",
        why: "CRR clients read every error through this model; since the 2024-11-21 update one response carries a list of errors, each with its own code and severity.",
        fix: "Give CRRServiceException required errorList (array of $ref ErrorDetail) and creationTime (date-time); ErrorDetail requires severity (FATAL, ERROR), errorCode and errorDescription.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   CRRServiceException:
                     type: object
                     required: [creationTime]
        crrspec: error: CRRServiceException does not require errorList [crr-service-exception-shape]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard context.spec?.operations.isEmpty == false else { return }
        guard let exception = context.root["components"]?["schemas"]?["CRRServiceException"] else {
            out.add(context.root["components"]?["schemas"] ?? context.fileAnchor, "the spec defines no CRRServiceException schema")
            return
        }
        let required = exception["required"].strings
        for name in ["errorList", "creationTime"] where !required.contains(name) || exception["properties"]?[name] == nil {
            out.add(exception["required"] ?? exception, "CRRServiceException does not \(exception["properties"]?[name] == nil ? "define" : "require") \(name)")
        }
        if let created = exception["properties"]?["creationTime"], context.effectiveFormat(created) != "date-time" {
            out.add(created, "CRRServiceException.creationTime is not a date-time")
        }
        guard let list = exception["properties"]?["errorList"] else { return }
        guard let array = context.dereference(list), array["type"]?.string == "array", let items = array["items"], let detail = context.dereference(items) else {
            out.add(list, "errorList is not an array of ErrorDetail")
            return
        }
        let detailRequired = detail["required"].strings
        for name in ["severity", "errorCode", "errorDescription"] where !detailRequired.contains(name) || detail["properties"]?[name] == nil {
            out.add(detail["required"] ?? detail, "the errorList items (ErrorDetail) do not \(detail["properties"]?[name] == nil ? "define" : "require") \(name)")
        }
        if let severity = detail["properties"]?["severity"].flatMap({ context.dereference($0) }) {
            let values = Set(severity["enum"].strings)
            if values != ["FATAL", "ERROR"] {
                out.add(severity["enum"] ?? severity, "ErrorDetail.severity is the enum FATAL, ERROR (found \(values.isEmpty ? "no enum" : values.sorted().joined(separator: ", ")))")
            }
        }
    }
}
