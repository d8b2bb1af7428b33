import Document
import JSONSchema

/// The business rule (a mark of the configuration's ``BusinessRuleAnnotation``: the CRR layer's
/// `x-crr-rule`) a change touches: a constraint a spec marks as the layer's rule rather than
/// the published contract.
public struct ChangeBusinessRule: Sendable, Hashable {
    public var reason: String
    /// The CAISO error code the rule anticipates, when the spec's code tables name one.
    public var code: String?
    /// Where the mark is: `old` or `new` side, its file and pointer.
    public var file: String
    public var pointer: JSONPointer
    /// What the change's message ends with: the annotation's label and the explanation
    /// (`CRR business rule, not in the published spec (reason; CAISO answers CODE)`).
    public var label: String
    /// What the annotation calls one rule (`CRR business rule`), for counts in text output.
    public var name: String

    public init(reason: String, code: String?, file: String, pointer: JSONPointer, label: String, name: String) {
        self.reason = reason
        self.code = code
        self.file = file
        self.pointer = pointer
        self.label = label
        self.name = name
    }
}

/// Finds the `x-crr-rule` marks that cover changes. A change is a marked business rule when, on
/// a side where its thing is present, the node at its pointer carries a mark without
/// `keywords` (the whole node is crrspec's: a response, a schema, a property), or an enclosing
/// object carries a mark whose `keywords` name the member the pointer goes through (`minLength`
/// of a property schema, `required` of a request body or schema; a mark with `codes` covers the
/// code-table rows of those error codes). Such a change is reported with
/// its rule and requires no bump: it is not a change of the published contract. Marks apply when
/// both files declare the same `info.version` (a bundled file against the published file of its
/// version); between versions they change nothing.
enum BusinessRuleMarks {
    static func apply(_ changes: [Change], old: Document, oldName: String, new: Document, newName: String,
                      annotation: BusinessRuleAnnotation?) -> [Change] {
        guard let annotation else { return changes }
        // A mark explains how a file differs from the published file of the same version; between
        // two versions a change of a marked constraint is a change like any other.
        guard let version = old.root["info"]?["version"], let other = new.root["info"]?["version"],
              ValueText.json(version) == ValueText.json(other) else { return changes }
        return changes.map { change in
            var change = change
            let code = errorCode(of: change)
            guard let rule = rule(at: change.old, other: change.new, code: code, in: old, name: oldName, annotation: annotation)
                    ?? rule(at: change.new, other: change.old, code: code, in: new, name: newName, annotation: annotation) else { return change }
            change.businessRule = rule
            change.bump = .none
            change.message += " [\(rule.label)]"
            change.summary += " [\(rule.label)]"
            return change
        }
    }

    /// The code an `error-code-…` change is about (from the side's `CODE: text` value), else nil.
    static func errorCode(of change: Change) -> String? {
        guard change.id.hasPrefix("error-code-") else { return nil }
        for value in [change.old.value, change.new.value] {
            // `CODE: text` from a code table, `CODE` from an example (a quoted JSON value is none).
            if let value, let code = value.split(separator: ":", maxSplits: 1).first.map(String.init), !code.isEmpty,
               code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) { return code }
        }
        return nil
    }

    /// The mark covering `location` in `document`. When the thing is absent on this side the
    /// location is its nearest enclosing value, and the member it would be is read from `other`.
    static func rule(at location: ChangeLocation, other: ChangeLocation, code: String?, in document: Document, name: String,
                     annotation: BusinessRuleAnnotation) -> ChangeBusinessRule? {
        guard location.file == name else { return nil }
        var tokens = location.pointer.tokens
        let otherTokens = other.pointer.tokens
        if location.value == nil, otherTokens.count > tokens.count, Array(otherTokens.prefix(tokens.count)) == tokens {
            tokens.append(otherTokens[tokens.count])
        }
        for depth in stride(from: tokens.count, through: 0, by: -1) {
            let path = JSONPointer(tokens: Array(tokens.prefix(depth)))
            guard let node = document.resolve(path), node.kind == .object, node[annotation.key] != nil else { continue }
            // A mark of another shape than a string or an object still marks the node.
            let mark = annotation.mark(of: node) ?? BusinessRuleAnnotation.Mark()
            if depth == tokens.count {
                guard mark.keywords == nil else { continue }
            } else if !mark.covers(tokens[depth]) {
                continue
            }
            // A mark naming `codes` covers the rows of those codes in its code table only.
            if let codes = mark.codes {
                guard let code, codes.contains(code) else { continue }
            }
            return ChangeBusinessRule(reason: mark.reasonText, code: mark.code, file: name, pointer: path,
                                      label: annotation.label + " " + annotation.explanation(reason: mark.reasonText, code: mark.code),
                                      name: annotation.name)
        }
        return nil
    }
}
