import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// Revision notes that add codes the table lacks, or remove codes it still lists.
struct RevisionCodesRule: LintRule {
    let meta = RuleMeta(
        id: "crr-revision-codes", severity: .warning, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Codes the revision notes add are in the code table; codes they remove are not.",
        why: "The revision table is the change log clients read; when it and the code table disagree (AOV0005 \"added\" but never listed, MKT0002 \"removed\" but still there) one of them is wrong.",
        fix: "Add or remove the table row, or correct the revision note.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>1.2.1</td><td>2024-12-20</td><td>POR0010 and AOV0005 added.</td></tr>
        crrspec: warning: the revision notes (1.2.1) add AOV0005, but the code table of CRRServiceException does not list it [crr-revision-codes]
                 hint: add a row for AOV0005 or correct the note
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable, let revisions = context.revisions else { return }
        var last: [String: RevisionTable.CodeEvent] = [:]
        var order: [String] = []
        for event in revisions.codeEvents where event.action != .mentioned {
            if last[event.code] == nil { order.append(event.code) }
            last[event.code] = event
        }
        for code in order {
            guard let event = last[code] else { continue }
            let version = revisions.rows[event.row].versionText
            switch event.action {
            case .added where !table.codes.contains(code):
                out.add(revisions.description, at: revisions.position(offset: event.offset, token: code),
                        "the revision notes (\(version)) add \(code), but the code table of CRRServiceException does not list it",
                        hint: "add a row for \(code) or correct the note")
            case .removed where table.codes.contains(code):
                let entry = table.entries(for: code)[0]
                out.add(table.description, at: table.position(of: entry),
                        "the revision notes (\(version)) remove \(code), but the code table still lists it", hint: "remove the row", defect: "code-listed:\(code)")
            default:
                continue
            }
        }
    }
}
