import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// The revision history a CRR spec keeps as an HTML table in `info.description`
/// (version, date, change log; read from the contract model), with what each row's change log
/// says about error codes.
/// Lint's CRR rules and diff's release-note check (``ReleaseNoteTable``) read it.
public struct RevisionTable {
    public struct Row {
        public var versionText: String
        public var version: CRRVersion?
        public var date: String
        public var log: String
        /// UTF-8 offsets in the description: the row's `<tr>` and its change-log cell.
        var offset: Int
        var logOffset: Int
    }

    /// What a clause of a change log does to an error code.
    public enum CodeAction: Sendable { case added, removed, mentioned }

    public struct CodeEvent {
        public var code: String
        public var action: CodeAction
        /// The HTTP status the clause pairs the code with ("SER0028 is used for response 404").
        public var status: Int?
        public var row: Int
        var offset: Int
    }

    public let description: Value
    public let rows: [Row]

    init?(context: LintContext) {
        guard context.kind == .openAPI, let description = context.contract?.infoDescription else { return nil }
        self.init(description: description)
    }

    /// The table in a description (a string holding a `<table>`); nil when there is none. Rows
    /// before the first version row (headers) are left out.
    public init?(description: Value) {
        guard let text = description.string, text.contains("<t") else { return nil }
        self.description = description
        var rows: [Row] = []
        for row in HTMLTable.rows(text) where !row.cells.isEmpty {
            let first = row.cells[0].text
            let version = CRRVersion(first)
            if row.cells.contains(where: \.header) || (rows.isEmpty && version == nil) { continue }
            let log = row.cells.count > 2 ? row.cells[2...].map(\.text).joined(separator: " ") : (row.cells.count == 2 ? row.cells[1].text : "")
            let logOffset = row.cells.count > 2 ? row.cells[2].offset : row.cells.last!.offset
            rows.append(Row(versionText: first, version: version, date: row.cells.count > 2 ? row.cells[1].text : "", log: log,
                            offset: row.offset, logOffset: logOffset))
        }
        self.rows = rows
    }

    /// Where a piece of the description is in the source.
    public func position(offset: Int, token: String) -> SourcePosition {
        SourceSearch.position(in: description, offset: offset, token: token)
    }

    /// Every error code the change logs name, with what the clause naming it does to it.
    public var codeEvents: [CodeEvent] {
        var events: [CodeEvent] = []
        let text = Array((description.string ?? "").utf8)
        for (n, row) in rows.enumerated() {
            // The log cell's text was whitespace-normalised; find codes in the raw cell instead.
            let end = n + 1 < rows.count ? rows[n + 1].offset : text.count
            let raw = String(decoding: text[min(row.logOffset, text.count)..<max(min(row.logOffset, text.count), min(end, text.count))], as: UTF8.self)
            var clauseStart = 0
            for clause in RevisionTable.clauses(raw) {
                for (code, offset, action) in RevisionTable.actions(in: clause) {
                    let status = RevisionTable.statusPairing(code: code, clause: clause)
                    events.append(CodeEvent(code: code, action: action, status: status, row: n,
                                            offset: row.logOffset + clauseStart + offset))
                }
                clauseStart += clause.utf8.count + 1
            }
        }
        return events
    }

    /// A change log split at `;` and at sentence ends; each piece keeps its length so offsets add up.
    static func clauses(_ log: String) -> [String] {
        var out: [String] = []
        var current = ""
        let scalars = Array(log.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            let sentenceEnd = c == "." && (i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1] == "<")
            if c == ";" || sentenceEnd {
                out.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(c)
            }
        }
        out.append(current)
        return out
    }

    /// The codes of one clause and what it does to each: "add X", "remove X", "replace X with Y",
    /// "Y replaces X", or just a mention.
    static func actions(in clause: String) -> [(String, Int, CodeAction)] {
        let codes = CRRErrorCode.codes(in: clause)
        guard !codes.isEmpty else { return [] }
        let lower = clause.lowercased()
        let words = RevisionTable.words(clause)
        func offset(of word: String) -> Int? {
            lower.firstRange(of: word).map { lower.utf8.distance(from: lower.startIndex, to: $0.lowerBound) }
        }
        if words.contains("replaces"), let pivot = offset(of: "replaces") {
            return codes.map { ($0.code, $0.offset, $0.offset < pivot ? .added : .removed) }
        }
        if !words.isDisjoint(with: ["replace", "replaced", "replacing", "rename", "renamed"]), let pivot = offset(of: " with ") ?? offset(of: " to ") {
            return codes.map { ($0.code, $0.offset, $0.offset < pivot ? .removed : .added) }
        }
        let action = plainAction(words)
        // "Removed LHFV0032 because it is a duplicate of SER0002": codes after the reason are mentions.
        let reason = [" because", " since", " duplicate of", " in favor", " in favour", " instead of"].compactMap(offset(of:)).min() ?? Int.max
        return codes.map { ($0.code, $0.offset, $0.offset > reason ? .mentioned : action) }
    }

    static let removing: Set<String> = ["remove", "removed", "removes", "drop", "dropped", "drops", "delete", "deleted", "retire", "retired"]
    static let adding: Set<String> = ["add", "added", "adds", "new", "restore", "restored", "introduce", "introduced"]

    /// What a clause without "replace" does, from its verbs.
    static func plainAction(_ words: Set<String>) -> CodeAction {
        if !words.isDisjoint(with: removing) { return .removed }
        if !words.isDisjoint(with: adding) { return .added }
        return .mentioned
    }

    /// The lower-case words of a clause, paths (anything with a `/`) left out.
    static func words(_ clause: String) -> Set<String> {
        Set(prose(clause).lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    /// The clause without its paths and URLs (`/auction/v1.0/portfolio/delete` names no action).
    static func prose(_ clause: String) -> String {
        clause.split(separator: " ").filter { !$0.contains("/") }.joined(separator: " ")
    }

    /// "Error code SER0028 is used for response 404 and ... SER0029 for response 500": the status
    /// in the same part of the clause as the code (parts split at "and" and commas).
    static func statusPairing(code: String, clause: String) -> Int? {
        for part in clause.split(separator: ",").flatMap({ $0.components(separatedBy: " and ") }) where part.contains(code) {
            if CRRErrorCode.codes(in: String(part)).count == 1, let status = CRRErrorCodeTable.httpStatus(in: String(part)) { return status }
        }
        return nil
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        split(separator: separator, omittingEmptySubsequences: false)
    }
}
