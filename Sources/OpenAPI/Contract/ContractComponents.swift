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
    /// Every `$ref` string outside example and default values (`example`, `examples`,
    /// `default`, `enum`, `const`), with the object holding it, in document order.
    public static func references(in root: Value) -> [(holder: Value, ref: Value)] {
        let dataKeys: Set<String> = ["example", "examples", "default", "enum", "const"]
        var out: [(holder: Value, ref: Value)] = []
        var stack = [root]
        while let value = stack.popLast() {
            for member in value.members {
                if member.name == "$ref", member.value.kind == .string {
                    out.append((value, member.value))
                } else if !dataKeys.contains(member.name) {
                    stack.append(member.value)
                }
            }
            stack += value.elements
        }
        return out.sorted { $0.ref.index < $1.ref.index }
    }

    /// The components, section by section (in ``ContractComponent/Kind`` order), each section in
    /// document order.
    func computeComponents() -> [ContractComponent] {
        guard let sections = document.root["components"], sections.kind == .object else { return [] }
        // Where the document's references lead inside the document (each text resolved once).
        var targets: Set<Int> = []
        var known: [String: Int?] = [:]
        for (holder, ref) in Contract.references(in: document.root) {
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
