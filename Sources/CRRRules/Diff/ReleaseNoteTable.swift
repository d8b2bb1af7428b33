import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// The revision history CAISO keeps in `info.description`, as diff and the docs pages compare and
/// show it: the version rows of its ``RevisionTable``, each with its place in the source.
public enum ReleaseNoteTable {
    public struct Entry: Sendable {
        public var version: CRRVersion
        public var date: String?
        public var log: String
        /// Where the row is in the source.
        public var location: ChangeLocation
    }

    /// The version rows of the revision table (``RevisionTable``) in a description value, in order.
    static func entries(_ description: Located?) -> [Entry] {
        guard let description, let table = RevisionTable(description: description.value) else { return [] }
        return table.rows.compactMap { row in
            guard let version = row.version else { return nil }
            let position = SourceSearch.position(of: version.description, in: description.value, preferTagged: true)
            return Entry(version: version, date: row.date.isEmpty ? nil : row.date, log: row.log,
                         location: ChangeLocation(file: description.file, pointer: description.pointer, line: position.line,
                                                  column: position.column, value: version.description + ": " + row.log))
        }
    }

    /// The revision rows of an OpenAPI document's `info.description`.
    public static func entries(in document: Document) -> [Entry] {
        entries(Located(root: document)["info"]?["description"])
    }
}
