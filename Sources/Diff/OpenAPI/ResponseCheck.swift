import Document

/// Responses by status code: `response-status-added` (a warning: clients meet a status they
/// did not expect), `response-status-removed` (breaking for a success status), documentation,
/// media types and the response schemas.
enum ResponseCheck {
    static func run(_ oldRaw: Located?, _ newRaw: Located?, oldOperation: Located, newOperation: Located, label: String, _ spec: SpecContext) {
        let old = oldRaw?.members ?? [], new = newRaw?.members ?? []
        for (code, node) in new where !old.contains(where: { $0.name == code }) {
            spec.emit("response-status-added", .response, .warning, old: (oldRaw ?? oldOperation).absent, new: node.location(text: code),
                      message: "Added response \(code) to \(label)", summary: "Added response \(code)")
        }
        for (code, node) in old where !new.contains(where: { $0.name == code }) {
            spec.emit("response-status-removed", .response, code.hasPrefix("2") ? .breaking : .warning, old: node.location(text: code),
                      new: (newRaw ?? newOperation).absent, message: "Removed response \(code) from \(label)",
                      summary: "Removed response \(code)")
        }
        for (code, rawOld) in old {
            guard let rawNew = new.first(where: { $0.name == code })?.value else { continue }
            let o = spec.oldResolver.resolve(rawOld) ?? rawOld, n = spec.newResolver.resolve(rawNew) ?? rawNew
            let subject = "response \(code) of \(label)"
            spec.compareText("description", o, n, subject: subject, direction: .response, summarySubject: "response \(code)")
            MediaTypes.compare(o["content"], n["content"], oldHolder: o, newHolder: n, context: .response, label: subject,
                               isSuccess: code.hasPrefix("2"), spec)
        }
    }
}
