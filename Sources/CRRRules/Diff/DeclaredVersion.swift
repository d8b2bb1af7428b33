import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// The versions a file declares: in its name (`caiso_crr_auction_v1.2.1.yaml`,
/// `..._v1.2.1_openapi.yaml`, `CRRMEQResult_v1.2.0.draft-07.schema.json`), in its content
/// (`info.version`, or the version at the end of a schema's `$id`), and in its release notes (the
/// revision table of `info.description`, or the `History:` list of a schema's description).
public struct DeclaredVersion: Sendable {
    /// Service or schema name (from the file name, else from the `$id`).
    public var name: String?
    public var fileVersion: CRRVersion?
    public var contentVersion: CRRVersion?
    /// `info.version` or `$id`.
    public var contentField: String
    /// Where the content version is written.
    public var contentLocation: ChangeLocation
    /// Release-note entries in the file.
    public var releaseNotes: [ReleaseNoteTable.Entry]
    /// Whether the file keeps release notes at all.
    public var hasReleaseNotes: Bool
    /// The file as named.
    public var file: String

    /// The version to judge by: the file name's, else the content's.
    public var version: CRRVersion? { fileVersion ?? contentVersion }
    /// Why a version that is written is not MAJOR.MINOR.MINI (`_v01.2.3` in the file name,
    /// `info.version: 1.2.3.4`): an error, never a silent fall-back to the other one.
    public var problem: String?

    public static func read(_ input: DiffInput) -> DeclaredVersion {
        let root = Located(root: input.document)
        let path = input.name.split(separator: ":").last.map(String.init) ?? input.name
        let fileName = CRRFileName(path)
        let isSchema = input.kind == .schema
        var result = DeclaredVersion(name: fileName?.name, fileVersion: fileName?.version, contentVersion: nil,
                                     contentField: isSchema ? "$id" : "info.version", contentLocation: root.absent,
                                     releaseNotes: [], hasReleaseNotes: false, file: input.name)
        // A file name with a `_v…` part that is not a version is an error, not "no version".
        if fileName == nil, let range = path.ranges(of: "_v").last {
            let rest = path[range.upperBound...]
            let candidate = String(rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
            let text = candidate.hasSuffix(".") ? String(candidate.dropLast()) : candidate
            if !text.isEmpty, let why = CRRVersion.problem(text, family: "CRR") { result.problem = "the version in the file name, \(why)" }
        }
        if isSchema {
            if let id = root["$id"], let text = id.string {
                result.contentVersion = lastVersion(in: text)
                result.contentLocation = id.present
                if result.name == nil { result.name = schemaName(fromID: text) }
            }
            if let description = root["description"] {
                result.releaseNotes = history(description)
                result.hasReleaseNotes = description.string?.contains("History:") ?? false
            }
        } else {
            if let version = root["info"]?["version"] {
                let text = version.string ?? version.value.numberText ?? ""
                result.contentVersion = CRRVersion(text)
                result.contentLocation = version.present
                if result.contentVersion == nil, result.problem == nil, let why = CRRVersion.problem(text, family: "CRR") {
                    result.problem = "info.version \(why)"
                }
            }
            let description = root["info"]?["description"]
            result.releaseNotes = ReleaseNoteTable.entries(description)
            result.hasReleaseNotes = !result.releaseNotes.isEmpty
        }
        return result
    }

    /// The last `X.Y.Z` in a text (`urn:crrspec:schema:CRRMEQResult:1.2.0`, `.../v1.2.0/x.json`).
    static func lastVersion(in text: String) -> CRRVersion? {
        var found: CRRVersion?
        var current = ""
        for c in text + " " {
            if c.isASCII && (c.isNumber || c == ".") { current.append(c); continue }
            let trimmed = current.hasSuffix(".") ? String(current.dropLast()) : current
            if let v = CRRVersion(trimmed) { found = v }
            current = ""
        }
        return found
    }

    /// `urn:crrspec:schema:CRRMEQResult:1.2.0` → `CRRMEQResult`.
    static func schemaName(fromID id: String) -> String? {
        let parts = id.split(whereSeparator: { $0 == ":" || $0 == "/" }).map(String.init)
        return parts.last(where: { CRRVersion($0) == nil && !$0.isEmpty && $0.first!.isLetter })
            .map { $0.split(separator: "_v").first.map(String.init) ?? $0 }
    }

    /// `History: 1.1.0: layout before ... 1.2.0: elements made optional.` → entries.
    static func history(_ description: Located) -> [ReleaseNoteTable.Entry] {
        guard let text = description.string, let start = text.firstRange(of: "History:") else { return [] }
        let body = String(text[start.upperBound...])
        var entries: [ReleaseNoteTable.Entry] = []
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        var current: (CRRVersion, [Substring])?
        for word in words {
            if word.hasSuffix(":"), let version = CRRVersion(String(word.dropLast())) {
                if let (v, log) = current { entries.append(entry(v, log, description)) }
                current = (version, [])
            } else if current != nil {
                current!.1.append(word)
            }
        }
        if let (v, log) = current { entries.append(entry(v, log, description)) }
        return entries
    }

    private static func entry(_ version: CRRVersion, _ log: [Substring], _ description: Located) -> ReleaseNoteTable.Entry {
        let position = SourceSearch.position(of: version.description + ":", in: description.value)
        let text = log.joined(separator: " ")
        return ReleaseNoteTable.Entry(version: version, date: nil, log: text,
                                   location: ChangeLocation(file: description.file, pointer: description.pointer, line: position.line,
                                                            column: position.column, value: version.description + ": " + text))
    }
}
