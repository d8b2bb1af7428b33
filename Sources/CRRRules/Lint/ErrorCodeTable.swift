import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// The error codes a CRR spec documents: the HTML table in the description of its
/// CRRServiceException schema (code, text, category or comment).
public struct ErrorCodeTable {
    public struct Entry {
        public var code: String
        public var text: String
        /// The remaining cells (category, comment).
        public var note: String
        /// The HTTP status the row names (`HTTP 404`, `response in 500`), if any.
        public var status: Int?
        /// UTF-8 offset of the code cell in the description.
        var offset: Int
    }

    /// The CRRServiceException schema and its description string.
    public let schema: Value
    public let description: Value
    public let entries: [Entry]

    public var codes: Set<String> { Set(entries.map(\.code)) }

    public func entries(for code: String) -> [Entry] { entries.filter { $0.code == code } }

    /// Where an entry's code cell is in the source.
    public func position(of entry: Entry) -> SourcePosition {
        SourceSearch.position(in: description, offset: entry.offset, token: entry.code)
    }

    init?(context: LintContext) {
        guard context.kind == .openAPI, let schema = context.root["components"]?["schemas"]?["CRRServiceException"],
              let description = schema["description"], let text = description.string, text.contains("<t") else { return nil }
        self.schema = schema
        self.description = description
        entries = ErrorCodeTable.entries(inTable: text)
    }

    /// The rows of the code tables in a description's text (header rows left out): lint reads
    /// CRRServiceException's, diff's error-code catalog every description's.
    static func entries(inTable text: String) -> [Entry] {
        var entries: [Entry] = []
        for (n, row) in HTMLTable.rows(text).enumerated() where !row.cells.isEmpty {
            let first = row.cells[0]
            let isHeader = row.cells.contains(where: \.header)
                || (n == 0 && !CRRErrorCode.isWellFormed(first.text) && first.text.lowercased().contains("code"))
            if isHeader { continue }
            let text = row.cells.count > 1 ? row.cells[1].text : ""
            let note = row.cells.dropFirst(2).map(\.text).joined(separator: " ")
            entries.append(Entry(code: first.text, text: text, note: note,
                                 status: ErrorCodeTable.httpStatus(in: text + " " + note), offset: first.offset))
        }
        return entries
    }

    /// A 4xx or 5xx status named after "HTTP", "response" or "status" in `text`.
    static func httpStatus(in text: String) -> Int? {
        let lower = Array(text.lowercased().utf8)
        var i = 0
        while i + 3 <= lower.count {
            let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
            if isDigit(lower[i]), isDigit(lower[i + 1]), isDigit(lower[i + 2]),
               i == 0 || !isDigit(lower[i - 1]), i + 3 == lower.count || !isDigit(lower[i + 3]),
               let status = Int(String(decoding: lower[i..<(i + 3)], as: UTF8.self)), (400...599).contains(status) {
                let context = String(decoding: lower[max(0, i - 24)..<i], as: UTF8.self)
                if context.contains("http") || context.contains("response") || context.contains("status") { return status }
            }
            i += 1
        }
        return nil
    }
}
