import Document
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
        let name = String(ref.dropFirst(prefix.count))
        return "<a href=\"" + page + "#" + HTML.anchor("schema", name) + "\">" + HTML.escape(name) + "</a>"
    }

    /// Type text: `string (date-time)`, `array of <link>`, a linked `$ref`, `nullable`.
    func typeCell(_ schema: Value) -> String {
        if let ref = schema["$ref"]?.string { return link(ref) ?? "<code>" + HTML.escape(ref) + "</code>" }
        var text = HTML.escape(schema["type"]?.string ?? (schema["properties"] != nil ? "object" : composition(schema) ?? "any"))
        if let format = schema["format"]?.string { text += " <span class=\"muted\">(" + HTML.escape(format) + ")</span>" }
        if schema["type"]?.string == "array", let items = schema["items"] {
            text += " of " + (items["$ref"]?.string.flatMap(link) ?? HTML.escape(items["type"]?.string ?? "any"))
            if let format = items["format"]?.string, items["$ref"] == nil { text += " <span class=\"muted\">(" + HTML.escape(format) + ")</span>" }
        }
        if schema["nullable"]?.bool == true { text += " <span class=\"badge\">nullable</span>" }
        return text
    }

    func composition(_ schema: Value) -> String? {
        ["allOf", "oneOf", "anyOf"].first { schema[$0] != nil }
    }

    /// Every constraint of a schema (and of its array items), one per line.
    func constraints(_ schema: Value) -> String {
        var out: [String] = []
        func add(_ label: String, _ value: Value?) {
            guard let value else { return }
            out.append(HTML.escape(label) + " <code>" + HTML.escape(PostmanCollection.text(value)) + "</code>")
        }
        func collect(_ s: Value, prefix: String) {
            if let values = s["enum"], values.kind == .array {
                out.append(prefix + "enum " + values.elements.map { "<code>" + HTML.escape(PostmanCollection.text($0)) + "</code>" }.joined(separator: " "))
            }
            for key in ["pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf", "minItems", "maxItems", "minProperties", "maxProperties"] {
                add(prefix + key, s[key])
            }
            if s["exclusiveMinimum"]?.bool == true { out.append(prefix + "exclusiveMinimum") }
            if s["exclusiveMaximum"]?.bool == true { out.append(prefix + "exclusiveMaximum") }
            if s["uniqueItems"]?.bool == true { out.append(prefix + "uniqueItems") }
            if s["readOnly"]?.bool == true { out.append(prefix + "readOnly") }
            if s["writeOnly"]?.bool == true { out.append(prefix + "writeOnly") }
            if s["deprecated"]?.bool == true { out.append("<span class=\"badge deprecated\">deprecated</span>") }
            add(prefix + "default", s["default"])
            if s["additionalProperties"]?.bool == false { out.append(prefix + "no additional properties") }
            for member in s.members where member.name.hasPrefix("x-crr") {
                out.append("<span class=\"badge rule\">CRR rule</span> " + HTML.escape(member.name) + ": " + HTML.escape(PostmanCollection.text(member.value)))
            }
        }
        collect(schema, prefix: "")
        if let items = schema["items"], items.kind == .object, items["$ref"] == nil { collect(items, prefix: "items ") }
        return out.joined(separator: "<br>")
    }

    /// The table of an object schema's properties (with nested tables for inline objects), or
    /// a one-row table for any other schema.
    func render(_ schema: Value, depth: Int = 0) -> String {
        guard depth < 8 else { return "<span class=\"muted\">(nested deeper than 8 levels)</span>" }
        var out = ""
        if let ref = schema["$ref"]?.string { return "<p>See " + (link(ref) ?? "<code>" + HTML.escape(ref) + "</code>") + "</p>" }
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
            if required.contains(property.name) { name += " <span class=\"badge required\">required</span>" }
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
