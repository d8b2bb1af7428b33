import CRR
import Document

/// The revision history CAISO keeps in `info.description`: an HTML table whose rows hold a
/// version, a date and a change log. Rows whose first cell is not a version (headers) are skipped.
public enum ReleaseNoteTable {
    public struct Entry: Sendable {
        public var version: CRRVersion
        public var date: String?
        public var log: String
        /// Where the row is in the source.
        public var location: ChangeLocation
    }

    /// The rows of the table in a description value, in order.
    static func entries(_ description: Located?) -> [Entry] {
        guard let description, let text = description.string else { return [] }
        var out: [Entry] = []
        for row in HTMLTable.rows(in: text) {
            guard let version = CRRVersion(row.cells[0]) else { continue }
            let position = SourceSearch.position(of: version.description, in: description.value, preferTagged: true)
            let log = row.cells.count > 2 ? row.cells[2...].joined(separator: " ") : (row.cells.count > 1 ? row.cells[1] : "")
            out.append(Entry(version: version, date: row.cells.count > 2 ? row.cells[1] : nil, log: log,
                             location: ChangeLocation(file: description.file, pointer: description.pointer, line: position.line,
                                                      column: position.column, value: version.description + ": " + log)))
        }
        return out
    }

    /// The revision rows of an OpenAPI document's `info.description`.
    public static func entries(in document: Document) -> [Entry] {
        entries(Located(root: document)["info"]?["description"])
    }
}
