import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

/// Findings a team has accepted: `crrspec lint --write-baseline` records the current findings,
/// and later runs report only findings that are not in it. A finding is matched by rule, file
/// (relative to the baseline's folder), JSON Pointer and message with every position taken out
/// ("(line 568)", "first at line 12", "3:7" become "(line …)", …) — never by line or column,
/// so text added or moved elsewhere in the file does not revive an accepted finding.
public struct LintBaseline: Sendable {
    /// Accepted findings by key, with how many times each occurs.
    var counts: [String: Int] = [:]
    /// The directory file paths are relative to.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    static func key(_ f: Finding, directory: String) -> String {
        [f.rule, LintPaths.relative(f.file, to: directory), f.pointer, positionFree(f.message)].joined(separator: "\u{1}")
    }

    /// `message` with the positions it mentions replaced by `…`: the digits after "line",
    /// "lines", "column" or "col", and `:LINE:COLUMN` suffixes of file names. What a
    /// baseline matches on, so a finding whose message cites another line ("the code table pairs
    /// it with HTTP 500 (line 568)") stays accepted when that line moves.
    public static func positionFree(_ message: String) -> String {
        let chars = Array(message)
        var out = ""
        var i = 0
        func digits(from start: Int) -> Int {
            var j = start
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            return j
        }
        func previousWordIsPosition(_ end: Int) -> Bool {
            // end: index just past the space before the digits
            var start = end - 1
            guard start >= 0, chars[start] == " " else { return false }
            while start > 0, chars[start - 1].isLetter { start -= 1 }
            let word = String(chars[start..<(end - 1)]).lowercased()
            return ["line", "lines", "column", "columns", "col"].contains(word)
        }
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber, i > 0, previousWordIsPosition(i) {
                var j = digits(from: i)
                // a range: "lines 12-14", "lines 12–14"
                if j + 1 < chars.count, chars[j] == "-" || chars[j] == "–", chars[j + 1].isNumber { j = digits(from: j + 1) }
                out += "…"
                i = j
                continue
            }
            if c == ":", i > 0, chars[i - 1].isLetter, i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
                // file.yaml:12:5 (a time such as 10:30:00 has a digit before the colon)
                let j = digits(from: i + 1)
                if j + 1 < chars.count, chars[j] == ":", chars[j + 1].isASCII, chars[j + 1].isNumber {
                    out += ":…:…"
                    i = digits(from: j + 1)
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Reads a baseline file.
    public static func load(_ path: String) throws -> LintBaseline {
        let document: Document
        do {
            document = try JSONReader.parse(contentsOfFile: path)
        } catch {
            throw LintConfigError(message: error.description)
        }
        var baseline = LintBaseline(directory: PathText.parent(SchemaRegistry.absolutePathOf(path)))
        guard let list = document.root["findings"], list.kind == .array else {
            throw LintConfigError(message: "\(path): error: a baseline is {\"findings\": [...]} as written by crrspec lint --write-baseline")
        }
        for entry in list.elements {
            var parts = ["rule", "file", "pointer", "message"].map { entry[$0]?.string ?? "" }
            // Baselines written before positions were left out still match.
            parts[3] = positionFree(parts[3])
            baseline.counts[parts.joined(separator: "\u{1}"), default: 0] += 1
        }
        return baseline
    }

    /// Splits findings into new ones and ones the baseline accepts.
    public func filter(_ findings: [Finding]) -> (new: [Finding], accepted: Int) {
        var remaining = counts
        var new: [Finding] = []
        for finding in findings {
            let key = LintBaseline.key(finding, directory: directory)
            if let n = remaining[key], n > 0 {
                remaining[key] = n - 1
            } else {
                new.append(finding)
            }
        }
        return (new, findings.count - new.count)
    }

    /// The baseline file for `findings`, paths relative to `directory`.
    public static func render(_ findings: [Finding], directory: String) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.field("version", 1)
        w.field("tool", "crrspec lint")
        w.key("findings")
        w.beginArray()
        let sorted = findings.sorted { key($0, directory: directory) < key($1, directory: directory) }
        for f in sorted {
            w.beginObject()
            w.field("rule", f.rule)
            w.field("file", LintPaths.relative(f.file, to: directory))
            w.field("pointer", f.pointer)
            w.field("message", positionFree(f.message))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}
