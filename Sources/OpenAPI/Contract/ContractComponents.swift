import Document

/// A component of `components` (a schema, response, parameter ...), as written: its value is
/// the entry itself, not what a `$ref` there leads to.
public struct ContractComponent: ContractNode {
    /// The section of `components`, in the order ``Contract/components`` lists them.
    public enum Kind: String, Sendable, CaseIterable {
        case schemas, parameters, responses, requestBodies, examples, headers, links, callbacks, securitySchemes
    }

    public var kind: Kind
    public var name: String
    /// The key in its section (for locations).
    public var key: Value
    public var value: Value
    /// Whether some `$ref` of the document (outside example and default values) designates the
    /// component or something inside it.
    public var referenced: Bool
    /// Security schemes: whether a security requirement (the document's or an operation's)
    /// names it. False for the other kinds.
    public var namedByRequirement: Bool

    /// `#/components/schemas/Item`.
    public var reference: String { "#/components/\(kind.rawValue)/\(JSONPointer(tokens: [name]).description.dropFirst())" }
    /// Whether the spec uses it: referenced, or (a security scheme) named by a requirement.
    public var isUsed: Bool { kind == .securitySchemes ? namedByRequirement : referenced }
}

/// A parameter declared twice in one `parameters` list (same `name` and `in`; header names
/// compare case-insensitively): the model keeps the last, this records the repeat.
public struct ContractParameterRepeat: Sendable {
    public var name: String
    /// `in` as written.
    public var location: String
    /// The list entries as written (a `$ref` stays a `$ref`).
    public var first: Value
    public var repeated: Value
}

/// A path whose template is the same as an earlier one's once variable names are ignored
/// (`/items/{id}` and `/items/{key}`).
public struct ContractPathRepeat: Sendable {
    public var first: ContractPath
    public var repeated: ContractPath
}

/// A Reference Object (outside schemas and example data) with fields beside `$ref`, which
/// OpenAPI 3.0 ignores: the model follows the `$ref` and drops them.
public struct ContractReferenceSiblings: Sendable {
    /// The object holding `$ref`.
    public var holder: Value
    /// The ignored members (`x-` extensions aside), in document order.
    public var ignored: [Member]
}

extension Contract {
    /// Every `$ref` string that is a reference, with the object holding it, in document order.
    /// Data is passed over: `example`, `default`, `enum` and `const` values, draft-07 `examples`
    /// arrays, an Example Object's `value`, and `x-` extensions. The entries of maps of names
    /// (`properties`, `definitions`, `components/schemas`, `paths`, `responses`, `content`, ...)
    /// are names, not keywords: a property called `default` or `$ref` is walked as a schema.
    /// Lint (`ref-unresolved`), the components' use counts and the pages' unresolved-reference
    /// list all read this one walk.
    public static func references(in root: Value) -> [(holder: Value, ref: Value)] {
        var out: [(holder: Value, ref: Value)] = []
        // Each value to walk, whether its members are names (not keywords), and whether it is an
        // Example Object (its `value` is data).
        var stack: [(value: Value, names: Bool, example: Bool)] = [(root, false, false)]
        while let (value, names, example) = stack.popLast() {
            for member in value.members {
                if names {
                    stack.append((member.value, false, false))
                    continue
                }
                let name = member.name
                if name == "$ref" {
                    if member.value.kind == .string { out.append((value, member.value)) }
                } else if name == "examples" {
                    // OpenAPI's map of Example Objects (draft-07's array of values is data).
                    for entry in member.value.members { stack.append((entry.value, false, true)) }
                } else if !referenceDataKeys.contains(name) && !name.hasPrefix("x-") && !(example && name == "value") {
                    stack.append((member.value, referenceNameMaps.contains(name), false))
                }
            }
            for element in value.elements { stack.append((element, false, false)) }
        }
        return out.sorted { $0.ref.index < $1.ref.index }
    }

    /// Members whose values are data, never references.
    static let referenceDataKeys: Set<String> = ["example", "default", "enum", "const"]
    /// Members whose values map names (a property, a status code, a media type, a component) to
    /// objects.
    static let referenceNameMaps: Set<String> = [
        "properties", "patternProperties", "definitions", "dependencies", "paths", "schemas", "responses", "parameters",
        "requestBodies", "headers", "securitySchemes", "links", "callbacks", "content", "encoding", "variables",
    ]

    /// Every object with the extension `key` (e.g. `x-crr-rule`), in document order; the
    /// extension's own value is not searched.
    public static func holders(ofExtension key: String, in root: Value) -> [Value] {
        var out: [Value] = []
        var stack = [root]
        while let value = stack.popLast() {
            for member in value.members {
                if member.name == key { out.append(value) } else { stack.append(member.value) }
            }
            stack += value.elements
        }
        return out.sorted { $0.index < $1.index }
    }

    /// The components, section by section (in ``ContractComponent/Kind`` order), each section in
    /// document order.
    func computeComponents() -> [ContractComponent] {
        guard let sections = document.root["components"], sections.kind == .object else { return [] }
        // Where the document's references lead inside the document (each text resolved once).
        var targets: Set<Int> = []
        var known: [String: Int?] = [:]
        for (holder, ref) in references {
            let text = ref.string ?? ""
            if let index = known[text] {
                if let index { targets.insert(index) }
                continue
            }
            let target = (try? resolver(holder)) ?? nil
            let index = target.flatMap { $0.document === document ? $0.index : nil }
            known[text] = index
            if let index { targets.insert(index) }
        }
        var named: Set<String> = []
        for requirement in security + operations.filter(\.declaresSecurity).flatMap(\.security) {
            for entry in requirement.entries { named.insert(entry.schemeName) }
        }
        var entries: [(kind: ContractComponent.Kind, member: Member)] = []
        for kind in ContractComponent.Kind.allCases {
            for member in sections[kind.rawValue].map({ Array($0.members) }) ?? [] { entries.append((kind, member)) }
        }
        // Components do not nest: walked in document order beside the sorted targets, each
        // is referenced when the first target not before it falls inside it.
        let sortedTargets = targets.sorted()
        var referenced = [Bool](repeating: false, count: entries.count)
        var t = 0
        for i in entries.indices.sorted(by: { entries[$0].member.value.index < entries[$1].member.value.index }) {
            let value = entries[i].member.value
            while t < sortedTargets.count && sortedTargets[t] < value.index { t += 1 }
            referenced[i] = t < sortedTargets.count && sortedTargets[t] < document.end(of: value.index)
        }
        var out: [ContractComponent] = []
        for (i, (kind, member)) in entries.enumerated() {
            out.append(ContractComponent(kind: kind, name: member.name, key: member.key, value: member.value, referenced: referenced[i],
                                         namedByRequirement: kind == .securitySchemes && named.contains(member.name)))
        }
        return out
    }

    /// The Reference Objects with ignored fields, found in one walk of `paths`, `components`
    /// and `webhooks` that skips schemas (a schema's `$ref` siblings are a schema matter) and
    /// example data.
    func computeReferenceSiblings() -> [ContractReferenceSiblings] {
        let root = document.root
        var out: [ContractReferenceSiblings] = []
        var stack = [root["paths"], root["components"], root["webhooks"]].compactMap { $0 }
        let components = root["components"]?.index
        while let value = stack.popLast() {
            if value.kind == .array {
                for element in value.elements where element.kind == .object || element.kind == .array { stack.append(element) }
                continue
            }
            if value.has("$ref") {
                let ignored = value.members.filter { $0.name != "$ref" && !$0.name.hasPrefix("x-") }
                if !ignored.isEmpty { out.append(ContractReferenceSiblings(holder: value, ignored: ignored)) }
                continue
            }
            for member in value.members {
                switch member.name {
                case "schema", "example", "default", "enum":
                    continue
                case "schemas" where value.index == components:
                    continue
                case "examples":
                    // Example Objects may be references; their `value` is data.
                    for entry in member.value.members where entry.value.kind == .object && entry.value.has("$ref") { stack.append(entry.value) }
                default:
                    if member.name.hasPrefix("x-") { continue }
                    if member.value.kind == .object || member.value.kind == .array { stack.append(member.value) }
                }
            }
        }
        return out.sorted { $0.holder.index < $1.holder.index }
    }
}
