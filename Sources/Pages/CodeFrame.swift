/// A file's lines with marks at line:column: every line for small files, only the lines around
/// the marks (the rest folded) for big ones, so a report never holds a large input whole.
public struct CodeFrame {
    public struct Mark: Sendable {
        public var line: Int
        public var column: Int
        public var text: String
        /// The fragment id the mark's line gets (for links from a list of errors).
        public var anchor: String?
        public init(line: Int, column: Int, text: String, anchor: String? = nil) {
            self.line = line
            self.column = column
            self.text = text
            self.anchor = anchor
        }
    }

    /// Files with at most this many lines are shown whole.
    public var wholeFileLines = 400
    /// Lines shown before and after each mark in a folded file.
    public var context = 3
    /// No line is shown longer than this (in characters).
    public var maxLineLength = 400

    public init(wholeFileLines: Int = 400, context: Int = 3) {
        self.wholeFileLines = wholeFileLines
        self.context = context
    }

    /// The start offset of each line (1-based line n starts at `starts[n - 1]`).
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count { starts.append(i + 1) }
        return starts
    }

    public func render(_ bytes: [UInt8], marks: [Mark]) -> String {
        let starts = Self.lineStarts(bytes)
        let total = bytes.isEmpty ? 0 : starts.count
        var shown: [Int]
        if total <= wholeFileLines {
            shown = Array(1...max(1, total))
            if total == 0 { shown = [] }
        } else {
            var set = Set<Int>()
            for mark in marks where mark.line >= 1 {
                for n in max(1, mark.line - context)...min(total, mark.line + context) { set.insert(n) }
            }
            shown = set.sorted()
        }
        let byLine = Dictionary(grouping: marks, by: \.line)
        var out = "<div class=\"frame\">"
        var previous = 0
        for n in shown {
            if n > previous + 1 { out += "<span class=\"fold\">… " + String(n - previous - 1) + " lines folded …</span>" }
            previous = n
            let start = starts[n - 1]
            var end = n < starts.count ? starts[n] : bytes.count
            while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            var text = String(decoding: bytes[start..<end], as: UTF8.self)
            if text.count > maxLineLength { text = String(text.prefix(maxLineLength)) + " …" }
            let hits = byLine[n] ?? []
            let id = hits.first?.anchor.map { " id=\"" + $0 + "\"" } ?? ""
            out += "<span class=\"line" + (hits.isEmpty ? "" : " hit") + "\"" + id + "><span class=\"no\">" + String(n) + "</span>" + HTML.escape(text) + "</span>"
            for hit in hits {
                let pad = String(repeating: " ", count: max(0, min(hit.column - 1, maxLineLength)))
                out += "<span class=\"line\"><span class=\"no\"></span><span class=\"marker\">" + pad + "^</span> " + HTML.escape(hit.text) + "</span>"
            }
        }
        if total > 0 && previous < total && total > wholeFileLines { out += "<span class=\"fold\">… " + String(total - previous) + " lines folded …</span>" }
        return out + "</div>"
    }
}
