import Document
import JSONSchema
import Reporting

/// A custom rule that cannot be used, or a part of a ruleset crrspec cannot run.
public struct CustomRuleError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A rule written in Spectral's syntax in `.crrspec.yaml` (`lint.rules.<id>: {given, then ...}`)
/// or in a Spectral ruleset file (`crrspec lint --ruleset FILE`):
///
/// ```yaml
/// lint:
///   rules:
///     paths-no-query:
///       description: Paths carry no query string.
///       message: "{{property}} has a query string"
///       severity: error
///       given: $.paths
///       then: {field: "@key", function: pattern, functionOptions: {notMatch: "\\?"}}
/// ```
///
/// Core functions: truthy, falsy, defined, undefined, pattern (match/notMatch), enumeration,
/// length, casing, alphabetical, xor and schema (validated by crrspec's engine).
public struct CustomRule: LintRule, @unchecked Sendable {
    /// One `then` entry.
    struct Then {
        var field: String?
        var function: Function
    }

    enum Function {
        case truthy, falsy, defined, undefined
        case pattern(match: (String, ECMARegex)?, notMatch: (String, ECMARegex)?)
        case enumeration([Value])
        case length(min: Double?, max: Double?)
        case casing(String, disallowDigits: Bool, separator: String?, allowLeading: Bool)
        case alphabetical(keyedBy: String?)
        case xor([String])
        case schema(Schema)
    }

    public let meta: RuleMeta
    /// The rule's description (explain's title), and where it was written.
    public let source: String
    let message: String?
    let given: [JSONPath]
    let then: [Then]
    /// The kinds of file the rule runs on (Spectral's `formats`); nil for all.
    let kinds: Set<LintContext.Kind>?
    /// `severity: off` in the rule body.
    var off = false
    var explanationText = ""

    init(meta: RuleMeta, source: String, message: String?, given: [JSONPath], then: [Then], kinds: Set<LintContext.Kind>?) {
        self.meta = meta
        self.source = source
        self.message = message
        self.given = given
        self.then = then
        self.kinds = kinds
    }

    /// What `crrspec explain ID` prints for the rule: its description, where it is written, its
    /// message.
    public var explanation: Explanation {
        Explanation(id: meta.id, kind: .lint, title: meta.summary,
                    description: "A custom rule, written in \(source)." + (explanationText.isEmpty ? "" : " " + explanationText)
                        + " Severity \(off ? "off" : meta.severity.rawValue) by default.",
                    example: "(none)", fix: meta.fix)
    }

    public func check(_ context: LintContext, _ out: inout FindingSink) {
        if let kinds, !kinds.contains(context.kind) { return }
        var reported: Set<String> = []
        for path in given {
            for match in path.evaluate(context.root) {
                for step in then {
                    for (target, property, anchor, error) in evaluate(step, match) {
                        let key = "\(anchor.index) \(error)"
                        guard reported.insert(key).inserted else { continue }
                        let text = render(message ?? (meta.summary.isEmpty ? "{{error}}" : meta.summary), property: property, value: target, anchor: anchor, error: error)
                        out.add(anchor, text)
                    }
                }
            }
        }
    }

    func render(_ template: String, property: String?, value: Value?, anchor: Value, error: String) -> String {
        var text = template
        text = text.replacing("{{property}}", with: property ?? "")
        text = text.replacing("{{value}}", with: value.map(ValueText.plain) ?? "")
        text = text.replacing("{{path}}", with: anchor.pointer.description.isEmpty ? "/" : anchor.pointer.description)
        text = text.replacing("{{description}}", with: meta.summary)
        text = text.replacing("{{error}}", with: error)
        return text
    }

    /// The failures of one `then` on one matched node: (the value tested, its property name,
    /// where to report, what failed).
    func evaluate(_ step: Then, _ match: JSONPath.Match) -> [(Value?, String?, Value, String)] {
        // `field: "@key"` tests each key of the object `given` selects (Spectral's semantics).
        if step.field == "@key" {
            return match.value.members.flatMap { member in
                evaluate(Then(field: nil, function: step.function), JSONPath.Match(value: member.key, key: nil, property: member.name))
            }
        }
        var target: Value?
        var property = match.property
        var anchor = match.value
        if let field = step.field {
            var current: Value? = match.value
            for name in field.split(separator: ".").map(String.init) {
                current = current.flatMap { v in v.kind == .array ? Int(name).flatMap { v[$0] } : v[name] }
                property = name
            }
            target = current
            if let current { anchor = current }
        } else {
            target = match.value
        }
        let label = property.map { "\"\($0)\"" } ?? "the value"
        func fail(_ error: String) -> [(Value?, String?, Value, String)] { [(target, property, anchor, error)] }
        switch step.function {
        case .truthy:
            return JSONPath.truthy(.value(target)) ? [] : fail("\(label) must be truthy")
        case .falsy:
            return JSONPath.truthy(.value(target)) ? fail("\(label) must be falsy") : []
        case .defined:
            return target == nil ? fail("\(label) must be defined") : []
        case .undefined:
            return target == nil ? [] : fail("\(label) must be undefined")
        case .pattern(let match, let notMatch):
            guard let target, let text = target.kind == .string ? target.string : (target.numberText ?? nil) else { return [] }
            if let (source, regex) = match, (try? regex.matches(text)) != true { return fail("\(label) must match the pattern \"\(source)\"") }
            if let (source, regex) = notMatch, (try? regex.matches(text)) == true { return fail("\(label) must not match the pattern \"\(source)\"") }
            return []
        case .enumeration(let values):
            guard let target else { return [] }
            return values.contains { JSONEquality.equal($0, target) } ? [] : fail("\(label) must be one of " + values.map(ValueText.plain).joined(separator: ", "))
        case .length(let min, let max):
            guard let target else { return [] }
            let size: Double
            switch target.kind {
            case .string: size = Double(target.string?.count ?? 0)
            case .array, .object: size = Double(target.count)
            case .number: size = target.double ?? 0
            default: return []
            }
            if let min, size < min { return fail("\(label) must be longer than \(CustomRule.number(min - 1))") }
            if let max, size > max { return fail("\(label) must be shorter than \(CustomRule.number(max + 1))") }
            return []
        case .casing(let type, let disallowDigits, let separator, let allowLeading):
            guard let text = target?.string, !text.isEmpty else { return [] }
            return Casing.matches(text, type, disallowDigits: disallowDigits, separator: separator, allowLeading: allowLeading)
                ? [] : fail("\(label) must be \(type) case")
        case .alphabetical(let keyedBy):
            guard let target else { return [] }
            let keys: [String]
            if target.kind == .object { keys = target.members.map(\.name) } else if target.kind == .array {
                keys = target.elements.compactMap { element in keyedBy.map { element[$0].map(ValueText.plain) } ?? ValueText.plain(element) }
            } else { return [] }
            for (a, b) in zip(keys, keys.dropFirst()) where a > b {
                return fail("\(label) must be sorted alphabetically (\"\(b)\" should come before \"\(a)\")")
            }
            return []
        case .xor(let names):
            guard let target, target.kind == .object else { return [] }
            let present = names.filter { target.has($0) }
            return present.count == 1 ? [] : fail("exactly one of " + names.map { "\"\($0)\"" }.joined(separator: ", ") + " must be defined" + (present.isEmpty ? "" : " (found " + present.joined(separator: ", ") + ")"))
        case .schema(let schema):
            guard let target else { return [] }
            guard let result = try? schema.validate(target) else { return fail("\(label) could not be validated (a validation limit was hit)") }
            return result.errors.prefix(5).map { error in
                let at = target.resolve(JSONPointer(error.instanceLocation) ?? JSONPointer()) ?? target
                return (at, property, at, error.message)
            }
        }
    }

    static func number(_ n: Double) -> String { n == n.rounded() ? String(Int(n)) : String(n) }
}

/// Spectral's `casing` types.
enum Casing {
    static let types = ["flat", "camel", "pascal", "kebab", "cobol", "snake", "macro"]

    static func matches(_ text: String, _ type: String, disallowDigits: Bool, separator: String?, allowLeading: Bool) -> Bool {
        if let separator, !separator.isEmpty {
            var parts = text.components(separatedBy: separator)
            if allowLeading, parts.first == "" { parts.removeFirst() }
            return !parts.isEmpty && parts.allSatisfy { matches($0, type, disallowDigits: disallowDigits, separator: nil, allowLeading: false) }
        }
        let digit = disallowDigits ? "" : "0-9"
        let pattern: String
        switch type {
        case "flat": pattern = "^[a-z][a-z\(digit)]*$"
        case "camel": pattern = "^[a-z][a-z\(digit)]*(?:[A-Z\(digit)](?:[a-z\(digit)]+|$))*$"
        case "pascal": pattern = "^[A-Z][a-z\(digit)]*(?:[A-Z\(digit)](?:[a-z\(digit)]+|$))*$"
        case "kebab": pattern = "^[a-z][a-z\(digit)]*(?:-[a-z\(digit)]+)*$"
        case "cobol": pattern = "^[A-Z][A-Z\(digit)]*(?:-[A-Z\(digit)]+)*$"
        case "snake": pattern = "^[a-z][a-z\(digit)]*(?:_[a-z\(digit)]+)*$"
        case "macro": pattern = "^[A-Z][A-Z\(digit)]*(?:_[A-Z\(digit)]+)*$"
        default: return true
        }
        return (try? ECMARegex(pattern).matches(text)) == true
    }
}
