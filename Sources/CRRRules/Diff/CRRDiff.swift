import CRR
import Diff
import Document
import OpenAPI

/// The CRR layer's checks on the OpenAPI diff (``DiffCheck``): the error-code catalog (the
/// codes of CAISO's HTML code tables and examples: `error-code-added`, `-removed`, `-replaced`,
/// `-redescribed`) and the release notes (the revision table of `info.description`:
/// `release-note-added`, `-removed`, `-changed`).
///
/// ```swift
/// let layer = CRRDiff.configuration
/// let result = try SpecDiff.compare(SpecDiff.load("auction@1.2.0", configuration: layer),
///                                   SpecDiff.load("auction@1.2.1", configuration: layer),
///                                   options: DiffOptions(configuration: layer))
/// ```
public enum CRRDiff {
    /// The checks, in the order they run.
    public static let checks: [any DiffCheck] = [ReleaseNotes(), ErrorCodes()]

    /// CAISO's file names as diff's naming convention: the series `openapi:<service>` or
    /// `schema:<Name>` and the version in the name.
    public static let naming = FileNaming { path in
        guard let name = CRRFileName(path) else { return nil }
        switch name.kind {
        case .openAPI(let service, _): return FileNaming.Name(key: "openapi:" + service, name: service, version: name.version)
        case .schema(let schema): return FileNaming.Name(key: "schema:" + schema, name: schema, version: name.version)
        }
    }

    /// The bundled catalog as diff's catalog: `auction@1.2.0` arguments, `$ref`s by `$id`.
    public static let catalog = DiffCatalog(
        find: { CRRCatalog.find($0)?.path },
        paths: CRRCatalog.entries.map(\.path),
        schemaPaths: CRRCatalog.entries.filter(\.isSchema).map(\.path),
        document: { path in
            guard let entry = CRRCatalog.entries.first(where: { $0.path == path }) else { throw DiffInputError("\(path): no catalog entry") }
            return try CRRCatalog.document(entry)
        })

    /// The change ids the checks record, with their meaning and `crrspec explain` example (each
    /// one is what crrspec reports: `CRRSpecChangeTests`); release notes are not changelog items.
    public static let changeKinds: [ChangeKind] = [
        ChangeKind(id: "error-code-added", meaning: "an error code added to the code catalog",
                   example: ChangeExample(old: "code table: SER0001", new: "code table: SER0001, SER0030 (The request has too many records.)",
                                                 compatibility: .warning, direction: .response,
                                                 message: "Added error code SER0030 (The request has too many records.)")),
        ChangeKind(id: "error-code-removed", meaning: "an error code removed from the code catalog",
                   example: ChangeExample(old: "code table: SER0001, SER0030 (The request has too many records.)", new: "code table: SER0001",
                                                 compatibility: .warning, direction: .response,
                                                 message: "Removed error code SER0030 (The request has too many records.)")),
        ChangeKind(id: "error-code-replaced", meaning: "an error code replaced by another with the same text (SER0018 → GEN0003)",
                   example: ChangeExample(old: "code table: SER0018 The system is busy.", new: "code table: GEN0003 The system is busy.",
                                                 compatibility: .warning, direction: .response,
                                                 message: "Replaced error code SER0018 with GEN0003")),
        ChangeKind(id: "error-code-redescribed", meaning: "an error code's text changed: documentation",
                   example: ChangeExample(old: "code table: SMT0146 Owner differs.", new: "code table: SMT0146 Owner differs (names are compared case-sensitively).",
                                                 compatibility: .documentation, direction: .response,
                                                 message: #"Changed the description of error code SMT0146: "Owner differs." → "Owner differs (names are compared case-sensitively).""#)),
        ChangeKind(id: "release-note-added", meaning: "a row added to the revision table: documentation",
                   example: ChangeExample(old: "revision table: 1.0.0 First version.", new: "revision table: 1.0.0 First version.; 1.0.1 Error code SER0030 added.",
                                                 compatibility: .documentation, direction: .none,
                                                 message: "Added the release note of version 1.0.1: Error code SER0030 added."), inChangelog: false),
        ChangeKind(id: "release-note-removed", meaning: "a row removed from the revision table: documentation",
                   example: ChangeExample(old: "revision table: 1.0.0 First version.; 1.0.1 Error code SER0030 added.", new: "revision table: 1.0.0 First version.",
                                                 compatibility: .documentation, direction: .none,
                                                 message: "Removed the release note of version 1.0.1"), inChangelog: false),
        ChangeKind(id: "release-note-changed", meaning: "a row of the revision table changed: documentation",
                   example: ChangeExample(old: "revision table: 1.0.0 First.", new: "revision table: 1.0.0 First version.",
                                                 compatibility: .documentation, direction: .none,
                                                 message: "Changed the release note of version 1.0.0"), inChangelog: false),
    ]

    /// The layer as diff takes it: the checks and their change kinds, the path-version rule,
    /// CAISO's file naming, the bundled catalog and `x-crr-rule` (what the `crrspec` command passes to every comparison).
    public static let configuration = DiffConfiguration(checks: checks, naming: naming, catalog: catalog,
                                                        businessRules: CRRBusinessRule.annotation, changeKinds: changeKinds,
                                                        findingRules: findingRules)

    /// The rules that judge a whole comparison: `contract-change-without-path-version`.
    public static let findingRules: [any DiffFindingRule] = [PathVersionRule()]

    /// Release notes: the revision tables of both `info.description`s.
    struct ReleaseNotes: DiffCheck {
        func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void) {
            let o = Located(root: old.document)["info"], n = Located(root: new.document)["info"]
            guard let o, let n else { return }
            ReleaseNoteCheck.run(old: ReleaseNoteTable.entries(o["description"]), new: ReleaseNoteTable.entries(n["description"]),
                                 oldAnchor: (o["description"] ?? o).absent, newAnchor: (n["description"] ?? n).absent, record: record)
        }
    }

    /// The error-code catalog of both documents.
    struct ErrorCodes: DiffCheck {
        func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void) {
            let oldRoot = Located(root: old.document), newRoot = Located(root: new.document)
            let oldCodes = ErrorCodeCatalog.entries(old.document), newCodes = ErrorCodeCatalog.entries(new.document)
            ErrorCodeCheck.run(old: oldCodes, new: newCodes, oldAnchor: ErrorCodes.anchor(oldCodes, oldRoot),
                               newAnchor: ErrorCodes.anchor(newCodes, newRoot), record: record,
                               asDocumentation: options.errorCodesAsDocumentation)
        }

    /// Where a code that is absent on one side is reported: that side's code table, else its root.
    static func anchor(_ codes: [ErrorCodeCatalog.Entry], _ root: Located) -> ChangeLocation {
        guard var location = codes.first(where: { $0.text != nil })?.location else { return root.absent }
        location.value = nil
        if let value = root.document.resolve(location.pointer) {
            let position = value.position
            location.line = position.line
            location.column = position.column
        }
        return location
    }
    }
}

extension SpecDiff {
    /// A bundled catalog file, with `$ref`s resolving inside the catalog.
    public static func catalogInput(_ entry: CRRCatalog.Entry) throws -> DiffInput {
        try catalogInput(path: entry.path, catalog: CRRDiff.catalog)
    }
}
