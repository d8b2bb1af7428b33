import Reporting

/// Markdown for pull-request comments: a section per pair with the bumps, a table of changes
/// (incompatible first) and the version-check problems.
public enum DiffMarkdownRenderer {
    public static func render(_ report: DiffReport, versionCheck: Bool) -> String {
        var out = ""
        for entry in report.entries {
            let result = entry.result
            out += "### `\(result.oldFile)` → `\(result.newFile)`\n\n"
            out += "Required bump: **\(result.requiredBump)**"
            if let check = entry.check {
                out += " · declared: **\(check.declaredBump?.description ?? "DECREASE")** (\(check.oldVersion ?? "?") → \(check.newVersion ?? "?"))"
                out += " · verdict: **\(check.passed ? "PASS" : "FAIL")**"
            }
            out += "\n\n"
            if result.changes.isEmpty {
                out += "No changes.\n\n"
            } else {
                out += "| Compatibility | Bump | Change | Message | Location |\n|---|---|---|---|---|\n"
                for change in result.changes {
                    let at = change.new.value != nil || change.old.value == nil ? change.new : change.old
                    out += "| \(change.compatibility.rawValue) | \(change.bump) | `\(change.id)` | \(Markdown.cell(change.message)) | `\(at.file):\(at.line):\(at.column)` |\n"
                }
                out += "\n"
            }
            if !entry.problems.isEmpty {
                out += "Problems:\n\n"
                out += FindingMarkdownRenderer.render(entry.problems) + "\n"
            }
        }
        for history in report.histories {
            out += "### `\(history.file)`\n\n"
            if history.problems.isEmpty { out += "Release history consistent.\n\n" }
            out += FindingMarkdownRenderer.render(history.problems)
            if !history.problems.isEmpty { out += "\n" }
        }
        for note in report.notes { out += "> \(note)\n" }
        return out
    }
}
