import Document
import OpenAPI

/// Responses by status code: `response-status-added` (a warning: clients meet a status they
/// did not expect), `response-status-removed` (breaking for a success status), documentation,
/// headers (``HeaderCheck``), media types and the response schemas.
enum ResponseCheck {
    static func run(_ oldOperation: SpecOperation, _ newOperation: SpecOperation, label: String, _ spec: SpecContext) {
        let o = oldOperation.node, n = newOperation.node
        let oldRaw = o["responses"], newRaw = n["responses"]
        let old = oldOperation.contract.responses, new = newOperation.contract.responses
        func entry(_ raw: Located?, _ status: String) -> Located? { raw?[status] }
        for response in new where !old.contains(where: { $0.status == response.status }) {
            let node = entry(newRaw, response.status) ?? Located(response.value)
            spec.emit("response-status-added", .response, .warning, old: (oldRaw ?? o).absent, new: node.location(text: response.status),
                      message: "Added response \(response.status) to \(label)", summary: "Added response \(response.status)")
        }
        for response in old where !new.contains(where: { $0.status == response.status }) {
            let node = entry(oldRaw, response.status) ?? Located(response.value)
            spec.emit("response-status-removed", .response, response.isSuccess ? .breaking : .warning, old: node.location(text: response.status),
                      new: (newRaw ?? n).absent, message: "Removed response \(response.status) from \(label)",
                      summary: "Removed response \(response.status)")
        }
        for oldResponse in old {
            guard let newResponse = new.first(where: { $0.status == oldResponse.status }) else { continue }
            let code = oldResponse.status
            let a = Located(oldResponse.value), b = Located(newResponse.value)
            let subject = "response \(code) of \(label)"
            spec.compareText("description", a, b, subject: subject, direction: .response, summarySubject: "response \(code)")
            HeaderCheck.run(oldResponse, newResponse, oldHolder: a, newHolder: b, subject: subject, spec)
            MediaTypes.compare(oldResponse.content, newResponse.content, oldHolder: a, newHolder: b, context: .response, label: subject,
                               isSuccess: code.hasPrefix("2"), spec)
        }
    }
}

/// Response headers, by name (case-insensitive, as HTTP compares them):
/// `response-header-added` (compatible), `response-header-removed` (breaking when it was
/// required: clients rely on it; else a warning), `response-header-became-required`
/// (compatible), `response-header-became-optional` (breaking), and the header schemas judged as
/// response data (`response-type-changed`, `response-nullable-added` ...).
enum HeaderCheck {
    static func run(_ old: ContractResponse, _ new: ContractResponse, oldHolder: Located, newHolder: Located, subject: String, _ spec: SpecContext) {
        func find(_ headers: [ContractHeader], _ name: String) -> ContractHeader? {
            headers.first { $0.name.lowercased() == name.lowercased() }
        }
        let oldHeaders = oldHolder["headers"], newHeaders = newHolder["headers"]
        func node(_ header: ContractHeader, _ holder: Located?) -> Located {
            holder?.members.first { $0.name == header.name }?.value.value.index == header.value.index
                ? holder![header.name]! : Located(header.value)
        }
        for h in new.headers where find(old.headers, h.name) == nil {
            spec.emit("response-header-added", .response, .compatible, old: (oldHeaders ?? oldHolder).absent,
                      new: node(h, newHeaders).location(text: h.name),
                      message: "Added \(h.required ? "required" : "optional") header \(h.name) to \(subject)")
        }
        for h in old.headers where find(new.headers, h.name) == nil {
            spec.emit("response-header-removed", .response, h.required ? .breaking : .warning, old: node(h, oldHeaders).location(text: h.name),
                      new: (newHeaders ?? newHolder).absent,
                      message: "Removed \(h.required ? "required " : "")header \(h.name) from \(subject)"
                        + (h.required ? " (clients rely on a required header)" : ""))
        }
        for o in old.headers {
            guard let n = find(new.headers, o.name) else { continue }
            let a = node(o, oldHeaders), b = node(n, newHeaders)
            let headerSubject = "header \(n.name) of \(subject)"
            if o.required != n.required {
                spec.emit(n.required ? "response-header-became-required" : "response-header-became-optional", .response,
                          n.required ? .compatible : .breaking, old: a["required"]?.present ?? a.absent, new: b["required"]?.present ?? b.absent,
                          message: "Made \(headerSubject) \(n.required ? "required" : "optional")"
                            + (n.required ? "" : " (clients that read it may find it missing)"))
            }
            spec.compareText("description", a, b, subject: headerSubject, direction: .response)
            if let x = a["schema"], let y = b["schema"] {
                spec.compareSchemas(x, y, .response)
            }
            MediaTypes.compare(o.content, n.content, oldHolder: a, newHolder: b, context: .response, label: headerSubject,
                               isSuccess: true, spec)
        }
    }
}
