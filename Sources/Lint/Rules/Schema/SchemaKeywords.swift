import JSONSchema

/// The keywords each schema dialect defines.
enum SchemaKeywords {
    static let draft07: Set<String> = [
        "$schema", "$id", "$ref", "$comment", "title", "description", "default", "readOnly", "writeOnly", "examples",
        "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
        "additionalItems", "items", "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
        "required", "additionalProperties", "definitions", "properties", "patternProperties", "dependencies",
        "propertyNames", "const", "enum", "type", "format", "contentMediaType", "contentEncoding", "if", "then", "else",
        "allOf", "anyOf", "oneOf", "not",
    ]

    /// The OpenAPI 3.0 Schema Object's fields.
    static let openAPI30: Set<String> = [
        "$ref", "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
        "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type",
        "allOf", "oneOf", "anyOf", "not", "items", "properties", "additionalProperties", "description", "format", "default",
        "nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "example", "deprecated",
    ]

    static func known(_ dialect: SchemaDialect) -> Set<String> {
        dialect == .draft07 ? draft07 : openAPI30
    }

    /// Formats crrspec checks, plus the ones OpenAPI 3.0 defines for its data types.
    static func formats(_ dialect: SchemaDialect) -> [String] {
        var names = Array(FormatNames.draft07)
        if dialect == .openAPI30 { names += ["int32", "int64", "float", "double", "byte", "binary", "password", "uuid"] }
        return names.sorted()
    }
}


enum FormatNames {
    static let draft07: Set<String> = FormatChecker.knownFormats.union(["regex"])
}
