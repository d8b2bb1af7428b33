import JSONSchema
import OpenAPI

/// The keywords each schema dialect defines: draft-07's table is the engine's
/// (``Dialect/draft7``), OpenAPI 3.0's is ``OpenAPI30Schema/schemaKeywords``.
enum SchemaKeywords {
    static var draft07: Set<String> { Dialect.draft7.keywords }
    static var openAPI30: Set<String> { OpenAPI30Schema.schemaKeywords }

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
