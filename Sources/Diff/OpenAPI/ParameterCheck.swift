import Document
import OpenAPI

/// Parameters (path-level and operation-level, by `in` and `name`, from the contract model):
/// `request-parameter-added` (breaking when required), `request-parameter-removed` (a warning),
/// `request-parameter-became-required` (breaking), `request-parameter-became-optional`,
/// `path-parameter-renamed` (documentation: `/items/{id}` → `/items/{itemId}` sends the same
/// URLs), serialization (`request-parameter-style-changed`, `request-parameter-became-array`),
/// documentation, and the parameter schemas (`request-parameter-...` schema changes).
enum ParameterCheck {
    struct Parameter {
        let model: ContractParameter
        let node: Located
        var key: String
        /// The parameter's name; for one whose `$ref` cannot be followed (a cycle, a dangling
        /// reference) the reference, so that no message names a blank.
        var name: String {
            if !model.name.isEmpty { return model.name }
            if let ref = model.value["$ref"]?.string { return "\(ref) (a $ref that never reaches a parameter)" }
            return "(without a name)"
        }
        var location: String { model.locationText }
        var required: Bool { model.required }
        /// `query parameter id`, or `parameter …` when `in` is missing.
        var phrase: String { (location.isEmpty ? "" : location + " ") + "parameter " + name }
    }

    static func parameters(_ operation: SpecOperation) -> [Parameter] {
        operation.contract.parameters.map { p in
            let list = p.fromPathItem ? operation.item["parameters"] : operation.node["parameters"]
            let node = list?.elements.first { $0.value.index == p.value.index && $0.value.document === p.value.document } ?? Located(p.value)
            return Parameter(model: p, node: node, key: p.key)
        }
    }

    static func run(_ oldOperation: SpecOperation, _ newOperation: SpecOperation, _ spec: SpecContext) {
        var old = parameters(oldOperation)
        let new = parameters(newOperation)
        let label = newOperation.label
        let oldAnchor = oldOperation.node["parameters"] ?? oldOperation.node
        let newAnchor = newOperation.node["parameters"] ?? newOperation.node
        // Path template variables renamed at the same place: the same URLs, another name.
        let oldNames = oldOperation.contract.templateNames, newNames = newOperation.contract.templateNames
        if oldNames.count == newNames.count, oldOperation.contract.normalizedPath == newOperation.contract.normalizedPath {
            for (a, b) in zip(oldNames, newNames) where a != b {
                guard let i = old.firstIndex(where: { $0.location == "path" && $0.name == a }),
                      new.contains(where: { $0.location == "path" && $0.name == b }),
                      !old.contains(where: { $0.location == "path" && $0.name == b }) else { continue }
                let n = new.first { $0.location == "path" && $0.name == b }!
                spec.emit("path-parameter-renamed", .request, .documentation, old: old[i].node.location(text: a), new: n.node.location(text: b),
                          message: "Renamed path parameter \(a) to \(b) in \(label) (the URLs stay the same: \(oldOperation.path) → \(newOperation.path))")
                old[i].key = n.key
            }
        }
        for p in new where !old.contains(where: { $0.key == p.key }) {
            spec.emit("request-parameter-added", .request, p.required ? .breaking : .compatible, old: oldAnchor.absent,
                      new: p.node.location(text: p.name),
                      message: "Added \(p.required ? "required" : "optional") \(p.phrase) to \(label)")
        }
        for p in old where !new.contains(where: { $0.key == p.key }) {
            spec.emit("request-parameter-removed", .request, .warning, old: p.node.location(text: p.name), new: newAnchor.absent,
                      message: "Removed \(p.phrase) from \(label)")
        }
        for o in old {
            guard let n = new.first(where: { $0.key == o.key }) else { continue }
            let subject = "parameter \(n.name) of \(label)"
            if o.required != n.required {
                spec.emit(n.required ? "request-parameter-became-required" : "request-parameter-became-optional", .request,
                          n.required ? .breaking : .compatible,
                          old: o.node["required"]?.present ?? o.node.absent, new: n.node["required"]?.present ?? n.node.absent,
                          message: "Made \(subject) \(n.required ? "required" : "optional")")
            }
            spec.compareText("description", o.node, n.node, subject: subject, direction: .request)
            for key in ["example", "examples"] {
                let a = o.node[key], b = n.node[key]
                if (a == nil && b == nil) || (a != nil && b != nil && ValueText.json(a!.value) == ValueText.json(b!.value)) { continue }
                let (message, summary) = Documentation.exampleMessage(a?.value, b?.value, keyword: key, subject: subject)
                spec.emit("example-changed", .request, .documentation, old: a?.present ?? o.node.absent, new: b?.present ?? n.node.absent,
                          message: message, summary: summary)
            }
            let comparedSchemas = Serialization.run(o, n, subject: subject, spec)
            if !comparedSchemas, let a = o.node["schema"], let b = n.node["schema"] {
                spec.compareSchemas(a, b, .requestParameter)
            }
            spec.compareOtherKeys(o.node, n.node, handled: ["name", "in", "required", "description", "example", "examples", "schema", "$ref",
                                                            "style", "explode"],
                                  subject: subject, direction: .request)
        }
    }
}

/// How a parameter is written into the URL or header (`style`, `explode`, OpenAPI 3.0 defaults
/// applied by the model): `request-parameter-style-changed` (breaking when the old URLs no
/// longer parse the same; documentation when the value is a single scalar, which every style
/// writes alike) and `request-parameter-became-array` (compatible: a scalar query or cookie
/// parameter that becomes an exploded `form` array of the same item schema accepts every old
/// URL, `?x=a` is a one-element array).
enum Serialization {
    /// Reports serialization changes; returns whether it compared the schemas itself.
    static func run(_ o: ParameterCheck.Parameter, _ n: ParameterCheck.Parameter, subject: String, _ spec: SpecContext) -> Bool {
        let oldSchema = o.node["schema"].flatMap { spec.oldResolver.resolve($0) }
        let newSchema = n.node["schema"].flatMap { spec.newResolver.resolve($0) }
        let oldArray = isArray(oldSchema), newArray = isArray(newSchema)
        let oldWay = "\(o.model.style)\(o.model.explode ? ", explode" : "")", newWay = "\(n.model.style)\(n.model.explode ? ", explode" : "")"
        if let oldSchema, let newSchema, !oldArray, newArray, isScalar(oldSchema),
           n.model.style == "form", n.model.explode, o.model.location == .query || o.model.location == .cookie,
           let items = newSchema["items"], items.kind == .object {
            spec.emit("request-parameter-became-array", .request, .compatible, old: oldSchema.present, new: newSchema.present,
                      message: "Made \(subject) a list (form, explode): every old URL stays valid (?\(n.name)=a is a one-element list)")
            spec.compareSchemas(oldSchema, items, .requestParameter)
            return true
        }
        if oldWay != newWay {
            let scalar = !oldArray && !newArray && !isObject(oldSchema) && !isObject(newSchema)
            spec.emit("request-parameter-style-changed", .request, scalar ? .documentation : .breaking,
                      old: o.node["style"]?.present ?? o.node["explode"]?.present ?? o.node.absent,
                      new: n.node["style"]?.present ?? n.node["explode"]?.present ?? n.node.absent,
                      message: "Changed the serialization of \(subject) from \(oldWay) to \(newWay)"
                        + (scalar ? " (a single value is written the same way in both)" : " (clients write lists or objects differently)"))
        }
        return false
    }

    static func types(_ schema: Located?) -> Set<String>? { TypeCheck.types(schema?["type"]) }
    static func isArray(_ schema: Located?) -> Bool { types(schema) == ["array"] }
    static func isObject(_ schema: Located?) -> Bool { types(schema)?.contains("object") ?? false }
    static func isScalar(_ schema: Located) -> Bool {
        guard let t = types(schema) else { return false }
        return !t.contains("array") && !t.contains("object")
    }
}
