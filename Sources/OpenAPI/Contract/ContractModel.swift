import Document

/// A node of the contract model: a value of the spec (after `$ref`s), with its place in the
/// source. Every model type below is one.
public protocol ContractNode: Sendable {
    /// The value the node was read from (the target when it was written as a `$ref`).
    var value: Value { get }
}

extension ContractNode {
    /// Line and column in the source.
    public var position: SourcePosition { value.position }
    /// JSON Pointer of the node in its document.
    public var pointer: JSONPointer { value.pointer }
    /// The file (document name) the node is in.
    public var file: String { value.document.name }
}

/// Where a schema is read: in what clients send, what they receive, or both. OpenAPI 3.0 applies
/// `readOnly` to responses only and `writeOnly` to requests only, so `required` depends on it.
public struct SchemaUsage: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Read in a request (parameters, request bodies).
    public static let request = SchemaUsage(rawValue: 1)
    /// Read in a response (bodies, headers).
    public static let response = SchemaUsage(rawValue: 2)
    public static let both: SchemaUsage = [.request, .response]

    public var description: String {
        switch self {
        case .both: "both"
        case .request: "request"
        case .response: "response"
        default: "unused"
        }
    }
}

/// `in` of a parameter.
public enum ParameterLocation: String, Sendable, CaseIterable {
    case path, query, header, cookie
}

/// An example: a value, or an `externalValue`.
public struct ContractExample: ContractNode {
    /// Its key in `examples`, or `example` for the single form.
    public var name: String
    public var value: Value
    /// The example's data (`value` of an Example Object, or the `example` itself).
    public var data: Value?
}

/// A media type of a request body, response or parameter `content`.
public struct ContractMediaType: ContractNode {
    /// `application/json` ...
    public var name: String
    public var value: Value
    public var schema: Value?
    public var examples: [ContractExample]
}

/// A parameter with the OpenAPI 3.0 defaults applied: `required` (true for `in: path`),
/// `style` (`form` for query and cookie, `simple` for path and header) and `explode` (true
/// exactly for `form`).
public struct ContractParameter: ContractNode {
    public var name: String
    /// nil when `in` is missing or not one of the four locations (lint reports it).
    public var location: ParameterLocation?
    /// The `in` text as written.
    public var locationText: String
    public var required: Bool
    public var style: String
    public var explode: Bool
    public var allowReserved: Bool
    public var deprecated: Bool
    public var schema: Value?
    public var content: [ContractMediaType]
    public var examples: [ContractExample]
    public var value: Value
    /// Whether it is declared on the path item (shared by its operations) rather than the operation.
    public var fromPathItem: Bool
    /// `description`.
    public var description: String? = nil

    /// `in:name`, how OpenAPI tells parameters apart.
    public var key: String { locationText + ":" + name }

    /// The OpenAPI 3.0 default style of a location.
    public static func defaultStyle(_ location: ParameterLocation?) -> String {
        switch location {
        case .query?, .cookie?: "form"
        default: "simple"
        }
    }
}

/// A request body.
public struct ContractRequestBody: ContractNode {
    public var required: Bool
    public var description: String?
    public var content: [ContractMediaType]
    public var value: Value
}

/// A response header (`style: simple`, `explode: false` as OpenAPI 3.0 fixes them).
public struct ContractHeader: ContractNode {
    public var name: String
    public var required: Bool
    public var deprecated: Bool
    public var schema: Value?
    public var content: [ContractMediaType]
    public var value: Value
    /// `example` and `examples` of the header itself.
    public var examples: [ContractExample] = []
}

/// A response of an operation (links are not part of the model).
public struct ContractResponse: ContractNode {
    /// `200`, `4XX`, `default`.
    public var status: String
    public var description: String?
    public var headers: [ContractHeader]
    public var content: [ContractMediaType]
    public var value: Value

    /// Whether the status is a success (2XX).
    public var isSuccess: Bool { status.hasPrefix("2") }
}

/// A security scheme of `components/securitySchemes`.
public struct ContractSecurityScheme: ContractNode {
    public var name: String
    /// `apiKey`, `http`, `oauth2`, `openIdConnect`.
    public var type: String
    /// `http`: the scheme (`basic`, `bearer`), lower-cased.
    public var scheme: String?
    public var bearerFormat: String?
    /// `apiKey`: where the key goes (`header`, `query`, `cookie`) and its name.
    public var keyLocation: String?
    public var keyName: String?
    /// `oauth2`: flow name → scopes it offers.
    public var flows: [(flow: String, scopes: [String])]
    public var openIdConnectURL: String?
    public var value: Value
}

/// One alternative of a security requirement list: every scheme it names must be satisfied.
public struct ContractSecurityRequirement: ContractNode {
    public struct Entry: Sendable {
        public var schemeName: String
        public var scopes: [String]
        /// The scheme the name refers to; nil when `components/securitySchemes` has no such scheme.
        public var scheme: ContractSecurityScheme?
    }
    public var entries: [Entry]
    public var value: Value
    /// `{}`: anonymous access allowed.
    public var isAnonymous: Bool { entries.isEmpty }
    /// The scheme names, sorted: what tells two alternatives apart.
    public var key: String { entries.map(\.schemeName).sorted().joined(separator: "+") }
}

/// A server.
public struct ContractServer: ContractNode {
    public var url: String
    public var description: String?
    /// `variables`, in document order (empty when there are none or `variables` is not an object).
    public var variables: [ContractServerVariable]
    public var value: Value

    /// The variable with this name.
    public func variable(_ name: String) -> ContractServerVariable? { variables.first { $0.name == name } }
}

/// A variable of a server URL (`{environment}` in `https://{environment}.example.com`).
public struct ContractServerVariable: ContractNode {
    public var name: String
    /// The key in `variables` (for locations).
    public var key: Value?
    /// `default` as text (a number keeps its text); nil when missing or neither a string nor a number.
    public var defaultText: String?
    /// The `default` node as written (for locations and type checks).
    public var defaultValue: Value?
    /// The `enum` node as written; nil when absent.
    public var enumValue: Value?
    /// The string values of `enum`; nil when there is no `enum` array.
    public var enumValues: [String]? { enumValue.flatMap { $0.kind == .array ? $0.elements.compactMap(\.string) : nil } }
    public var description: String?
    /// The variable object (or whatever is written under its name).
    public var value: Value
}

/// A tag.
public struct ContractTag: ContractNode {
    public var name: String
    public var description: String?
    public var value: Value
}

/// One operation: a method on a path.
///
/// A class: ``Contract/paths`` and ``Contract/operations`` (and diff's operation lists) share
/// one instance per operation instead of each holding a copy of its fields.
public final class ContractOperation: ContractNode {
    /// Lower-case method (`get`).
    public let method: String
    /// The path as written (`/items/{itemId}`).
    public let path: String
    /// The path with every template variable written `{}` (`/items/{}`): the same URLs.
    public let normalizedPath: String
    /// The path split into service, path version and the rest (see ``ContractService``).
    public let servicePath: ServicePath
    public let operationId: String?
    public let summary: String?
    public let description: String?
    public let tags: [String]
    public let deprecated: Bool
    /// Path-item and operation parameters merged (the operation's win, by `in` and `name`).
    public let parameters: [ContractParameter]
    public let requestBody: ContractRequestBody?
    public let responses: [ContractResponse]
    /// The requirements in effect: the operation's `security`, else the document's.
    public let security: [ContractSecurityRequirement]
    /// Whether the operation declares `security` itself.
    public let declaresSecurity: Bool
    public let servers: [ContractServer]
    /// The operation object.
    public let value: Value
    /// The path item (after `$ref`).
    public let pathItem: Value

    init(method: String, path: String, normalizedPath: String, servicePath: ServicePath, operationId: String?, summary: String?, description: String?,
         tags: [String], deprecated: Bool, parameters: [ContractParameter], requestBody: ContractRequestBody?,
         responses: [ContractResponse], security: [ContractSecurityRequirement], declaresSecurity: Bool,
         servers: [ContractServer], value: Value, pathItem: Value) {
        self.method = method
        self.path = path
        self.normalizedPath = normalizedPath
        self.servicePath = servicePath
        self.operationId = operationId
        self.summary = summary
        self.description = description
        self.tags = tags
        self.deprecated = deprecated
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.declaresSecurity = declaresSecurity
        self.servers = servers
        self.value = value
        self.pathItem = pathItem
    }

    /// `GET /items/{itemId}`.
    public var label: String { method.uppercased() + " " + path }
    /// A parameter by location and name.
    public func parameter(_ location: ParameterLocation, _ name: String) -> ContractParameter? {
        parameters.first { $0.location == location && $0.name == name }
    }
    /// Names of the path template variables, in order.
    public var templateNames: [String] { ContractPath.templateNames(path) }
    /// The normalised path split into service, version and the rest: how one operation is
    /// found again under another path version (variable names aside).
    public var normalizedServicePath: ServicePath { ServicePath(normalizedPath) }
}

/// A path of `paths`.
public struct ContractPath: ContractNode {
    public var template: String
    /// See ``ContractOperation/normalizedPath``.
    public var normalized: String
    /// The template split into service, path version and the rest.
    public var servicePath: ServicePath
    /// The path item after `$ref`.
    public var value: Value
    /// The key in `paths` (for locations).
    public var key: Value?
    public var operations: [ContractOperation]

    /// `{id}` and `{itemId}` alike: each template variable becomes `{}`.
    public static func normalize(_ template: String) -> String {
        var out = ""
        var inside = false
        for c in template {
            if c == "{" { inside = true; out.append("{}") } else if c == "}" { inside = false } else if !inside { out.append(c) }
        }
        return out
    }

    /// The names inside `{}` in a path template, in order.
    public static func templateNames(_ template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in template {
            if c == "{" { current = "" } else if c == "}" { if let name = current { names.append(name) }; current = nil } else { current?.append(c) }
        }
        return names
    }
}

/// A `$ref` the model could not follow (lint reports these; diff compares what is written).
public struct ContractReferenceProblem: Sendable {
    public var reference: Value
    public var message: String
}

extension ContractRequestBody {
    /// The schema of `application/json`, else of the first JSON-like media type (`+json`).
    public var jsonSchema: Value? { jsonMedia?.schema }
}
