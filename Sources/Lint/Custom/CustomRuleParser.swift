import Document
import Foundation
import JSONSchema
import Reporting

/// Reads custom rules in Spectral's syntax from a `.crrspec.yaml` or a Spectral ruleset file.
public enum CustomRuleParser {
    /// Spectral's core functions crrspec runs.
    public static let functions = ["truthy", "falsy", "defined", "undefined", "pattern", "enumeration", "length", "casing", "alphabetical", "xor", "schema"]

    /// The outcome of reading rule bodies: the rules, settings for built-in rules (a ruleset's
    /// `rule-id: off`), and what could not be run (reported once, then skipped).
    public struct Outcome: Sendable {
        public var rules: [CustomRule] = []
        public var settings: [(pattern: String, setting: LintConfig.Setting)] = []
        public var skipped: [String] = []
    }

    static func place(_ value: Value) -> String {
        "\(value.document.name):\(value.position.line):\(value.position.column)"
    }

    /// A rule body. Throws for what is malformed (a broken path, a missing `then`); returns nil
    /// with a `skipped` note for what is well-formed but cannot run here (a JavaScript function).
    static func rule(id: String, body: Value, aliases: [String: [String]], skipped: inout [String]) throws(CustomRuleError) -> CustomRule? {
        func problem(_ value: Value, _ message: String) -> CustomRuleError {
            CustomRuleError(message: "\(place(value)): error: custom rule \(id): \(message)")
        }
        for member in body.members {
            let known = ["description", "message", "severity", "given", "then", "formats", "recommended", "resolved", "documentationUrl", "type", "tags"]
            if !known.contains(member.name) {
                let near = Suggest.closest(member.name, among: known)
                throw problem(member.key, "unknown field \"\(member.name)\"" + (near.map { "; did you mean \"\($0)\"?" } ?? ""))
            }
        }
        let description = body["description"]?.string ?? ""
        let message = body["message"]?.string
        var severity: Severity? = .warning
        if let value = body["severity"] {
            switch value.string ?? value.numberText {
            case "error", "0": severity = .error
            case "warn", "warning", "1": severity = .warning
            case "info", "2": severity = .info
            case "hint", "3": severity = .info
            case "off", "-1": severity = nil
            default: throw problem(value, "severity is error, warn, info, hint or off")
            }
        }
        guard let givenValue = body["given"] else { throw problem(body, "a rule needs given (a JSONPath such as $.paths[*])") }
        var texts: [(String, Value)] = []
        if let single = givenValue.string { texts = [(single, givenValue)] } else if givenValue.kind == .array {
            texts = givenValue.elements.compactMap { element in element.string.map { ($0, element) } }
        }
        guard !texts.isEmpty else { throw problem(givenValue, "given is a JSONPath or a list of them") }
        var given: [JSONPath] = []
        for (text, value) in texts {
            var expanded = [text]
            if text.hasPrefix("#") {
                let name = String(text.dropFirst().prefix { $0 != "." && $0 != "[" })
                guard let targets = aliases[name] else { throw problem(value, "alias #\(name) is not defined under aliases") }
                let rest = text.dropFirst(1 + name.count)
                expanded = targets.map { $0 + rest }
            }
            for path in expanded {
                do { given.append(try JSONPath(path)) } catch { throw problem(value, error.message) }
            }
        }
        guard let thenValue = body["then"] else { throw problem(body, "a rule needs then (field, function, functionOptions)") }
        let steps = thenValue.kind == .array ? Array(thenValue.elements) : [thenValue]
        var then: [CustomRule.Then] = []
        for step in steps {
            guard step.kind == .object, let name = step["function"]?.string else { throw problem(step, "then needs a function (one of \(functions.joined(separator: ", ")))") }
            guard functions.contains(name) else {
                skipped.append("\(place(step["function"]!)): custom rule \(id) uses the function \"\(name)\", which is not a Spectral core function crrspec runs (JavaScript functions are not run); rule skipped")
                return nil
            }
            let options = step["functionOptions"]
            let field = step["field"]?.string
            let function: CustomRule.Function
            switch name {
            case "truthy": function = .truthy
            case "falsy": function = .falsy
            case "defined": function = .defined
            case "undefined": function = .undefined
            case "pattern":
                func regex(_ key: String) throws(CustomRuleError) -> (String, ECMARegex)? {
                    guard let value = options?[key] else { return nil }
                    guard var text = value.string else { throw problem(value, "\(key) is a regular expression") }
                    if text.hasPrefix("/"), let end = text.lastIndex(of: "/"), end != text.startIndex {
                        let flags = text[text.index(after: end)...]
                        guard flags.isEmpty else { throw problem(value, "regular expression flags (\(flags)) are not supported; write the pattern without them") }
                        text = String(text[text.index(after: text.startIndex)..<end])
                    }
                    do { return (text, try ECMARegex(text)) } catch { throw problem(value, "\(key) is not a valid ECMA-262 regular expression: \(error)") }
                }
                let match = try regex("match"), notMatch = try regex("notMatch")
                guard match != nil || notMatch != nil else { throw problem(options ?? step, "pattern needs functionOptions match or notMatch") }
                function = .pattern(match: match, notMatch: notMatch)
            case "enumeration":
                guard let values = options?["values"], values.kind == .array else { throw problem(options ?? step, "enumeration needs functionOptions values (a list)") }
                function = .enumeration(Array(values.elements))
            case "length":
                let min = options?["min"]?.double, max = options?["max"]?.double
                guard min != nil || max != nil else { throw problem(options ?? step, "length needs functionOptions min or max") }
                function = .length(min: min, max: max)
            case "casing":
                guard let type = options?["type"]?.string, Casing.types.contains(type) else {
                    throw problem(options ?? step, "casing needs functionOptions type: \(Casing.types.joined(separator: ", "))")
                }
                function = .casing(type, disallowDigits: options?["disallowDigits"]?.bool ?? false, separator: options?["separator"]?["char"]?.string,
                                   allowLeading: options?["separator"]?["allowLeading"]?.bool ?? false)
            case "alphabetical":
                function = .alphabetical(keyedBy: options?["keyedBy"]?.string)
            case "xor":
                let names = options?["properties"]?.elements.compactMap(\.string) ?? []
                guard names.count >= 2 else { throw problem(options ?? step, "xor needs functionOptions properties (two or more names)") }
                function = .xor(names)
            default:
                guard let schemaValue = options?["schema"] else { throw problem(options ?? step, "schema needs functionOptions schema") }
                do {
                    function = .schema(try Schema.compile(schemaValue, registry: SchemaRegistry()))
                } catch {
                    throw problem(schemaValue, "the schema does not compile: \(error)")
                }
            }
            then.append(CustomRule.Then(field: field, function: function))
        }
        var kinds: Set<LintContext.Kind>?
        if let formats = body["formats"]?.elements.compactMap(\.string), !formats.isEmpty {
            var set: Set<LintContext.Kind> = []
            if formats.contains(where: { $0.hasPrefix("oas3") || $0 == "oas" }) { set.insert(.openAPI) }
            if formats.contains(where: { $0.hasPrefix("json-schema") }) { set.insert(.schema) }
            kinds = set
        }
        let summary = description.isEmpty ? (message ?? "Custom rule \(id).") : description
        let meta = RuleMeta(id: id, severity: severity ?? .warning, scope: .all, summary: summary,
                            why: "A custom rule from \(place(body))." + (description.isEmpty ? "" : " " + description),
                            fix: message.map { "Make the file satisfy the rule: \($0)" } ?? "Make the file satisfy the rule.",
                            example: "")
        var rule = CustomRule(meta: meta, source: place(body), message: message, given: given, then: then, kinds: kinds)
        rule.explanationText = description
        rule.off = severity == nil
        return rule
    }

    /// The rules of a `rules:` mapping (a config's or a ruleset's): bodies become custom rules;
    /// plain settings (`id: off`, `id: error`) are returned as settings for rules crrspec knows,
    /// and noted as skipped otherwise.
    static func rules(_ section: Value, aliases: [String: [String]], builtIn: [String], allowSettings: Bool) throws(CustomRuleError) -> Outcome {
        var outcome = Outcome()
        for member in section.members where member.value.kind == .object {
            if builtIn.contains(member.name) {
                throw CustomRuleError(message: "\(place(member.key)): error: custom rule \(member.name) has the id of a built-in rule; choose another id")
            }
            if let rule = try rule(id: member.name, body: member.value, aliases: aliases, skipped: &outcome.skipped) {
                outcome.rules.append(rule)
                if rule.off { outcome.settings.append((rule.meta.id, .off)) }
            }
        }
        return outcome
    }

    /// Reads a Spectral ruleset file (YAML or JSON): its `rules` unchanged, `aliases`; `extends`,
    /// `functions` and settings of rules crrspec does not have are noted and skipped. A custom
    /// rule may not take the id of a rule of the engine or of `profiles`.
    public static func ruleset(_ path: String, profiles: [LintProfile] = []) throws(CustomRuleError) -> Outcome {
        let document: Document
        do {
            document = try YAMLReader.parse(contentsOfFile: path)
        } catch {
            throw CustomRuleError(message: error.description)
        }
        let root = document.root
        guard root.kind == .object else { throw CustomRuleError(message: "\(path):1:1: error: a ruleset is a mapping with rules") }
        var outcome = Outcome()
        for member in root.members {
            switch member.name {
            case "rules", "aliases", "formats", "documentationUrl", "description":
                break
            case "extends":
                let names = member.value.string.map { [$0] } ?? member.value.elements.compactMap { $0.string ?? $0[0]?.string }
                for name in names {
                    let what = name.hasPrefix("spectral:") ? "crrspec's own rules cover Spectral's built-in sets (docs/lint.md maps each rule)"
                        : name.contains("://") ? "remote rulesets are not fetched" : "extended rulesets are not read"
                    outcome.skipped.append("\(place(member.value)): extends \(name) is not run: \(what)")
                }
            case "functions", "functionsDir":
                outcome.skipped.append("\(place(member.key)): \(member.name): JavaScript functions are not run; rules using them are skipped")
            case "overrides":
                outcome.skipped.append("\(place(member.key)): overrides are not supported in rulesets; use .crrspec.yaml overrides")
            default:
                outcome.skipped.append("\(place(member.key)): unknown ruleset key \"\(member.name)\" ignored")
            }
        }
        var aliases: [String: [String]] = [:]
        for entry in root["aliases"].entries {
            if let text = entry.value.string { aliases[entry.name] = [text] } else { aliases[entry.name] = entry.value.elements.compactMap(\.string) }
        }
        guard let rules = root["rules"] else { return outcome }
        let builtIn = LintEngine.rules(with: profiles).map(\.meta.id)
        for member in rules.members {
            if member.value.kind == .object {
                if builtIn.contains(member.name) {
                    throw CustomRuleError(message: "\(place(member.key)): error: custom rule \(member.name) has the id of a built-in rule; choose another id")
                }
                if let rule = try rule(id: member.name, body: member.value, aliases: aliases, skipped: &outcome.skipped) {
                    outcome.rules.append(rule)
                    if rule.off { outcome.settings.append((rule.meta.id, .off)) }
                }
            } else if builtIn.contains(member.name) {
                do { outcome.settings.append((member.name, try LintConfig.setting(member.value))) } catch { throw CustomRuleError(message: error.message) }
            } else {
                outcome.skipped.append("\(place(member.key)): \(member.name): a setting for a rule of an extended ruleset, which crrspec does not have; skipped")
            }
        }
        return outcome
    }
}
