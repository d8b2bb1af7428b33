import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema

/// A profile layered on the general lint engine: rules (whose ``RuleMeta/profile`` names it)
/// that run only on the files the profile applies to, how it recognises those files, the
/// compile options its rules validate with, and what it adds to each engine's schema registry.
///
/// The engine knows no profile by itself; a layer's profile is handed to each engine that
/// runs it (`LintEngine(profiles: [CRRLint.profile])`, as the `crrspec` command does), and to
/// the configuration reader that checks rule ids (`LintConfigurations(..., profiles:)`).
///
/// ```swift
/// let mine = LintProfile(name: "crr", rules: myRules, decide: { selection, path, root in
///     ProfileDecision(active: selection != .none, reason: "always")
/// })
/// let engine = LintEngine(profiles: [mine])
/// ```
public struct LintProfile: Sendable {
    /// The profile's name (`crr`).
    public var name: String
    /// Its rules, in the order `--list-rules` prints them (after the engine's own).
    public var rules: [any LintRule]
    /// Whether it applies to a file (path and root value, when known) under a selection.
    public var decide: @Sendable (_ selection: ProfileSelection, _ path: String?, _ root: Value?) -> ProfileDecision
    /// The compile options of its rules (``LintContext/compiled(_:profileRules:)``).
    public var compileOptions: @Sendable (CompileOptions) -> CompileOptions
    /// What it adds to every engine's registry (bundled schemas found by `$id`, say).
    public var prepare: @Sendable (SchemaRegistry) -> Void
    /// The business-rule annotation of the layer's documents (the CRR layer's `x-crr-rule`):
    /// every validation an engine with this profile runs prefixes marked failures, whether the
    /// profile applies to the file or not.
    public var businessRules: BusinessRuleAnnotation?

    public init(name: String, rules: [any LintRule],
                decide: @escaping @Sendable (_ selection: ProfileSelection, _ path: String?, _ root: Value?) -> ProfileDecision,
                compileOptions: @escaping @Sendable (CompileOptions) -> CompileOptions = { $0 },
                prepare: @escaping @Sendable (SchemaRegistry) -> Void = { _ in },
                businessRules: BusinessRuleAnnotation? = nil) {
        self.businessRules = businessRules
        self.name = name
        self.rules = rules
        self.decide = decide
        self.compileOptions = compileOptions
        self.prepare = prepare
    }
}

extension LintEngine {
    /// Whether the profile applies to a file under `selection`: the engine's profile decides;
    /// without one, only a profile named on the command line turns it on (and no rule of it
    /// exists to run).
    static func decide(_ selection: ProfileSelection, path: String?, root: Value?, layer: LintProfile?) -> ProfileDecision {
        if let layer { return layer.decide(selection, path, root) }
        switch selection {
        case .none: return ProfileDecision(active: false, reason: "--profile none")
        case .auto: return ProfileDecision(active: false, reason: "the engine has no profile")
        default: return ProfileDecision(active: true, reason: "--profile \(selection.rawValue)")
        }
    }
}
