import Document
import JSONSchema

/// A mechanical fix of a finding: replace the source bytes `start..<end` with `replacement`.
/// Every other byte of the file (comments, quoting, indentation) stays as it is.
public struct LintFix: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var replacement: String
    /// What the fix does, for `--dry-run` ("remove the fractional seconds").
    public var summary: String

    public init(start: Int, end: Int, replacement: String, summary: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
        self.summary = summary
    }
}

/// Applies fixes to a file's bytes and finds the raw source text of values.
public enum LintFixer {
    /// `source` with the fixes applied, later ones first; a fix overlapping one already applied
    /// is left out (the next run applies it). Returns the new bytes and the fixes applied.
    public static func apply(_ source: [UInt8], _ fixes: [LintFix]) -> (bytes: [UInt8], applied: [LintFix]) {
        var bytes = source
        var applied: [LintFix] = []
        var floor = Int.max
        for fix in fixes.sorted(by: { ($0.start, $0.end) > ($1.start, $1.end) }) {
            guard fix.end <= floor, fix.start <= fix.end, fix.end <= bytes.count, !applied.contains(fix) else { continue }
            bytes.replaceSubrange(fix.start..<fix.end, with: Array(fix.replacement.utf8))
            floor = fix.start
            applied.append(fix)
        }
        return (bytes, applied.reversed())
    }

    /// Whether `correction` is the one clear correction of `word`: no other candidate is as
    /// close (edit distance with transpositions, case-insensitive).
    public static func isClearCorrection<S: Sequence>(_ word: String, _ correction: String, among candidates: S) -> Bool where S.Element == String {
        let w = Array(word.lowercased().unicodeScalars)
        let best = Suggest.distance(w, Array(correction.lowercased().unicodeScalars))
        for candidate in candidates where candidate != correction {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - w.count) <= best, Suggest.distance(w, c) <= best { return false }
        }
        return true
    }

    /// The byte range of a string value's text in the source when it is written literally
    /// (plain, or quoted without escapes): the characters, without quotes; and whether it is quoted.
    package static func literalSpan(_ value: Value) -> (range: Range<Int>, quoted: Bool)? {
        guard let text = value.string else { return nil }
        let document = value.document
        let source = document.source
        var start = Int(document.nodes[value.index].offset)
        guard start < source.count else { return nil }
        let quoted = source[start] == UInt8(ascii: "\"") || source[start] == UInt8(ascii: "'")
        if quoted { start += 1 }
        let needle = Array(text.utf8)
        guard start + needle.count <= source.count, SourceSearch.matches(source, at: start, needle) else { return nil }
        if quoted, start + needle.count < source.count, source[start + needle.count] != source[start - 1] { return nil }
        return (start..<(start + needle.count), quoted)
    }
}
