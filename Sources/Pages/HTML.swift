import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Building blocks of crrspec's HTML pages: escaping of every text that comes from a user's
/// file, anchors, and the page frame with crrspec's own stylesheet and script embedded (no
/// CDN, no request of any kind: pages work from `file://` and over HTTP alike).
public enum HTML {
    /// Text for an element's content or a quoted attribute value: `& < > " '` become
    /// references; control characters other than tab and newline, which HTML forbids, become
    /// U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "\n"
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFE) == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// An `id`/fragment made of ASCII letters, digits, `-` and `_` only (other characters
    /// become `-`), so it needs no escaping in an attribute or a URL.
    public static func anchor(_ parts: String...) -> String {
        var out = ""
        for (i, part) in parts.enumerated() {
            if i > 0 { out += "-" }
            for scalar in part.unicodeScalars {
                let v = scalar.value
                let keep = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 45 || v == 95
                out += keep ? String(scalar) : "-"
            }
        }
        return out
    }

    /// A file name from parts joined with `-`: ASCII letters, digits, `.`, `-` and `_` (others
    /// become `-`), so `auction-1.2.1.html` for `auction` and `1.2.1`.
    public static func fileName(_ parts: String...) -> String {
        parts.map { part in
            String(part.unicodeScalars.map { scalar -> Character in
                let v = scalar.value
                let keep = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 45 || v == 95 || v == 46
                return keep ? Character(scalar) : "-"
            })
        }.joined(separator: "-")
    }

    /// A relative link target (a file name we wrote, plus an optional fragment).
    public static func href(_ file: String, _ fragment: String? = nil) -> String {
        escape(file) + (fragment.map { "#" + $0 } ?? "")
    }

    /// Description text: paragraphs, `code` spans. HTML tables inside it (CAISO keeps revision
    /// histories and error codes that way) are cut out: pages render them as real tables.
    public static func prose(_ text: String) -> String {
        let stripped = removingTables(text)
        var out = ""
        for paragraph in stripped.components(separatedBy: "\n\n") {
            let trimmed = trimmingWhitespace(paragraph)
            if trimmed.isEmpty { continue }
            out += "<p>" + codeSpans(escape(trimmed)) + "</p>"
        }
        return out
    }

    /// The text with every `<table ...>...</table>` span removed.
    public static func removingTables(_ text: String) -> String {
        var rest = Substring(text)
        var out = ""
        while let start = rangeIgnoringASCIICase(of: "<table", in: rest) {
            out += rest[..<start.lowerBound]
            if let end = rangeIgnoringASCIICase(of: "</table>", in: rest[start.upperBound...]) {
                rest = rest[end.upperBound...]
            } else {
                rest = ""
            }
        }
        return out + rest
    }

    /// `x` spans of already escaped text as `<code>`.
    static func codeSpans(_ escaped: String) -> String {
        let parts = escaped.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return escaped }
        var out = ""
        for (i, part) in parts.enumerated() {
            if i % 2 == 1 && i < parts.count - 1 { out += "<code>" + part + "</code>" } else {
                if i % 2 == 1 { out += "`" }
                out += part
            }
        }
        return out
    }

    /// A table from header cells and rows of already rendered cell HTML.
    public static func table(_ headers: [String], _ rows: [[String]], caption: String? = nil, className: String? = nil) -> String {
        var out = "<table" + (className.map { " class=\"\($0)\"" } ?? "") + ">"
        if let caption { out += "<caption>" + escape(caption) + "</caption>" }
        out += "<thead><tr>" + headers.map { "<th scope=\"col\">" + escape($0) + "</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.map { "<td>" + $0 + "</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>"
    }

    /// A whole page: one `h1` (the title), crrspec's stylesheet and script inline, and a
    /// Content-Security-Policy that forbids every request (only the inline style and script run).
    public static func page(title: String, body: String, breadcrumbs: [(label: String, href: String)] = [], filter: Bool = false,
                            filterLabel: String = "Filter operations and schemas") -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"crrspec\">\n"
        out += "<title>" + escape(title) + "</title>\n<style>\n" + PageAssets.css + "</style>\n</head>\n<body>\n"
        if !breadcrumbs.isEmpty {
            out += "<nav class=\"crumbs\" aria-label=\"Breadcrumbs\">"
            out += breadcrumbs.map { "<a href=\"\($0.href)\">" + escape($0.label) + "</a>" }.joined(separator: " / ")
            out += "</nav>\n"
        }
        out += "<main>\n<h1>" + escape(title) + "</h1>\n"
        if filter {
            out += "<div class=\"filter\"><label for=\"crr-filter\">" + escape(filterLabel) + "</label> "
            out += "<input type=\"search\" id=\"crr-filter\" placeholder=\"text to look for\" autocomplete=\"off\">"
            out += " <span id=\"crr-filter-count\" aria-live=\"polite\"></span></div>\n"
        }
        out += body
        out += "\n</main>\n<footer>Written by crrspec. No part of this page is loaded from the network.</footer>\n"
        out += "<script>\n" + PageAssets.script + "</script>\n</body>\n</html>\n"
        return out
    }
}
