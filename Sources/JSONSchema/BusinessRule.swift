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

    /// The rule marked on `schema` for `keyword`, if any: (reason, code).
    public static func rule(for keyword: String, in schema: Value) -> (reason: String, code: String?)? {
        guard schema.kind == .object, let mark = schema[key] else { return nil }
        if let reason = mark.string { return (reason, nil) }
        guard mark.kind == .object else { return nil }
        if let keywords = mark["keywords"], keywords.kind == .array,
           !keywords.elements.contains(where: { $0.string == keyword }) { return nil }
        return (mark["reason"]?.string ?? "no reason given", mark["code"]?.string)
    }

    /// `message`, prefixed when `keyword` is a business rule of `schema`.
    public static func message(_ message: String, keyword: String, schema: Value) -> String {
        var found = rule(for: keyword, in: schema)
        // `required` with `properties: [...]`: only those properties' absence is the rule (the
        // message names the missing property in quotes).
        if found != nil, keyword == "required", let names = schema[key]?["properties"], names.kind == .array,
           !names.elements.contains(where: { $0.string.map { message.contains("\"\($0)\"") } ?? false }) {
            found = nil
        }
        return Self.message(message, rule: found)
    }

    /// `message`, prefixed when `rule` (a reason and code from ``rule(for:in:)``) is one.
    public static func message(_ message: String, rule: (reason: String, code: String?)?) -> String {
        guard let rule else { return message }
        return "CRR business rule, not in the published spec: \(message) (\(rule.reason)\(rule.code.map { "; CAISO answers \($0)" } ?? ""))"
    }
}
