import Document

/// A business-rule annotation: a keyword (named by a layer: the CRR layer's is `x-crr-rule`)
/// whose marks say that a constraint is the layer's rule, not the published contract:
///
/// ```yaml
/// assetOwner:
///   type: string
///   x-crr-rule: {keywords: [minLength], reason: "an asset owner is never empty"}
///   minLength: 1
/// ```
///
/// A mark is a string (the reason) or an object: `keywords` names the keywords that are
/// business rules (all of the object's when absent; with `required`, `properties` may name the
/// required properties the rule is about), `reason` says why, and `code` the error code the rule
/// anticipates. The mark also sits on nodes that are not schemas: a request body
/// (`keywords: [required]`), a response or a server that the published file lacks, the
/// document root (`keywords: [servers]`), or the schema holding an error-code table (`codes`
/// names the table rows that differ). A failure of a marked keyword says so (the ``label``,
/// then the message and the reason), and diff reports the changes marks cover as business
/// rules, so a user can tell the published contract from the layer's rules.
///
/// The engine reads no annotation by itself: validation applies the one in
/// ``CompileOptions/businessRules``, diff the one in its configuration.
public struct BusinessRuleAnnotation: Sendable, Hashable {
    /// The annotation keyword (`x-crr-rule`).
    public var key: String
    /// What one marked constraint is called in counts (`CRR business rule`; "3 of them marked
    /// CRR business rules").
    public var name: String
    /// What a marked constraint is called in messages (`CRR business rule, not in the published spec`).
    public var label: String
    /// Who answers with the error code a mark names (`CAISO`, as in "CAISO answers SER0030").
    public var codeAuthority: String

    public init(key: String, name: String, label: String, codeAuthority: String) {
        self.key = key
        self.name = name
        self.label = label
        self.codeAuthority = codeAuthority
    }

    /// One mark, read once: what it covers and why. The one reading of the mark's shape for
    /// validation messages, diff, the mock and the documentation pages.
    public struct Mark: Sendable {
        /// The reason as written (the mark's string value, or its `reason` member), nil when none is.
        public var reason: String?
        /// The error code the rule anticipates.
        public var code: String?
        /// The keywords (or members) the rule is about; nil: the whole node.
        public var keywords: [String]?
        /// With `required`: the required properties whose absence is the rule; nil: all of them.
        public var properties: [String]?
        /// On the schema holding an error-code table: the table rows that differ.
        public var codes: [String]?

        /// A mark that covers its whole node and gives no reason.
        public init() {}

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
    }

    /// The mark of `node` (a string or an object under ``key``), nil when it has none or the
    /// mark is neither.
    public func mark(of node: Value) -> Mark? {
        guard node.kind == .object, let mark = node[key] else { return nil }
        return Mark(mark)
    }

    /// `(reason; AUTHORITY answers CODE)`, the tail every business-rule message ends with.
    public func explanation(reason: String, code: String?) -> String {
        "(\(reason)\(code.map { "; \(codeAuthority) answers \($0)" } ?? ""))"
    }

    /// The rule marked on `schema` for `keyword`, if any: (reason, code).
    public func rule(for keyword: String, in schema: Value) -> (reason: String, code: String?)? {
        guard let mark = mark(of: schema), mark.covers(keyword) else { return nil }
        return (mark.reasonText, mark.code)
    }

    /// Whether the absence of the required `property` is a business rule of `schema` (a mark
    /// naming `required`, and the property when the mark lists `properties`).
    public func requiredIsRule(_ property: String, in schema: Value) -> Bool {
        guard let mark = mark(of: schema), mark.covers("required") else { return false }
        return mark.properties.map { $0.contains(property) } ?? true
    }

    /// `message`, prefixed when `keyword` is a business rule of `schema`.
    public func message(_ message: String, keyword: String, schema: Value) -> String {
        guard let mark = mark(of: schema), mark.covers(keyword) else { return message }
        // `required` with `properties: [...]`: only those properties' absence is the rule (the
        // message names the missing property in quotes).
        if keyword == "required", let names = mark.properties, !names.contains(where: { message.contains("\"\($0)\"") }) {
            return message
        }
        return self.message(message, rule: (mark.reasonText, mark.code))
    }

    /// `message`, prefixed when `rule` (a reason and code from ``rule(for:in:)``) is one.
    public func message(_ message: String, rule: (reason: String, code: String?)?) -> String {
        guard let rule else { return message }
        return "\(label): \(message) \(explanation(reason: rule.reason, code: rule.code))"
    }
}
