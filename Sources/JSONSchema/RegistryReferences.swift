import Document

extension SchemaRegistry {
    /// Follows one `$ref` object (`{"$ref": "..."}`) to the value it names, through the same
    /// lookup, file fence and read limits as schema compilation: a file outside
    /// ``allowedRoots``, a FIFO or a device is refused (a ``SchemaError`` with
    /// ``SchemaError/isRefusal``), a file over the limits fails with ``SchemaError/isLimit``.
    ///
    /// The reference is taken relative to the base URI in effect at the referring node (its
    /// document's retrieval URI, or an enclosing `$id`). The referring document is registered
    /// first when it is not known yet.
    public func resolveReference(_ holder: Value) throws -> Value {
        switch references.target(of: holder) {
        case .success(let value): return value
        case .failure(let failure): throw failure.error ?? SchemaError(failure.message, at: holder["$ref"])
        }
    }

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
    /// The root value of the resource at an absolute URI (without fragment), loading a `file:`
    /// URI or a `--resource` mapping through the file fence and read limits (see
    /// ``resolveReference(_:)``). `referrer` is where errors are reported.
    public func loadResource(_ uri: String, referrer: Value? = nil) throws -> Value {
        try resource(for: URIReference(uri), from: referrer).value
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
