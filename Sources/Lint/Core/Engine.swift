import CRR
import Document
import JSONSchema
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
}

/// Runs the lint rules over files: picks the rules that apply to each file (by kind, CRR
/// profile and configuration), stamps their findings with rule, severity and file, and drops
/// what an `x-lint-ignore` in the file suppresses.
///
/// ```swift
/// let engine = LintEngine()
/// let result = try engine.lint(path: "openapi/caiso_crr_auction_v1.2.1_openapi.yaml")
/// for finding in result.findings { print(finding.message) }
/// ```
public final class LintEngine: @unchecked Sendable {
    /// Every rule crrspec knows, in the order `--list-rules` prints them.
    public static let rules: [any LintRule] = RuleCatalog.all

    public static func rule(_ id: String) -> (any LintRule)? { rules.first { $0.meta.id == id } }

    /// What `crrspec explain` says about each rule, in rule order.
    public static var explanations: [Explanation] { rules.map(\.meta.explanation) }

    public let registry: SchemaRegistry
    public var profile: CRRProfile.Selection
    public var config: LintConfig
    public var limits: ReaderLimits
    /// Limits for the validations rules run (examples and defaults against their schemas, the
    /// document against the metaschema or the OpenAPI structure); a limit hit is a finding.
    public var validationLimits: ValidationLimits

    public init(profile: CRRProfile.Selection = .auto, config: LintConfig = LintConfig(), limits: ReaderLimits = .default,
                validationLimits: ValidationLimits = .default) {
        self.profile = profile
        self.config = config
        self.limits = limits
        self.validationLimits = validationLimits
        registry = SchemaRegistry()
        registry.limits = limits
        // `$ref`s to the bundled download schemas (by `$id`) resolve offline.
        try? CRRCatalog.register(into: registry)
    }

    /// What kind of file a document is: an OpenAPI spec (has `openapi`) or a draft-07 schema.
    public static func kind(of document: Document) -> LintContext.Kind {
        document.root["openapi"] != nil ? .openAPI : .schema
    }

    /// Reads and lints a file (`-`: standard input, reported as `<stdin>` as in the other commands).
    public func lint(path: String) throws(DocumentError) -> FileLintResult {
        let loaded = try DocumentLoader.load(path: path, format: InputFormat.forPath(path) == .jsonl ? .json : nil, limits: limits)
        return lint(document: loaded.documents[0].document, file: path == "-" ? "<stdin>" : path)
    }

    /// Lints a parsed document named `file`.
    public func lint(document: Document, file: String, kind: LintContext.Kind? = nil) -> FileLintResult {
        let kind = kind ?? LintEngine.kind(of: document)
        let crr = config.profile(for: file) ?? CRRProfile.applies(profile, schemaPath: file)
        let context = LintContext(document: document, file: file, kind: kind, crr: crr, registry: registry, validationLimits: validationLimits)
        var findings: [Finding] = [], limitHits: [Finding] = []
        // One finding per defect across rules: defect -> index in findings.
        var defects: [String: Int] = [:]
        var dropped: Set<Int> = []
        for rule in LintEngine.rules {
            let meta = rule.meta
            guard meta.scope.covers(kind), !meta.crr || crr, let severity = config.severity(of: meta, file: file) else { continue }
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
                findings.append(finding)
            }
            for item in sink.limitHits {
                limitHits.append(Finding(rule: "limit", severity: .error, file: file, line: item.position.line, column: item.position.column,
                                         pointer: item.pointer.description, message: "\(meta.id): \(item.message)", hint: item.hint))
            }
        }
        if !dropped.isEmpty { findings = findings.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
        let kept = Suppression.filter(findings, in: document)
        return FileLintResult(file: file, findings: kept.sorted(by: Finding.ordered), suppressed: findings.count - kept.count,
                              limitHits: limitHits)
    }
}
