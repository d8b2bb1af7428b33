import Document

/// A JSON Schema dialect crrspec implements — draft-04, draft-06 or draft-07 — described by one
/// keyword table: the keywords the dialect defines (a keyword outside the table is an unknown
/// keyword there and is ignored, as the drafts require) and how a few of them read.
///
/// A schema document picks its dialect with `$schema` at its root; a document without one is
/// read in the registry's ``SchemaRegistry/defaultDialect`` (draft-07 unless changed). Drafts
/// crrspec does not implement (draft-03, 2019-09, 2020-12, or any other URI) are refused with
/// ``SchemaError`` "dialect … is not supported" — never read as draft-07.
///
/// ```swift
/// let registry = SchemaRegistry()
/// registry.defaultDialect = .draft4        // schemas without $schema are draft-04
/// let schema = try Schema.compile(file: "legacy.schema.json", registry: registry)
/// ```
public struct Dialect: Sendable, Hashable, CustomStringConvertible {
    /// The dialect's short name: `draft-04`, `draft-06` or `draft-07`.
    public let name: String
    /// The canonical metaschema URI (without the empty fragment).
    public let uri: String
    /// The keyword that gives a schema its URI: `id` in draft-04, `$id` later.
    public let idKeyword: String
    /// Whether `true` and `false` are schemas everywhere (draft-06 on). In draft-04 a boolean is
    /// only allowed as the value of `additionalProperties` and `additionalItems`.
    public let booleanSchemas: Bool
    /// Whether `exclusiveMaximum`/`exclusiveMinimum` are booleans that modify `maximum`/`minimum`
    /// (draft-04) rather than numbers of their own (draft-06 on).
    public let booleanExclusiveBounds: Bool
    /// Whether `integer` means "written without a fraction or exponent" (draft-04: `1.0` is a
    /// number, not an integer) rather than "any number with no fractional part" (draft-06 on).
    public let lexicalIntegers: Bool
    /// The `format` names asserted in this dialect (others are unknown formats and pass).
    public let formats: Set<String>
    /// The keyword table: every keyword the dialect defines (its metaschema's `properties`).
    public let keywords: Set<String>
    let metaschemaText: String
    /// draft-07 defines every keyword the compiler reads: no table lookup needed.
    var isDraft7: Bool { name == "draft-07" }

    public var description: String { name }

    /// Whether the dialect defines `keyword`.
    @inline(__always)
    public func has(_ keyword: String) -> Bool { keywords.contains(keyword) }

    public static func == (a: Dialect, b: Dialect) -> Bool { a.uri == b.uri }
    public func hash(into hasher: inout Hasher) { hasher.combine(uri) }

    /// Every dialect crrspec implements, oldest first.
    public static let all: [Dialect] = [draft4, draft6, draft7]

    /// The dialect named `text`: `draft-04`, `draft4`, `4`, or a metaschema URI; nil if unknown.
    public static func named(_ text: String) -> Dialect? {
        let lower = text.lowercased()
        for dialect in all {
            let digits = String(dialect.name.dropFirst("draft-".count))        // "04"
            let short = digits.hasPrefix("0") ? String(digits.dropFirst()) : digits  // "4"
            if lower == dialect.name || lower == "draft" + short || lower == "draft" + digits || lower == "draft-" + short
                || lower == short || lower == digits {
                return dialect
            }
        }
        return forSchemaURI(text)
    }

    /// The dialect a `$schema` URI names, if crrspec implements it (`http` or `https`, with or
    /// without the empty fragment).
    public static func forSchemaURI(_ uri: String) -> Dialect? {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        if text.hasPrefix("https://") { text = "http://" + text.dropFirst("https://".count) }
        return all.first { $0.uri == text }
    }

    /// The name of a draft crrspec knows of but does not implement, for messages.
    static func knownButUnsupported(_ uri: String) -> String? {
        let table: [(String, String)] = [
            ("json-schema.org/draft-03/", "draft-03"), ("json-schema.org/draft/2019-09/", "2019-09"),
            ("json-schema.org/draft/2020-12/", "2020-12"), ("json-schema.org/draft/next/", "draft-next"),
            ("json-schema.org/schema", "\"latest\" (a moving target)"),
        ]
        return table.first { uri.contains($0.0) }?.1
    }

    /// What a document's root says about its dialect.
    enum Declaration {
        /// No `$schema` (or the value is not a schema object): the default applies.
        case none
        case known(Dialect)
        /// A `$schema` crrspec does not implement; the message says which.
        case unsupported(String, Value)
    }

    /// Reads `$schema` at a document's root.
    static func declared(by root: Value) -> Declaration {
        guard root.kind == .object, let value = root["$schema"] else { return .none }
        guard let text = value.string else {
            return .unsupported("$schema must be a string (a metaschema URI such as \(draft7.uri)#), found \(ValueDescription.describe(value))", value)
        }
        if let dialect = forSchemaURI(text) { return .known(dialect) }
        let which = knownButUnsupported(text).map { "dialect \($0) (\(text))" } ?? "dialect \(ValueDescription.quote(text))"
        return .unsupported("\(which) is not supported: crrspec implements draft-04, draft-06 and draft-07 (\(all.map { $0.uri + "#" }.joined(separator: ", ")))", value)
    }

    /// The dialect's metaschema as a parsed document (bundled; never fetched).
    public func metaschemaDocument() -> Document {
        // The bundled text is well-formed; a failure here is a build defect.
        try! JSONReader.parse(string: metaschemaText, name: "\(name) metaschema")
    }

    /// Subschema-bearing keywords where `$id`s (`id`) are looked for, limited to this dialect.
    func schemaKeywords(_ base: Set<String>) -> Set<String> { base.filter(has) }

    // MARK: the dialects

    /// JSON Schema draft-04 (draft-zyp-json-schema-04 / draft-fge-json-schema-validation-00).
    public static let draft4: Dialect = {
        let text = DialectTables.metaschema(DialectTables.draft4)
        return Dialect(name: "draft-04", uri: "http://json-schema.org/draft-04/schema", idKeyword: "id",
                       booleanSchemas: false, booleanExclusiveBounds: true, lexicalIntegers: true,
                       formats: ["date-time", "email", "hostname", "ipv4", "ipv6", "uri", "regex"],
                       keywords: Set(DialectTables.draft4.properties.map(\.0)), metaschemaText: text)
    }()

    /// JSON Schema draft-06 (draft-wright-json-schema-01 / -validation-01).
    public static let draft6: Dialect = {
        let text = DialectTables.metaschema(DialectTables.draft6)
        return Dialect(name: "draft-06", uri: "http://json-schema.org/draft-06/schema", idKeyword: "$id",
                       booleanSchemas: true, booleanExclusiveBounds: false, lexicalIntegers: false,
                       formats: ["date-time", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference",
                                 "uri-template", "json-pointer", "regex"],
                       keywords: Set(DialectTables.draft6.properties.map(\.0)), metaschemaText: text)
    }()

    /// JSON Schema draft-07 (draft-handrews-json-schema-01 / -validation-01): crrspec's default.
    public static let draft7: Dialect = {
        let document = try! JSONReader.parse(string: Draft07Metaschema.text, name: "draft-07 metaschema")
        let keywords = Set(document.root["properties"]!.members.map(\.name))
        return Dialect(name: "draft-07", uri: Draft07Metaschema.uri, idKeyword: "$id",
                       booleanSchemas: true, booleanExclusiveBounds: false, lexicalIntegers: false,
                       formats: FormatChecker.knownFormats.union(["regex"]), keywords: keywords, metaschemaText: Draft07Metaschema.text)
    }()
}

/// The keyword tables of draft-04 and draft-06, written here as Swift data: each keyword with
/// the schema its value must satisfy. The dialect's metaschema is generated from its table (its
/// `definitions` names are the ones other schemas `$ref`, e.g. `#/definitions/positiveInteger`).
enum DialectTables {
    struct Table {
        var uri: String
        var idKeyword: String
        var rootType: String
        var definitions: [(String, String)]
        var properties: [(String, String)]
        var extra: [(String, String)]
    }

    static let draft4 = Table(
        uri: "http://json-schema.org/draft-04/schema#", idKeyword: "id", rootType: #""object""#,
        definitions: [
            ("schemaArray", ##"{"type": "array", "minItems": 1, "items": {"$ref": "#"}}"##),
            ("positiveInteger", ##"{"type": "integer", "minimum": 0}"##),
            ("positiveIntegerDefault0", ##"{"allOf": [{"$ref": "#/definitions/positiveInteger"}, {"default": 0}]}"##),
            ("simpleTypes", ##"{"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]}"##),
            ("stringArray", ##"{"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true}"##),
        ],
        properties: [
            ("id", ##"{"type": "string"}"##),
            ("$schema", ##"{"type": "string"}"##),
            ("$ref", ##"{"type": "string"}"##),
            ("title", ##"{"type": "string"}"##),
            ("description", ##"{"type": "string"}"##),
            ("default", "{}"),
            ("multipleOf", ##"{"type": "number", "minimum": 0, "exclusiveMinimum": true}"##),
            ("maximum", ##"{"type": "number"}"##),
            ("exclusiveMaximum", ##"{"type": "boolean", "default": false}"##),
            ("minimum", ##"{"type": "number"}"##),
            ("exclusiveMinimum", ##"{"type": "boolean", "default": false}"##),
            ("maxLength", ##"{"$ref": "#/definitions/positiveInteger"}"##),
            ("minLength", ##"{"$ref": "#/definitions/positiveIntegerDefault0"}"##),
            ("pattern", ##"{"type": "string", "format": "regex"}"##),
            ("additionalItems", ##"{"anyOf": [{"type": "boolean"}, {"$ref": "#"}], "default": {}}"##),
            ("items", ##"{"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/schemaArray"}], "default": {}}"##),
            ("maxItems", ##"{"$ref": "#/definitions/positiveInteger"}"##),
            ("minItems", ##"{"$ref": "#/definitions/positiveIntegerDefault0"}"##),
            ("uniqueItems", ##"{"type": "boolean", "default": false}"##),
            ("maxProperties", ##"{"$ref": "#/definitions/positiveInteger"}"##),
            ("minProperties", ##"{"$ref": "#/definitions/positiveIntegerDefault0"}"##),
            ("required", ##"{"$ref": "#/definitions/stringArray"}"##),
            ("additionalProperties", ##"{"anyOf": [{"type": "boolean"}, {"$ref": "#"}], "default": {}}"##),
            ("definitions", ##"{"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}}"##),
            ("properties", ##"{"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}}"##),
            ("patternProperties", ##"{"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}}"##),
            ("dependencies", ##"{"type": "object", "additionalProperties": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/stringArray"}]}}"##),
            ("enum", ##"{"type": "array", "minItems": 1, "uniqueItems": true}"##),
            ("type", ##"{"anyOf": [{"$ref": "#/definitions/simpleTypes"}, {"type": "array", "items": {"$ref": "#/definitions/simpleTypes"}, "minItems": 1, "uniqueItems": true}]}"##),
            ("format", ##"{"type": "string"}"##),
            ("allOf", ##"{"$ref": "#/definitions/schemaArray"}"##),
            ("anyOf", ##"{"$ref": "#/definitions/schemaArray"}"##),
            ("oneOf", ##"{"$ref": "#/definitions/schemaArray"}"##),
            ("not", ##"{"$ref": "#"}"##),
        ],
        extra: [
            // A boolean exclusive bound modifies its plain bound, which must be present.
            ("dependencies", ##"{"exclusiveMaximum": ["maximum"], "exclusiveMinimum": ["minimum"]}"##),
            ("default", "{}"),
        ])

    static let draft6 = Table(
        uri: "http://json-schema.org/draft-06/schema#", idKeyword: "$id", rootType: #"["object", "boolean"]"#,
        definitions: [
            ("schemaArray", ##"{"type": "array", "minItems": 1, "items": {"$ref": "#"}}"##),
            ("nonNegativeInteger", ##"{"type": "integer", "minimum": 0}"##),
            ("nonNegativeIntegerDefault0", ##"{"allOf": [{"$ref": "#/definitions/nonNegativeInteger"}, {"default": 0}]}"##),
            ("simpleTypes", ##"{"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]}"##),
            ("stringArray", ##"{"type": "array", "items": {"type": "string"}, "uniqueItems": true, "default": []}"##),
        ],
        properties: [
            ("$id", ##"{"type": "string", "format": "uri-reference"}"##),
            ("$schema", ##"{"type": "string", "format": "uri"}"##),
            ("$ref", ##"{"type": "string", "format": "uri-reference"}"##),
            ("title", ##"{"type": "string"}"##),
            ("description", ##"{"type": "string"}"##),
            ("default", "{}"),
            ("examples", ##"{"type": "array", "items": {}}"##),
            ("multipleOf", ##"{"type": "number", "exclusiveMinimum": 0}"##),
            ("maximum", ##"{"type": "number"}"##),
            ("exclusiveMaximum", ##"{"type": "number"}"##),
            ("minimum", ##"{"type": "number"}"##),
            ("exclusiveMinimum", ##"{"type": "number"}"##),
            ("maxLength", ##"{"$ref": "#/definitions/nonNegativeInteger"}"##),
            ("minLength", ##"{"$ref": "#/definitions/nonNegativeIntegerDefault0"}"##),
            ("pattern", ##"{"type": "string", "format": "regex"}"##),
            ("additionalItems", ##"{"$ref": "#"}"##),
            ("items", ##"{"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/schemaArray"}], "default": {}}"##),
            ("maxItems", ##"{"$ref": "#/definitions/nonNegativeInteger"}"##),
            ("minItems", ##"{"$ref": "#/definitions/nonNegativeIntegerDefault0"}"##),
            ("uniqueItems", ##"{"type": "boolean", "default": false}"##),
            ("contains", ##"{"$ref": "#"}"##),
            ("maxProperties", ##"{"$ref": "#/definitions/nonNegativeInteger"}"##),
            ("minProperties", ##"{"$ref": "#/definitions/nonNegativeIntegerDefault0"}"##),
            ("required", ##"{"$ref": "#/definitions/stringArray"}"##),
            ("additionalProperties", ##"{"$ref": "#"}"##),
            ("definitions", ##"{"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}}"##),
            ("properties", ##"{"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}}"##),
            ("patternProperties", ##"{"type": "object", "additionalProperties": {"$ref": "#"}, "default": {}}"##),
            ("dependencies", ##"{"type": "object", "additionalProperties": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/stringArray"}]}}"##),
            ("propertyNames", ##"{"$ref": "#"}"##),
            ("const", "{}"),
            ("enum", ##"{"type": "array"}"##),
            ("type", ##"{"anyOf": [{"$ref": "#/definitions/simpleTypes"}, {"type": "array", "items": {"$ref": "#/definitions/simpleTypes"}, "minItems": 1, "uniqueItems": true}]}"##),
            ("format", ##"{"type": "string"}"##),
            ("allOf", ##"{"$ref": "#/definitions/schemaArray"}"##),
            ("anyOf", ##"{"$ref": "#/definitions/schemaArray"}"##),
            ("oneOf", ##"{"$ref": "#/definitions/schemaArray"}"##),
            ("not", ##"{"$ref": "#"}"##),
        ],
        extra: [("default", "{}")])

    /// The metaschema text of a table.
    static func metaschema(_ table: Table) -> String {
        func object(_ members: [(String, String)], indent: String) -> String {
            "{\n" + members.map { "\(indent)    \(ValueDescription.quote($0.0, limit: .max)): \($0.1)" }.joined(separator: ",\n") + "\n\(indent)}"
        }
        var members: [(String, String)] = [
            ("$schema", ValueDescription.quote(table.uri, limit: .max)),
            (table.idKeyword, ValueDescription.quote(table.uri, limit: .max)),
            ("description", #""Core schema metaschema (crrspec's own copy, generated from its keyword table)""#),
            ("definitions", object(table.definitions, indent: "    ")),
            ("type", table.rootType),
            ("properties", object(table.properties, indent: "    ")),
        ]
        members += table.extra
        return object(members, indent: "")
    }
}
