import Reporting

/// `crrspec explain` for change ids: every id of ``ChangeCatalog``, its meaning as the catalog
/// gives it, where the change sits and how crrspec judges it (from ``SchemaContext`` for schema
/// changes), and an example with crrspec's real message (``ChangeExamples``; a test diffs each one).
extension ChangeCatalog {
    /// One explanation per id of ``allIDs(with:)``, in the same order: the engine's and those of
    /// `configuration`'s change kinds.
    public static func explanations(with configuration: DiffConfiguration = .general) -> [Explanation] {
        let examples = Dictionary(ChangeExamples.schema.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Explanation] = []
        for context in SchemaContext.allCases {
            for (kind, meaning) in schemaKinds where knownIDs.contains(context.id(kind)) {
                guard let example = examples[kind] else { continue }
                out.append(schemaExplanation(id: context.id(kind), context: context, meaning: meaning, example: example))
            }
        }
        for (id, meaning) in otherIDs(with: configuration) {
            guard let example = example(id, configuration) else { continue }
            out.append(otherExplanation(id: id, meaning: meaning, example: example))
        }
        return out
    }

    /// The example of an id outside schemas: the engine's, else a change kind's.
    static func example(_ id: String, _ configuration: DiffConfiguration) -> ChangeExample? {
        ChangeExamples.other[id] ?? configuration.changeKinds.first { $0.id == id }?.example
    }

    /// ``allIDs`` as a set.
    static let knownIDs = Set(allIDs)

    /// The explanation of one change id (the engine's or one of `configuration`'s change
    /// kinds), or nil for an id neither has.
    public static func explanation(for id: String, with configuration: DiffConfiguration = .general) -> Explanation? {
        if let other = otherIDs(with: configuration).first(where: { $0.id == id }) {
            guard let example = example(id, configuration) else { return nil }
            return otherExplanation(id: id, meaning: other.meaning, example: example)
        }
        for context in SchemaContext.allCases {
            let prefix = context.rawValue + "-"
            guard id.hasPrefix(prefix) else { continue }
            let kind = String(id.dropFirst(prefix.count))
            guard knownIDs.contains(id), let entry = schemaKinds.first(where: { $0.kind == kind }),
                  let example = ChangeExamples.schema.first(where: { $0.kind == kind }) else { continue }
            return schemaExplanation(id: id, context: context, meaning: entry.meaning, example: example)
        }
        return nil
    }

    static func schemaExplanation(id: String, context: SchemaContext, meaning: String, example: SchemaChangeExample) -> Explanation {
        let others = contexts.filter { $0 != context.rawValue }.map { $0 + "-" + example.kind }.filter(knownIDs.contains)
        var description = context.place + "\n\n" + context.judgement
        if !others.isEmpty {
            description += "\n\nThe same change elsewhere: " + others.joined(separator: ", ") + "."
        }
        let compatibility = example.compatibility(in: context)
        return Explanation(
            id: id, kind: .change,
            title: sentence(meaning, ending: " (\(context.label))."),
            description: description,
            example: """
            where:   \(context.location(of: example.property))
            old:     \(example.old)
            new:     \(example.new)
            crrspec: \(compatibility.rawValue) \(id): \(example.message(in: context))
                     (needs a \(compatibility.bump) bump)
            """,
            fix: fix(compatibility.bump))
    }

    static func otherExplanation(id: String, meaning: String, example: ChangeExample) -> Explanation {
        let direction: String
        switch example.direction {
        case .request: direction = "It concerns what clients send (direction request)."
        case .response: direction = "It concerns what clients receive (direction response)."
        case .none: direction = "It concerns the API or the file as a whole, or its documentation (direction none)."
        }
        let bump = example.bump ?? example.compatibility.bump
        return Explanation(
            id: id, kind: .change,
            title: sentence(meaning),
            description: direction + " In the example below crrspec rates it \(example.compatibility.rawValue), which needs a \(bump) bump.",
            example: """
            old:     \(example.old)
            new:     \(example.new)
            crrspec: \(example.compatibility.rawValue) \(id): \(example.message)
                     (needs a \(bump) bump)
            """,
            fix: fix(bump))
    }

    /// What `crrspec version-check` asks of a new version with such a change.
    static func fix(_ bump: Bump) -> String {
        let suffix = " List it in the release notes (the revision table of info.description, or a schema's History: list); crrspec changelog drafts them."
        switch bump {
        case .major:
            return "Publish the new version with a MAJOR bump (1.2.1 → 2.0.0) and tell the clients, or make the change compatible: keep what existing clients or files rely on (the old endpoint, field, value or limit) beside the new one." + suffix
        case .minor:
            return "Publish the new version with at least a MINOR bump (1.2.1 → 1.3.0); existing clients keep working, but strict ones may need an update." + suffix
        case .mini, .none:
            return "Documentation only: a MINI bump (1.2.1 → 1.2.2) is enough." + suffix
        }
    }

    /// `a value added to an enum` → `A value added to an enum.`; a keyword keeps its case
    /// (`maxLength lowered or added.`, `type changed; ...`).
    static func sentence(_ text: String, ending: String = ".") -> String {
        let first = text.prefix { $0.isLetter }
        let keyword = first.contains(where: \.isUppercase) || ["type", "format", "const", "pattern"].contains(first)
        return (keyword ? text : text.prefix(1).uppercased() + text.dropFirst()) + ending
    }
}

extension SchemaContext: CaseIterable {
    static var allCases: [SchemaContext] { [.requestParameter, .request, .response, .schema] }

    /// A short name for titles.
    var label: String {
        switch self {
        case .requestParameter: "in a request parameter"
        case .request: "in a request body"
        case .response: "in a response body"
        case .schema: "in a standalone schema"
        }
    }

    /// Where a schema in this context sits.
    var place: String {
        switch self {
        case .requestParameter: "The schema is a request parameter's (query, path, header or cookie): what clients send."
        case .request: "The schema is in a request body: what clients send."
        case .response: "The schema is in a response body: what clients receive."
        case .schema: "The schema is a standalone draft-07 schema file (a download or upload file layout)."
        }
    }

    /// How a change's effect on the valid values becomes a compatibility here, from ``compatibility(_:structural:)``.
    var judgement: String {
        func rated(_ effect: Effect, structural: Bool = false) -> String {
            let c = compatibility(effect, structural: structural)
            return "rated \(c.rawValue) (\(c.bump))"
        }
        switch self {
        case .requestParameter, .request:
            return "In a request, a change that narrows what is accepted is \(rated(.narrow)): clients sending what used to be valid fail. "
                + "One that widens it is \(rated(.widen)); one that does both is \(rated(.both)); an annotation is \(rated(.none))."
        case .response:
            return "In a response, a change that narrows what may come back is \(rated(.narrow)). One that widens it is \(rated(.widen)) "
                + "for values (a new enum value, a looser limit: clients that switch over every value may fail) and "
                + "\(rated(.widen, structural: true)) when a field may now be missing, null or of another type; one that does both "
                + "is \(rated(.both)); an annotation is \(rated(.none))."
        case .schema:
            func plain(_ effect: Effect) -> String { String(rated(effect).dropFirst("rated ".count)) }
            return "A standalone schema is judged by the documents it accepts: \(plain(.widen)) when more are valid, \(plain(.narrow)) "
                + "when fewer are, \(plain(.both)) when some stop and others start being valid, \(plain(.none)) when none change."
        }
    }

    /// The place of property `name` in ``ChangeExamples/documents(_:property:_:_:)``.
    func location(of name: String) -> String {
        switch self {
        case .requestParameter: "query parameter \(name) of GET \(ChangeExamples.path)"
        case .request: "property \(name) of the request body of POST \(ChangeExamples.path)"
        case .response: "property \(name) of the 200 response of GET \(ChangeExamples.path)"
        case .schema: "property \(name) of \(ChangeExamples.schemaFile)"
        }
    }

    /// What crrspec calls that place in messages.
    func subject(of name: String) -> String {
        switch self {
        case .requestParameter: "parameter \(name) of GET \(ChangeExamples.path)"
        case .request: "request body of POST \(ChangeExamples.path).\(name)"
        case .response: "response 200 of GET \(ChangeExamples.path).\(name)"
        case .schema: "\(ChangeExamples.schemaFile.prefix { $0 != "_" }).\(name)"
        }
    }
}

/// A schema change kind shown on one property: the property's schema before and after, the
/// message (`{}` stands for the property's place) and the compatibility in each context.
struct SchemaChangeExample: Sendable {
    var kind: String
    var property: String
    var old: String
    var new: String
    var message: String
    /// In requests and request parameters, in responses, in standalone schemas.
    var request: Compatibility
    var response: Compatibility
    var schema: Compatibility

    func compatibility(in context: SchemaContext) -> Compatibility {
        switch context {
        case .requestParameter, .request: request
        case .response: response
        case .schema: schema
        }
    }

    func message(in context: SchemaContext) -> String {
        message.replacing("{}", with: context.subject(of: property))
    }
}

/// A change outside schemas: the two versions in brief, and what crrspec reports.
/// What `crrspec explain` shows for a change id outside schemas: two versions and what crrspec
/// reports for them (a test diffs each one).
public struct ChangeExample: Sendable {
    public var old: String
    public var new: String
    public var compatibility: Compatibility
    public var direction: Direction
    /// When it differs from the compatibility's.
    public var bump: Bump?
    public var message: String

    public init(old: String, new: String, compatibility: Compatibility, direction: Direction, bump: Bump? = nil, message: String) {
        self.old = old
        self.new = new
        self.compatibility = compatibility
        self.direction = direction
        self.bump = bump
        self.message = message
    }
}

/// A change id a layer's checks record (``DiffConfiguration/changeKinds``): its meaning, its
/// `crrspec explain` example, and whether `crrspec changelog` lists it.
public struct ChangeKind: Sendable {
    public var id: String
    public var meaning: String
    public var example: ChangeExample
    /// False for changes that are release notes themselves.
    public var inChangelog: Bool

    public init(id: String, meaning: String, example: ChangeExample, inChangelog: Bool = true) {
        self.id = id
        self.meaning = meaning
        self.example = example
        self.inChangelog = inChangelog
    }
}

/// The examples `crrspec explain` shows for change ids. Each one is what crrspec reports for the
/// two versions it shows (`Tests/DiffTests/ChangeExplanationTests.swift` diffs them).
enum ChangeExamples {
    static let path = "/auction/v1.0/portfolio"
    static let schemaFile = "CRRPortfolio_v1.0.0.draft-07.schema.json"

    /// The two documents of a schema example in a context: property `property` (or query
    /// parameter) with schema `old`, then `new`; returns the file name to diff them under.
    static func documents(_ context: SchemaContext, property: String, _ old: String, _ new: String) -> (old: String, new: String, name: String) {
        func document(_ fragment: String) -> String {
            let object = #"{"type": "object", "properties": {"\#(property)": \#(fragment)}}"#
            let ok = #""responses": {"200": {"description": "ok"}}"#
            func openAPI(_ operation: String) -> String {
                #"{"openapi": "3.0.3", "info": {"title": "Portfolio", "version": "1.0.0"}, "paths": {"\#(path)": {\#(operation)}}}"#
            }
            switch context {
            case .requestParameter:
                return openAPI(#""get": {"parameters": [{"name": "\#(property)", "in": "query", "schema": \#(fragment)}], \#(ok)}"#)
            case .request:
                return openAPI(#""post": {"requestBody": {"required": true, "content": {"application/json": {"schema": \#(object)}}}, \#(ok)}"#)
            case .response:
                return openAPI(#""get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": \#(object)}}}}}"#)
            case .schema:
                return #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"\#(property)": \#(fragment)}}"#
            }
        }
        return (document(old), document(new), context == .schema ? schemaFile : "caiso_crr_auction_v1.0.0_openapi.json")
    }

    /// One example per schema change kind.
    static let schema: [SchemaChangeExample] = [
        SchemaChangeExample(kind: "type-changed", property: "MW", old: #"{"type": "integer"}"#, new: #"{"type": "number"}"#,
                            message: "Changed the type of {} from integer to number", request: .compatible, response: .breaking, schema: .widen),
        SchemaChangeExample(kind: "format-changed", property: "effectiveDate", old: #"{"type": "string", "format": "dateTime"}"#,
                            new: #"{"type": "string", "format": "date-time"}"#,
                            message: "Changed the format of {} from 'dateTime' (not a format validators know) to 'date-time'", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "nullable-added", property: "price", old: #"{"type": "number"}"#, new: #"{"type": "number", "nullable": true}"#,
                            message: "{} may now be null", request: .compatible, response: .breaking, schema: .widen),
        SchemaChangeExample(kind: "nullable-removed", property: "price", old: #"{"type": "number", "nullable": true}"#, new: #"{"type": "number"}"#,
                            message: "{} may no longer be null", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "enum-added", property: "TOU", old: #"{"type": "string"}"#, new: #"{"type": "string", "enum": ["ON", "OFF"]}"#,
                            message: "Restricted {} to the values ON, OFF", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "enum-removed", property: "TOU", old: #"{"type": "string", "enum": ["ON", "OFF"]}"#, new: #"{"type": "string"}"#,
                            message: "Removed the list of allowed values (ON, OFF) from {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "enum-value-added", property: "CRRType", old: #"{"type": "string", "enum": ["AUC", "ALC"]}"#,
                            new: #"{"type": "string", "enum": ["AUC", "ALC", "TER"]}"#,
                            message: "Added TER to enum of {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "enum-value-removed", property: "windowStatus", old: #"{"type": "string", "enum": ["PREP", "OPEN", "CLOSED"]}"#,
                            new: #"{"type": "string", "enum": ["OPEN", "CLOSED"]}"#,
                            message: "Removed PREP from enum of {}", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "enum-value-renamed", property: "offerStatus", old: #"{"type": "string", "enum": ["POSTED", "PENDING_MP_RESPONSE"]}"#,
                            new: #"{"type": "string", "enum": ["POSTED", "PENDING_RESPONSE"]}"#,
                            message: "Renamed enum value PENDING_MP_RESPONSE to PENDING_RESPONSE in {}", request: .breaking, response: .breaking, schema: .both),
        SchemaChangeExample(kind: "const-added", property: "CRRType", old: #"{"type": "string"}"#, new: #"{"type": "string", "const": "AUC"}"#,
                            message: #"Fixed {} to the value "AUC""#, request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "const-removed", property: "CRRType", old: #"{"type": "string", "const": "AUC"}"#, new: #"{"type": "string"}"#,
                            message: #"{} is no longer fixed to "AUC""#, request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "const-changed", property: "CRRType", old: #"{"const": "AUC"}"#, new: #"{"const": "LSE"}"#,
                            message: #"Changed the fixed value of {} from "AUC" to "LSE""#, request: .breaking, response: .breaking, schema: .both),
        SchemaChangeExample(kind: "maximum-tightened", property: "SetAsidePercent", old: #"{"type": "number", "maximum": 100}"#,
                            new: #"{"type": "number", "maximum": 75}"#,
                            message: "Lowered the maximum of {} from 100 to 75", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "maximum-loosened", property: "SetAsidePercent", old: #"{"type": "number", "exclusiveMaximum": 100}"#,
                            new: #"{"type": "number", "maximum": 100}"#,
                            message: "Raised the maximum of {} from < 100 to 100", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "minimum-tightened", property: "price", old: #"{"type": "number", "minimum": 0}"#,
                            new: #"{"type": "number", "minimum": 0.01}"#,
                            message: "Raised the minimum of {} from 0 to 0.01", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "minimum-loosened", property: "price", old: #"{"type": "number", "minimum": 0}"#, new: #"{"type": "number"}"#,
                            message: "Removed minimum 0 from {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "max-length-tightened", property: "portfolioName", old: #"{"type": "string", "maxLength": 50}"#,
                            new: #"{"type": "string", "maxLength": 30}"#,
                            message: "Lowered the maxLength of {} from 50 to 30", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "max-length-loosened", property: "closeDate", old: #"{"type": "string", "format": "date-time", "maxLength": 24}"#,
                            new: #"{"type": "string", "format": "date-time"}"#,
                            message: "Removed maxLength 24 from {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "min-length-tightened", property: "portfolioName", old: #"{"type": "string"}"#,
                            new: #"{"type": "string", "minLength": 1}"#,
                            message: "Added minLength 1 to {}", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "min-length-loosened", property: "portfolioName", old: #"{"type": "string", "minLength": 3}"#,
                            new: #"{"type": "string", "minLength": 1}"#,
                            message: "Lowered the minLength of {} from 3 to 1", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "max-items-tightened", property: "newBids", old: #"{"type": "array"}"#, new: #"{"type": "array", "maxItems": 500}"#,
                            message: "Added maxItems 500 to {}", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "max-items-loosened", property: "bidCurve", old: #"{"type": "array", "maxItems": 10}"#,
                            new: #"{"type": "array", "maxItems": 20}"#,
                            message: "Raised the maxItems of {} from 10 to 20", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "min-items-tightened", property: "bidCurve", old: #"{"type": "array", "minItems": 1}"#,
                            new: #"{"type": "array", "minItems": 2}"#,
                            message: "Raised the minItems of {} from 1 to 2", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "min-items-loosened", property: "newBids", old: #"{"type": "array", "minItems": 1}"#, new: #"{"type": "array"}"#,
                            message: "Removed minItems 1 from {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "max-properties-tightened", property: "attributes", old: #"{"type": "object", "maxProperties": 9}"#,
                            new: #"{"type": "object", "maxProperties": 3}"#,
                            message: "Lowered the maxProperties of {} from 9 to 3", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "max-properties-loosened", property: "attributes", old: #"{"type": "object", "maxProperties": 3}"#,
                            new: #"{"type": "object"}"#,
                            message: "Removed maxProperties 3 from {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "min-properties-tightened", property: "filter", old: #"{"type": "object"}"#,
                            new: #"{"type": "object", "minProperties": 1}"#,
                            message: "Added minProperties 1 to {}", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "min-properties-loosened", property: "filter", old: #"{"type": "object", "minProperties": 2}"#,
                            new: #"{"type": "object", "minProperties": 1}"#,
                            message: "Lowered the minProperties of {} from 2 to 1", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "unique-items-tightened", property: "crrIds", old: #"{"type": "array"}"#,
                            new: #"{"type": "array", "uniqueItems": true}"#,
                            message: "Items of {} must now be unique", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "unique-items-loosened", property: "crrIds", old: #"{"type": "array", "uniqueItems": true}"#,
                            new: #"{"type": "array"}"#,
                            message: "Items of {} no longer need to be unique", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "multiple-of-tightened", property: "MW", old: #"{"type": "number", "multipleOf": 0.001}"#,
                            new: #"{"type": "number", "multipleOf": 0.01}"#,
                            message: "Changed multipleOf of {} from 0.001 to 0.01", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "multiple-of-loosened", property: "price", old: #"{"type": "number", "multipleOf": 0.01}"#,
                            new: #"{"type": "number", "multipleOf": 0.001}"#,
                            message: "Changed multipleOf of {} from 0.01 to 0.001", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "multiple-of-changed", property: "MW", old: #"{"type": "number", "multipleOf": 0.02}"#,
                            new: #"{"type": "number", "multipleOf": 0.03}"#,
                            message: "Changed multipleOf of {} from 0.02 to 0.03", request: .breaking, response: .breaking, schema: .both),
        SchemaChangeExample(kind: "pattern-tightened", property: "email", old: #"{"type": "string", "pattern": "^([a-zA-Z0-9\\@\\. _-]*)$"}"#,
                            new: #"{"type": "string", "pattern": "^([a-zA-Z0-9\\@\\._-]*)$"}"#,
                            message: #"Changed the pattern of {} from ^([a-zA-Z0-9\@\. _-]*)$ to ^([a-zA-Z0-9\@\._-]*)$"#, request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "pattern-loosened", property: "portfolioName", old: #"{"type": "string", "pattern": "^[A-Z]+$"}"#,
                            new: #"{"type": "string"}"#,
                            message: "Removed pattern ^[A-Z]+$ from {}", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "pattern-changed", property: "period", old: #"{"type": "string", "pattern": "^[A-Z]+$"}"#,
                            new: #"{"type": "string", "pattern": "^[0-9]{4}$"}"#,
                            message: "Changed the pattern of {} from ^[A-Z]+$ to ^[0-9]{4}$", request: .breaking, response: .breaking, schema: .both),
        SchemaChangeExample(kind: "property-added", property: "credit", old: #"{"type": "object", "properties": {"requiredCredit": {"type": "number"}}}"#,
                            new: #"{"type": "object", "properties": {"requiredCredit": {"type": "number"}, "errorMessage": {"type": "string"}}}"#,
                            message: "Added property errorMessage to {}", request: .compatible, response: .compatible, schema: .widen),
        SchemaChangeExample(kind: "property-removed", property: "approval",
                            old: #"{"type": "object", "properties": {"crrId": {"type": "integer"}, "startDate": {"type": "string"}}, "required": ["crrId", "startDate"]}"#,
                            new: #"{"type": "object", "properties": {"crrId": {"type": "integer"}}, "required": ["crrId"]}"#,
                            message: "Removed required property startDate from {}", request: .warning, response: .breaking, schema: .widen),
        SchemaChangeExample(kind: "property-renamed", property: "window",
                            old: #"{"type": "object", "properties": {"submissionWindowStatus": {"type": "string"}}}"#,
                            new: #"{"type": "object", "properties": {"submissionWindow": {"type": "string"}}}"#,
                            message: "Renamed property submissionWindowStatus to submissionWindow in {}", request: .breaking, response: .breaking, schema: .both),
        SchemaChangeExample(kind: "property-became-required", property: "offer",
                            old: #"{"type": "object", "properties": {"crrId": {"type": "integer"}}}"#,
                            new: #"{"type": "object", "properties": {"crrId": {"type": "integer"}}, "required": ["crrId"]}"#,
                            message: "Made crrId required in {}", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "property-became-optional", property: "resource",
                            old: #"{"type": "object", "properties": {"PMax": {"type": "number"}}, "required": ["PMax"]}"#,
                            new: #"{"type": "object", "properties": {"PMax": {"type": "number"}}}"#,
                            message: "Made PMax optional in {}", request: .compatible, response: .breaking, schema: .widen),
        SchemaChangeExample(kind: "additional-properties-tightened", property: "contact", old: #"{"type": "object"}"#,
                            new: #"{"type": "object", "additionalProperties": false}"#,
                            message: "{} now restricts properties it does not list", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "additional-properties-loosened", property: "contact", old: #"{"type": "object", "additionalProperties": false}"#,
                            new: #"{"type": "object"}"#,
                            message: "{} now allows properties it does not list", request: .compatible, response: .warning, schema: .widen),
        SchemaChangeExample(kind: "composition-changed", property: "lse", old: #"{"anyOf": [{"type": "string"}]}"#,
                            new: #"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#,
                            message: "Changed the anyOf of {} (1 → 2 schemas): a branch was added and every old branch kept, so every value valid before still is",
                            request: .compatible, response: .breaking, schema: .widen),
        SchemaChangeExample(kind: "constraint-changed", property: "sources", old: #"{"type": "array"}"#,
                            new: #"{"type": "array", "contains": {"type": "string"}}"#,
                            message: "Added contains to {}", request: .breaking, response: .compatible, schema: .narrow),
        SchemaChangeExample(kind: "schema-replaced", property: "legacy", old: "true", new: "false",
                            message: "Replaced the schema of {} (true → false)", request: .breaking, response: .compatible, schema: .narrow),
    ]

    /// One example per id outside schemas.
    static let other: [String: ChangeExample] = [
        "service-added": ChangeExample(old: "paths: /auction/v1.0/portfolio", new: "paths: /auction/v1.0/portfolio, /nomination/v1.0/nomination",
                            compatibility: .compatible, direction: .none, bump: .major,
                            message: "Added service nomination"),
        "service-removed": ChangeExample(old: "paths: /auction/v1.0/portfolio, /nomination/v1.0/nomination", new: "paths: /auction/v1.0/portfolio",
                            compatibility: .breaking, direction: .none,
                            message: "Removed service nomination"),
        "service-major-version-added": ChangeExample(old: "paths: /auction/v1.0/portfolio", new: "paths: /auction/v1.0/portfolio, /auction/v2.0/portfolio",
                            compatibility: .compatible, direction: .none, bump: .major,
                            message: "Added major version v2.0 of service auction"),
        "service-minor-version-added": ChangeExample(old: "paths: /auction/v1.0/portfolio", new: "paths: /auction/v1.1/portfolio",
                            compatibility: .compatible, direction: .none,
                            message: "Added minor version v1.1 of service auction"),
        "service-version-removed": ChangeExample(old: "paths: /auction/v1.0/portfolio, /auction/v2.0/portfolio", new: "paths: /auction/v1.0/portfolio",
                            compatibility: .breaking, direction: .none,
                            message: "Removed version v2.0 of service auction"),
        "operation-added": ChangeExample(old: "paths: /auction/v1.0/portfolio", new: "paths: /auction/v1.0/portfolio, /auction/v1.0/portfolioRequiredCredit",
                            compatibility: .compatible, direction: .none,
                            message: "Added endpoint GET /auction/v1.0/portfolioRequiredCredit"),
        "operation-removed": ChangeExample(old: "paths: /auction/v1.0/portfolio, /auction/v1.0/portfolioRequiredCredit", new: "paths: /auction/v1.0/portfolio",
                            compatibility: .breaking, direction: .none,
                            message: "Removed endpoint GET /auction/v1.0/portfolioRequiredCredit"),
        "operation-renamed": ChangeExample(old: "GET /historicalforecastedload/v1.0/activeHistLoadSubmissionWindow", new: "GET /historicalforecastedload/v1.0/openHistLoadSubmissionWindow (same parameters and responses)",
                            compatibility: .breaking, direction: .none,
                            message: "Renamed endpoint /historicalforecastedload/v1.0/activeHistLoadSubmissionWindow → /historicalforecastedload/v1.0/openHistLoadSubmissionWindow (GET)"),
        "operation-id-changed": ChangeExample(old: "operationId: getActiveHistLoadSubmissionWindow", new: "operationId: getOpenHistLoadSubmissionWindow",
                            compatibility: .warning, direction: .none,
                            message: "Changed the operationId of GET /historicalforecastedload/v1.0/openHistLoadSubmissionWindow from getActiveHistLoadSubmissionWindow to getOpenHistLoadSubmissionWindow"),
        "request-parameter-added": ChangeExample(old: "GET /auction/v1.0/portfolio without parameters", new: "GET /auction/v1.0/portfolio with parameters: [{name: marketName, in: query, required: true}]",
                            compatibility: .breaking, direction: .request,
                            message: "Added required query parameter marketName to GET /auction/v1.0/portfolio"),
        "request-parameter-removed": ChangeExample(old: "GET /auction/v1.0/portfolio with parameters: [{name: marketName, in: query, required: true}]", new: "GET /auction/v1.0/portfolio without parameters",
                            compatibility: .warning, direction: .request,
                            message: "Removed query parameter marketName from GET /auction/v1.0/portfolio"),
        "request-parameter-became-required": ChangeExample(old: "parameters: [{name: portfolioName, in: query}]", new: "parameters: [{name: portfolioName, in: query, required: true}]",
                            compatibility: .breaking, direction: .request,
                            message: "Made parameter portfolioName of GET /auction/v1.0/portfolio required"),
        "request-parameter-became-optional": ChangeExample(old: "parameters: [{name: portfolioName, in: query, required: true}]", new: "parameters: [{name: portfolioName, in: query}]",
                            compatibility: .compatible, direction: .request,
                            message: "Made parameter portfolioName of GET /auction/v1.0/portfolio optional"),
        "request-body-added": ChangeExample(old: "POST /auction/v1.0/portfolioCreation without a body", new: "requestBody: {required: true, content: {application/json: ...}}",
                            compatibility: .breaking, direction: .request,
                            message: "Added a required request body to POST /auction/v1.0/portfolioCreation"),
        "request-body-removed": ChangeExample(old: "requestBody: {required: true, content: {application/json: ...}}", new: "POST /auction/v1.0/portfolioCreation without a body",
                            compatibility: .warning, direction: .request,
                            message: "Removed the request body of POST /auction/v1.0/portfolioCreation"),
        "request-body-became-required": ChangeExample(old: "requestBody: {content: {application/json: ...}}", new: "requestBody: {required: true, content: {application/json: ...}}",
                            compatibility: .breaking, direction: .request,
                            message: "Made the request body of POST /auction/v1.0/portfolioCreation required"),
        "request-body-became-optional": ChangeExample(old: "requestBody: {required: true, content: {application/json: ...}}", new: "requestBody: {content: {application/json: ...}}",
                            compatibility: .compatible, direction: .request,
                            message: "Made the request body of POST /auction/v1.0/portfolioCreation optional"),
        "request-media-type-added": ChangeExample(old: "requestBody: {content: {application/json: ...}}", new: "requestBody: {content: {application/json: ..., text/csv: ...}}",
                            compatibility: .compatible, direction: .request,
                            message: "Added media type text/csv to the request body of POST /auction/v1.0/portfolioCreation"),
        "request-media-type-removed": ChangeExample(old: "requestBody: {content: {application/json: ..., text/csv: ...}}", new: "requestBody: {content: {application/json: ...}}",
                            compatibility: .breaking, direction: .request,
                            message: "Removed media type text/csv from the request body of POST /auction/v1.0/portfolioCreation"),
        "response-media-type-added": ChangeExample(old: "GET /marketdata/v1.0/download 200: {content: {application/json: ...}}", new: "GET /marketdata/v1.0/download 200: {content: {application/json: ..., application/zip: ...}}",
                            compatibility: .warning, direction: .response,
                            message: "Added media type application/zip to response 200 of GET /marketdata/v1.0/download"),
        "response-media-type-removed": ChangeExample(old: "GET /marketdata/v1.0/download 200: {content: {application/json: ..., application/zip: ...}}", new: "GET /marketdata/v1.0/download 200: {content: {application/json: ...}}",
                            compatibility: .breaking, direction: .response,
                            message: "Removed media type application/zip from response 200 of GET /marketdata/v1.0/download"),
        "response-status-added": ChangeExample(old: "GET /auction/v1.0/portfolio responses: 200", new: "GET /auction/v1.0/portfolio responses: 200, 403",
                            compatibility: .warning, direction: .response,
                            message: "Added response 403 to GET /auction/v1.0/portfolio"),
        "response-status-removed": ChangeExample(old: "GET /auction/v1.0/portfolio responses: 200, 403", new: "GET /auction/v1.0/portfolio responses: 200",
                            compatibility: .warning, direction: .response,
                            message: "Removed response 403 from GET /auction/v1.0/portfolio"),
        "server-added": ChangeExample(old: "servers: [https://api.caiso.com/crr]", new: "servers: [https://api.caiso.com/crr, https://mapstage-api.caiso.com/crr]",
                            compatibility: .compatible, direction: .none,
                            message: "Added server https://mapstage-api.caiso.com/crr"),
        "server-removed": ChangeExample(old: "servers: [https://api.caiso.com/crr, https://mapstage-api.caiso.com/crr]", new: "servers: [https://api.caiso.com/crr]",
                            compatibility: .breaking, direction: .none,
                            message: "Removed server https://mapstage-api.caiso.com/crr"),
        "path-parameter-renamed": ChangeExample(old: "GET /auction/v1.0/portfolio/{id}", new: "GET /auction/v1.0/portfolio/{portfolioId}",
                            compatibility: .documentation, direction: .request,
                            message: "Renamed path parameter id to portfolioId in GET /auction/v1.0/portfolio/{portfolioId} (the URLs stay the same: /auction/v1.0/portfolio/{id} → /auction/v1.0/portfolio/{portfolioId})"),
        "request-parameter-style-changed": ChangeExample(old: "parameter marketName, in: query, schema: {type: array, items: {type: string}}", new: "the same with style: pipeDelimited",
                            compatibility: .breaking, direction: .request,
                            message: "Changed the serialization of parameter marketName of GET /auction/v1.0/portfolio from form, explode to pipeDelimited (clients write lists or objects differently)"),
        "request-parameter-became-array": ChangeExample(old: "parameter marketName, in: query, schema: {type: string}", new: "parameter marketName, in: query, schema: {type: array, items: {type: string}}",
                            compatibility: .compatible, direction: .request,
                            message: "Made parameter marketName of GET /auction/v1.0/portfolio a list (form, explode): every old URL stays valid (?marketName=a is a one-element list)"),
        "response-header-added": ChangeExample(old: "response 200 without headers", new: "response 200 with headers: {X-Rate-Limit: {required: true, schema: {type: integer}}}",
                            compatibility: .compatible, direction: .response,
                            message: "Added required header X-Rate-Limit to response 200 of GET /auction/v1.0/portfolio"),
        "response-header-removed": ChangeExample(old: "response 200 with headers: {X-Rate-Limit: {required: true, schema: {type: integer}}}", new: "response 200 without headers",
                            compatibility: .breaking, direction: .response,
                            message: "Removed required header X-Rate-Limit from response 200 of GET /auction/v1.0/portfolio (clients rely on a required header)"),
        "response-header-became-required": ChangeExample(old: "headers: {X-Rate-Limit: {schema: {type: integer}}}", new: "headers: {X-Rate-Limit: {required: true, schema: {type: integer}}}",
                            compatibility: .compatible, direction: .response,
                            message: "Made header X-Rate-Limit of response 200 of GET /auction/v1.0/portfolio required"),
        "response-header-became-optional": ChangeExample(old: "headers: {X-Rate-Limit: {required: true, schema: {type: integer}}}", new: "headers: {X-Rate-Limit: {schema: {type: integer}}}",
                            compatibility: .breaking, direction: .response,
                            message: "Made header X-Rate-Limit of response 200 of GET /auction/v1.0/portfolio optional (clients that read it may find it missing)"),
        "security-scheme-added": ChangeExample(old: "securitySchemes: {apiKey: ...}", new: "securitySchemes: {apiKey: ..., mutualTLS: {type: http, scheme: bearer}}",
                            compatibility: .compatible, direction: .request,
                            message: "Added security scheme mutualTLS (http bearer)"),
        "security-scheme-removed": ChangeExample(old: "securitySchemes: {apiKey: ..., mutualTLS: {type: http, scheme: bearer}} (mutualTLS unused)", new: "securitySchemes: {apiKey: ...}",
                            compatibility: .documentation, direction: .request,
                            message: "Removed security scheme mutualTLS (http bearer), which no operation used"),
        "security-scheme-changed": ChangeExample(old: "apiKey: {type: apiKey, in: header, name: X-Key}", new: "apiKey: {type: apiKey, in: header, name: X-API-Key}",
                            compatibility: .breaking, direction: .request,
                            message: "Changed security scheme apiKey: the key is now sent as header X-API-Key (was header X-Key)"),
        "security-requirement-added": ChangeExample(old: "GET /auction/v1.0/portfolio without security", new: "GET /auction/v1.0/portfolio with security: [{mutualTLS: []}]",
                            compatibility: .breaking, direction: .request,
                            message: "Added security requirement mutualTLS to GET /auction/v1.0/portfolio (it was open: anonymous callers are now refused)"),
        "security-requirement-removed": ChangeExample(old: "GET /auction/v1.0/portfolio with security: [{mutualTLS: []}]", new: "GET /auction/v1.0/portfolio without security",
                            compatibility: .compatible, direction: .request,
                            message: "Removed security requirement mutualTLS from GET /auction/v1.0/portfolio (it is now open to anonymous callers)"),
        "security-scopes-changed": ChangeExample(old: "security: [{oauth: [read]}]", new: "security: [{oauth: [read, write]}]",
                            compatibility: .breaking, direction: .request,
                            message: "Changed the scopes of oauth for GET /auction/v1.0/portfolio: now also needs write"),
        "description-changed": ChangeExample(old: "description: Portfolios open for bids.", new: "description: Portfolios in PREP, OPEN or CLOSED markets.",
                            compatibility: .documentation, direction: .none,
                            message: "Changed the description of GET /auction/v1.0/portfolio"),
        "summary-changed": ChangeExample(old: "summary: Returns the portfolios of a market.", new: "summary: Read the portfolios of a market",
                            compatibility: .documentation, direction: .none,
                            message: "Changed the summary of GET /auction/v1.0/portfolio"),
        "title-changed": ChangeExample(old: "info.title: Auction", new: "info.title: CRR Auction API",
                            compatibility: .documentation, direction: .none,
                            message: "Changed the title of the API"),
        "example-changed": ChangeExample(old: "parameter fromDate, example: 2021-10-01T07:00:00.000Z", new: "parameter fromDate, example: 2021-10-01T07:00:00Z",
                            compatibility: .documentation, direction: .request,
                            message: "Removed the fractional seconds from the date-time example of parameter fromDate of GET /auction/v1.0/portfolio (2021-10-01T07:00:00.000Z → 2021-10-01T07:00:00Z)"),
        "default-changed": ChangeExample(old: "parameter TOU, schema: {type: string, default: ON}", new: "parameter TOU, schema: {type: string, default: OFF}",
                            compatibility: .warning, direction: .request,
                            message: #"Changed the default of parameter TOU of GET /auction/v1.0/portfolio from "ON" to "OFF""#),
        "tags-changed": ChangeExample(old: "tags: [Read]", new: "tags: [CRR Read]",
                            compatibility: .documentation, direction: .none,
                            message: #"Changed the tags of GET /auction/v1.0/portfolio from ["Read"] to ["CRR Read"]"#),
        "annotation-changed": ChangeExample(old: "GET /auction/v1.0/portfolio", new: "GET /auction/v1.0/portfolio with deprecated: true",
                            compatibility: .documentation, direction: .none,
                            message: "Added 'deprecated' of GET /auction/v1.0/portfolio"),
        "keyword-renamed": ChangeExample(old: #"NominationCapCalcName: {"type": "string", "maxLenth": 40}"#, new: #"NominationCapCalcName: {"type": "string", "maxLength": 40}"#,
                            compatibility: .annotationOnly, direction: .none,
                            message: "Renamed keyword 'maxLenth' to 'maxLength' in CRRMEQResult.NominationCapCalcName (validators ignore 'maxLenth')"),
        "definition-added": ChangeExample(old: "a schema file without definitions", new: #"definitions: {"MarketName": {"type": "string"}}, used by no $ref"#,
                            compatibility: .annotationOnly, direction: .none,
                            message: "Added definition MarketName"),
        "definition-removed": ChangeExample(old: #"definitions: {"MarketName": {"type": "string"}}, used by no $ref"#, new: "a schema file without definitions",
                            compatibility: .annotationOnly, direction: .none,
                            message: "Removed definition MarketName, which the schema no longer uses"),
    ]
}
