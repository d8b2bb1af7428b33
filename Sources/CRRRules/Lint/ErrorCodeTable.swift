import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// The error codes a CRR spec documents: the HTML table in the description of its
/// CRRServiceException schema (code, text, category or comment), read from the contract
/// model's component with CRR's one table reader (``CRRErrorCodeTable``).
public struct ErrorCodeTable {
    public typealias Entry = CRRErrorCodeTable.Row

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
        guard context.kind == .openAPI, let schema = context.contract?.component(.schemas, named: "CRRServiceException")?.value,
              let description = schema["description"], let text = description.string, text.contains("<t") else { return nil }
        self.schema = schema
        self.description = description
        entries = CRRErrorCodeTable.rows(in: text)
    }
}
