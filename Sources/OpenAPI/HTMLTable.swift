/// The one reader for the HTML that OpenAPI descriptions carry (CommonMark allows it): tags, the
/// rows of `<table>`s with their cells, and whether tags nest. It is tolerant — stray or missing
/// closing tags, attributes and inline markup are allowed — and it is no HTML parser.
///
/// Lint's description checks, diff's prose comparison, the CRR layer's error-code and revision
/// tables and the mock's code tables all read descriptions through it. Offsets are UTF-8 offsets
/// into the text given, so a finding can point at its own line in the source.
///
/// ```swift
/// for row in HTMLTable.rows("<table><tr><td>SER0001</td><td>Bad request</td></tr></table>") {
///     print(row.cells.map(\.text))   // ["SER0001", "Bad request"]
/// }
/// ```
public enum HTMLTable {
    /// A start or end tag.
    public struct Tag: Sendable {
        /// The element name, lower case.
        public var name: String
        public var closing: Bool
        /// UTF-8 offset of `<`.
        public var offset: Int
        /// The tag's exact text, `<` to `>`.
        public var text: String
    }

    /// A `<td>` or `<th>` cell.
    public struct Cell: Sendable {
        /// The cell's text: tags removed (block tags such as `<br>` and `<p>` separate words),
        /// entities decoded, a literal `\n` (as published descriptions written as plain YAML
        /// scalars keep) read as a space, whitespace collapsed.
        public var text: String
        /// Whether it is a `<th>`.
        public var header: Bool
        /// UTF-8 offset of the cell's content (just after its start tag).
        public var offset: Int
    }

    /// A table row.
    public struct Row: Sendable {
        public var cells: [Cell]
        /// UTF-8 offset of the row's `<tr>` (or of its first cell when no `<tr>` opened it).
        public var offset: Int
    }

    /// A nesting problem: a closing tag with no open element, or an element never closed.
    public struct Problem: Sendable {
        public var message: String
        /// UTF-8 offset of the tag at fault, and its text.
        public var offset: Int
        public var token: String
    }

    /// Elements that have no end tag.
    static let void: Set<String> = ["br", "hr", "img", "col", "wbr", "input", "meta", "link"]
    /// Inline elements: their tags do not separate the words of a cell.
    static let inline: Set<String> = ["a", "b", "i", "u", "s", "em", "strong", "code", "tt", "kbd", "var", "samp", "span",
                                      "sup", "sub", "small", "big", "font", "mark", "del", "ins", "abbr", "q", "cite"]

    /// The tags in `text`, in order (comments and `<!...>` skipped; a `<` not starting a tag is text).
    public static func tags(_ text: String) -> [Tag] {
        let bytes = Array(text.utf8)
        var out: [Tag] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
            var j = i + 1
            let closing = bytes[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart, let end = bytes[j...].firstIndex(of: UInt8(ascii: ">")) else { i += 1; continue }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            out.append(Tag(name: name, closing: closing, offset: i, text: String(decoding: bytes[i...end], as: UTF8.self)))
            i = end + 1
        }
        return out
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// Closing tags without an open element, elements closed out of order, elements left open.
    public static func nestingProblems(_ text: String) -> [Problem] {
        var stack: [Tag] = []
        var problems: [Problem] = []
        for tag in tags(text) where !void.contains(tag.name) && !tag.text.hasSuffix("/>") {
            if !tag.closing {
                stack.append(tag)
            } else if stack.last?.name == tag.name {
                stack.removeLast()
            } else if let open = stack.lastIndex(where: { $0.name == tag.name }) {
                for unclosed in stack[(open + 1)...] {
                    problems.append(Problem(message: "<\(unclosed.name)> is not closed before \(tag.text)", offset: unclosed.offset, token: unclosed.text))
                }
                stack.removeSubrange(open...)
            } else {
                problems.append(Problem(message: "stray \(tag.text): no <\(tag.name)> is open here", offset: tag.offset, token: tag.text))
            }
        }
        for unclosed in stack {
            problems.append(Problem(message: "<\(unclosed.name)> is never closed", offset: unclosed.offset, token: unclosed.text))
        }
        return problems.sorted { $0.offset < $1.offset }
    }

    /// The table rows in `text` that have at least one cell, in order. A row ends at the next
    /// `<tr>`, at `</tr>` or at a table, `<thead>` or `<tbody>` tag; a cell at the next cell, at
    /// its end tag or at the end of its row.
    public static func rows(_ text: String) -> [Row] {
        let bytes = Array(text.utf8)
        var rows: [Row] = []
        var row: Row?
        var cell: Cell?
        var cellTextStart = 0
        var cellText = ""
        func flushText(until offset: Int) {
            if cell != nil, offset > cellTextStart { cellText += String(decoding: bytes[cellTextStart..<offset], as: UTF8.self) }
        }
        func closeCell() {
            guard var c = cell else { return }
            c.text = clean(cellText)
            row?.cells.append(c)
            cell = nil
        }
        func closeRow() {
            closeCell()
            if let r = row, !r.cells.isEmpty { rows.append(r) }
            row = nil
        }
        for tag in tags(text) {
            flushText(until: tag.offset)
            cellTextStart = tag.offset + tag.text.utf8.count
            switch (tag.name, tag.closing) {
            case ("tr", false):
                closeRow()
                row = Row(cells: [], offset: tag.offset)
            case ("tr", true), ("table", _), ("tbody", _), ("thead", _):
                closeRow()
            case ("td", false), ("th", false):
                closeCell()
                if row == nil { row = Row(cells: [], offset: tag.offset) }
                cell = Cell(text: "", header: tag.name == "th", offset: cellTextStart)
                cellText = ""
            case ("td", true), ("th", true):
                closeCell()
            default:
                if cell != nil, !inline.contains(tag.name) { cellText += " " }
            }
        }
        flushText(until: bytes.count)
        closeRow()
        return rows
    }

    /// The text with every `<table>` … `</table>` removed (a table never closed runs to the end),
    /// for comparing the prose around tables.
    public static func withoutTables(_ text: String) -> String {
        let all = tags(text)
        guard all.contains(where: { $0.name == "table" }) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var copied = 0
        var k = 0
        while k < all.count {
            let tag = all[k]
            k += 1
            guard tag.name == "table", !tag.closing else { continue }
            out += bytes[copied..<tag.offset]
            copied = bytes.count
            while k < all.count {
                let next = all[k]
                k += 1
                if next.name == "table" && next.closing { copied = next.offset + next.text.utf8.count; break }
            }
        }
        out += bytes[min(copied, bytes.count)...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Entities decoded, a literal `\n` read as a space, whitespace collapsed.
    static func clean(_ s: String) -> String {
        var text = s
        if text.contains("&") {
            for (entity, replacement) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
                text = text.replacing(entity, with: replacement)
            }
        }
        if text.contains("\\n") { text = text.replacing("\\n", with: " ") }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
