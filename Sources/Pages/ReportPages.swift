import Diff
import Document
import JSONSchema
import Reporting

/// Self-contained HTML pages for `lint`, `validate`, `diff` and `changelog` (`--format html`).
public enum ReportPages {
    // MARK: lint

    /// Lint findings grouped by file and rule, each with its code frame.
    /// - Parameter source: a file's text, for the frames (nil: no frame).
    public static func lint(_ findings: [Finding], files: [String], source: (String) -> String?) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        var body = "<p>" + String(findings.count) + " findings (" + String(errors) + " errors) in " + String(files.count) + " files.</p>\n"
        var order: [String] = []
        for f in findings where !order.contains(f.file) { order.append(f.file) }
        if !order.isEmpty {
            body += "<nav aria-label=\"Files\"><ul>" + order.enumerated().map { i, file in
                "<li><a href=\"#file-" + String(i) + "\">" + HTML.escape(file) + "</a> (" + String(findings.filter { $0.file == file }.count) + ")</li>"
            }.joined() + "</ul></nav>\n"
        }
        let frame = CodeFrame(wholeFileLines: 0, context: 2)
        for (i, file) in order.enumerated() {
            let inFile = findings.filter { $0.file == file }
            body += "<section class=\"file\" id=\"file-" + String(i) + "\" data-filter=\"" + HTML.escape(file + " " + Set(inFile.map(\.rule)).sorted().joined(separator: " ")) + "\">"
            body += "<h2>" + HTML.escape(file) + "</h2>"
            let bytes = source(file).map { Array($0.utf8) }
            var rules: [String] = []
            for f in inFile where !rules.contains(f.rule) { rules.append(f.rule) }
            for rule in rules {
                let ruleFindings = inFile.filter { $0.rule == rule }
                let severity = ruleFindings.map(\.severity).max() ?? .error
                body += "<h3><code>" + HTML.escape(rule) + "</code> <span class=\"badge " + (severity == .error ? "required" : "rule") + "\">"
                    + HTML.escape(severity.rawValue) + "</span> <span class=\"muted\">" + String(ruleFindings.count) + "</span></h3>"
                for f in ruleFindings {
                    body += "<div class=\"change " + (f.severity == .error ? "c-breaking" : "c-warning") + "\">" + HTML.escape(file) + ":" + String(f.line) + ":" + String(f.column)
                        + " " + HTML.escape(f.message) + (f.pointer.isEmpty ? "" : " <code>" + HTML.escape(f.pointer) + "</code>") + "</div>"
                    if let hint = f.hint { body += "<p class=\"muted\">" + HTML.escape(hint) + "</p>" }
                    if let bytes, f.line > 0 { body += frame.render(bytes, marks: [CodeFrame.Mark(line: f.line, column: f.column, text: f.message)]) }
                }
            }
            body += "</section>\n"
        }
        if findings.isEmpty { body += "<p>No findings.</p>" }
        return HTML.page(title: "crrspec lint report", body: body, filter: true, filterLabel: "Filter files and rules")
    }

    // MARK: lint --list-rules

    /// One lint rule for ``rules(_:)``.
    public struct RuleRow: Sendable {
        public var id: String
        public var severity: String
        public var appliesTo: String
        public var summary: String
        public var why: String
        public var fix: String
        public init(id: String, severity: String, appliesTo: String, summary: String, why: String, fix: String) {
            self.id = id
            self.severity = severity
            self.appliesTo = appliesTo
            self.summary = summary
            self.why = why
            self.fix = fix
        }
    }

    /// Every lint rule on one page (`crrspec lint --list-rules --format html`): a table of id,
    /// severity, what it applies to and what it checks, then each rule's why and fix; each rule
    /// is linkable (`#rule-<id>`) and the filter box narrows both.
    public static func rules(_ rules: [RuleRow]) -> String {
        var body = "<p>" + String(rules.count) + " rules (" + String(rules.filter { $0.severity == "error" }.count)
            + " errors by default). <code>crrspec explain RULE</code> prints one with an example.</p>\n"
        body += "<table class=\"rules\"><caption>Rules</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th>"
            + "<th scope=\"col\">Applies to</th><th scope=\"col\">Checks</th></tr></thead><tbody>"
        for r in rules {
            body += "<tr data-filter=\"" + HTML.escape(r.id + " " + r.severity + " " + r.appliesTo + " " + r.summary) + "\"><td><a href=\"#"
                + HTML.anchor("rule", r.id) + "\"><code>" + HTML.escape(r.id) + "</code></a></td><td><span class=\"badge "
                + (r.severity == "error" ? "required" : "rule") + "\">" + HTML.escape(r.severity) + "</span></td><td>" + HTML.escape(r.appliesTo)
                + "</td><td>" + HTML.escape(r.summary) + "</td></tr>"
        }
        body += "</tbody></table>\n<h2 id=\"why-and-fix\">Why and how to fix</h2>\n"
        for r in rules {
            body += "<section class=\"schema\" id=\"" + HTML.anchor("rule", r.id) + "\" data-filter=\"" + HTML.escape(r.id + " " + r.severity + " " + r.summary)
                + "\"><h3><code>" + HTML.escape(r.id) + "</code></h3><p>" + HTML.escape(r.summary) + "</p>"
                + "<p><strong>Why:</strong> " + HTML.escape(r.why) + "</p><p><strong>Fix:</strong> " + HTML.escape(r.fix) + "</p></section>\n"
        }
        return HTML.page(title: "crrspec lint rules", body: body, filter: true, filterLabel: "Filter rules")
    }

    // MARK: validate

    /// Field of an instance location with array indices as `*` (`/newBids/*/bidCurve`).
    static func field(_ location: String) -> String {
        let parts = location.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) != nil ? "*" : String($0) }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "(root)" : joined
    }

    /// A horizontal SVG bar chart of counts.
    static func barChart(_ title: String, _ counts: [(String, Int)]) -> String {
        guard let top = counts.map(\.1).max(), top > 0 else { return "" }
        let rows = counts.prefix(15)
        let height = 22 * rows.count + 8
        var svg = "<figure><figcaption>" + HTML.escape(title) + "</figcaption><svg class=\"chart\" role=\"img\" aria-label=\"" + HTML.escape(title)
            + "\" width=\"760\" height=\"" + String(height) + "\" viewBox=\"0 0 760 " + String(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, (label, count)) in rows.enumerated() {
            let y = 4 + 22 * i
            let width = max(2, Int(Double(count) / Double(top) * 360))
            let shown = label.count > 44 ? String(label.prefix(43)) + "…" : label
            svg += "<text class=\"bar-label\" x=\"0\" y=\"" + String(y + 14) + "\">" + HTML.escape(shown) + "</text>"
            svg += "<rect class=\"bar\" x=\"330\" y=\"" + String(y) + "\" width=\"" + String(width) + "\" height=\"16\"><title>" + HTML.escape(label + ": " + String(count)) + "</title></rect>"
            svg += "<text class=\"bar-label\" x=\"" + String(336 + width) + "\" y=\"" + String(y + 14) + "\">" + String(count) + "</text>"
        }
        return svg + "</svg></figure>\n"
    }

    static func counted(_ values: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }

    /// The validation report: per file its errors, the file's lines with each error marked at
    /// line:column (folded around the errors for big files), and bar charts of errors by field
    /// and keyword.
    /// - Parameter source: a file's bytes for the frame (nil: no frame, e.g. standard input).
    public static func validation(_ reports: [InstanceReport], source: (String) -> [UInt8]?) -> String {
        var files: [String] = []
        for r in reports where !files.contains(r.file) { files.append(r.file) }
        var allErrors: [ValidationError] = []
        var body = ""
        var sections = ""
        var invalidFiles = 0, unusableFiles = 0
        for (i, file) in files.enumerated() {
            let fileReports = reports.filter { $0.file == file }
            var errors: [ValidationError] = []
            var unusable: [String] = []
            var truncated = false
            for r in fileReports {
                switch r.outcome {
                case .valid: break
                case .invalid(let list, let cut): errors += list.filter { !$0.isBranchDetail }; truncated = truncated || cut
                case .unusable(let message, let line, let column):
                    unusable.append((line.map { ":\($0)" } ?? "") + (column.map { ":\($0)" } ?? "") + " " + message)
                }
            }
            allErrors += errors
            if !unusable.isEmpty { unusableFiles += 1 } else if !errors.isEmpty { invalidFiles += 1 }
            guard !errors.isEmpty || !unusable.isEmpty else { continue }
            let fileId = "file-" + String(i)
            sections += "<section class=\"file\" id=\"" + fileId + "\" data-filter=\"" + HTML.escape(file + " " + Set(errors.map(\.keyword)).sorted().joined(separator: " ")) + "\">"
            sections += "<h2>" + HTML.escape(file) + " <span class=\"badge " + (unusable.isEmpty ? "required" : "rule") + "\">"
                + (unusable.isEmpty ? String(errors.count) + " errors" : "could not be checked") + "</span></h2>"
            for u in unusable { sections += "<p class=\"c-breaking\">" + HTML.escape(file + u) + "</p>" }
            if !errors.isEmpty {
                var items = "<ol class=\"errors\">"
                var marks: [CodeFrame.Mark] = []
                for (j, e) in errors.enumerated() {
                    let anchor = fileId + "-e" + String(j)
                    let where_ = String(e.position.line) + ":" + String(e.position.column)
                    items += "<li><a href=\"#" + anchor + "\">" + where_ + "</a> <code>" + HTML.escape(e.keyword) + "</code> " + HTML.escape(e.message)
                        + " <span class=\"muted\">at <code>" + HTML.escape(e.instanceLocation.isEmpty ? "/" : e.instanceLocation) + "</code></span></li>"
                    marks.append(CodeFrame.Mark(line: e.position.line, column: e.position.column, text: e.keyword + ": " + e.message, anchor: anchor))
                }
                items += "</ol>"
                if truncated { items += "<p class=\"muted\">More errors were found than reported (--max-errors).</p>" }
                sections += items
                // Marks on one line share the line's anchor: give the others their own spot.
                var seenLines = Set<Int>()
                var frameMarks: [CodeFrame.Mark] = []
                var extraAnchors = ""
                for m in marks {
                    if seenLines.insert(m.line).inserted { frameMarks.append(m) } else {
                        var copy = m
                        copy.anchor = nil
                        frameMarks.append(copy)
                        extraAnchors += "<span id=\"" + (m.anchor ?? "") + "\"></span>"
                    }
                }
                if let bytes = source(file) {
                    sections += extraAnchors + CodeFrame().render(bytes, marks: frameMarks)
                } else {
                    sections += extraAnchors + "<p class=\"muted\">The file's text is not available (standard input).</p>"
                }
            }
            sections += "</section>\n"
        }
        let valid = files.count - invalidFiles - unusableFiles
        body += "<p>" + String(files.count) + " files: " + String(valid) + " valid, " + String(invalidFiles) + " invalid, " + String(unusableFiles)
            + " could not be checked; " + String(allErrors.count) + " errors.</p>\n"
        if !allErrors.isEmpty {
            body += barChart("Errors by field", counted(allErrors.map { field($0.instanceLocation) }))
            body += barChart("Errors by keyword", counted(allErrors.map(\.keyword)))
        }
        body += sections
        let validFiles = files.filter { f in reports.filter { $0.file == f }.allSatisfy(\.isValid) }
        if !validFiles.isEmpty {
            body += "<details><summary>" + String(validFiles.count) + " valid files</summary><ul>" + validFiles.map { "<li>" + HTML.escape($0) + "</li>" }.joined() + "</ul></details>\n"
        }
        return HTML.page(title: "crrspec validation report", body: body, filter: true, filterLabel: "Filter files and keywords")
    }

    // MARK: diff and changelog

    /// `diff --format html`: each pair's changes, incompatible first, with their locations.
    public static func diff(_ report: DiffReport) -> String {
        var body = "<p>Required bump: <span class=\"badge bump-" + report.requiredBump.description + "\">" + report.requiredBump.description + "</span></p>\n"
        for entry in report.entries {
            let result = entry.result
            body += "<section class=\"pair\"><h2>" + HTML.escape(result.oldFile) + " → " + HTML.escape(result.newFile) + "</h2>"
            body += "<p>" + String(result.changes.count) + " changes; required bump <span class=\"badge bump-" + result.requiredBump.description + "\">"
                + result.requiredBump.description + "</span></p>"
            for compatibility in Compatibility.allCases.sorted(by: { $0.rank < $1.rank }) {
                let changes = result.changes.filter { $0.compatibility == compatibility }
                guard !changes.isEmpty else { continue }
                body += "<h3>" + HTML.escape(compatibility.heading) + " (" + String(changes.count) + ")</h3>"
                for change in changes { body += ChangesPage.item(change, oldPage: nil, newPage: nil) }
            }
            for problem in entry.problems {
                body += "<p class=\"c-warning\">" + HTML.escape(problem.file + ":" + String(problem.line) + ":" + String(problem.column) + ": " + problem.message) + "</p>"
            }
            body += "</section>\n"
        }
        for note in report.notes { body += "<p class=\"muted\">" + HTML.escape(note) + "</p>" }
        return HTML.page(title: "crrspec diff report", body: body, filter: true, filterLabel: "Filter changes")
    }

    /// `changelog --format html`: release notes per service and release, breaking items first.
    public static func changelog(_ services: [Changelog.Service]) -> String {
        var body = ""
        for service in services {
            body += "<section data-filter=\"" + HTML.escape(service.name) + "\"><h2>" + HTML.escape(service.name) + "</h2>"
            for release in service.releases {
                let title = (release.oldVersion?.description ?? release.oldFile) + " → " + (release.newVersion?.description ?? release.newFile)
                body += "<h3>" + HTML.escape(title) + " <span class=\"badge bump-" + release.requiredBump.description + "\">required "
                    + release.requiredBump.description + "</span>"
                if let declared = release.declaredBump {
                    body += " <span class=\"badge bump-" + declared.description + "\">declared " + declared.description + "</span>"
                    if declared < release.requiredBump { body += " <strong class=\"c-breaking\">declared bump too low</strong>" }
                }
                body += "</h3>"
                for compatibility in Compatibility.allCases.sorted(by: { $0.rank < $1.rank }) {
                    let items = release.items.filter { $0.compatibility == compatibility }
                    guard !items.isEmpty else { continue }
                    body += "<h4>" + HTML.escape(compatibility.heading) + "</h4><ul>"
                    body += items.map { "<li>" + HTML.escape($0.count > 1 ? $0.text + " (\($0.count) places)" : $0.text) + "</li>" }.joined()
                    body += "</ul>"
                }
                if release.items.isEmpty { body += "<p>No changes.</p>" }
            }
            body += "</section>\n"
        }
        if services.isEmpty { body += "<p>No releases to describe.</p>" }
        return HTML.page(title: "crrspec changelog", body: body, filter: true, filterLabel: "Filter services")
    }
}
