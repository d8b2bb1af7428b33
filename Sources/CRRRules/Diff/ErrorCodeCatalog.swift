import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// The error codes a spec documents: the `[A-Z]{3,4}[0-9]{4}` codes in the first column of the
/// HTML code tables in descriptions (with their text), and codes used as values in examples
/// (not the placeholder `XXX0000`).
public enum ErrorCodeCatalog {
    public struct Entry: Sendable {
        public var code: String
        /// The text from the code table; nil for a code seen only in an example.
        public var text: String?
        public var location: ChangeLocation
    }

    /// Whether a string is shaped like an error code (`SER0001`, `LHFV0032`).
    public static func isCode(_ s: String) -> Bool { CRRErrorCode.isWellFormed(s) }

    /// The codes of a document in order of first appearance; a code table's entry wins over an
    /// example's.
    public static func entries(_ document: Document) -> [Entry] {
        var order: [String] = []
        var found: [String: Entry] = [:]
        func add(_ entry: Entry) {
            if let existing = found[entry.code] {
                if existing.text == nil && entry.text != nil { found[entry.code] = entry }
                return
            }
            order.append(entry.code)
            found[entry.code] = entry
        }
        // Values, not Located: a pointer is worked out only for a code found (this walks the
        // whole document).
        var stack: [(Value, Bool)] = [(document.root, false)]
        while let (node, inExample) = stack.popLast() {
            switch node.kind {
            case .object:
                for member in Array(node.members).reversed() {
                    let name = member.name
                    if name == "description", let text = member.value.string, !inExample {
                        let rows = CRRErrorCodeTable.rows(in: text)
                        guard !rows.isEmpty else { continue }
                        let child = Located(member.value)
                        for row in rows where isCode(row.code) {
                            let code = row.code
                            let rowText = row.text
                            let position = SourceSearch.position(of: code, in: child.value, preferTagged: true)
                            add(Entry(code: code, text: rowText,
                                      location: ChangeLocation(file: child.file, pointer: child.pointer, line: position.line,
                                                               column: position.column, value: code + (rowText.isEmpty ? "" : ": " + rowText))))
                        }
                    } else {
                        stack.append((member.value, inExample || name == "example" || name == "examples" || name == "x-example"))
                    }
                }
            case .array:
                for element in Array(node.elements).reversed() { stack.append((element, inExample)) }
            case .string:
                // `XXX0000`, the published specs' placeholder example, is no code (as in lint).
                if inExample, let s = node.string, isCode(s), !CRRErrorCode.isPlaceholder(s) {
                    add(Entry(code: s, text: nil, location: Located(node).present))
                }
            default:
                break
            }
        }
        return order.map { found[$0]! }
    }

    /// Lowercased, whitespace collapsed, final period dropped: texts that say the same.
    static func normalized(_ text: String?) -> String {
        var t = ValueText.normalizedSpace(text ?? "").lowercased()
        while t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
