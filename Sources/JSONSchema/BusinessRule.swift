import Document

/// A constraint a bundled CRR spec adds to CAISO's published contract, marked in the schema
/// object that holds it:
///
/// ```yaml
/// assetOwner:
///   type: string
///   x-crr-rule: {keywords: [minLength], reason: "an asset owner is never empty"}
///   minLength: 1
/// ```
///
/// `keywords` names the keywords that are business rules (all of the object's when absent;
/// with `required`, `properties` may name the required properties the rule is about),
/// `reason` says why, and `code` the CAISO error code the rule anticipates when CAISO's tables
/// name one. The mark also sits on nodes that are not schemas: a request body (`keywords:
/// [required]`), a response or a server that the published file lacks, the document root
/// (`keywords: [servers]`), or the schema holding an error-code table (`codes` names the table
/// rows that differ); `crrspec diff` reports the changes such marks cover as business rules. A failure of such a keyword says so: "CRR business rule, not in the published
/// spec: …", so a user can tell CAISO's contract from crrspec's rules.
public enum CRRBusinessRule {
    public static let key = "x-crr-rule"

    /// One `x-crr-rule` mark, read once: what it covers and why. The one reading of the mark's
    /// shape for validation messages, diff and the documentation pages.
    public struct Mark: Sendable {
        /// The reason as written (the mark's string value, or its `reason` member), nil when none is.
        public var reason: String?
        /// The CAISO error code the rule anticipates.
        public var code: String?
        /// The keywords (or members) the rule is about; nil: the whole node.
        public var keywords: [String]?
        /// With `required`: the required properties whose absence is the rule; nil: all of them.
        public var properties: [String]?
        /// On the schema holding an error-code table: the table rows that differ.
        public var codes: [String]?

        /// A mark that covers its whole node and gives no reason.
        public init() {}

        /// The mark of `node` (a string or an object under ``CRRBusinessRule/key``), nil when
        /// it has none or the mark is neither.
        public init?(of node: Value) {
            guard node.kind == .object, let mark = node[CRRBusinessRule.key] else { return nil }
            self.init(mark)
        }

        /// Reads a mark's value: a string (the reason) or an object; nil for anything else.
        public init?(_ mark: Value) {
            if let reason = mark.string {
                self.reason = reason
                return
            }
            guard mark.kind == .object else { return nil }
            func strings(_ name: String) -> [String]? {
                guard let list = mark[name], list.kind == .array else { return nil }
                return list.elements.compactMap(\.string)
            }
            reason = mark["reason"]?.string
            code = mark["code"]?.string
            keywords = strings("keywords")
            properties = strings("properties")
            codes = strings("codes")
        }

        /// The reason, or "no reason given".
        public var reasonText: String { reason ?? "no reason given" }

        /// Whether the mark covers `keyword` of the node that holds it.
        public func covers(_ keyword: String) -> Bool { keywords.map { $0.contains(keyword) } ?? true }

        /// `(reason; CAISO answers CODE)`, the tail every business-rule message ends with.
        public var explanation: String { CRRBusinessRule.explanation(reason: reasonText, code: code) }
    }

    /// `(reason; CAISO answers CODE)`.
    public static func explanation(reason: String, code: String?) -> String {
        "(\(reason)\(code.map { "; CAISO answers \($0)" } ?? ""))"
    }

    /// The rule marked on `schema` for `keyword`, if any: (reason, code).
    public static func rule(for keyword: String, in schema: Value) -> (reason: String, code: String?)? {
        guard let mark = Mark(of: schema), mark.covers(keyword) else { return nil }
        return (mark.reasonText, mark.code)
    }

    /// Whether the absence of the required `property` is a business rule of `schema`
    /// (`x-crr-rule` naming `required`, and the property when the mark lists `properties`).
    public static func requiredIsRule(_ property: String, in schema: Value) -> Bool {
        guard let mark = Mark(of: schema), mark.covers("required") else { return false }
        return mark.properties.map { $0.contains(property) } ?? true
    }

    /// `message`, prefixed when `keyword` is a business rule of `schema`.
    public static func message(_ message: String, keyword: String, schema: Value) -> String {
        guard let mark = Mark(of: schema), mark.covers(keyword) else { return message }
        // `required` with `properties: [...]`: only those properties' absence is the rule (the
        // message names the missing property in quotes).
        if keyword == "required", let names = mark.properties, !names.contains(where: { message.contains("\"\($0)\"") }) {
            return message
        }
        return Self.message(message, rule: (mark.reasonText, mark.code))
    }

    /// `message`, prefixed when `rule` (a reason and code from ``rule(for:in:)``) is one.
    public static func message(_ message: String, rule: (reason: String, code: String?)?) -> String {
        guard let rule else { return message }
        return "CRR business rule, not in the published spec: \(message) \(explanation(reason: rule.reason, code: rule.code))"
    }
}
