import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// `info.version` (or a schema's `$id` version) that differs from the file name's version.
struct InfoVersionRule: LintRule {
    let meta = RuleMeta(
        id: "crr-info-version", severity: .error, scope: .all, profile: CRRLint.ruleProfile,
        summary: "info.version (a schema's $id version) equals the version in the file name.",
        why: "Readers, the catalog and crrspec diff trust both; when they differ nobody knows which version the file is.",
        fix: "Make info.version and the file name say the same X.Y.Z.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   info:
                     version: "1.2.0"
        crrspec: error: info.version is "1.2.0", but the file name says 1.2.1 [crr-info-version]
                 hint: write version: "1.2.1"
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let expected = context.fileName?.version else { return }
        switch context.kind {
        case .openAPI:
            guard let value = context.root["info"]?["version"] else {
                out.add(context.fileAnchor, "the spec has no info.version; the file name says \(expected)")
                return
            }
            let text = value.string ?? value.numberText ?? ""
            if CRRVersion(text) != expected {
                out.add(value, "info.version is \"\(text)\", but the file name says \(expected)", hint: "write version: \"\(expected)\"")
            }
        case .schema:
            guard let id = context.root["$id"], let version = InfoVersionRule.version(in: id.string ?? ""), version != expected else { return }
            out.add(id, "$id names version \(version), but the file name says \(expected)")
        }
    }

    /// The last X.Y.Z in a text.
    static func version(in text: String) -> CRRVersion? {
        let parts = text.split(whereSeparator: { !($0.isNumber || $0 == ".") })
        return parts.reversed().lazy.compactMap { CRRVersion(String($0)) }.first
    }
}
