import Document
import Foundation
import JSONSchema
import Reporting

/// Findings a team has accepted: `crrspec lint --write-baseline` records the current findings,
/// and later runs report only findings that are not in it. A finding is matched by rule, file
/// (relative to the baseline's folder), JSON Pointer and message — not by line, so edits
/// elsewhere in the file do not revive it.
public struct LintBaseline: Sendable {
    /// Accepted findings by key, with how many times each occurs.
    var counts: [String: Int] = [:]
    /// The directory file paths are relative to.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    static func key(_ f: Finding, directory: String) -> String {
        [f.rule, LintPaths.relative(f.file, to: directory), f.pointer, f.message].joined(separator: "\u{1}")
    }

    /// Reads a baseline file.
    public static func load(_ path: String) throws -> LintBaseline {
        let document: Document
        do {
            document = try JSONReader.parse(contentsOfFile: path)
        } catch {
            throw LintConfigError(message: error.description)
        }
        var baseline = LintBaseline(directory: (SchemaRegistry.absolutePathOf(path) as NSString).deletingLastPathComponent)
        guard let list = document.root["findings"], list.kind == .array else {
            throw LintConfigError(message: "\(path): error: a baseline is {\"findings\": [...]} as written by crrspec lint --write-baseline")
        }
        for entry in list.elements {
            let parts = ["rule", "file", "pointer", "message"].map { entry[$0]?.string ?? "" }
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
            w.field("message", f.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}
