import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A file name that follows none of the CRR conventions, or one that names the wrong kind.
struct FileNameRule: LintRule {
    let meta = RuleMeta(
        id: "crr-file-name", severity: .warning, scope: .all, profile: CRRLint.ruleProfile,
        summary: "File names follow caiso_crr_<service>_vX.Y.Z.yaml (or ..._openapi.yaml) for specs and <Name>_vX.Y.Z.draft-07.schema.json for schemas.",
        why: "CAISO versions its CRR files by name; tools (crrspec's catalog and diff among them) find services and versions from it.",
        fix: "Rename the file, e.g. caiso_crr_auction_v1.2.1.yaml or CRRMEQResult_v1.2.0.draft-07.schema.json.",
        example: """
        file:    caiso_crr_resource_v1.0.2.yaml     (a draft-07 schema)
        crrspec: warning: "caiso_crr_resource_v1.0.2.yaml" is named like an OpenAPI spec but holds a JSON Schema [crr-file-name]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let base = context.file.split(separator: "/").last.map(String.init) ?? context.file
        guard let name = context.fileName else {
            let expected = context.kind == .openAPI ? "caiso_crr_<service>_vX.Y.Z.yaml or caiso_crr_<service>_vX.Y.Z_openapi.yaml" : "<Name>_vX.Y.Z.draft-07.schema.json"
            out.add(context.fileAnchor, "file name \"\(base)\" does not follow the CRR convention \(expected)")
            return
        }
        switch (name.kind, context.kind) {
        case (.schema, .openAPI):
            out.add(context.fileAnchor, "\"\(base)\" is named like a draft-07 schema but holds an OpenAPI spec")
        case (.openAPI, .schema):
            out.add(context.fileAnchor, "\"\(base)\" is named like an OpenAPI spec but holds a JSON Schema")
        default:
            break
        }
    }
}
