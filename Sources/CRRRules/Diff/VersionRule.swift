import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// The rules `crrspec version-check` applies to file versions (the MAJOR.MINOR.MINI naming
/// convention), by the id its findings carry. Each rule explains itself for `crrspec explain`.
///
/// ```swift
/// VersionRule(rawValue: "declared-bump-too-low")?.explanation.fix
/// ```
public enum VersionRule: String, CaseIterable, Sendable {
    case declaredBumpTooLow = "declared-bump-too-low"
    case versionNotReset = "version-not-reset"
    case versionDecreased = "version-decreased"
    case versionUnchanged = "version-unchanged"
    case fileNameVersionMismatch = "file-name-version-mismatch"
    case releaseNoteMissing = "release-note-missing"
    case releaseNoteAhead = "release-note-ahead"
    case declaredBumpHigher = "declared-bump-higher"
    case contractChangeWithoutPathVersion = "contract-change-without-path-version"

    /// What `crrspec explain` prints for the rule.
    public var explanation: Explanation {
        let (title, description, example, fix) = texts
        return Explanation(id: rawValue, kind: .version, title: title, description: description, example: example, fix: fix)
    }

    /// Every rule's explanation, in declaration order.
    public static var explanations: [Explanation] { allCases.map(\.explanation) }

    private var texts: (String, String, String, String) {
        switch self {
        case .declaredBumpTooLow:
            return ("The version numbers bump less than the changes require.",
                    """
                    crrspec diffs the two versions and classifies every change: documentation only needs a \
                    MINI bump, a compatible change (an added optional field, a new error code, a new \
                    operation) a MINOR bump, and an incompatible one (a removed or renamed field, a new \
                    required field, a narrowed enum or pattern) a MAJOR bump. The declared bump is read \
                    from the file names (or info.version / $id). The message names up to three of the \
                    changes that need the larger bump; `crrspec diff` lists them all.
                    """,
                    """
                    files:   caiso_crr_market_data_v1.1.3.yaml → caiso_crr_market_data_v1.2.0.yaml
                             (CRRServiceException's errorCode and errorDescription moved into errorList)
                    crrspec: error: 1.1.3 → 1.2.0 declares a MINOR bump but the changes require MAJOR: Removed required property errorCode from CRRServiceException; ... [declared-bump-too-low]
                             hint: publish as 2.0.0
                    """,
                    "Publish the new file under the version the hint names, or make the incompatible changes compatible (keep the old field, make the new one optional). `--error-codes documentation` counts added error codes as documentation, as CAISO's own MINI bumps do.")
        case .versionNotReset:
            return ("The numbers to the right of the bumped one do not restart at 0.",
                    "In MAJOR.MINOR.MINI, a MINOR bump resets MINI to 0 and a MAJOR bump resets both: 1.1.7 is followed by 1.1.8, 1.2.0 or 2.0.0. The rule is checked between two files and along a file's own revision table.",
                    """
                    files:   caiso_crr_auction_v1.1.7.yaml → caiso_crr_auction_v1.2.1.yaml
                    crrspec: error: 1.1.7 → 1.2.1 is a MINOR bump, so the numbers to its right must restart at 0 [version-not-reset]
                             hint: use 1.2.0
                    """,
                    "Rename the file (and info.version, and the revision-table row) to the version the hint names.")
        case .versionDecreased:
            return ("The version goes down.",
                    "The new file's version is lower than the old one's, or a revision-table row has a lower version than the row before it. Versions only go up; a published version is never reused for other content.",
                    """
                    files:   caiso_crr_nomination_v1.3.1.yaml → caiso_crr_nomination_v1.3.0.yaml
                    crrspec: error: the version went down from 1.3.1 to 1.3.0 [version-decreased]
                    """,
                    "Check that OLD and NEW are given in that order; otherwise give the new file a version above the old one.")
        case .versionUnchanged:
            return ("The version stays the same although the contents changed.",
                    "Two files with the same version must have the same contract. crrspec found changes that need at least a MINI bump (documentation) between files that declare one version.",
                    """
                    files:   caiso_crr_messages_v1.2.1.yaml (edited) → caiso_crr_messages_v1.2.1.yaml
                    crrspec: error: the version stays 1.2.1 although 3 changes need a MINOR bump [version-unchanged]
                             hint: publish the changes as 1.3.0
                    """,
                    "Publish the changed file under the version the hint names, with a revision-table row for it.")
        case .fileNameVersionMismatch:
            return ("The file name and info.version (or the schema's $id) name different versions.",
                    "CAISO's convention puts the version in the file name (caiso_crr_<service>_vX.Y.Z.yaml, <Name>_vX.Y.Z.draft-07.schema.json) and in the document (info.version; the version in a schema's $id). Users download by file name and generators read info.version: both must agree. On the old file of a pair it is a warning, on the new file an error.",
                    """
                    file:    caiso_crr_auction_v1.2.1.yaml
                               info:
                                 version: 1.2.0
                    crrspec: error: the file name says 1.2.1 but info.version says 1.2.0 [file-name-version-mismatch]
                    """,
                    "Make info.version (or the $id) say the version in the file name.")
        case .releaseNoteMissing:
            return ("The release notes have no entry for the file's version.",
                    "The CRR specs keep their release notes as a revision table in info.description (version, date, description of the change); crrspec's schemas keep a History: list in their description. Every published version needs its row, so that users can see what changed. A schema that keeps no history at all gets a warning, a spec an error.",
                    """
                    file:    caiso_crr_auction_v1.2.1.yaml (revision table ends at 1.2.0)
                    crrspec: error: the release notes have no entry for 1.2.1 [release-note-missing]
                    """,
                    "Add a revision-table row (or History: entry) for the new version that says what changed.")
        case .releaseNoteAhead:
            return ("The release notes name a newer version than the file itself.",
                    "The newest row of the revision table should be the file's own version. A row above it usually means the file was renamed back, or the row was written for a version not yet published.",
                    """
                    file:    caiso_crr_tor_conversion_v1.2.0.yaml (revision table ends at 1.2.1)
                    crrspec: error: the release notes go up to 1.2.1 but the file is 1.2.0 [release-note-ahead]
                    """,
                    "Rename the file to the newest version of its release notes, or remove the row that is not published yet.")
        case .declaredBumpHigher:
            return ("The version numbers bump more than the changes require (a note).",
                    "A larger bump than needed is allowed: it tells users to expect more than they will find. crrspec notes it without failing.",
                    """
                    files:   caiso_crr_app_status_v1.0.0.yaml → caiso_crr_app_status_v2.0.0.yaml (one description edited)
                    crrspec: info: 1.0.0 → 2.0.0 declares a MAJOR bump; the changes require only MINI [declared-bump-higher]
                    """,
                    "Nothing to fix; use the smaller bump next time if the larger one was not intended.")
        case .contractChangeWithoutPathVersion:
            return ("A service's contract changed while its path version (/service/v1.0/...) stayed the same.",
                    "CRR services carry a version in their URL paths. Clients call those URLs; when the file changes the contract of a service but keeps its path version, existing clients get the new contract without changing anything. It is a warning when some change is incompatible, a note otherwise; it does not fail version-check, which judges the file version.",
                    """
                    files:   caiso_crr_market_data_v1.1.3.yaml → caiso_crr_market_data_v1.2.0.yaml
                    crrspec: warning: service marketdata changed its contract (34 changes, 2 incompatible) while its path version stays v1.0 [contract-change-without-path-version]
                             hint: existing clients call the same URLs and get an incompatible contract; publish the new contract under a new major path version
                    """,
                    "Publish an incompatible contract under a new path version (/marketdata/v2.0/...), keeping the old paths until clients have moved.")
        }
    }
}
