import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import OpenAPI
import Reporting

/// What linting one file produced.
public struct FileLintResult: Sendable {
    public var file: String
    public var findings: [Finding]
    /// Findings dropped by an `x-lint-ignore` in the file.
    public var suppressed: Int
    /// Checks a resource limit stopped, as `limit` errors (never suppressed): the file was not
    /// fully linted.
    public var limitHits: [Finding] = []
    /// Mechanical fixes of the kept findings (`crrspec lint --fix`), in finding order.
    public var fixes: [LintFix] { fixes(for: findings) }
    /// The fixes by finding (`LintEngine.fixKey`).
    var fixesByFinding: [String: LintFix] = [:]

    /// The fixes of `findings` (a subset of `findings`, such as what a baseline leaves
    /// reported), in their order: `--fix` fixes only findings that are reported.
    public func fixes(for findings: [Finding]) -> [LintFix] {
        fixesByFinding.isEmpty ? [] : findings.compactMap { fixesByFinding[LintEngine.fixKey($0)] }
    }
    /// Whether the engine's profile applied to the file, and why (nil when the file was not linted).
    public var profile: ProfileDecision? = nil
}

/// Runs the lint rules over files: picks the rules that apply to each file (by kind,
/// profile and configuration), stamps their findings with rule, severity and file, and drops
/// what an `x-lint-ignore` in the file suppresses.
///
/// ```swift
/// let engine = LintEngine()
/// let result = try engine.lint(path: "openapi/caiso_crr_auction_v1.2.1_openapi.yaml")
/// for finding in result.findings { print(finding.message) }
/// ```
public final class LintEngine: @unchecked Sendable {
    /// The engine's own rules, in the order `--list-rules` prints them.
    public static var rules: [any LintRule] { RuleCatalog.all }

    /// Every rule of an engine with `profiles`: the engine's own, then the profiles', in the
    /// order `--list-rules` prints them.
    public static func rules(with profiles: [LintProfile]) -> [any LintRule] { RuleCatalog.all + profiles.flatMap(\.rules) }

    /// The rule with `id` among the engine's own and those of `profiles`.
    public static func rule(_ id: String, profiles: [LintProfile] = []) -> (any LintRule)? {
        rules(with: profiles).first { $0.meta.id == id }
    }

    /// What `crrspec explain` says about each rule of an engine with `profiles`, in rule order.
    public static func explanations(with profiles: [LintProfile] = []) -> [Explanation] {
        rules(with: profiles).map(\.meta.explanation)
    }

    /// Every rule this engine runs: its own, then its profiles'.
    public var rules: [any LintRule] { LintEngine.rules(with: layers) }

    public let registry: SchemaRegistry
    public var profile: ProfileSelection
    public var config: LintConfig
    public var limits: ReaderLimits
    /// Limits for the validations rules run (examples and defaults against their schemas, the
    /// document against the metaschema or the OpenAPI structure); a limit hit is a finding.
    public var validationLimits: ValidationLimits
    /// The profiles this engine runs (a layer's, such as `CRRLint.profile`); none by default.
    public let layers: [LintProfile]
    /// The compile options of the profile's rules.
    let profileOptions: CompileOptions
    /// The compile options of every other rule (the profiles' business-rule annotation).
    let baseOptions: CompileOptions

    public init(profile: ProfileSelection = .auto, config: LintConfig = LintConfig(), limits: ReaderLimits = .default,
                validationLimits: ValidationLimits = .default, profiles: [LintProfile] = []) {
        self.profile = profile
        self.config = config
        self.limits = limits
        self.validationLimits = validationLimits
        registry = SchemaRegistry()
        registry.limits = limits
        // What the profiles add (the CRR layer: the bundled download schemas, so that `$ref`s
        // to them by `$id` resolve offline).
        layers = profiles
        for layer in layers { layer.prepare(registry) }
        var base = CompileOptions()
        base.businessRules = layers.lazy.compactMap(\.businessRules).first
        baseOptions = base
        profileOptions = layers.first.map { $0.compileOptions(base) } ?? base
    }

    /// What kind of file a document is: an OpenAPI spec (has `openapi`) or a draft-07 schema.
    public static func kind(of document: Document) -> LintContext.Kind {
        OpenAPIVersion.isAPIDescription(document) ? .openAPI : .schema
    }

    /// Reads and lints a file (`-`: standard input, reported as `<stdin>` as in the other commands).
    public func lint(path: String) throws(DocumentError) -> FileLintResult {
        let loaded = try DocumentLoader.load(path: path, format: InputFormat.forPath(path) == .jsonl ? .json : nil, limits: limits)
        return lint(document: loaded.documents[0].document, file: path == "-" ? "<stdin>" : path)
    }

    /// Lints a parsed document named `file`.
    public func lint(document: Document, file: String, kind: LintContext.Kind? = nil) -> FileLintResult {
        let kind = kind ?? LintEngine.kind(of: document)
        if kind == .openAPI {
            // Swagger 2.0 and OpenAPI 3.1 are refused, not linted as if they were 3.0.
            do {
                try OpenAPIVersion.check(document)
            } catch {
                return FileLintResult(file: file, findings: [], suppressed: 0, limitHits: [
                    Finding(rule: "input-unreadable", severity: .error, file: file, line: error.position?.line ?? 0,
                            column: error.position?.column ?? 0, pointer: "", message: error.message)])
            }
        }
        allowReferences(besides: file)
        let decision = config.profile(for: file).map { _ in
            ProfileDecision(active: config.profile != ProfileSelection.none,
                            reason: "profile: \(config.profile?.rawValue ?? "") in \(config.path ?? LintConfig.fileName)")
        }
            ?? LintEngine.decide(profile, path: file, root: document.root, layer: layers.first)
        // The profile that applies: the engine's layer, else the one the selection names.
        let active = decision.active ? layers.first?.name ?? config.profile?.forcedProfile ?? profile.forcedProfile : nil
        let context = LintContext(document: document, file: file, kind: kind, profile: active, registry: registry, validationLimits: validationLimits,
                                  profileOptions: profileOptions, baseOptions: baseOptions)
        // A $ref the file fence refuses (outside the file's folder, a FIFO, a device) or a read
        // limit stops makes the input unusable, as in validate: no rule runs on it.
        let refused = LintEngine.refusedReferences(context)
        if !refused.isEmpty {
            return FileLintResult(file: file, findings: [], suppressed: 0, limitHits: refused)
        }
        var findings: [Finding] = [], limitHits: [Finding] = []
        // One finding per defect across rules: defect -> index in findings.
        var defects: [String: Int] = [:]
        var dropped: Set<Int> = []
        var fixes: [String: LintFix] = [:]
        for rule in RuleCatalog.all + layers.flatMap(\.rules) + config.customRules as [any LintRule] {
            let meta = rule.meta
            guard meta.scope.covers(kind), meta.profile == nil || meta.profile?.name == active, let severity = config.severity(of: meta, file: file) else { continue }
            var sink = FindingSink()
            rule.check(context, &sink)
            for item in sink.items {
                let finding = Finding(rule: meta.id, severity: severity, file: file, line: item.position.line,
                                      column: item.position.column, pointer: item.pointer.description, message: item.message, hint: item.hint)
                if let defect = item.defect {
                    if let earlier = defects[defect] {
                        if findings[earlier].severity >= severity { continue }
                        dropped.insert(earlier)
                    }
                    defects[defect] = findings.count
                }
                if let fix = item.fix { fixes[LintEngine.fixKey(finding)] = fix }
                findings.append(finding)
            }
            for item in sink.limitHits {
                limitHits.append(Finding(rule: "limit", severity: .error, file: file, line: item.position.line, column: item.position.column,
                                         pointer: item.pointer.description, message: "\(meta.id): \(item.message)", hint: item.hint))
            }
        }
        if !dropped.isEmpty { findings = findings.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
        let kept = Suppression.filter(findings, in: document)
        let sorted = kept.sorted(by: Finding.ordered)
        return FileLintResult(file: file, findings: sorted, suppressed: findings.count - kept.count,
                              limitHits: limitHits, fixesByFinding: fixes, profile: decision)
    }

    static func fixKey(_ f: Finding) -> String { "\(f.rule)\u{1}\(f.line)\u{1}\(f.column)\u{1}\(f.pointer)\u{1}\(f.message)" }

    /// Lets `$ref`s of `file` read files in its folder (and below), as validate does for a
    /// schema; the catalog and standard input add the working directory.
    func allowReferences(besides file: String) {
        let directory: String
        if file.hasPrefix("catalog:") || file.hasPrefix("<") {
            directory = FileManager.default.currentDirectoryPath
        } else {
            directory = PathText.parent(SchemaRegistry.absolutePathOf(file))
        }
        if !registry.allowedRoots.contains(directory) { registry.allowedRoots.append(directory) }
    }

    /// The `$ref`s to other files that the registry refuses to read, as `input-unreadable` errors.
    static func refusedReferences(_ context: LintContext) -> [Finding] {
        var out: [Finding] = []
        for (_, ref) in RefUnresolvedRule.references(context.root) {
            guard let text = ref.string, !text.hasPrefix("#") else { continue }
            if case .failure(let failure) = context.resolve(ref: text), failure.isFatal {
                let position = ref.position
                out.append(Finding(rule: "input-unreadable", severity: .error, file: context.file, line: position.line,
                                   column: position.column, pointer: ref.pointer.description, message: failure.message))
            }
        }
        return out
    }
}
