import Document
import Reporting

/// A value of a document written back as JSON text (numbers as written, keys in document order).
public enum JSONText {
    public static func render(_ value: Value, pretty: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    static func write(_ value: Value, into out: inout String, indent: Int?) {
        let pad = { (n: Int) in "\n" + String(repeating: "  ", count: n) }
        switch value.kind {
        case .object:
            if value.count == 0 { out += "{}"; return }
            out += "{"
            for (i, member) in value.members.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += pad(indent + 1) }
                out += JSONWriter.quote(member.name) + (indent == nil ? ":" : ": ")
                write(member.value, into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out += pad(indent) }
            out += "}"
        case .array:
            if value.count == 0 { out += "[]"; return }
            out += "["
            for (i, element) in value.elements.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += pad(indent + 1) }
                write(element, into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out += pad(indent) }
            out += "]"
        case .string:
            out += JSONWriter.quote(value.string ?? "")
        case .true:
            out += "true"
        case .false:
            out += "false"
        case .null:
            out += "null"
        default:
            out += value.numberText ?? "null"
        }
    }
}
