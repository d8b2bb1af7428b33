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
            MediaTypes.compare(o["content"], n["content"], oldHolder: o, newHolder: n, context: .request,
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

/// `content` maps of request bodies and responses.
enum MediaTypes {
    static func compare(_ old: Located?, _ new: Located?, oldHolder: Located, newHolder: Located, context: SchemaContext,
                        label: String, isSuccess: Bool, _ spec: SpecContext) {
        let oldTypes = old?.members ?? [], newTypes = new?.members ?? []
        let prefix = context == .response ? "response" : "request"
        for (type, node) in newTypes where !oldTypes.contains(where: { $0.name == type }) {
            spec.emit("\(prefix)-media-type-added", context.direction, context == .response ? .warning : .compatible,
                      old: (old ?? oldHolder).absent, new: node.location(text: type), message: "Added media type \(type) to \(label)")
        }
        for (type, node) in oldTypes where !newTypes.contains(where: { $0.name == type }) {
            spec.emit("\(prefix)-media-type-removed", context.direction, context == .response && !isSuccess ? .warning : .breaking,
                      old: node.location(text: type), new: (new ?? newHolder).absent, message: "Removed media type \(type) from \(label)")
        }
        for (type, o) in oldTypes {
            guard let n = newTypes.first(where: { $0.name == type })?.value else { continue }
            if let a = o["schema"], let b = n["schema"] {
                spec.compareSchemas(a, b, context)
            } else if (o["schema"] == nil) != (n["schema"] == nil) {
                let added = o["schema"] == nil
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
