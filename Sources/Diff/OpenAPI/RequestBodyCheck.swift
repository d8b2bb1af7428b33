import Document
import OpenAPI

/// Request bodies: `request-body-added` (breaking when required), `request-body-removed` (a
/// warning), `request-body-became-required` (breaking) / `-optional`, media types
/// (`request-media-type-added`, `request-media-type-removed`: breaking) and the body schemas.
enum RequestBodyCheck {
    static func run(_ oldBody: ContractRequestBody?, _ newBody: ContractRequestBody?, oldOperation: Located, newOperation: Located,
                    label: String, _ spec: SpecContext) {
        let old = oldBody.map { located($0.value, in: oldOperation) }, new = newBody.map { located($0.value, in: newOperation) }
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let n?):
            let required = newBody?.required ?? false
            spec.emit("request-body-added", .request, required ? .breaking : .compatible, old: oldOperation.absent, new: n.present,
                      message: "Added a\(required ? " required" : "n optional") request body to \(label)")
        case (let o?, nil):
            spec.emit("request-body-removed", .request, .warning, old: o.present, new: newOperation.absent,
                      message: "Removed the request body of \(label)")
        case let (o?, n?):
            let was = oldBody?.required ?? false, now = newBody?.required ?? false
            if was != now {
                spec.emit(now ? "request-body-became-required" : "request-body-became-optional", .request, now ? .breaking : .compatible,
                          old: o["required"]?.present ?? o.absent, new: n["required"]?.present ?? n.absent,
                          message: "Made the request body of \(label) \(now ? "required" : "optional")")
            }
            spec.compareText("description", o, n, subject: "the request body of \(label)", direction: .request)
            MediaTypes.compare(oldBody?.content ?? [], newBody?.content ?? [], oldHolder: o, newHolder: n, context: .request,
                               label: "the request body of \(label)", isSuccess: true, spec)
        }
    }
}

/// A node of the model as a change location: with the pointer below its operation when it is
/// written there, else found from the document when a change needs it.
func located(_ value: Value, in operation: Located) -> Located {
    for member in operation.value.members where member.value.index == value.index && member.value.document === value.document {
        return operation[member.name] ?? Located(value)
    }
    return Located(value)
}

/// `content` maps of request bodies, responses and headers: the model's media types, by name.
enum MediaTypes {
    static func compare(_ old: [ContractMediaType], _ new: [ContractMediaType], oldHolder: Located, newHolder: Located,
                        context: SchemaContext, label: String, isSuccess: Bool, _ spec: SpecContext) {
        let prefix = context == .response ? "response" : "request"
        func find(_ types: [ContractMediaType], _ name: String) -> ContractMediaType? { types.first { $0.name == name } }
        for type in new where find(old, type.name) == nil {
            spec.emit("\(prefix)-media-type-added", context.direction, context == .response ? .warning : .compatible,
                      old: (oldHolder["content"] ?? oldHolder).absent, new: Located(type.value).location(text: type.name),
                      message: "Added media type \(type.name) to \(label)")
        }
        for type in old where find(new, type.name) == nil {
            spec.emit("\(prefix)-media-type-removed", context.direction, context == .response && !isSuccess ? .warning : .breaking,
                      old: Located(type.value).location(text: type.name), new: (newHolder["content"] ?? newHolder).absent,
                      message: "Removed media type \(type.name) from \(label)")
        }
        for oldType in old {
            guard let newType = find(new, oldType.name) else { continue }
            let o = Located(oldType.value), n = Located(newType.value), type = oldType.name
            if let a = oldType.schema, let b = newType.schema {
                spec.compareSchemas(Located(a), Located(b), context)
            } else if (oldType.schema == nil) != (newType.schema == nil) {
                let added = oldType.schema == nil
                spec.emit(context.id("schema-replaced"), context.direction, context.compatibility(added ? .narrow : .widen, structural: true),
                          old: o["schema"]?.present ?? o.absent, new: n["schema"]?.present ?? n.absent,
                          message: "\(added ? "Added" : "Removed") the schema of \(type) in \(label)")
            }
            for key in ["example", "examples"] {
                let a = o[key], b = n[key]
                if (a == nil && b == nil) || (a != nil && b != nil && ValueText.json(a!.value) == ValueText.json(b!.value)) { continue }
                let (message, summary) = Documentation.exampleMessage(a?.value, b?.value, keyword: key, subject: label)
                spec.emit("example-changed", context.direction, .documentation, old: a?.present ?? o.absent, new: b?.present ?? n.absent,
                          message: message, summary: summary)
            }
        }
    }
}
