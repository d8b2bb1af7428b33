import Document
import JSONSchema
import OpenAPI

/// Where a schema sits, which decides change ids and how compatibility is judged.
enum SchemaContext: String, Hashable {
    /// A parameter's schema: what clients send.
    case requestParameter = "request-parameter"
    /// A request body: what clients send.
    case request
    /// A response body: what clients receive.
    case response
    /// A standalone JSON schema (a download or upload file layout): judged by its valid documents.
    case schema

    var direction: Direction {
        switch self {
        case .requestParameter, .request: .request
        case .response: .response
        case .schema: .none
        }
    }

    /// The id of a schema change in this context, e.g. `response-enum-value-added`.
    func id(_ kind: String) -> String { rawValue + "-" + kind }

    /// Compatibility of a change from its effect on the set of valid values.
    ///
    /// Requests: narrowing what is accepted breaks clients; widening is compatible. Responses:
    /// narrowing what may come back is compatible; widening is a warning for value changes
    /// (a new enum value, a looser length) and breaking for structural ones (`structural`: a
    /// field that may now be missing, null or of another type). Standalone schemas: the effect.
    func compatibility(_ effect: Effect, structural: Bool = false) -> Compatibility {
        switch self {
        case .schema:
            switch effect {
            case .widen: return .widen
            case .narrow: return .narrow
            case .both: return .both
            case .none: return .annotationOnly
            }
        case .request, .requestParameter:
            switch effect {
            case .narrow, .both: return .breaking
            case .widen: return .compatible
            case .none: return .documentation
            }
        case .response:
            switch effect {
            case .narrow: return .compatible
            case .widen: return structural ? .breaking : .warning
            case .both: return .breaking
            case .none: return .documentation
            }
        }
    }

    /// Compatibility of a documentation change.
    var documentation: Compatibility { self == .schema ? .annotationOnly : .documentation }
}

/// The dialect of the document being compared.
enum SchemaDialect {
    /// OpenAPI 3.0 schema objects (`nullable`, boolean `exclusiveMaximum`, `example`).
    case openAPI30
    /// JSON Schema draft-07.
    case draft07

    /// Keywords that constrain values (each has a dedicated check or a recursion): JSONSchema's
    /// table (``KeywordTable/validation``).
    static var validationKeywords: Set<String> { KeywordTable.validation }

    /// Keywords that only annotate, per dialect: draft-07's from JSONSchema's table, OpenAPI
    /// 3.0's are the Schema Object's other fields (`nullable`, `example`, `xml` ...).
    var annotationKeywords: Set<String> {
        switch self {
        case .draft07: KeywordTable.annotations
        case .openAPI30: SchemaDialect.openAPI30Annotations
        }
    }

    static let openAPI30Annotations = OpenAPI30Schema.schemaKeywords.subtracting(KeywordTable.validation)

    /// Whether a keyword means something in this dialect.
    func isKnown(_ keyword: String) -> Bool {
        SchemaDialect.validationKeywords.contains(keyword) || annotationKeywords.contains(keyword)
    }
}

/// The state of one walk over a pair of schemas.
struct SchemaScope {
    var context: SchemaContext
    /// The operation the walk started from (`GET /x`), if any.
    var operation: String?
}

/// A pair of values being compared, old and new.
struct Pair {
    let old: Located
    let new: Located
}
