/// What draft-07's keywords are, beyond their names (the names are ``Dialect/keywords``, read
/// from the metaschema): which only annotate, which hold subschemas, and which apply to values
/// of one type only. The registry's `$id` scan, lint's schema walk and rules, and diff's schema
/// comparison all read this one table.
///
/// ```swift
/// KeywordTable.instanceType["maxLength"]        // "string": ignored on a number
/// KeywordTable.validation.contains("title")     // false: title only annotates
/// ```
public enum KeywordTable {
    /// Keywords that never make a value invalid.
    public static let annotations: Set<String> = [
        "title", "description", "default", "readOnly", "writeOnly", "examples", "$comment", "$id", "$schema", "definitions",
    ]

    /// The keywords that constrain values (or lead to schemas that do, as `$ref` and `allOf`):
    /// draft-07's table without the annotations.
    public static let validation: Set<String> = Dialect.draft7.keywords.subtracting(annotations)

    /// Keywords whose value is one subschema (`items`, a schema or an array of schemas, is
    /// neither this nor ``subschemaArrays``).
    public static let subschema: Set<String> = ["additionalItems", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else"]
    /// Keywords whose value is an array of subschemas.
    public static let subschemaArrays: Set<String> = ["allOf", "anyOf", "oneOf"]
    /// Keywords whose value maps names to subschemas (`dependencies` maps a name to a schema or
    /// to a list of names).
    public static let subschemaMaps: Set<String> = ["properties", "patternProperties", "definitions"]

    /// The keywords that apply to values of one type only, by that type, in the order messages
    /// list them (`string`, `number`, `array`, `object`; `number` covers integers).
    public static let byInstanceType: [(type: String, keywords: [String])] = [
        ("string", ["maxLength", "minLength", "pattern"]),
        ("number", ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf"]),
        ("array", ["items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains"]),
        ("object", ["properties", "required", "additionalProperties", "patternProperties", "maxProperties", "minProperties",
                    "dependencies", "propertyNames"]),
    ]

    /// The type a keyword applies to, for the keywords of ``byInstanceType``.
    public static let instanceType: [String: String] = {
        var out: [String: String] = [:]
        for (type, keywords) in byInstanceType { for keyword in keywords { out[keyword] = type } }
        return out
    }()
}
