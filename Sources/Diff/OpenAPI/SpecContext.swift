import Document
import OpenAPI
import JSONSchema

/// What the OpenAPI checks share: the recorder, the schema walker (and its resolvers), and the
/// operation being compared.
struct SpecContext {
    let recorder: ChangeRecorder
    let walker: SchemaWalker
    var operation: String?

    var oldResolver: ReferenceResolver { walker.oldResolver }
    var newResolver: ReferenceResolver { walker.newResolver }

    func with(operation: String) -> SpecContext {
        var copy = self
        copy.operation = operation
        return copy
    }

    func emit(_ id: String, _ direction: Direction, _ compatibility: Compatibility, old: ChangeLocation, new: ChangeLocation,
              message: String, summary: String? = nil, bump: Bump? = nil) {
        recorder.record(Change(id: id, direction: direction, compatibility: compatibility, old: old, new: new,
                               message: message, summary: summary, operations: operation.map { [$0] } ?? [], bump: bump))
    }

    /// Compares two schemas of this operation in a context.
    func compareSchemas(_ old: Located, _ new: Located, _ context: SchemaContext) {
        walker.compare(old, new, scope: SchemaScope(context: context, operation: operation))
    }

    /// Compares a documentation string (`description`, `summary`, `title`) of two objects;
    /// whitespace differences and HTML tables (code tables, revision tables) do not count.
    func compareText(_ key: String, _ old: Located, _ new: Located, subject: String, direction: Direction = .none,
                     id: String? = nil, summarySubject: String? = nil) {
        let o = old[key], n = new[key]
        let a = o?.string.map(prose) ?? "", b = n?.string.map(prose) ?? ""
        guard a != b else { return }
        let what = key
        func sentence(_ subject: String) -> String {
            switch (a.isEmpty, b.isEmpty) {
            case (true, _): "Added a \(what) to \(subject)"
            case (_, true): "Removed the \(what) of \(subject)"
            default: "Changed the \(what) of \(subject)"
            }
        }
        emit(id ?? "\(key)-changed", direction, .documentation, old: o?.present ?? old.absent, new: n?.present ?? new.absent,
             message: sentence(subject), summary: summarySubject.map(sentence))
    }

    /// Text without HTML tables, whitespace collapsed.
    func prose(_ text: String) -> String {
        ValueText.normalizedSpace(HTMLTable.withoutTables(text).replacing("\\n", with: " "))
    }

    /// Compares the remaining keys of two objects as annotations (`annotation-changed`).
    func compareOtherKeys(_ old: Located, _ new: Located, handled: Set<String>, subject: String, direction: Direction = .none) {
        var keys: [String] = []
        for key in old.value.members.map(\.name) + new.value.members.map(\.name) where !handled.contains(key) && !keys.contains(key) {
            keys.append(key)
        }
        for key in keys {
            let o = old[key], n = new[key]
            if let o, let n, ValueText.sameAsWritten(o.value, n.value)
                || (Canonical.text(o) == Canonical.text(n) && ValueText.json(o.value) == ValueText.json(n.value)) { continue }
            let verb = o == nil ? "Added" : n == nil ? "Removed" : "Changed"
            emit("annotation-changed", direction, .documentation, old: o?.present ?? old.absent, new: n?.present ?? new.absent,
                 message: "\(verb) '\(key)' of \(subject)")
        }
    }
}
