import Document
import Reporting

/// Inline suppression: an `x-lint-ignore` member on any object silences findings at or below
/// that object. Its value is a rule id, a list of rule ids, or `true` (every rule); a rule id
/// may end in `*` (`oas-*`).
///
/// ```yaml
/// NewBid:
///   x-lint-ignore: [schema-property-consistency]
/// ```
enum Suppression {
    static let key = "x-lint-ignore"

    static func filter(_ findings: [Finding], in document: Document) -> [Finding] {
        findings.filter { !isSuppressed($0, in: document) }
    }

    static func isSuppressed(_ finding: Finding, in document: Document) -> Bool {
        guard let pointer = JSONPointer(finding.pointer) else { return false }
        var value = document.root
        if ignores(value, finding.rule) { return true }
        for token in pointer.tokens {
            guard let next = value.resolve(JSONPointer(tokens: [token])) else { return false }
            value = next
            if ignores(value, finding.rule) { return true }
        }
        return false
    }

    static func ignores(_ value: Value, _ rule: String) -> Bool {
        guard value.kind == .object, let ignore = value[key] else { return false }
        if ignore.bool == true { return true }
        let ids = ignore.kind == .array ? ignore.elements.compactMap(\.string) : [ignore.string].compactMap { $0 }
        return ids.contains { Glob.matches(pattern: $0, $0 == "all" ? "*" : rule) || $0 == "all" }
    }
}
