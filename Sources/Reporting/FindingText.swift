import Document
/// Renders findings for people: `file:line:col: severity: message [rule]`, then a short code
/// frame (the line before, the line itself and a caret under the column) and the fix hint.
public enum FindingTextRenderer {
    /// - Parameters:
    ///   - source: the text of a file by name, for code frames; return nil to skip them.
    ///   - hintIndent: what goes before `hint:` (diff and version-check indent it further, under
    ///     their changes).
    public static func render(_ findings: [Finding], frames: Bool = true, hintIndent: String = "  ",
                              source: (String) -> String? = { _ in nil }) -> String {
        render(findings, frames: frames, hintIndent: hintIndent, sourceBytes: { source($0).map { Array($0.utf8) } })
    }

    /// The same, with each file's bytes for the code frames (nil to skip them): only the bytes
    /// and the offsets of their lines are kept, not a string per line (a 6 MB spec's frames once
    /// took three copies of it).
    public static func render(_ findings: [Finding], frames: Bool = true, hintIndent: String = "  ",
                              sourceBytes: (String) -> [UInt8]?) -> String {
        var out = ""
        var lineCache: [String: FrameLines] = [:]
        for finding in findings {
            let file = ControlEscape.line(finding.file)
            let place = finding.line > 0 ? "\(file):\(finding.line):\(finding.column)" : file
            out += "\(place): \(finding.severity.rawValue): \(ControlEscape.line(finding.message)) [\(finding.rule)]\n"
            if frames, finding.line > 0 {
                if lineCache[finding.file] == nil {
                    lineCache[finding.file] = FrameLines(sourceBytes(finding.file))
                }
                out += frame(lineCache[finding.file]!, line: finding.line, column: finding.column)
            }
            if let hint = finding.hint { out += "\(hintIndent)hint: \(ControlEscape.line(hint))\n" }
        }
        return out
    }

    /// One line: `12 findings: 3 errors, 8 warnings, 1 info in 4 files`.
    public static func summary(_ findings: [Finding], files: Int) -> String {
        func count(_ s: Severity) -> Int { findings.filter { $0.severity == s }.count }
        let (e, w, i) = (count(.error), count(.warning), count(.info))
        let noun = findings.count == 1 ? "finding" : "findings"
        return "\(findings.count) \(noun): \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(i) info in \(files) file\(files == 1 ? "" : "s")"
    }

    /// A file's lines for code frames: lines end at each `\n` (a `\r` before it is not part of
    /// the line, so CRLF files get frames too); the file is kept as bytes, each line is decoded
    /// when a frame shows it.
    struct FrameLines {
        let bytes: [UInt8]
        /// Offset of each line's first byte; an empty file has one empty line, as does the end
        /// of a file ending in `\n`; no file (nil) has none.
        let starts: [Int]

        init(_ bytes: [UInt8]?) {
            self.bytes = bytes ?? []
            guard let bytes else {
                starts = []
                return
            }
            var starts = [0]
            for (i, byte) in bytes.enumerated() where byte == 0x0A { starts.append(i + 1) }
            self.starts = starts
        }

        var count: Int { starts.count }

        /// Line `k` (0-based) without its line break; control characters escaped (tabs kept
        /// for the caret).
        subscript(k: Int) -> Substring {
            var end = k + 1 < starts.count ? starts[k + 1] - 1 : bytes.count
            if end > starts[k], bytes[end - 1] == 0x0D { end -= 1 }
            let line = String(decoding: bytes[starts[k]..<end], as: UTF8.self)
            return Substring(ControlEscape.containsControl(line) ? ControlEscape.line(line) : line)
        }
    }

    /// The code frame; lines longer than 160 columns are cut around the caret.
    static func frame(_ lines: FrameLines, line: Int, column: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        let width = String(line).count
        func gutter(_ n: Int?, marked: Bool) -> String {
            let label = n.map(String.init) ?? ""
            return (marked ? "> " : "  ") + String(repeating: " ", count: width - label.count) + label + " | "
        }
        var out = ""
        if line >= 2, !lines[line - 2].allSatisfy(\.isWhitespace) {
            out += gutter(line - 1, marked: false) + clip(lines[line - 2], around: column).text + "\n"
        }
        let current = lines[line - 1]
        let (text, shift, prefix) = clip(current, around: column)
        out += gutter(line, marked: true) + text + "\n"
        let before = Array(current.unicodeScalars).dropFirst(shift).prefix(max(0, column - 1 - shift))
        let indent = String(repeating: " ", count: prefix) + String(String.UnicodeScalarView(before.map { $0 == "\t" ? "\t" : " " }))
        out += gutter(nil, marked: false) + indent + "^\n"
        return out
    }

    /// A line cut to 160 columns around `column`: the text, how many scalars were dropped in
    /// front and the width of the marker put there.
    static func clip(_ line: Substring, around column: Int) -> (text: String, shift: Int, prefix: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 160 else { return (String(line), 0, 0) }
        let start = min(max(0, column - 120), scalars.count)
        let end = min(scalars.count, start + 160)
        let body = String(String.UnicodeScalarView(scalars[start..<end]))
        return ((start > 0 ? "… " : "") + body + (end < scalars.count ? " …" : ""), start, start > 0 ? 2 : 0)
    }
}
/// Renders findings as `{"findings": [{"rule", "severity", "file", "line", "column", "pointer", "message", "hint"}]}`.
public enum FindingJSONRenderer {
    public static func render(_ findings: [Finding], pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.key("findings")
        writeArray(findings, to: &w)
        w.endObject()
        return w.output + "\n"
    }

    /// Writes findings as a JSON array of `{"rule", "severity", "file", "line", "column",
    /// "pointer", "message", "hint"}` objects (also used by diff's JSON output).
    public static func writeArray(_ findings: [Finding], to w: inout JSONWriter) {
        w.beginArray()
        for f in findings {
            w.beginObject()
            w.field("rule", f.rule)
            w.field("severity", f.severity.rawValue)
            w.field("file", f.file)
            w.field("line", f.line)
            w.field("column", f.column)
            w.field("pointer", f.pointer)
            w.field("message", f.message)
            if let hint = f.hint { w.field("hint", hint) }
            w.endObject()
        }
        w.endArray()
    }
}

/// Renders findings as a markdown list for pull-request comments:
/// `- **severity** `rule` (`file:line:column`): message` (one line each, see ``Markdown/cell(_:)``).
public enum FindingMarkdownRenderer {
    public static func render(_ findings: [Finding]) -> String {
        findings.map { "- **\($0.severity.rawValue)** `\($0.rule)` (`\($0.file):\($0.line):\($0.column)`): \(Markdown.cell($0.message))\n" }.joined()
    }
}

/// Escaping for crrspec's markdown output (diff reports, rule tables).
public enum Markdown {
    /// Text for a table cell or a list item: `|` escaped, `<` and `>` as entities (so
    /// `<service>` stays visible instead of being taken for HTML), line breaks as spaces.
    public static func cell(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
