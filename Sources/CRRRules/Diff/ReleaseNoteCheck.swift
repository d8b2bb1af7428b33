import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// The revision table in `info.description`: `release-note-added`, `release-note-removed`,
/// `release-note-changed` (all documentation).
enum ReleaseNoteCheck {
    static func run(old: [ReleaseNoteTable.Entry], new: [ReleaseNoteTable.Entry], oldAnchor: ChangeLocation,
                    newAnchor: ChangeLocation, record: (Change) -> Void) {
        func add(_ id: String, _ o: ChangeLocation, _ n: ChangeLocation, _ message: String, _ summary: String) {
            record(Change(id: id, direction: .none, compatibility: .documentation, old: o, new: n,
                                   message: message, summary: summary))
        }
        // Rows pair by version, the k-th row of a version with the k-th row of that version on
        // the other side (a table may repeat a version).
        func counterpart(_ index: Int, in rows: [ReleaseNoteTable.Entry], from others: [ReleaseNoteTable.Entry]) -> ReleaseNoteTable.Entry? {
            let version = rows[index].version
            let occurrence = rows[..<index].filter { $0.version == version }.count
            return others.lazy.filter { $0.version == version }.dropFirst(occurrence).first
        }
        for (index, entry) in new.enumerated() where counterpart(index, in: new, from: old) == nil {
            add("release-note-added", oldAnchor, entry.location,
                   "Added the release note of version \(entry.version): \(ValueText.clip(entry.log, 120))",
                   "Added the release note of version \(entry.version)")
        }
        for (index, entry) in old.enumerated() {
            guard let other = counterpart(index, in: old, from: new) else {
                add("release-note-removed", entry.location, newAnchor, "Removed the release note of version \(entry.version)",
                       "Removed the release note of version \(entry.version)")
                continue
            }
            guard ErrorCodeCatalog.normalized(entry.log) != ErrorCodeCatalog.normalized(other.log)
                    || (entry.date ?? "") != (other.date ?? "") else { continue }
            add("release-note-changed", entry.location, other.location, "Changed the release note of version \(entry.version)",
                   "Changed the release note of version \(entry.version)")
        }
    }
}
