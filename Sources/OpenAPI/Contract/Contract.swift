import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema

/// Follows one `$ref` object to its target. Throws to make the whole input unusable (a read
/// the file fence refuses); returns nil when the reference just cannot be followed.
public typealias ContractReferenceResolver = @Sendable (Value) throws -> Value?

/// An OpenAPI 3.0 document read once into its contract: paths (templates normalised), operations,
/// parameters with the OpenAPI defaults, request bodies, responses with headers and media types,
/// security requirements and the schemes they name, servers, tags and examples. Every node keeps
/// its value, so its source position and JSON Pointer; every schema knows whether it is read in a
/// request, a response or both (``usage(of:)``).
///
/// Validation of a body (`validate --spec --operation`), lint's OpenAPI rules and diff read this
/// model rather than walking the raw tree.
///
/// ```swift
/// let contract = try Contract(document: document)     // throws for Swagger 2.0 / OpenAPI 3.1
/// for operation in contract.operations { print(operation.label, operation.parameters.map(\.name)) }
/// ```
public final class Contract: @unchecked Sendable {
    public let document: Document
    /// `openapi` as written.
    public let openapiVersion: String?
    public let info: Value?
    public let paths: [ContractPath]
    /// Every operation, in document order.
    public let operations: [ContractOperation]
    public let securitySchemes: [ContractSecurityScheme]
    /// The document-level `security` (empty when none is declared).
    public let security: [ContractSecurityRequirement]
    public let declaresSecurity: Bool
    public let servers: [ContractServer]
    public let tags: [ContractTag]
    /// The paths grouped by service and path version (`/auction/v1.0/...`), in the order each
    /// group first appears.
    public let services: [ContractService]
    /// `$ref`s met while building that could not be followed.
    public private(set) var referenceProblems: [ContractReferenceProblem] = []
    /// Parameters declared twice in one list (the model keeps the last), in document order.
    public private(set) var parameterRepeats: [ContractParameterRepeat] = []
    /// Paths that are the same as an earlier path apart from variable names, in document order.
    public let pathRepeats: [ContractPathRepeat]

    let resolver: ContractReferenceResolver
    private let usageLock = Lock()
    private var usageMap: [UsageKey: SchemaUsage]?
    private let factsLock = Lock()
    private var componentList: [ContractComponent]?
    private var siblingList: [ContractReferenceSiblings]?
    private let referencesLock = Lock()
    private var referenceList: [(holder: Value, ref: Value)]?

    struct UsageKey: Hashable {
        let document: ObjectIdentifier
        let index: Int
    }

    /// Reads the contract of a document. `resolve` follows `$ref`s that leave the document (the
    /// default follows local ones only).
    ///
    /// - Throws: ``UnsupportedSpecVersion`` for Swagger 2.0 and OpenAPI 3.1 documents, and what
    ///   `resolve` throws.
    public init(document: Document, resolve: ContractReferenceResolver? = nil) throws {
        try OpenAPIVersion.check(document)
        self.document = document
        let resolver = resolve ?? Contract.localResolver
        self.resolver = resolver
        let root = document.root
        openapiVersion = root["openapi"].flatMap { $0.string ?? $0.numberText }
        info = root["info"]
        var builder = Builder(resolver: resolver)
        let schemes = try builder.securitySchemes(root["components"]?["securitySchemes"])
        securitySchemes = schemes
        declaresSecurity = root["security"] != nil
        security = try builder.requirements(root["security"], schemes)
        servers = try builder.servers(root["servers"])
        tags = root["tags"].map { $0.elements.filter { $0.kind == .object }.map { ContractTag(name: $0["name"]?.string ?? "", description: $0["description"]?.string, value: $0) } } ?? []
        var paths: [ContractPath] = []
        if let pathsValue = root["paths"], pathsValue.kind == .object {
            for member in pathsValue.members {
                paths.append(try builder.path(member, documentSecurity: security, schemes: schemes, documentServers: servers))
            }
        }
        self.paths = paths
        operations = paths.flatMap(\.operations)
        services = ContractService.group(paths)
        var firstOfShape: [String: Int] = [:]
        var pathRepeats: [ContractPathRepeat] = []
        for (i, path) in paths.enumerated() {
            if let first = firstOfShape[path.normalized] {
                pathRepeats.append(ContractPathRepeat(first: paths[first], repeated: path))
            } else {
                firstOfShape[path.normalized] = i
            }
        }
        self.pathRepeats = pathRepeats
        referenceProblems = builder.problems
        parameterRepeats = builder.repeats
    }

    /// The components of `components`, section by section (see ``ContractComponent/Kind``),
    /// each with whether a `$ref` (or, for security schemes, a requirement) uses it. Worked
    /// out on first use: one walk over the document's `$ref`s.
    public var components: [ContractComponent] { memo(factsLock, \.componentList, computeComponents) }

    /// The document's `$ref`s with the objects holding them (``Contract/references(in:)``),
    /// in document order; walked once, on first use (the components' use counts and the pages'
    /// unresolved-reference list read it).
    public var references: [(holder: Value, ref: Value)] {
        memo(referencesLock, \.referenceList) { Contract.references(in: document.root) }
    }

    /// The components of one section.
    public func components(_ kind: ContractComponent.Kind) -> [ContractComponent] { components.filter { $0.kind == kind } }

    /// Reference Objects whose other fields the model ignores (see
    /// ``ContractReferenceSiblings``), in document order; worked out on first use.
    public var referenceSiblings: [ContractReferenceSiblings] { memo(factsLock, \.siblingList, computeReferenceSiblings) }

    /// A fact worked out on first use (under `lock`) and kept in `slot`.
    private func memo<T>(_ lock: Lock, _ slot: ReferenceWritableKeyPath<Contract, T?>, _ compute: () -> T) -> T {
        lock.withLock {
            if let known = self[keyPath: slot] { return known }
            let computed = compute()
            self[keyPath: slot] = computed
            return computed
        }
    }

    /// Follows `$ref`s inside a value's own document (the engine's resolver without a registry).
    public static let localResolver: ContractReferenceResolver = { holder in
        try? ReferenceResolver.local.target(of: holder).get()
    }

    /// A resolver over a schema registry (the engine's ``ReferenceResolver``): references inside
    /// the document, others through the registry with its file fence and read limits. A refused
    /// or limited read throws (the input is unusable); any other failure is a reference that
    /// cannot be followed.
    public static func registryResolver(_ registry: SchemaRegistry) -> ContractReferenceResolver {
        let references = registry.references
        return { holder in
            switch references.target(of: holder) {
            case .success(let value): return value
            case .failure(let failure) where failure.isFatal: throw failure.error ?? SchemaError(failure.message, at: holder["$ref"])
            case .failure: return nil
            }
        }
    }

    /// Follows a `$ref` chain through `resolver` with the engine's one loop guard (at most
    /// `limit` hops); the failure names the `$ref` it stopped at.
    static func follow(_ value: Value, _ resolver: ContractReferenceResolver, limit: Int = 64,
                       visit: (Value) -> Void = { _ in }) throws -> Result<Value, ReferenceFailure> {
        try ReferenceResolver.follow(value, limit: limit) { holder, ref in
            visit(holder)
            return try resolver(holder).map { .success($0) } ?? .failure(ReferenceFailure(.notFound, "$ref \(ref) cannot be followed"))
        }
    }

    /// The operation with this `operationId`.
    public func operation(id: String) -> ContractOperation? { operations.first { $0.operationId == id } }

    /// Follows a `$ref` chain (at most 64 hops) to a value that is not a reference; nil when a
    /// reference cannot be followed or the chain loops.
    public func resolve(_ value: Value) throws -> Value? {
        let result = try Contract.follow(value, resolver)
        return try? result.get()
    }

    /// Where a schema is read: in requests, responses, both, or neither (`[]`: no operation
    /// reaches it). Any schema node counts, after `$ref`s, including the subschemas of composed
    /// and nested schemas.
    public func usage(of schema: Value) -> SchemaUsage {
        let map = memo(usageLock, \.usageMap, computeUsage)
        return map[UsageKey(document: ObjectIdentifier(schema.document), index: schema.index)] ?? []
    }

    private func computeUsage() -> [UsageKey: SchemaUsage] {
        var map: [UsageKey: SchemaUsage] = [:]
        func mark(_ roots: [Value], _ usage: SchemaUsage) {
            var stack = roots
            var seen: Set<UsageKey> = []
            while let raw = stack.popLast() {
                guard let value = (try? resolve(raw)) ?? nil else { continue }
                let key = UsageKey(document: ObjectIdentifier(value.document), index: value.index)
                guard seen.insert(key).inserted else { continue }
                map[key, default: []].formUnion(usage)
                if raw.index != value.index || raw.document !== value.document {
                    map[UsageKey(document: ObjectIdentifier(raw.document), index: raw.index), default: []].formUnion(usage)
                }
                stack.append(contentsOf: SchemaRegistry.subschemas(of: value))
            }
        }
        var request: [Value] = [], response: [Value] = []
        for operation in operations {
            for parameter in operation.parameters {
                request += [parameter.schema].compactMap { $0 } + parameter.content.compactMap(\.schema)
            }
            request += operation.requestBody?.content.compactMap(\.schema) ?? []
            for r in operation.responses {
                response += r.content.compactMap(\.schema)
                for header in r.headers { response += [header.schema].compactMap { $0 } + header.content.compactMap(\.schema) }
            }
        }
        mark(request, .request)
        mark(response, .response)
        return map
    }

    /// Builds the model's nodes, collecting the references it cannot follow.
    struct Builder {
        let resolver: ContractReferenceResolver
        var problems: [ContractReferenceProblem] = []
        var repeats: [ContractParameterRepeat] = []
        /// Names that repeat across the spec (media types: `application/json` is one byte too
        /// long to be stored inline), kept once and shared by every node that has them.
        var names: [String: String] = [:]

        mutating func shared(_ name: String) -> String {
            if let known = names[name] { return known }
            names[name] = name
            return name
        }

        mutating func deref(_ value: Value) throws -> Value {
            var holder = value
            switch try Contract.follow(value, resolver, visit: { holder = $0 }) {
            case .success(let target):
                return target
            case .failure(let failure):
                // A loop is reported at the reference it started from, a dead end where it is.
                problems.append(ContractReferenceProblem(reference: failure.kind == .loop ? value : holder, message: failure.message))
                return holder
            }
        }

        mutating func path(_ member: Member, documentSecurity: [ContractSecurityRequirement], schemes: [ContractSecurityScheme],
                           documentServers: [ContractServer]) throws -> ContractPath {
            let item = try deref(member.value)
            let template = member.name
            let normalized = ContractPath.normalize(template)
            let servicePath = ServicePath(template)
            let shared = try parameters(item["parameters"], fromPathItem: true)
            let pathServers = item["servers"] != nil ? try servers(item["servers"]) : documentServers
            var operations: [ContractOperation] = []
            for entry in item.members where OpenAPISpec.methods.contains(entry.name) && entry.value.kind == .object {
                let node = entry.value
                var merged = shared
                for p in try parameters(node["parameters"], fromPathItem: false) {
                    merged.removeAll { $0.key == p.key }
                    merged.append(p)
                }
                let declares = node["security"] != nil
                operations.append(ContractOperation(
                    method: entry.name, path: template, normalizedPath: normalized, servicePath: servicePath,
                    operationId: node["operationId"]?.string, summary: node["summary"]?.string,
                    description: node["description"]?.string,
                    tags: node["tags"]?.elements.compactMap(\.string) ?? [], deprecated: node["deprecated"]?.bool ?? false,
                    parameters: merged, requestBody: try requestBody(node["requestBody"]),
                    responses: try responses(node["responses"]),
                    security: declares ? try requirements(node["security"], schemes) : documentSecurity,
                    declaresSecurity: declares,
                    servers: node["servers"] != nil ? try servers(node["servers"]) : pathServers,
                    value: node, pathItem: item))
            }
            return ContractPath(template: template, normalized: normalized, servicePath: servicePath, value: item, key: member.key,
                                operations: operations)
        }

        mutating func parameters(_ list: Value?, fromPathItem: Bool) throws -> [ContractParameter] {
            var out: [ContractParameter] = []
            // The first entry of each name and location: OpenAPI wants them unique (header
            // names compare case-insensitively).
            var firsts: [String: Value] = [:]
            for raw in elements(list) {
                let node = try deref(raw)
                if let name = node["name"]?.string, let location = node["in"]?.string {
                    let key = (location == "header" ? name.lowercased() : name) + "\u{0}" + location
                    if let first = firsts[key] {
                        repeats.append(ContractParameterRepeat(name: name, location: location, first: first, repeated: raw))
                    } else {
                        firsts[key] = raw
                    }
                }
                guard node.kind == .object else { continue }
                let parameter = try parameter(node, fromPathItem: fromPathItem)
                out.removeAll { $0.key == parameter.key }
                out.append(parameter)
            }
            return out
        }

        /// One Parameter Object (after `$ref`) with the OpenAPI 3.0 defaults applied.
        mutating func parameter(_ node: Value, fromPathItem: Bool) throws -> ContractParameter {
            let locationText = node["in"]?.string ?? ""
            let location = ParameterLocation(rawValue: locationText)
            let style = node["style"]?.string ?? ContractParameter.defaultStyle(location)
            return ContractParameter(
                name: node["name"]?.string ?? "", location: location, locationText: locationText,
                required: node["required"]?.bool ?? false,
                style: style, explode: node["explode"]?.bool ?? (style == "form"),
                allowReserved: node["allowReserved"]?.bool ?? false, deprecated: node["deprecated"]?.bool ?? false,
                schema: node["schema"], content: try mediaTypes(node["content"]), examples: try examples(node),
                value: node, fromPathItem: fromPathItem, description: node["description"]?.string)
        }

        mutating func requestBody(_ raw: Value?) throws -> ContractRequestBody? {
            guard let raw else { return nil }
            let node = try deref(raw)
            return ContractRequestBody(required: node["required"]?.bool ?? false, description: node["description"]?.string,
                                       content: try mediaTypes(node["content"]), value: node)
        }

        mutating func responses(_ raw: Value?) throws -> [ContractResponse] {
            var out: [ContractResponse] = []
            for member in members(raw) where !member.name.hasPrefix("x-") {
                let node = try deref(member.value)
                var headers: [ContractHeader] = []
                for h in members(node["headers"]) { headers.append(try header(h)) }
                out.append(ContractResponse(status: member.name, description: node["description"]?.string, headers: headers,
                                            content: try mediaTypes(node["content"]), value: node))
            }
            return out
        }

        /// One header of a `headers` map (after `$ref`).
        mutating func header(_ member: Member) throws -> ContractHeader {
            let header = try deref(member.value)
            return ContractHeader(name: member.name, required: header["required"]?.bool ?? false,
                                  deprecated: header["deprecated"]?.bool ?? false, schema: header["schema"],
                                  content: try mediaTypes(header["content"]), value: header, examples: try examples(header))
        }

        mutating func mediaTypes(_ raw: Value?) throws -> [ContractMediaType] {
            var out: [ContractMediaType] = []
            for member in members(raw) where member.value.kind == .object {
                out.append(ContractMediaType(name: shared(member.name), value: member.value, schema: member.value["schema"],
                                             examples: try examples(member.value)))
            }
            return out
        }

        mutating func examples(_ holder: Value) throws -> [ContractExample] {
            var out: [ContractExample] = []
            if let single = holder["example"] { out.append(ContractExample(name: "example", value: single, data: single)) }
            for member in members(holder["examples"]) {
                let node = try deref(member.value)
                out.append(ContractExample(name: member.name, value: node, data: node["value"]))
            }
            return out
        }

        mutating func securitySchemes(_ raw: Value?) throws -> [ContractSecurityScheme] {
            var out: [ContractSecurityScheme] = []
            for member in members(raw) {
                let node = try deref(member.value)
                var flows: [(flow: String, scopes: [String])] = []
                for flow in members(node["flows"]) {
                    flows.append((flow.name, flow.value["scopes"]?.members.map(\.name) ?? []))
                }
                out.append(ContractSecurityScheme(
                    name: member.name, type: node["type"]?.string ?? "", scheme: node["scheme"]?.string?.lowercased(),
                    bearerFormat: node["bearerFormat"]?.string, keyLocation: node["in"]?.string, keyName: node["name"]?.string,
                    flows: flows, openIdConnectURL: node["openIdConnectUrl"]?.string, value: node))
            }
            return out
        }

        func requirements(_ raw: Value?, _ schemes: [ContractSecurityScheme]) throws -> [ContractSecurityRequirement] {
            elements(raw).filter { $0.kind == .object }.map { requirement in
                ContractSecurityRequirement(entries: requirement.members.map { member in
                    .init(schemeName: member.name, scopes: member.value.elements.compactMap(\.string),
                          scheme: schemes.first { $0.name == member.name })
                }, value: requirement)
            }
        }

        func serverVariables(_ raw: Value?) -> [ContractServerVariable] {
            guard let raw, raw.kind == .object else { return [] }
            return raw.members.map { member in
                let node = member.value
                return ContractServerVariable(name: member.name, key: member.key,
                                              defaultText: node["default"].flatMap { $0.string ?? $0.numberText },
                                              defaultValue: node["default"], enumValue: node["enum"],
                                              description: node["description"]?.string, value: node)
            }
        }

        mutating func servers(_ raw: Value?) throws -> [ContractServer] {
            elements(raw).filter { $0.kind == .object }.map {
                ContractServer(url: $0["url"]?.string ?? "", description: $0["description"]?.string,
                               variables: serverVariables($0["variables"]), value: $0)
            }
        }
    }
}

extension Contract {
    /// Reads a spec file into its contract, with `$ref`s to other files resolved through
    /// `registry` (which should carry the file fence: its ``SchemaRegistry/allowedRoots``).
    public static func load(_ path: String, registry: SchemaRegistry) throws -> Contract {
        let spec = try OpenAPISpec.load(path, limits: registry.limits)
        if registry.uri(of: spec.document) == nil {
            registry.add(spec.document, uri: URIReference.file(SchemaRegistry.absolutePathOf(path)).description)
        }
        return try Contract(document: spec.document, resolve: registryResolver(registry))
    }
}

/// The elements of an optional array value (none when it is absent or not an array).
func elements(_ value: Value?) -> [Value] { value.map { Array($0.elements) } ?? [] }

/// The members of an optional object value.
func members(_ value: Value?) -> [Member] { value.map { Array($0.members) } ?? [] }

extension Contract {
    /// The value a `$ref` chain ends at, or the value itself when it cannot be followed.
    public func resolvedOrSelf(_ value: Value) -> Value { ((try? resolve(value)) ?? nil) ?? value }
}
