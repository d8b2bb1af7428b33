import Document

/// A tolerant reader for the HTML tables that CAISO puts in descriptions (revision histories,
/// error-code tables): `<tr>` rows of `<td>`/`<th>` cells, with stray or missing closing tags,
/// attributes and inline markup allowed.
public enum HTMLTable {
    public struct Row: Sendable {
        /// Cell texts: tags removed, entities decoded, whitespace collapsed.
        public var cells: [String]
    }

    public static func rows(in text: String) -> [Row] {
        let scalars = Array(text.unicodeScalars)
        var rows: [Row] = []
        var i = 0
        while let start = find("<tr", in: scalars, from: i) {
            var end = scalars.count
            for marker in ["<tr", "</table"] {
                if let next = find(marker, in: scalars, from: start + 3), next < end { end = next }
            }
            let body = Array(scalars[start..<end])
            var cells: [String] = []
            var j = 0
            while let cellStart = findCell(in: body, from: j) {
                guard let open = body[cellStart...].firstIndex(of: ">") else { break }
                var cellEnd = body.count
                for marker in ["</td", "</th", "<td", "<th", "</tr"] {
                    if let next = find(marker, in: body, from: open + 1), next < cellEnd { cellEnd = next }
                }
                cells.append(clean(Array(body[(open + 1)..<cellEnd])))
                j = cellEnd
            }
            if !cells.isEmpty { rows.append(Row(cells: cells)) }
            i = end
        }
        return rows
    }

    /// The text with every `<table>` removed (for comparing the prose around tables).
    static func withoutTables(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if let start = find("<table", in: scalars, from: i) {
                out.append(contentsOf: scalars[i..<start])
                if let close = find("</table", in: scalars, from: start) {
                    i = (scalars[close...].firstIndex(of: ">") ?? close) + 1
                } else {
                    i = scalars.count
                }
            } else {
                out.append(contentsOf: scalars[i...])
                break
            }
        }
        return String(out)
    }

    private static func findCell(in s: [Unicode.Scalar], from: Int) -> Int? {
        let td = find("<td", in: s, from: from), th = find("<th", in: s, from: from)
        switch (td, th) {
        case let (a?, b?): return min(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return nil
        }
    }

    /// Case-insensitive search for an ASCII marker.
    static func find(_ marker: String, in s: [Unicode.Scalar], from: Int) -> Int? {
        let m = Array(marker.unicodeScalars)
        guard !m.isEmpty, s.count >= m.count else { return nil }
        var i = max(0, from)
        while i + m.count <= s.count {
            var k = 0
            while k < m.count, lower(s[i + k]) == m[k] { k += 1 }
            if k == m.count { return i }
            i += 1
        }
        return nil
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
    }

    /// Tags removed, entities decoded, whitespace collapsed.
    static func clean(_ s: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; out.append(" "); continue }
            if !inTag { out.append(c) }
        }
        var text = String(out)
        for (entity, replacement) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingAll(entity, with: replacement)
        }
        // Published descriptions written as plain YAML scalars keep a literal "\n".
        text = text.replacingAll("\\n", with: " ")
        return ValueText.normalizedSpace(text)
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

/// Finds text inside a string value in the source file, for precise line:column of things
/// inside long descriptions (a code in a code table, a row of a revision table).
enum SourceSearch {
    /// Where `needle` first occurs within the source text of the string `value`; the value's own
    /// position when it cannot be found.
    /// - Parameter preferTagged: prefer an occurrence that follows a `>` (the start of a table
    ///   cell) over earlier ones in running text.
    static func position(of needle: String, in value: Value, preferTagged: Bool = false) -> SourcePosition {
        let document = value.document
        let start = Int(document.nodes[value.index].offset)
        let length = Int(document.nodes[value.index].b)
        let limit = min(document.source.count, start + 2 * length + 4096)
        let target = Array(needle.utf8)
        guard !target.isEmpty, start < limit else { return value.position }
        var i = start
        let source = document.source
        var first: Int?
        while i + target.count <= limit {
            if source[i] == target[0] {
                var k = 1
                while k < target.count, source[i + k] == target[k] { k += 1 }
                if k == target.count {
                    if !preferTagged { return document.position(ofOffset: i) }
                    var back = i - 1
                    while back > start, source[back] == 0x20 || source[back] == 0x09 { back -= 1 }
                    if back >= start, source[back] == UInt8(ascii: ">") { return document.position(ofOffset: i) }
                    if first == nil { first = i }
                }
            }
            i += 1
        }
        return first.map { document.position(ofOffset: $0) } ?? value.position
    }
}
