import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// Revision notes that add or remove a property or enum value of a named schema, where the
/// schema says otherwise.
struct RevisionNotesSchemaRule: LintRule {
    let meta = RuleMeta(
        id: "crr-revision-notes-schema", severity: .warning, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Properties and enum values the revision notes add to (or remove from) a schema are (or are gone) in that schema.",
        why: "The notes are the change log clients read; the published auction notes add errorMessage to PortfolioCredit, but the schema never got it.",
        fix: "Make the schema do what the note says, or correct the note.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>1.2.0</td><td>2024-11-04</td><td>SER0030 added; errorMessage added to PortfolioCredit.</td></tr>
                   PortfolioCredit: {type: object, properties: {requiredCredit: ...}}
        crrspec: warning: the revision notes (1.2.0) add property errorMessage to PortfolioCredit, but PortfolioCredit has no property errorMessage [crr-revision-notes-schema]
                 hint: add the property to PortfolioCredit, or correct the note
        """)

    struct Claim {
        var schema: String
        var item: String
        var isEnumValue: Bool
        var added: Bool
        var row: Int
    }

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let revisions = context.revisions, let schemas = context.root["components"]?["schemas"] else { return }
        let names = Set(schemas.members.map(\.name))
        var claims: [String: Claim] = [:]
        var order: [String] = []
        for (n, row) in revisions.rows.enumerated() {
            for clause in RevisionTable.clauses(row.log) {
                let action = RevisionTable.plainAction(RevisionTable.words(clause))
                guard action != .mentioned else { continue }
                let tokens = RevisionTable.prose(clause).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
                let named = Set(tokens.filter(names.contains))
                guard named.count == 1, let schema = named.first else { continue }
                let isEnum = RevisionTable.words(clause).contains("enum")
                for token in tokens where token != schema {
                    let property = token.first!.isLowercase && token.contains(where: \.isUppercase) && !Dialect.draft7.has(token)
                        && !OpenAPI30Schema.schemaKeywords.contains(token)
                    let enumValue = isEnum && token.count >= 2 && token.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber } && !CRRErrorCode.isWellFormed(token)
                    guard property || enumValue else { continue }
                    let key = "\(schema)\u{1}\(token)"
                    if claims[key] == nil { order.append(key) }
                    claims[key] = Claim(schema: schema, item: token, isEnumValue: enumValue, added: action == .added, row: n)
                }
            }
        }
        for key in order {
            guard let claim = claims[key], let schema = schemas[claim.schema].flatMap({ context.dereference($0) }) else { continue }
            let present = claim.isEnumValue ? schema["enum"].strings.contains(claim.item) : hasProperty(schema, claim.item, context)
            guard present != claim.added else { continue }
            let row = revisions.rows[claim.row]
            let what = claim.isEnumValue ? "enum value \(claim.item)" : "property \(claim.item)"
            let message = claim.added
                ? "the revision notes (\(row.versionText)) add \(what) to \(claim.schema), but \(claim.schema) has no \(what)"
                : "the revision notes (\(row.versionText)) remove \(what) from \(claim.schema), but \(claim.schema) still has it"
            let defect = (claim.isEnumValue ? "enum-" : "property-") + (claim.added ? "missing:" : "present:") + "\(claim.schema).\(claim.item)"
            out.add(revisions.description, at: revisions.position(offset: row.offset, token: claim.item), message,
                    hint: claim.added ? "add the \(claim.isEnumValue ? "value" : "property") to \(claim.schema), or correct the note" : "remove it, or correct the note",
                    defect: defect)
        }
    }

    func hasProperty(_ schema: Value, _ name: String, _ context: LintContext) -> Bool {
        if schema["properties"]?[name] != nil { return true }
        return schema["allOf"].list.contains { part in context.dereference(part).map { hasProperty($0, name, context) } ?? false }
    }
}
