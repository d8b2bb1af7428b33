import OpenAPI
import Reporting

/// JSON: for one pair, `{"requiredBump", "declaredBump", "changes": [{"id", "direction",
/// "compatibility", "effect", "bump", "old": {"file", "pointer", "line", "column", "value"},
/// "new": {...}, "message", "summary", "operations", "businessRule": {"reason", "code", "file",
/// "pointer"} for a change of a marked CRR business rule}], "problems": [...]}` plus the file names
/// and versions; for several, `{"requiredBump", "passed", "pairs": [that object...], "notes"}`.
public enum DiffJSONRenderer {
    public static func render(_ report: DiffReport, versionCheck: Bool) -> String {
        var w = JSONWriter(pretty: true)
        if report.entries.count == 1 && report.histories.isEmpty {
            write(report.entries[0], versionCheck: versionCheck, notes: report.notes, &w)
        } else {
            w.beginObject()
            w.field("requiredBump", report.requiredBump.description)
            if versionCheck { w.field("passed", report.passed) }
            w.key("pairs")
            w.beginArray()
            for entry in report.entries { write(entry, versionCheck: versionCheck, notes: nil, &w) }
            w.endArray()
            if !report.histories.isEmpty {
                w.key("files")
                w.beginArray()
                for history in report.histories {
                    w.beginObject()
                    w.field("file", history.file)
                    w.field("passed", !history.problems.contains { $0.severity == .error })
                    writeProblems(history.problems, &w)
                    w.endObject()
                }
                w.endArray()
            }
            writeNotes(report.notes, &w)
            w.endObject()
        }
        return w.output + "\n"
    }

    static func write(_ entry: DiffReport.Entry, versionCheck: Bool, notes: [String]?, _ w: inout JSONWriter) {
        let result = entry.result
        w.beginObject()
        w.field("oldFile", result.oldFile)
        w.field("newFile", result.newFile)
        w.field("kind", result.kind.rawValue)
        w.field("requiredBump", result.requiredBump.description)
        if let check = entry.check {
            if let declared = check.declaredBump { w.field("declaredBump", declared.description) } else { w.key("declaredBump"); w.null() }
            w.key("oldVersion"); if let v = check.oldVersion { w.string(v) } else { w.null() }
            w.key("newVersion"); if let v = check.newVersion { w.string(v) } else { w.null() }
            w.field("passed", check.passed)
        } else {
            w.key("declaredBump")
            let declared = DeclaredPair.bump(result)
            if let declared { w.string(declared.description) } else { w.null() }
        }
        w.key("changes")
        w.beginArray()
        for change in result.changes {
            w.beginObject()
            w.field("id", change.id)
            w.field("direction", change.direction.rawValue)
            w.field("compatibility", change.compatibility.rawValue)
            w.field("effect", change.effect.rawValue)
            w.field("bump", change.bump.description)
            w.key("old"); location(change.old, &w)
            w.key("new"); location(change.new, &w)
            w.field("message", change.message)
            w.field("summary", change.summary)
            if let rule = change.businessRule {
                w.key("businessRule")
                w.beginObject()
                w.field("reason", rule.reason)
                w.key("code")
                if let code = rule.code { w.string(code) } else { w.null() }
                w.field("file", rule.file)
                w.field("pointer", rule.pointer.description)
                w.endObject()
            }
            if !change.operations.isEmpty {
                w.key("operations")
                w.beginArray()
                for operation in change.operations { w.string(operation) }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        writeProblems(entry.problems, &w)
        if let notes { writeNotes(notes, &w) }
        w.endObject()
    }

    static func location(_ l: ChangeLocation, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("file", l.file)
        w.field("pointer", l.pointer.description)
        w.field("line", l.line)
        w.field("column", l.column)
        w.key("value")
        if let value = l.value { w.string(value) } else { w.null() }
        w.endObject()
    }

    static func writeProblems(_ problems: [Finding], _ w: inout JSONWriter) {
        w.key("problems")
        FindingJSONRenderer.writeArray(problems, to: &w)
    }

    static func writeNotes(_ notes: [String], _ w: inout JSONWriter) {
        guard !notes.isEmpty else { return }
        w.key("notes")
        w.beginArray()
        for note in notes { w.string(note) }
        w.endArray()
    }
}

/// The bump two file names declare, for `diff` output (version-check reads every source).
enum DeclaredPair {
    static func bump(_ result: DiffResult) -> Bump? {
        guard let a = result.oldDeclared?.version, let b = result.newDeclared?.version else { return nil }
        return a.bump(to: b)
    }
}
