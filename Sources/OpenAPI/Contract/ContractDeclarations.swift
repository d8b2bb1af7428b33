import Document

/// Every Parameter, Header and Media Type Object a document declares, each once, where it is
/// written (see ``Contract/declarations``).
public struct ContractDeclarations: Sendable {
    public var parameters: [ContractParameter] = []
    public var headers: [ContractHeader] = []
    public var mediaTypes: [ContractMediaType] = []
}

extension ContractExample {
    /// Whether it is the single `example` of its holder rather than an entry of `examples`
    /// (whose key may be `example` too).
    public var isSingle: Bool { data.map { $0.index == value.index && $0.document === value.document } ?? false }
}

extension Contract {
    /// Every Parameter, Header and Media Type Object of the document, not only those the
    /// operations end up with: a path item's parameters before its operations' replace them
    /// (and those of path items without operations), parameters of callbacks, headers of
    /// encodings, and the parameters, headers, responses, request bodies and callbacks of
    /// `components`, used or not. Each is listed once (a `$ref` counts at its target), only
    /// when it is written in this document (another file's are that file's), in document
    /// order. Lint's checks of every declaration read it; worked out on each call.
    public var declarations: ContractDeclarations {
        var walk = DeclarationWalk(document: document, builder: Builder(resolver: resolver))
        let root = document.root
        for path in members(root["paths"]) where !path.name.hasPrefix("x-") { walk.pathItem(path.value) }
        let components = root["components"]
        for member in members(components?["parameters"]) { walk.parameter(member.value, fromPathItem: false) }
        walk.headers(components?["headers"])
        for member in members(components?["responses"]) { walk.response(member.value) }
        for member in members(components?["requestBodies"]) { walk.requestBody(member.value) }
        walk.callbacks(components?["callbacks"])
        var out = walk.out
        out.parameters.sort { $0.value.index < $1.value.index }
        out.headers.sort { $0.value.index < $1.value.index }
        out.mediaTypes.sort { $0.value.index < $1.value.index }
        return out
    }

    /// The walk behind ``declarations``: the model's builder makes each node; `$ref`s that
    /// cannot be followed (or that the file fence refuses) are passed over.
    struct DeclarationWalk {
        let document: Document
        var builder: Builder
        var out = ContractDeclarations()
        var seen: Set<Int> = []

        /// Whether a node is this document's and met for the first time.
        mutating func first(_ node: Value) -> Bool { node.document === document && seen.insert(node.index).inserted }

        mutating func deref(_ raw: Value) -> Value { (try? builder.deref(raw)) ?? raw }

        mutating func pathItem(_ raw: Value) {
            let item = deref(raw)
            guard item.kind == .object, first(item) else { return }
            for entry in elements(item["parameters"]) { parameter(entry, fromPathItem: true) }
            for entry in item.members where OpenAPISpec.methods.contains(entry.name) && entry.value.kind == .object {
                let operation = entry.value
                for p in elements(operation["parameters"]) { parameter(p, fromPathItem: false) }
                if let body = operation["requestBody"] { requestBody(body) }
                for member in members(operation["responses"]) where !member.name.hasPrefix("x-") { response(member.value) }
                callbacks(operation["callbacks"])
            }
        }

        mutating func parameter(_ raw: Value, fromPathItem: Bool) {
            let node = deref(raw)
            guard node.kind == .object, first(node), let parameter = try? builder.parameter(node, fromPathItem: fromPathItem) else { return }
            out.parameters.append(parameter)
            add(parameter.content)
        }

        mutating func headers(_ raw: Value?) {
            for member in members(raw) {
                guard let header = try? builder.header(member), header.value.kind == .object, first(header.value) else { continue }
                out.headers.append(header)
                add(header.content)
            }
        }

        mutating func response(_ raw: Value) {
            let node = deref(raw)
            guard node.kind == .object, first(node) else { return }
            headers(node["headers"])
            add((try? builder.mediaTypes(node["content"])) ?? [])
        }

        mutating func requestBody(_ raw: Value) {
            let node = deref(raw)
            guard node.kind == .object, first(node) else { return }
            add((try? builder.mediaTypes(node["content"])) ?? [])
        }

        mutating func callbacks(_ raw: Value?) {
            for member in members(raw) {
                for expression in members(deref(member.value)) where !expression.name.hasPrefix("x-") { pathItem(expression.value) }
            }
        }

        /// Media types, with the headers of their encodings.
        mutating func add(_ mediaTypes: [ContractMediaType]) {
            for media in mediaTypes where first(media.value) {
                out.mediaTypes.append(media)
                for encoding in members(media.value["encoding"]) { headers(encoding.value["headers"]) }
            }
        }
    }
}
