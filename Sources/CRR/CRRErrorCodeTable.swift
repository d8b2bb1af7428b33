import OpenAPI

/// The error-code table CAISO writes as HTML in a description (CRRServiceException's): one row
/// per code with its text and a category or comment. The one reader of it: lint's CRR rules
/// (``CRRErrorCode``-shaped codes, duplicates, statuses), diff's error-code catalog, the docs
/// pages and the mock's error bodies all take its rows from here.
public enum CRRErrorCodeTable {
    public struct Row: Sendable {
        /// The first cell as written (lint reports rows whose code is not well formed).
        public var code: String
        /// The second cell.
        public var text: String
        /// The remaining cells (category, comment).
        public var note: String
        /// The HTTP status the row names (`HTTP 404`, `response in 500`), if any.
        public var status: Int?
        /// UTF-8 offset of the code cell in the description.
        public var offset: Int
    }

    /// The rows of the code tables in a description's text (``HTMLTable``), header rows left
    /// out: rows with a `<th>` cell, and a first row whose first cell says "code" without
    /// being one.
    public static func rows(in text: String) -> [Row] {
        var rows: [Row] = []
        for (n, row) in HTMLTable.rows(text).enumerated() where !row.cells.isEmpty {
            let first = row.cells[0]
            let isHeader = row.cells.contains(where: \.header)
                || (n == 0 && !CRRErrorCode.isWellFormed(first.text) && first.text.lowercased().contains("code"))
            if isHeader { continue }
            let text = row.cells.count > 1 ? row.cells[1].text : ""
            let note = row.cells.dropFirst(2).map(\.text).joined(separator: " ")
            rows.append(Row(code: first.text, text: text, note: note, status: httpStatus(in: text + " " + note), offset: first.offset))
        }
        return rows
    }

    /// The well-formed codes (``CRRErrorCode/isWellFormed(_:)``) of the table's rows.
    public static func codes(in text: String) -> Set<String> {
        Set(rows(in: text).map(\.code).filter(CRRErrorCode.isWellFormed))
    }

    /// A 4xx or 5xx status named after "HTTP", "response" or "status" in `text`.
    public static func httpStatus(in text: String) -> Int? {
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
