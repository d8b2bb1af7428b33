import Document

/// Component schemas that no `$ref` uses do not change the API; their appearance or removal is
/// reported as `annotation-changed`. (Used components are compared through the operations.)
enum ComponentCheck {
    static func run(_ oldRoot: Located, _ newRoot: Located, _ spec: SpecContext) {
        let old = oldRoot["components"]?["schemas"]?.members ?? [], new = newRoot["components"]?["schemas"]?.members ?? []
        let oldRefs = references(oldRoot), newRefs = references(newRoot)
        for (name, node) in new where !old.contains(where: { $0.name == name }) && !newRefs.contains(name) {
            spec.emit("annotation-changed", .none, .documentation, old: (oldRoot["components"] ?? oldRoot).absent, new: node.location(text: name),
                      message: "Added component schema \(name), which no operation uses")
        }
        for (name, node) in old where !new.contains(where: { $0.name == name }) && !oldRefs.contains(name) {
            spec.emit("annotation-changed", .none, .documentation, old: node.location(text: name), new: (newRoot["components"] ?? newRoot).absent,
                      message: "Removed component schema \(name), which no operation used")
        }
    }

    /// Names of component schemas that some `$ref` targets.
    static func references(_ root: Located) -> Set<String> {
        var out: Set<String> = []
        var stack = [root.value]
        let prefix = "#/components/schemas/"
        while let value = stack.popLast() {
            switch value.kind {
            case .object:
                for member in value.members {
                    if member.name == "$ref", let ref = member.value.string, ref.hasPrefix(prefix) {
                        out.insert(String(ref.dropFirst(prefix.count)).split(separator: "/").first.map(String.init) ?? "")
                    } else {
                        stack.append(member.value)
                    }
                }
            case .array:
                stack.append(contentsOf: value.elements)
            default:
                break
            }
        }
        return out
    }
}
