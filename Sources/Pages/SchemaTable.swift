import CRR
import Document
import JSONSchema
import OpenAPI

/// A schema as nested tables: one row per property with its type, every constraint, whether it
/// is required, and its description; `$ref`s become links to the schema's section, nested
/// object schemas nested tables. CRR business rules (`x-crr-*` extensions) are marked as such.
struct SchemaTable {
    let contract: Contract
    /// The page the referenced component schemas are on (empty: this page).
    var page = ""

    /// The link to a `$ref`'s target when it is a component schema of this spec.
    func link(_ ref: String) -> String? {
        let prefix = "#/components/schemas/"
        guard ref.hasPrefix(prefix) else { return nil }
        let name = URIReference.percentDecode(String(ref.dropFirst(prefix.count))).replacing("~1", with: "/").replacing("~0", with: "~")
        return "<a href=\"" + page + "#" + HTML.anchor("schema", name) + "\">" + HTML.escape(name) + "</a>"
    }

    /// A `$ref` object: a link to the section of the component schema it names when it
    /// resolves, its text as code for another target that resolves (a schema in another file),
    /// else the marked note of ``unresolved(_:)``.
    func reference(_ holder: Value) -> String {
        let ref = holder["$ref"]?.string ?? ""
        guard ((try? contract.resolve(holder)) ?? nil) != nil else { return Self.unresolved(ref) }
        return link(ref) ?? "<code>" + HTML.escape(ref) + "</code>"
    }

    /// The note that stands where a `$ref` cannot be followed (its target is missing, outside
    /// the spec's folder or unreadable): marked, so a reader does not take it for a type.
    static func unresolved(_ ref: String) -> String {
        "<span class=\"unresolved\" role=\"note\"><strong>unresolved reference</strong> <code>" + HTML.escape(ref) + "</code></span>"
    }

    /// Type text: `string (date-time)`, `array of <link>`, a linked `$ref`, `nullable`.
    func typeCell(_ schema: Value) -> String {
        if schema["$ref"]?.string != nil { return reference(schema) }
        var text = HTML.escape(schema["type"]?.string ?? (schema["properties"] != nil ? "object" : composition(schema) ?? "any"))
        if let format = schema["format"]?.string { text += " <span class=\"muted\">(" + HTML.escape(format) + ")</span>" }
        if schema["type"]?.string == "array", let items = schema["items"] {
            text += " of " + (items["$ref"]?.string != nil ? reference(items) : HTML.escape(items["type"]?.string ?? "any"))
            if let format = items["format"]?.string, items["$ref"] == nil { text += " <span class=\"muted\">(" + HTML.escape(format) + ")</span>" }
        }
        if schema["nullable"]?.bool == true { text += " <span class=\"badge\">nullable</span>" }
        return text
    }

    func composition(_ schema: Value) -> String? {
        ["allOf", "oneOf", "anyOf"].first { schema[$0] != nil }
    }

    /// The badge of a CRR business rule (see ``CRRBusinessRule``): a constraint crrspec's
    /// bundled specs add to CAISO's published contract.
    static let ruleBadge = "<span class=\"badge rule\">CRR rule</span>"

    /// Every constraint of a schema (and of its array items), one per line. A constraint that
    /// is a CRR business rule (`x-crr-rule` names its keyword) carries the "CRR rule" badge, and
    /// the rule's reason follows on a line of its own.
    func constraints(_ schema: Value) -> String {
        var out: [String] = []
        func collect(_ s: Value, prefix: String) {
            func marked(_ keyword: String, _ text: String) {
                out.append(text + (CRRBusinessRule.rule(for: keyword, in: s) != nil ? " " + Self.ruleBadge : ""))
            }
            func add(_ key: String) {
                guard let value = s[key] else { return }
                marked(key, HTML.escape(prefix + key) + " <code>" + HTML.escape(PostmanCollection.text(value)) + "</code>")
            }
            if let values = s["enum"], values.kind == .array {
                marked("enum", prefix + "enum " + values.elements.map { "<code>" + HTML.escape(PostmanCollection.text($0)) + "</code>" }.joined(separator: " "))
            }
            for key in ["pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf", "minItems", "maxItems", "minProperties", "maxProperties"] {
                add(key)
            }
            for key in ["exclusiveMinimum", "exclusiveMaximum", "uniqueItems", "readOnly", "writeOnly"] where s[key]?.bool == true {
                marked(key, prefix + key)
            }
            if s["deprecated"]?.bool == true { out.append("<span class=\"badge deprecated\">deprecated</span>") }
            add("default")
            if s["additionalProperties"]?.bool == false { marked("additionalProperties", prefix + "no additional properties") }
            for member in s.members where member.name.hasPrefix("x-crr") {
                if member.name == CRRBusinessRule.key {
                    out.append(Self.ruleBadge + " " + ruleText(member.value))
                } else {
                    out.append(Self.ruleBadge + " " + HTML.escape(member.name) + ": " + HTML.escape(PostmanCollection.text(member.value)))
                }
            }
        }
        collect(schema, prefix: "")
        if let items = schema["items"], items.kind == .object, items["$ref"] == nil { collect(items, prefix: "items ") }
        return out.joined(separator: "<br>")
    }

    /// An `x-crr-rule` mark as prose: which keywords are crrspec's rules rather than CAISO's
    /// published contract, and why.
    func ruleText(_ value: Value) -> String {
        guard let mark = CRRBusinessRule.Mark(value) else { return HTML.escape(PostmanCollection.text(value)) }
        if value.kind == .string { return "business rule, not in the published spec: " + HTML.escape(mark.reasonText) }
        func codeList(_ names: [String]) -> String { names.map { "<code>" + HTML.escape($0) + "</code>" }.joined(separator: ", ") }
        var named = (mark.keywords ?? []).map { "<code>" + HTML.escape($0) + "</code>" }
        if let properties = mark.properties, !properties.isEmpty { named.append("properties " + codeList(properties)) }
        if let codes = mark.codes, !codes.isEmpty { named.append("codes " + codeList(codes)) }
        var text = "business rule, not in the published spec"
        if !named.isEmpty { text += " (" + named.joined(separator: "; ") + ")" }
        if let reason = mark.reason { text += ": " + HTML.escape(reason) }
        if let code = mark.code { text += "; CAISO answers <code>" + HTML.escape(code) + "</code>" }
        return text
    }

    /// The note of an `x-crr-rule` mark on any node (a response, a request body, a parameter,
    /// a server, the document): the badge and the rule in words; empty when it has none.
    func ruleNote(_ node: Value) -> String {
        guard node.kind == .object, let mark = node[CRRBusinessRule.key] else { return "" }
        return "<span class=\"crr-rule\">" + Self.ruleBadge + " " + ruleText(mark) + "</span>"
    }

    /// The table of an object schema's properties (with nested tables for inline objects), or
    /// a one-row table for any other schema.
    func render(_ schema: Value, depth: Int = 0) -> String {
        guard depth < 8 else { return "<span class=\"muted\">(nested deeper than 8 levels)</span>" }
        var out = ""
        if schema["$ref"]?.string != nil { return "<p>See " + reference(schema) + "</p>" }
        if let kind = composition(schema), let parts = schema[kind] {
            out += "<p>" + HTML.escape(kind == "allOf" ? "All of:" : kind == "oneOf" ? "Exactly one of:" : "Any of:") + "</p><ol>"
            for part in parts.elements { out += "<li>" + render(part, depth: depth + 1) + "</li>" }
            out += "</ol>"
            if schema["properties"] == nil { return out }
        }
        guard let properties = schema["properties"], properties.kind == .object else {
            return out + HTML.table(["Type", "Constraints", "Description"],
                                    [[typeCell(schema), constraints(schema), HTML.prose(schema["description"]?.string ?? "")]])
        }
        let own = constraints(schema)
        if !own.isEmpty { out += "<p class=\"muted\">" + own + "</p>" }
        let required = Set(schema["required"]?.elements.compactMap(\.string) ?? [])
        var rows: [[String]] = []
        for property in properties.members {
            let value = property.value
            var name = "<code>" + HTML.escape(property.name) + "</code>"
            if required.contains(property.name) {
                name += " <span class=\"badge required\">required</span>"
                if CRRBusinessRule.requiredIsRule(property.name, in: schema) { name += " " + Self.ruleBadge }
            }
            var description = HTML.prose(value["description"]?.string ?? "")
            if let example = value["example"] { description += "<p class=\"muted\">Example: <code>" + HTML.escape(PostmanCollection.text(example)) + "</code></p>" }
            let nestedObject = value["$ref"] == nil && (value["properties"] != nil || composition(value) != nil)
            let nestedItems = value["items"].map { $0["$ref"] == nil && ($0["properties"] != nil || composition($0) != nil) } ?? false
            if nestedObject { description += render(value, depth: depth + 1) }
            if nestedItems, let items = value["items"] { description += "<p class=\"muted\">Each item:</p>" + render(items, depth: depth + 1) }
            rows.append([name, typeCell(value), constraints(value), description])
        }
        return out + HTML.table(["Field", "Type", "Constraints", "Description"], rows, className: "props")
    }
}
