import Document
import Reporting

/// Plain text: a header per pair, one line per change (`file:line:col: compatibility id:
/// message`, at the new location, or the old one for things that were removed) with the old and
/// new pointers and values below, then the version-check problems and the verdict. For
/// version-check only the changes that need more than the declared bump are listed.
public enum DiffTextRenderer {
    public static func render(_ report: DiffReport, versionCheck: Bool) -> String {
        var out = ""
        if report.entries.isEmpty && report.histories.isEmpty {
            out += "nothing to compare: no pair of spec or schema versions\n"
        }
        for entry in report.entries {
            let result = entry.result
            out += "\(ControlEscape.line(result.oldFile)) → \(ControlEscape.line(result.newFile)): \(count(result.changes.count, "change"))"
            let rules = result.changes.compactMap(\.businessRule)
            if let rule = rules.first { out += " (\(rules.count) of them marked \(rule.name)s, which need no bump)" }
            out += ", required bump \(result.requiredBump)"
            if let check = entry.check {
                out += ", declared \(check.declaredBump?.description ?? "DECREASE") (\(check.oldVersion ?? "?") → \(check.newVersion ?? "?"))"
            }
            out += "\n"
            // version-check shows the changes that need more than the declared bump; diff shows all.
            let shown = entry.check.map { check in result.changes.filter { $0.bump > (check.declaredBump ?? .major) } } ?? result.changes
            for change in shown { out += line(change) }
            for problem in entry.problems { out += problemLine(problem) }
            if let check = entry.check {
                out += "verdict: \(check.passed ? "PASS" : "FAIL")\n"
            }
            out += "\n"
        }
        for history in report.histories {
            out += "\(history.file): \(history.problems.isEmpty ? "release history consistent" : count(history.problems.count, "problem"))\n"
            for problem in history.problems { out += problemLine(problem) }
            out += "verdict: \(history.problems.contains { $0.severity == .error } ? "FAIL" : "PASS")\n\n"
        }
        for note in report.notes { out += "note: \(ControlEscape.line(note))\n" }
        if versionCheck, report.entries.count + report.histories.count > 1 {
            let failed = report.entries.filter { !($0.check?.passed ?? true) }.count
                + report.histories.filter { $0.problems.contains { $0.severity == .error } }.count
            out += "\(count(report.entries.count, "pair")) and \(count(report.histories.count, "file")) checked: \(failed) failed\n"
        }
        return out
    }

    /// Where a change is reported: the new location, or the old one for something removed (a
    /// removed endpoint has no place in the new file). Text and GitHub output both use it.
    public static func location(of change: Change) -> ChangeLocation {
        change.new.value != nil || change.old.value == nil ? change.new : change.old
    }

    static func line(_ change: Change) -> String {
        let at = location(of: change)
        var out = "\(ControlEscape.line(at.file)):\(at.line):\(at.column): \(change.compatibility.rawValue) \(change.id): \(ControlEscape.line(change.message))\n"
        out += "    old \(side(change.old))\n    new \(side(change.new))\n"
        return out
    }

    static func side(_ location: ChangeLocation) -> String {
        let pointer = location.pointer.description.isEmpty ? "(root)" : location.pointer.description
        let value = location.value.map { " = " + ValueText.clip(ValueText.normalizedSpace($0), 100) } ?? " (absent)"
        return ControlEscape.line("\(location.file):\(location.line):\(location.column) \(pointer)\(value)")
    }

    static func problemLine(_ problem: Finding) -> String {
        FindingTextRenderer.render([problem], frames: false, hintIndent: "    ")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
