import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A revision table in `info.description` that is malformed, out of order, or lacks the
/// current version.
struct RevisionTableRule: LintRule {
    let meta = RuleMeta(
        id: "crr-revision-table", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "info.description holds a well-formed HTML revision table whose versions strictly increase and end at info.version.",
        why: "CAISO tracks every change of a CRR spec in this table; a stray tag breaks its rendering and a missing or misordered row hides what changed.",
        fix: "Close every tag once, keep rows oldest first, and add a row for the current version.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   info:
                     version: "1.2.1"
                     description: |-
                       <tr><td>1.1.9</td><td>2024-12-20</td><td>POR0010 added.</td></tr>     (the last row)
        crrspec: error: the revision table has no row for the current version 1.2.1 [crr-revision-table]
                 hint: add <tr><td>1.2.1</td><td>date</td><td>changes</td></tr>
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let revisions = context.revisions else {
            out.add(context.root["info"]?["description"] ?? context.fileAnchor, "info.description has no revision table (version, date, change log)")
            return
        }
        let text = revisions.description.string ?? ""
        for problem in HTMLTable.nestingProblems(text) {
            out.add(revisions.description, at: revisions.position(offset: problem.offset, token: problem.token),
                    "the revision table's HTML is not well-formed: \(problem.message)", hint: "remove or close the tag")
        }
        var previous: CRRVersion?
        for row in revisions.rows {
            let position = revisions.position(offset: row.offset, token: "<tr")
            guard let version = row.version else {
                out.add(revisions.description, at: position, "revision row \"\(row.versionText)\" does not start with a version X.Y.Z")
                continue
            }
            if let previous, version <= previous {
                out.add(revisions.description, at: position, "revision \(version) follows \(previous): versions must strictly increase")
            }
            previous = max(previous ?? version, version)
        }
        let current = (context.root["info"]?["version"]).flatMap { $0.string ?? $0.numberText }.flatMap(CRRVersion.init)
        guard let current else { return }
        if !revisions.rows.contains(where: { $0.version == current }) {
            out.add(revisions.description, "the revision table has no row for the current version \(current)", hint: "add <tr><td>\(current)</td><td>date</td><td>changes</td></tr>")
        }
        for row in revisions.rows where (row.version.map { $0 > current }) == true {
            out.add(revisions.description, at: revisions.position(offset: row.offset, token: "<tr"), "revision \(row.versionText) is newer than info.version \(current)")
        }
    }
}
