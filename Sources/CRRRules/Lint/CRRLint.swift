import CRR
import Document
import JSONSchema
import Lint
import OpenAPI

/// The CRR profile as a lint profile: its rules (`crr-*`), how it recognises CRR files
/// (``CRRProfile/decide(_:path:document:)``), its compile options (date-times without
/// fractions) and the bundled catalog schemas every engine's registry resolves `$ref`s to.
///
/// ```swift
/// let engine = LintEngine(profiles: [CRRLint.profile])
/// let result = try engine.lint(path: "caiso_crr_auction_v1.2.1_openapi.yaml")
/// ```
public enum CRRLint {
    /// The CRR rules, in the order `--list-rules` prints them.
    public static let rules: [any LintRule] = [
        ErrorResponsesRule(),
        ServiceExceptionShapeRule(),
        DateTimeFractionRule(),
        DateTimeExampleRule(),
        ErrorCodeTableRule(),
        ErrorCodeFormatRule(),
        ErrorCodeDuplicateRule(),
        ErrorCodeUndefinedRule(),
        ErrorCodeStatusRule(),
        RetiredErrorCodeRule(),
        ForeignErrorCodeRule(),
        RevisionTableRule(),
        RevisionCodesRule(),
        RevisionNotesSchemaRule(),
        FileNameRule(),
        InfoVersionRule(),
        SchemaReferenceRule(),
        Update2024Rule(),
    ]

    /// What the CRR rules' ``RuleMeta/profile`` says: they run only where the CRR profile
    /// applies (`crrspec explain` and `--list-rules` name it).
    public static let ruleProfile = RuleProfile(
        name: "crr", title: "CRR", appliesTo: "files named or built like CRR specs and schemas, or --profile crr")

    /// The profile the lint engine runs.
    public static let profile = LintProfile(
        name: ruleProfile.name, rules: rules,
        decide: { selection, path, root in CRRProfile.decide(selection, path: path, document: root) },
        compileOptions: { CRRProfile.options($0) },
        prepare: { registry in try? CRRCatalog.register(into: registry) },
        businessRules: CRRBusinessRule.annotation)
}

extension LintContext {
    /// What the file name says, when it follows a CRR convention.
    public var fileName: CRRFileName? { CRRFileName(file) }

    /// The CRR service a spec file belongs to (`auction`, `tor_conversion` ...), from its name.
    public var service: String? {
        if case .openAPI(let service, _)? = fileName?.kind { return service }
        return nil
    }

    /// The download schema a schema file defines (`CRRMEQResult` ...), from its name.
    public var schemaName: String? {
        if case .schema(let name)? = fileName?.kind { return name }
        return nil
    }

    /// The error-code table in the description of CRRServiceException, when there is one.
    public var codeTable: ErrorCodeTable? { memo("crr.codeTable") { ErrorCodeTable(context: $0) } }

    /// The revision table in `info.description`, when there is one.
    public var revisions: RevisionTable? { memo("crr.revisions") { RevisionTable(context: $0) } }
}
