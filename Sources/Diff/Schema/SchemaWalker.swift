import Document
import JSONSchema

/// Walks two schemas side by side (`$ref`s resolved, each pair of values visited once so that
/// cyclic references terminate) and runs every schema check on each pair.
final class SchemaWalker {
    let oldResolver: ReferenceResolver
    let newResolver: ReferenceResolver
    let dialect: SchemaDialect
    let recorder: ChangeRecorder
    private var visited: Set<VisitKey> = []

    private struct VisitKey: Hashable {
        let old: NodeIdentity
        let new: NodeIdentity
        let context: SchemaContext
    }

    /// The configuration's business-rule annotation (its key is not an annotation change).
    let businessRules: BusinessRuleAnnotation?

    init(old: ReferenceResolver, new: ReferenceResolver, dialect: SchemaDialect, recorder: ChangeRecorder, businessRules: BusinessRuleAnnotation? = nil) {
        self.businessRules = businessRules
        self.oldResolver = old
        self.newResolver = new
        self.dialect = dialect
        self.recorder = recorder
    }

    /// Whether a pair (after `$ref`s) has been compared in this context already.
    func wasVisited(_ old: Located, _ new: Located, _ context: SchemaContext) -> Bool {
        guard let o = oldResolver.resolve(old), let n = newResolver.resolve(new) else { return false }
        return visited.contains(VisitKey(old: o.identity, new: n.identity, context: context))
    }

    /// Compares two schemas (either may be a `$ref`).
    func compare(_ oldNode: Located, _ newNode: Located, scope: SchemaScope) {
        let checks = CheckContext(walker: self, scope: scope)
        guard let old = oldResolver.resolve(oldNode), let new = newResolver.resolve(newNode) else {
            // A reference that cannot be followed: compare what is written.
            if Canonical.text(oldNode) != Canonical.text(newNode) {
                checks.emit("schema-replaced", effect: .both, structural: true, old: oldNode.present, new: newNode.present,
                            message: "Replaced the schema of \(SubjectName.of(newNode)) (a $ref could not be resolved)")
            }
            return
        }
        guard visited.insert(VisitKey(old: old.identity, new: new.identity, context: scope.context)).inserted else { return }
        let pair = Pair(old: old, new: new)
        if old.kind != .object || new.kind != .object {
            BooleanSchemaCheck.run(pair, checks)
            return
        }
        let applies = InstanceTypes.applicable(pair)
        InstanceTypes.reportInert(pair, applies, checks)
        TypeCheck.run(pair, checks)
        FormatCheck.run(pair, checks)
        NullableCheck.run(pair, checks)
        EnumCheck.run(pair, checks)
        ConstCheck.run(pair, checks)
        if applies.contains(.number) {
            BoundsCheck.run(pair, checks)
            MultipleOfCheck.run(pair, checks)
        }
        if applies.contains(.string) {
            LengthCheck.run(pair, checks)
            PatternCheck.run(pair, checks)
        }
        CountCheck.run(pair, checks, arrays: applies.contains(.array), objects: applies.contains(.object))
        if applies.contains(.object) {
            PropertiesCheck.run(pair, checks)
            AdditionalPropertiesCheck.run(pair, checks)
        }
        CompositionCheck.run(pair, checks)
        SubschemaCheck.run(pair, checks, arrays: applies.contains(.array), objects: applies.contains(.object))
        KeywordRenameCheck.run(pair, checks)
        AnnotationCheck.run(pair, checks)
    }
}

/// What a schema check needs: where it is, how to report, how to recurse.
struct CheckContext {
    let walker: SchemaWalker
    let scope: SchemaScope

    var context: SchemaContext { scope.context }
    var dialect: SchemaDialect { walker.dialect }

    /// Reports a contract change of kind `kind` (the id gets the context prefix).
    func emit(_ kind: String, effect: Effect, structural: Bool = false, compatibility: Compatibility? = nil,
              old: ChangeLocation, new: ChangeLocation, message: String, summary: String? = nil) {
        walker.recorder.record(Change(
            id: context.id(kind), direction: context.direction,
            compatibility: compatibility ?? context.compatibility(effect, structural: structural),
            effect: effect, old: old, new: new, message: message, summary: summary,
            operations: scope.operation.map { [$0] } ?? []))
    }

    /// Reports a documentation change (the id has no context prefix).
    func emitDocumentation(_ id: String, compatibility: Compatibility? = nil, old: ChangeLocation, new: ChangeLocation,
                           message: String, summary: String? = nil) {
        walker.recorder.record(Change(
            id: id, direction: context.direction, compatibility: compatibility ?? context.documentation,
            effect: .none, old: old, new: new, message: message, summary: summary,
            operations: scope.operation.map { [$0] } ?? []))
    }

    /// Compares two subschemas in the same context.
    func recurse(_ old: Located, _ new: Located) {
        walker.compare(old, new, scope: scope)
    }

    /// One keyword on both sides: present values and the locations to report.
    func sides(_ pair: Pair, _ keyword: String) -> Sides {
        Sides(old: pair.old[keyword], new: pair.new[keyword], oldHolder: pair.old, newHolder: pair.new)
    }
}

/// A keyword on both sides of a pair; the locations are computed only when a change is reported
/// (rendering a large value is not free).
struct Sides {
    let old: Located?
    let new: Located?
    let oldHolder: Located
    let newHolder: Located

    /// The keyword's value, or the schema holding it when it is absent.
    var oldLocation: ChangeLocation { old?.present ?? oldHolder.absent }
    var newLocation: ChangeLocation { new?.present ?? newHolder.absent }

    /// Calls the closure that fits: the keyword was added, removed, or is on both sides
    /// (nothing when it is on neither).
    func match(added: (Located) -> Void, removed: (Located) -> Void, both: (Located, Located) -> Void) {
        switch (old, new) {
        case (nil, nil): return
        case (nil, let n?): added(n)
        case (let o?, nil): removed(o)
        case (let o?, let n?): both(o, n)
        }
    }
}

/// Which keyword families can affect validation of a pair: when both sides declare `type`,
/// only the keywords of those types (string keywords on a number, `maxItems` on a string do
/// nothing, as lint says); otherwise all. Changes to the inert ones are `annotation-changed`.
enum InstanceTypes {
    struct Families: OptionSet {
        let rawValue: UInt8
        static let string = Families(rawValue: 1)
        static let number = Families(rawValue: 2)
        static let array = Families(rawValue: 4)
        static let object = Families(rawValue: 8)
        static let all: Families = [.string, .number, .array, .object]
    }

    /// JSONSchema's table of the keywords that apply to one type (``KeywordTable/byInstanceType``).
    static let keywords: [(Families, [String])] = KeywordTable.byInstanceType.map { entry in
        let family: Families = switch entry.type {
        case "string": .string
        case "number": .number
        case "array": .array
        default: .object
        }
        return (family, entry.keywords)
    }

    static func applicable(_ pair: Pair) -> Families {
        guard let old = TypeCheck.types(pair.old["type"]), let new = TypeCheck.types(pair.new["type"]) else { return .all }
        var out: Families = []
        for type in old.union(new) {
            switch type {
            case "string": out.insert(.string)
            case "number", "integer": out.insert(.number)
            case "array": out.insert(.array)
            case "object": out.insert(.object)
            case "boolean", "null": break
            default: return .all
            }
        }
        return out
    }

    /// Reports changes to keywords that cannot apply to the declared types as annotations.
    static func reportInert(_ pair: Pair, _ applies: Families, _ checks: CheckContext) {
        guard applies != .all else { return }
        for (family, names) in keywords where !applies.contains(family) {
            for name in names {
                let s = checks.sides(pair, name)
                if s.old == nil && s.new == nil { continue }
                if let o = s.old, let n = s.new, Canonical.text(o, resolver: checks.walker.oldResolver) == Canonical.text(n, resolver: checks.walker.newResolver) { continue }
                let verb = s.old == nil ? "Added" : s.new == nil ? "Removed" : "Changed"
                let types = (TypeCheck.types(pair.new["type"]) ?? []).sorted().joined(separator: " or ")
                let subject = SubjectName.of(pair.new)
                checks.emitDocumentation("annotation-changed", old: s.oldLocation, new: s.newLocation,
                                         message: "\(verb) '\(name)' of \(subject), which has no effect on \(types) values (annotation only)")
            }
        }
    }
}
