/// A small scanner for the HTML that CRR specs put into descriptions: tables of revisions and
/// error codes. It reads tags, text and table rows and checks that tags nest; it is no HTML parser.
enum HTML {
    struct Tag {
        var name: String
        var closing: Bool
        /// UTF-8 offset of `<` and the tag's exact text.
        var offset: Int
        var text: String
    }

    struct Cell {
        var text: String
        var header: Bool
        var offset: Int
    }

    struct Row {
        var cells: [Cell]
        var offset: Int
    }

    /// A nesting problem: a closing tag with no open element, or an element never closed.
    struct Problem {
        var message: String
        var offset: Int
        var token: String
    }

    static let void: Set<String> = ["br", "hr", "img", "col", "wbr", "input", "meta", "link"]

    /// The tags in `text`, in order (comments and `<!...>` skipped; a `<` not starting a tag is text).
    static func tags(_ text: String) -> [Tag] {
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
    static func nestingProblems(_ text: String) -> [Problem] {
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

    /// The table rows in `text`, each with its cells' plain text.
    static func rows(_ text: String) -> [Row] {
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
            c.text = decodeEntities(cellText).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            row?.cells.append(c)
            cell = nil
        }
        func closeRow() {
            closeCell()
            if let r = row { rows.append(r) }
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
            case ("br", _), ("p", _), ("li", _):
                if cell != nil { cellText += " " }
            default:
                break
            }
        }
        flushText(until: bytes.count)
        closeRow()
        return rows
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&nbsp;", with: " ").replacing("&amp;", with: "&")
    }
}

