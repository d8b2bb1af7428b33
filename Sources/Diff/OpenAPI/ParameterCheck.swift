import Document

/// Parameters (path-level and operation-level, by `in` and `name`): `request-parameter-added`
/// (breaking when required), `request-parameter-removed` (a warning), `request-parameter-became-required`
/// (breaking), `request-parameter-became-optional`, documentation, and the parameter schemas
/// (`request-parameter-...` schema changes).
enum ParameterCheck {
    struct Parameter {
        let key: String
        let name: String
        let location: String
        let node: Located
        var required: Bool { node.value["required"]?.bool ?? false }
    }

    static func parameters(_ operation: SpecOperation, _ resolver: RefResolver) -> [Parameter] {
        var out: [Parameter] = []
        for list in [operation.item["parameters"], operation.node["parameters"]] {
            for raw in list?.elements ?? [] {
                let node = resolver.resolve(raw) ?? raw
                let name = node.value["name"]?.string ?? "", location = node.value["in"]?.string ?? ""
                let key = location + ":" + name
                out.removeAll { $0.key == key }
                out.append(Parameter(key: key, name: name, location: location, node: node))
            }
        }
        return out
    }

    static func run(_ oldOperation: SpecOperation, _ newOperation: SpecOperation, _ spec: SpecContext) {
        let old = parameters(oldOperation, spec.oldResolver), new = parameters(newOperation, spec.newResolver)
        let label = newOperation.label
        let oldAnchor = oldOperation.node["parameters"] ?? oldOperation.node
        let newAnchor = newOperation.node["parameters"] ?? newOperation.node
        for p in new where !old.contains(where: { $0.key == p.key }) {
            spec.emit("request-parameter-added", .request, p.required ? .breaking : .compatible, old: oldAnchor.absent,
                      new: p.node.location(text: p.name),
                      message: "Added \(p.required ? "required" : "optional") \(p.location) parameter \(p.name) to \(label)")
        }
        for p in old where !new.contains(where: { $0.key == p.key }) {
            spec.emit("request-parameter-removed", .request, .warning, old: p.node.location(text: p.name), new: newAnchor.absent,
                      message: "Removed \(p.location) parameter \(p.name) from \(label)")
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
            if let a = o.node["schema"], let b = n.node["schema"] {
                spec.compareSchemas(a, b, .requestParameter)
            }
            spec.compareOtherKeys(o.node, n.node, handled: ["name", "in", "required", "description", "example", "examples", "schema", "$ref"],
                                  subject: subject, direction: .request)
        }
    }
}
