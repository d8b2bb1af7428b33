import Document

/// Endpoints: `operation-added` (compatible), `operation-removed` (breaking),
/// `operation-renamed` (breaking: clients call the old path), and for each pair of operations
/// `operation-id-changed` (a warning: generated clients change), documentation (`summary`,
/// `description`, `tags`) and the parameter, request-body and response checks.
enum OperationCheck {
    static func added(_ operation: SpecOperation, oldRoot: Located, _ spec: SpecContext) {
        spec.emit("operation-added", .none, .compatible, old: (oldRoot["paths"] ?? oldRoot).absent,
                  new: operation.node.location(text: operation.label), message: "Added endpoint \(operation.label)")
    }

    static func removed(_ operation: SpecOperation, newRoot: Located, _ spec: SpecContext) {
        spec.emit("operation-removed", .none, .breaking, old: operation.node.location(text: operation.label),
                  new: (newRoot["paths"] ?? newRoot).absent, message: "Removed endpoint \(operation.label)")
    }

    static func renamed(_ old: SpecOperation, _ new: SpecOperation, _ spec: SpecContext) {
        spec.emit("operation-renamed", .none, .breaking, old: old.node.location(text: old.label), new: new.node.location(text: new.label),
                  message: "Renamed endpoint \(old.path) → \(new.path) (\(new.method.uppercased()))")
    }

    /// Compares two versions of one operation.
    static func compare(_ old: SpecOperation, _ new: SpecOperation, _ base: SpecContext) {
        let spec = base.with(operation: new.label)
        let o = old.node, n = new.node
        let oldId = old.contract.operationId, newId = new.contract.operationId
        if oldId != newId {
            spec.emit("operation-id-changed", .none, .warning, old: o["operationId"]?.present ?? o.absent,
                      new: n["operationId"]?.present ?? n.absent,
                      message: "Changed the operationId of \(new.label) from \(oldId ?? "none") to \(newId ?? "none")")
        }
        spec.compareText("summary", o, n, subject: new.label)
        spec.compareText("description", o, n, subject: new.label)
        let oldTags = o["tags"].map { ValueText.json($0.value) } ?? "[]", newTags = n["tags"].map { ValueText.json($0.value) } ?? "[]"
        // Compared on the model's tags; the text written in the spec is what the message shows.
        if old.contract.tags != new.contract.tags {
            spec.emit("tags-changed", .none, .documentation, old: o["tags"]?.present ?? o.absent, new: n["tags"]?.present ?? n.absent,
                      message: "Changed the tags of \(new.label) from \(oldTags) to \(newTags)")
        }
        SecurityCheck.requirements(old, new, spec)
        ParameterCheck.run(old, new, spec)
        RequestBodyCheck.run(old.contract.requestBody, new.contract.requestBody, oldOperation: o, newOperation: n, label: new.label, spec)
        ResponseCheck.run(old, new, label: new.label, spec)
        spec.compareOtherKeys(o, n, handled: ["operationId", "summary", "description", "tags", "security", "parameters",
                                              "requestBody", "responses"], subject: new.label)
    }
}
