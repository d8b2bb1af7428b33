/// The revision table in `info.description`: `release-note-added`, `release-note-removed`,
/// `release-note-changed` (all documentation).
enum ReleaseNoteCheck {
    static func run(old: [RevisionTable.Entry], new: [RevisionTable.Entry], oldAnchor: ChangeLocation,
                    newAnchor: ChangeLocation, recorder: ChangeRecorder) {
        func record(_ id: String, _ o: ChangeLocation, _ n: ChangeLocation, _ message: String, _ summary: String) {
            recorder.record(Change(id: id, direction: .none, compatibility: .documentation, old: o, new: n,
                                   message: message, summary: summary))
        }
        for entry in new where !old.contains(where: { $0.version == entry.version }) {
            record("release-note-added", oldAnchor, entry.location,
                   "Added the release note of version \(entry.version): \(ValueText.clip(entry.log, 120))",
                   "Added the release note of version \(entry.version)")
        }
        for entry in old where !new.contains(where: { $0.version == entry.version }) {
            record("release-note-removed", entry.location, newAnchor, "Removed the release note of version \(entry.version)",
                   "Removed the release note of version \(entry.version)")
        }
        for entry in old {
            guard let other = new.first(where: { $0.version == entry.version }),
                  ErrorCodeCatalog.normalized(entry.log) != ErrorCodeCatalog.normalized(other.log)
                    || (entry.date ?? "") != (other.date ?? "") else { continue }
            record("release-note-changed", entry.location, other.location, "Changed the release note of version \(entry.version)",
                   "Changed the release note of version \(entry.version)")
        }
    }
}
