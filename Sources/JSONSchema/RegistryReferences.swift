import Document

extension SchemaRegistry {
    /// The subschemas of a draft-07 schema object (the values of its subschema keywords), by
    /// the registry's one table of those keywords.
    public static func subschemas(of schema: Value) -> [Value] {
        guard schema.kind == .object else { return [] }
        var out: [Value] = []
        for member in schema.members {
            let key = member.name
            if schemaKeywords.contains(key) {
                out.append(member.value)
            } else if key == "items" {
                if member.value.kind == .array { out.append(contentsOf: member.value.elements) } else { out.append(member.value) }
            } else if schemaArrayKeywords.contains(key) {
                out.append(contentsOf: member.value.elements)
            } else if schemaMapKeywords.contains(key) || key == "dependencies" {
                for entry in member.value.members where key != "dependencies" || entry.value.kind != .array { out.append(entry.value) }
            }
        }
        return out
    }
}

extension SchemaRegistry {
    /// Throws the fence's refusal (a ``SchemaError`` with ``SchemaError/isRefusal``) when a
    /// `$ref` may not read `path`: outside ``allowedRoots`` (as written or through a symbolic
    /// link), or not a regular file (a FIFO, a device such as `/dev/zero`). Every command checks
    /// file references here, so each refuses the same files with the same message.
    public func checkReadable(_ path: String, reference: String, referrer: Value? = nil) throws {
        try checkAllowed(path, uri: reference, referrer: referrer)
    }
}
