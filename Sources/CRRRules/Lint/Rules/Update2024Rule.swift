import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// Constructs the 2024-11-21 CRR spec and schema update removed, renamed or changed
/// (the meeting notes' "B2B Spec Updates" and "JSON Schema Update" lists).
struct Update2024Rule: LintRule {
    let meta = RuleMeta(
        id: "crr-cpg-2024-11", severity: .error, scope: .all, profile: CRRLint.ruleProfile,
        summary: "The file has none of the constructs the 2024-11-21 CRR update removed or renamed, and has what it added.",
        why: "CAISO announced these changes to every participant (PREP dropped, price required, PENDING_MP_RESPONSE renamed ...); a file still written the old way no longer matches the service.",
        fix: "Apply the change the message names, as the 2024-11-21 notes describe it.",
        example: """
        file:    CRRResource_v1.0.2.draft-07.schema.json
                   "required": ["ResourceID", "PMax"],
        crrspec: error: PMax is required, but the 2024-11-21 schema update made it optional [crr-cpg-2024-11]
                 hint: remove it from required
        """)

    /// One announced change and how to see that a file predates it.
    struct Change {
        /// A spec's service or a schema's name.
        var file: String
        var check: @Sendable (LintContext, inout FindingSink) -> Void
    }

    static let changes: [Change] = [
        Change(file: "historical_forecasted_load") { c, o in forbidProperty(c, &o, "LoadSubmissionWindow", "submissionWindowStatus", "was renamed submissionWindow (a typo fixed by the 2024-11-21 update)") },
        Change(file: "historical_forecasted_load") { c, o in forbidPath(c, &o, "activeHistLoadSubmissionWindow", "openHistLoadSubmissionWindow") },
        Change(file: "historical_forecasted_load") { c, o in forbidPath(c, &o, "activeForecastLoadSubmissionWindow", "openForecastLoadSubmissionWindow") },
        Change(file: "historical_forecasted_load") { c, o in forbidEnum(c, &o, "LoadSubmissionWindowStatus", "PREP", "the 2024-11-21 update removed PREP from the window statuses") },
        Change(file: "historical_forecasted_load") { c, o in requireProperty(c, &o, "LoadDataResponseSet", "loadSubmissionStatus") },
        Change(file: "auction") { c, o in requireRequired(c, &o, "NewOffer", "crrId", "an offer names the CRR it sells; the 2024-11-21 update made crrId required instead of bidId") },
        Change(file: "auction") { c, o in forbidRequired(c, &o, "NewOffer", "bidId", "a new offer has no bidId yet; the 2024-11-21 update requires crrId instead") },
        Change(file: "auction") { c, o in requireRequired(c, &o, "PortfolioCredit", "requiredCredit", "the 2024-11-21 update made requiredCredit required") },
        Change(file: "auction") { c, o in requireProperty(c, &o, "PortfolioCredit", "errorMessage") },
        Change(file: "auction") { c, o in forbidRequired(c, &o, "PortfolioCredit", "errorMessage", "the 2024-11-21 update made errorMessage optional") },
        Change(file: "auction") { c, o in requireCode(c, &o, "POR0010", "the 2024-11-21 update restored it for deleting a submitted portfolio") },
        Change(file: "secondary_market") { c, o in requireRequired(c, &o, "TargetRespondingMp", "price", "the 2024-11-21 update made the price of a targeted participant required") },
        Change(file: "secondary_market") { c, o in requireCode(c, &o, "SMT0082", "the 2024-11-21 update added it") },
        Change(file: "load_migration") { c, o in forbidProperty(c, &o, "UDCSubmissionStatus", "errorMessage", "was removed by the 2024-11-21 update") },
        Change(file: "load_migration") { c, o in forbidEnum(c, &o, "SubmissionStatus", "ERROR", "the 2024-11-21 update removed ERROR: UDC submissions return VALID") },
        Change(file: "CRRPrivateAllocation") { c, o in requireEnumInSchema(c, &o, property: "CRRType", "TER") },
        Change(file: "CRRResource") { c, o in forbidRequiredInSchema(c, &o, ["PMax"]) },
        Change(file: "CRRSecondaryMarketOffer") { c, o in forbidEnumInSchema(c, &o, "PENDING_MP_RESPONSE", "PENDING_RESPONSE") },
        Change(file: "CRRSecondaryMarketResponse") { c, o in forbidEnumInSchema(c, &o, "PENDING_MP_RESPONSE", "PENDING_RESPONSE") },
        Change(file: "CRRMEQResult") { c, o in forbidRequiredInSchema(c, &o, ["LoadMetric", "TransmissionOwnershipRights", "ExistingTransmissionContractRights", "AdjustedLoadMetric", "SeasonalCRRs", "LongTermCRRs", "LoadMigrationCRRs"]) },
        Change(file: "CRRSEQResult") { c, o in forbidRequiredInSchema(c, &o, ["LoadMetric", "LoadMigrationAdjust", "TransmissionOwnershipRights", "ExistingTransmissionContractRights", "AdjustedLoadMetric", "LongTermCRRs", "LoadMigrationCRRs"]) },
        Change(file: "CRRUpperBoundResult") { c, o in forbidRequiredInSchema(c, &o, ["PreviousYearCRRs", "ExpiringLongTermPNP", "LongTermCRRs", "LoadMigrationCRRs"]) },
    ]

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let name = context.service ?? context.schemaName else { return }
        for change in Update2024Rule.changes where change.file == name { change.check(context, &out) }
    }

    // MARK: spec checks

    static func component(_ c: LintContext, _ name: String) -> Value? {
        c.root["components"]?["schemas"]?[name].flatMap { c.dereference($0) }
    }

    static func forbidProperty(_ c: LintContext, _ o: inout FindingSink, _ schema: String, _ property: String, _ why: String) {
        guard let key = component(c, schema)?["properties"]?.member(property)?.key else { return }
        o.add(key, "\(schema).\(property) \(why)", defect: "property-present:\(schema).\(property)")
    }

    static func requireProperty(_ c: LintContext, _ o: inout FindingSink, _ schema: String, _ property: String) {
        guard let s = component(c, schema), s["properties"]?[property] == nil else { return }
        o.add(s["properties"] ?? s, "\(schema) lacks the property \(property) that the 2024-11-21 update added", hint: "add \(property) to \(schema).properties",
              defect: "property-missing:\(schema).\(property)")
    }

    static func requireRequired(_ c: LintContext, _ o: inout FindingSink, _ schema: String, _ property: String, _ why: String) {
        guard let s = component(c, schema), !s["required"].strings.contains(property) else { return }
        o.add(s["required"] ?? s, "\(schema) does not require \(property): \(why)", hint: "add \(property) to \(schema).required")
    }

    static func forbidRequired(_ c: LintContext, _ o: inout FindingSink, _ schema: String, _ property: String, _ why: String) {
        guard let element = component(c, schema)?["required"].list.first(where: { $0.string == property }) else { return }
        o.add(element, "\(schema) requires \(property): \(why)", hint: "remove \(property) from \(schema).required")
    }

    static func forbidEnum(_ c: LintContext, _ o: inout FindingSink, _ schema: String, _ value: String, _ why: String) {
        guard let element = component(c, schema)?["enum"].list.first(where: { $0.string == value }) else { return }
        o.add(element, "\(schema) still lists \(value): \(why)", hint: "remove \(value)", defect: "enum-present:\(schema).\(value)")
    }

    static func forbidPath(_ c: LintContext, _ o: inout FindingSink, _ old: String, _ new: String) {
        for entry in c.root["paths"].entries where entry.name.split(separator: "/").contains(Substring(old)) {
            o.add(entry.key, "the 2024-11-21 update renamed \(old) to \(new)", hint: "use the path \(entry.name.replacing(old, with: new))")
        }
    }

    static func requireCode(_ c: LintContext, _ o: inout FindingSink, _ code: String, _ why: String) {
        guard let table = c.codeTable, !table.codes.contains(code) else { return }
        o.add(table.description, "the code table lacks \(code): \(why)", hint: "add a row for \(code)")
    }

    // MARK: download schema checks

    static func requireEnumInSchema(_ c: LintContext, _ o: inout FindingSink, property: String, _ value: String) {
        for site in c.schemas where site.name == property {
            guard let values = site.value["enum"], !values.elements.contains(where: { $0.string == value }) else { continue }
            o.add(values, "the \(property) enum lacks \(value), which the 2024-11-21 schema update added", hint: "add \(value)")
        }
    }

    static func forbidRequiredInSchema(_ c: LintContext, _ o: inout FindingSink, _ names: [String]) {
        for site in c.schemas {
            for element in site.value["required"].list where names.contains(element.string ?? "") {
                o.add(element, "\(element.string!) is required, but the 2024-11-21 schema update made it optional", hint: "remove it from required")
            }
        }
    }

    static func forbidEnumInSchema(_ c: LintContext, _ o: inout FindingSink, _ old: String, _ new: String) {
        for site in c.schemas {
            for element in site.value["enum"].list where element.string == old {
                o.add(element, "the 2024-11-21 schema update renamed \(old) to \(new) in this download", hint: "write \(new)")
            }
        }
    }
}
