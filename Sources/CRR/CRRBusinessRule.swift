import Document
import JSONSchema

/// The CRR layer's business-rule annotation, `x-crr-rule`: a constraint a bundled CRR spec adds
/// to CAISO's published contract (see ``BusinessRuleAnnotation`` for the mark's shape and
/// docs/catalog.md for the marks the bundled files carry). Validation, diff, the mock and the
/// documentation pages read marks through ``annotation``.
public enum CRRBusinessRule {
    /// `x-crr-rule`; failures read "CRR business rule, not in the published spec: …
    /// (reason; CAISO answers CODE)".
    public static let annotation = BusinessRuleAnnotation(key: "x-crr-rule", name: "CRR business rule",
                                                          label: "CRR business rule, not in the published spec",
                                                          codeAuthority: "CAISO")

    /// The annotation keyword, `x-crr-rule`.
    public static var key: String { annotation.key }

    /// One mark (see ``BusinessRuleAnnotation/Mark``).
    public typealias Mark = BusinessRuleAnnotation.Mark

    /// `base` with the annotation applied to validation messages.
    public static func options(_ base: CompileOptions = CompileOptions()) -> CompileOptions {
        var options = base
        options.businessRules = annotation
        return options
    }

    /// The mark of `node`, if any.
    public static func mark(of node: Value) -> Mark? { annotation.mark(of: node) }

    /// `(reason; CAISO answers CODE)`.
    public static func explanation(reason: String, code: String?) -> String { annotation.explanation(reason: reason, code: code) }

    /// The rule marked on `schema` for `keyword`, if any.
    public static func rule(for keyword: String, in schema: Value) -> (reason: String, code: String?)? {
        annotation.rule(for: keyword, in: schema)
    }

    /// Whether the absence of the required `property` is a business rule of `schema`.
    public static func requiredIsRule(_ property: String, in schema: Value) -> Bool { annotation.requiredIsRule(property, in: schema) }

    /// `message`, prefixed when `keyword` is a business rule of `schema`.
    public static func message(_ message: String, keyword: String, schema: Value) -> String {
        annotation.message(message, keyword: keyword, schema: schema)
    }

    /// `message`, prefixed when `rule` is one.
    public static func message(_ message: String, rule: (reason: String, code: String?)?) -> String {
        annotation.message(message, rule: rule)
    }
}
