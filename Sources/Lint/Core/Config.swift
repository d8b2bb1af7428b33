import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

/// A `.crrspec.yaml` file, or its `lint:` section:
///
/// ```yaml
/// lint:
///   profile: crr                  # auto, crr or none
///   fail-on: warning              # error, warning or info
///   baseline: .crrspec-baseline.json
///   ignore: ["vendor/**"]         # files never linted
///   rules:
///     schema-enum-description: off
///     oas-*: warning              # re-grade every OpenAPI rule
///     crr-date-time-example: error
///   overrides:
///     - files: ["openapi/*_v1.1.*"]
///       rules:
///         crr-error-responses: off
/// ```
public struct LintConfig: Sendable {
    public enum Setting: Sendable, Equatable {
        case off
        /// On at the rule's default severity.
        case on
        case severity(Severity)
    }

    public struct Override: Sendable {
        public var files: [String]
        public var rules: [(pattern: String, setting: Setting)]
    }

    /// The config file, and the directory its relative paths start from.
    public var path: String?
    public var directory: String?
    public var profile: ProfileSelection?
    public var failOn: Severity?
    public var baseline: String?
    public var ignore: [String] = []
    public var rules: [(pattern: String, setting: Setting)] = []
    public var overrides: [Override] = []
    /// Rules written in Spectral's syntax under `rules:` (or read from `--ruleset`).
    public var customRules: [CustomRule] = []
    /// Parts of custom rules or rulesets that cannot run here (reported once, then skipped).
    public var skipped: [String] = []

    public init() {}

    /// Adds a Spectral ruleset's rules; the config's own settings keep precedence.
    public mutating func add(_ ruleset: CustomRuleParser.Outcome) {
        let known = Set(customRules.map(\.meta.id))
        customRules += ruleset.rules.filter { !known.contains($0.meta.id) }
        rules = ruleset.settings + rules
        skipped += ruleset.skipped
    }

    /// The severity a rule has for a file, or nil when it is off there.
    public func severity(of meta: RuleMeta, file: String) -> Severity? {
        var setting = Setting.on
        for (pattern, s) in rules where Glob.matches(pattern: pattern, meta.id) { setting = s }
        let relative = relativePath(file)
        for override in overrides where override.files.contains(where: { Glob.matches(pattern: $0, relative) }) {
            for (pattern, s) in override.rules where Glob.matches(pattern: pattern, meta.id) { setting = s }
        }
        switch setting {
        case .off: return nil
        case .on: return meta.severity
        case .severity(let severity): return severity
        }
    }

    /// Whether the config forces the profile on (it names one) or off (`none`).
    public func profile(for file: String) -> Bool? {
        guard let profile, profile != .auto else { return nil }
        return profile != .none
    }

    public func isIgnored(_ file: String) -> Bool {
        let relative = relativePath(file)
        return ignore.contains { Glob.matches(pattern: $0, relative) }
    }

    /// The baseline file's path, resolved against the config's directory.
    public var baselinePath: String? {
        guard let baseline else { return nil }
        guard let directory, !baseline.hasPrefix("/") else { return baseline }
        return PathText.appending(directory, baseline)
    }

    /// `file` relative to the config's directory when it lies below it.
    public func relativePath(_ file: String) -> String {
        guard let directory else { return file }
        return LintPaths.relative(file, to: directory)
    }
}

/// A `.crrspec.yaml` that cannot be used.
public struct LintConfigError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension LintConfig {
    public static let fileName = ".crrspec.yaml"

    /// The nearest `.crrspec.yaml` in `directory` or above it.
    public static func find(from directory: String) -> String? {
        LintPaths.nearest(fileName, from: SchemaRegistry.absolutePathOf(directory))
    }

    /// Reads a config file; unknown keys, rule ids and values are errors (with a suggestion).
    /// The rule ids known are the engine's own and those of `profiles`.
    public static func load(_ path: String, profiles: [LintProfile] = []) throws -> LintConfig {
        let known = LintEngine.rules(with: profiles).map(\.meta.id)
        let document: Document
        do {
            document = try YAMLReader.parse(contentsOfFile: path)
        } catch {
            throw LintConfigError(message: error.description)
        }
        var config = LintConfig()
        config.path = path
        config.directory = PathText.parent(SchemaRegistry.absolutePathOf(path))
        guard document.root.kind == .object || document.root.isNull else { throw problem(document.root, "the config must be a mapping") }
        let section = document.root["lint"] ?? document.root
        // `lint: 42` (or a list) is a mistake to report, never a section to skip.
        guard section.kind == .object || section.isNull else {
            throw problem(section, "lint is a mapping (profile, fail-on, baseline, ignore, rules, overrides), not \(LintConfig.kindText(section))")
        }
        for member in section.members {
            switch member.name {
            case "lint" where section.index == document.root.index: break
            case "profile":
                let names = ["auto"] + profiles.map(\.name) + ["none"]
                guard let text = member.value.string, names.contains(text) else {
                    throw problem(member.value, "profile is " + names.dropLast().joined(separator: ", ") + " or none")
                }
                config.profile = ProfileSelection(rawValue: text)
            case "fail-on":
                guard let text = member.value.string, let severity = Severity(rawValue: text) else {
                    throw problem(member.value, "fail-on is error, warning or info")
                }
                config.failOn = severity
            case "baseline":
                guard let text = member.value.string else { throw problem(member.value, "baseline is a file path") }
                config.baseline = text
            case "ignore":
                config.ignore = try stringList(member.value, "ignore")
            case "rules":
                let outcome: CustomRuleParser.Outcome
                do {
                    outcome = try CustomRuleParser.rules(member.value, aliases: [:], builtIn: known, allowSettings: true)
                } catch {
                    throw LintConfigError(message: error.message)
                }
                config.customRules = outcome.rules
                config.skipped = outcome.skipped
                config.rules = outcome.settings + (try ruleSettings(member.value, known: known, custom: outcome.rules.map(\.meta.id), bodies: true))
            case "overrides":
                guard member.value.kind == .array || member.value.isNull else {
                    throw problem(member.value, "overrides is a list of {files: [globs], rules: {id: setting}}, not \(LintConfig.kindText(member.value))")
                }
                for entry in member.value.elements {
                    guard entry.kind == .object, let files = entry["files"] else { throw problem(entry, "an override has files: [globs] and rules: {id: setting}") }
                    config.overrides.append(Override(files: try stringList(files, "files"), rules: try ruleSettings(entry["rules"], known: known, custom: config.customRules.map(\.meta.id))))
                }
            default:
                let near = Suggest.closest(member.name, among: ["profile", "fail-on", "baseline", "ignore", "rules", "overrides"])
                throw problem(member.key, "unknown key \"\(member.name)\"" + (near.map { "; did you mean \"\($0)\"?" } ?? ""))
            }
        }
        return config
    }

    static func ruleSettings(_ value: Value?, known: [String], custom: [String] = [], bodies: Bool = false) throws -> [(pattern: String, setting: Setting)] {
        guard let value else { return [] }
        guard value.kind == .object else { throw problem(value, "rules maps rule ids to off, on, error, warning or info") }
        let ids = known + custom
        return try value.members.compactMap { member in
            // A rule body (Spectral syntax) is a custom rule, read by CustomRuleParser; only
            // under lint.rules, not in overrides.
            if member.value.kind == .object {
                guard bodies else { throw problem(member.value, "a custom rule body belongs under lint.rules; overrides only set severities") }
                return nil
            }
            let pattern = member.name
            if !pattern.contains("*"), !ids.contains(pattern) {
                let near = Suggest.closest(pattern, among: ids)
                throw problem(member.key, "unknown rule \"\(pattern)\"" + (near.map { "; did you mean \"\($0)\"?" } ?? " (crrspec lint --list-rules lists them)"))
            }
            return (pattern, try setting(member.value))
        }
    }

    static func setting(_ value: Value) throws(LintConfigError) -> Setting {
        if let flag = value.bool { return flag ? .on : .off }
        switch value.string {
        case "off": return .off
        case "on": return .on
        case "warn": return .severity(.warning)
        case "hint": return .severity(.info)
        case let text?:
            if let severity = Severity(rawValue: text) { return .severity(severity) }
        case nil: break
        }
        throw problem(value, "a rule setting is off, on, error, warning or info")
    }

    static func stringList(_ value: Value, _ key: String) throws -> [String] {
        if let single = value.string { return [single] }
        guard value.kind == .array, value.elements.allSatisfy({ $0.string != nil }) else {
            throw problem(value, "\(key) is a list of glob patterns")
        }
        return value.elements.compactMap(\.string)
    }

    /// "a number", "a list", ... for messages about a value of the wrong type.
    static func kindText(_ value: Value) -> String {
        switch value.kind {
        case .null: "null"
        case .false, .true: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        }
    }

    static func problem(_ value: Value, _ message: String) -> LintConfigError {
        let p = value.position
        return LintConfigError(message: "\(value.document.name):\(p.line):\(p.column): error: \(message)")
    }
}

/// Path helpers shared by the config and the baseline.
public enum LintPaths {
    /// `file` relative to `directory` when it lies below it, else `file` unchanged.
    public static func relative(_ file: String, to directory: String) -> String {
        guard !file.hasPrefix("catalog:") else { return file }
        let absolute = SchemaRegistry.absolutePathOf(file)
        let base = SchemaRegistry.absolutePathOf(directory)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : file
    }

    /// The file `name` in `directory` (absolute) or in the nearest folder above it that has one.
    static func nearest(_ name: String, from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory)
        while true {
            let candidate = current.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
