/// Every change id crrspec reports, with what it means. Schema changes carry the prefix of
/// where the schema sits: `request-parameter-`, `request-`, `response-` or `schema-` (a
/// standalone JSON schema), e.g. `response-enum-value-added`.
public enum ChangeCatalog {
    /// Schema change kinds (without prefix) and what they mean.
    public static let schemaKinds: [(kind: String, meaning: String)] = [
        ("type-changed", "type changed; widening (integer → number) or narrowing"),
        ("format-changed", "format changed, added or removed (an unknown format such as dateTime asserts nothing)"),
        ("nullable-added", "OpenAPI nullable: null becomes valid"),
        ("nullable-removed", "OpenAPI nullable: null no longer valid"),
        ("enum-added", "an enum restricts the values"),
        ("enum-removed", "the enum is gone"),
        ("enum-value-added", "a value added to an enum"),
        ("enum-value-removed", "a value removed from an enum"),
        ("enum-value-renamed", "an enum value replaced by a similar one"),
        ("const-added", "const fixes the value"),
        ("const-removed", "const removed"),
        ("const-changed", "const changed"),
        ("maximum-tightened", "upper bound lowered or added (exclusiveMaximum included)"),
        ("maximum-loosened", "upper bound raised or removed"),
        ("minimum-tightened", "lower bound raised or added (exclusiveMinimum included)"),
        ("minimum-loosened", "lower bound lowered or removed"),
        ("max-length-tightened", "maxLength lowered or added"),
        ("max-length-loosened", "maxLength raised or removed"),
        ("min-length-tightened", "minLength raised or added"),
        ("min-length-loosened", "minLength lowered or removed"),
        ("max-items-tightened", "maxItems lowered or added"),
        ("max-items-loosened", "maxItems raised or removed"),
        ("min-items-tightened", "minItems raised or added"),
        ("min-items-loosened", "minItems lowered or removed"),
        ("max-properties-tightened", "maxProperties lowered or added"),
        ("max-properties-loosened", "maxProperties raised or removed"),
        ("min-properties-tightened", "minProperties raised or added"),
        ("min-properties-loosened", "minProperties lowered or removed"),
        ("unique-items-tightened", "uniqueItems turned on"),
        ("unique-items-loosened", "uniqueItems turned off"),
        ("multiple-of-tightened", "multipleOf now a multiple of the old one (0.001 → 0.01) or added"),
        ("multiple-of-loosened", "multipleOf now divides the old one (0.01 → 0.001) or removed"),
        ("multiple-of-changed", "multipleOf changed otherwise"),
        ("pattern-tightened", "pattern added, or a character class lost characters"),
        ("pattern-loosened", "pattern removed, or a character class gained characters"),
        ("pattern-changed", "pattern rewritten"),
        ("property-added", "object property added (breaking in a request when required)"),
        ("property-removed", "object property removed (breaking in a response when it was required)"),
        ("property-renamed", "a property removed and one with the same schema and a similar name added"),
        ("property-became-required", "property added to required"),
        ("property-became-optional", "property removed from required"),
        ("additional-properties-tightened", "properties the schema does not list are no longer allowed"),
        ("additional-properties-loosened", "properties the schema does not list are now allowed"),
        ("composition-changed", "allOf / anyOf / oneOf / not changed in a way not compared element by element; judged by direction (anyOf/oneOf branches added widen, removed narrow; allOf the reverse)"),
        ("constraint-changed", "another subschema or constraint (items, contains, if, dependencies ...) added, removed or changed"),
        ("schema-replaced", "a schema replaced by true, false or a schema that cannot be compared"),
    ]

    /// Schema kinds that exist only in OpenAPI documents.
    public static let openAPIOnlyKinds: Set<String> = ["nullable-added", "nullable-removed"]

    /// The prefixes of schema change ids.
    public static let contexts = ["request-parameter", "request", "response", "schema"]

    /// Ids that are not prefixed, and what they mean.
    public static let otherIDs: [(id: String, meaning: String)] = [
        ("service-added", "a service (first path segment) appeared: MAJOR"),
        ("service-removed", "a service disappeared: breaking"),
        ("service-major-version-added", "a service got a new major path version (/x/v2.0/): MAJOR"),
        ("service-minor-version-added", "a service got a new minor path version (/x/v1.1/): MINOR"),
        ("service-version-removed", "a path version of a service disappeared: breaking"),
        ("operation-added", "an endpoint added"),
        ("operation-removed", "an endpoint removed: breaking"),
        ("operation-renamed", "an endpoint removed and one with the same method and content added: breaking"),
        ("operation-id-changed", "operationId changed: generated clients change"),
        ("request-parameter-added", "a parameter added (breaking when required)"),
        ("request-parameter-removed", "a parameter removed"),
        ("request-parameter-became-required", "a parameter became required: breaking"),
        ("request-parameter-became-optional", "a parameter became optional"),
        ("request-body-added", "a request body added (breaking when required)"),
        ("request-body-removed", "the request body removed"),
        ("request-body-became-required", "the request body became required: breaking"),
        ("request-body-became-optional", "the request body became optional"),
        ("request-media-type-added", "a request media type added"),
        ("request-media-type-removed", "a request media type removed: breaking"),
        ("response-media-type-added", "a response media type added"),
        ("response-media-type-removed", "a response media type removed (breaking for a success response)"),
        ("response-status-added", "a response status code added"),
        ("response-status-removed", "a response status code removed (breaking for 2xx)"),
        ("server-added", "a server URL added"),
        ("server-removed", "a server URL removed: breaking"),
        ("path-parameter-renamed", "a path template variable renamed at the same place (/items/{id} → /items/{itemId}): the same URLs, documentation"),
        ("request-parameter-style-changed", "a parameter's style or explode changed (breaking for lists and objects, documentation for a single value)"),
        ("request-parameter-became-array", "a scalar query or cookie parameter became an exploded form list of the same items: every old URL stays valid"),
        ("response-header-added", "a response header added"),
        ("response-header-removed", "a response header removed (breaking when it was required)"),
        ("response-header-became-required", "a response header is now always sent"),
        ("response-header-became-optional", "a required response header became optional: breaking"),
        ("security-scheme-added", "a security scheme added to components"),
        ("security-scheme-removed", "a security scheme removed (breaking when operations require it)"),
        ("security-scheme-changed", "a security scheme changed type, apiKey name or place, HTTP scheme, OAuth flow or URL: breaking"),
        ("security-requirement-added", "an operation accepts a new way to authenticate (breaking when it was open to anonymous callers)"),
        ("security-requirement-removed", "an operation no longer accepts a way to authenticate (breaking unless it becomes open)"),
        ("security-scopes-changed", "the OAuth scopes an operation needs changed (breaking when scopes are added)"),
        ("description-changed", "a description changed: documentation"),
        ("summary-changed", "an operation summary changed: documentation"),
        ("title-changed", "a title changed: documentation"),
        ("example-changed", "an example changed, added or removed: documentation"),
        ("default-changed", "a default changed (a warning in an API, annotation in a schema)"),
        ("tags-changed", "tags changed: documentation"),
        ("annotation-changed", "another annotation (readOnly, deprecated, x- extensions, keywords validators ignore) changed"),
        ("keyword-renamed", "a keyword validators ignore renamed to a known one, or the reverse (maxLenth → maxLength)"),
        ("definition-added", "a definition no $ref uses added to a schema file"),
        ("definition-removed", "a definition no $ref uses removed from a schema file"),
    ]

    /// The ids outside schemas of a comparison with `configuration`: the engine's contract
    /// changes, then the configuration's change kinds, then the engine's documentation changes.
    public static func otherIDs(with configuration: DiffConfiguration) -> [(id: String, meaning: String)] {
        let split = otherIDs.firstIndex { $0.id == "description-changed" } ?? otherIDs.count
        return Array(otherIDs[..<split]) + configuration.changeKinds.map { ($0.id, $0.meaning) } + Array(otherIDs[split...])
    }

    /// Every id of a comparison with `configuration` (schema changes, then ``otherIDs(with:)``).
    public static func allIDs(with configuration: DiffConfiguration) -> [String] {
        schemaIDs + otherIDs(with: configuration).map(\.id)
    }

    /// Every id the engine itself records.
    public static var allIDs: [String] { schemaIDs + otherIDs.map(\.id) }

    /// The schema change ids, context by context.
    static var schemaIDs: [String] {
        var ids: [String] = []
        for context in contexts {
            for (kind, _) in schemaKinds where context != "schema" || !openAPIOnlyKinds.contains(kind) {
                ids.append(context + "-" + kind)
            }
        }
        return ids
    }
}
