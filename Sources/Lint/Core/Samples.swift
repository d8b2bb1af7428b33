import Document

/// Every sample value in a file with the schema it illustrates: schema `example`/`examples`/
/// `default`, and the examples of parameters, headers and media types.
enum Samples {
    static func all(_ context: LintContext) -> [(sample: Value, schema: Value)] {
        var out: [(Value, Value)] = []
        for site in context.schemas {
            if let example = site.value["example"], site.dialect == .openAPI30 { out.append((example, site.value)) }
            if site.dialect == .draft07 { for example in site.value["examples"].list { out.append((example, site.value)) } }
            if let value = site.value["default"] { out.append((value, site.value)) }
        }
        guard let spec = context.spec else { return out }
        var stack = [context.root["paths"], context.root["components"]].compactMap { $0 }
        while let value = stack.popLast() {
            if value.kind == .object, let schema = value["schema"], schema.kind == .object {
                if let example = value["example"] { out.append((example, schema)) }
                for entry in value["examples"].entries {
                    if let example = ((try? spec.resolve(entry.value)) ?? entry.value)["value"] { out.append((example, schema)) }
                }
            }
            for member in value.members where !["schema", "schemas", "example", "examples"].contains(member.name) { stack.append(member.value) }
            stack += value.elements
        }
        return out.sorted { $0.0.index < $1.0.index }
    }

    /// Every description string and every string inside an example or default.
    static func texts(_ context: LintContext) -> [Value] {
        var out: [Value] = []
        for (sample, _) in context.samples { out += sample.subtree.filter { $0.kind == .string } }
        var stack = [context.root]
        while let value = stack.popLast() {
            for member in value.members {
                if member.name == "description", member.value.kind == .string { out.append(member.value) }
                if member.value.kind == .object || member.value.kind == .array { stack.append(member.value) }
            }
            stack += value.elements
        }
        var seen = Set<Int>()
        return out.filter { seen.insert($0.index).inserted }.sorted { $0.index < $1.index }
    }
}
