import Reporting

/// The outcome of comparing two versions of one spec or schema.
public struct DiffResult: Sendable {
    public enum Kind: String, Sendable {
        case openAPI = "openapi"
        case schema
    }

    public var kind: Kind
    /// The files as named by the caller.
    public var oldFile: String
    public var newFile: String
    /// Every change, incompatible first.
    public var changes: [Change]
    /// Things the diff noticed that are not changes: a contract change under an unchanged path
    /// version, a `$ref` that could not be resolved.
    public var findings: [Finding]
    /// What each file's name declares (series and version) under the naming convention of the
    /// comparison's configuration; nil when the name does not follow one.
    public var oldDeclared: FileNaming.Name?
    public var newDeclared: FileNaming.Name?

    public init(kind: Kind, oldFile: String, newFile: String, changes: [Change], findings: [Finding] = []) {
        self.kind = kind
        self.oldFile = oldFile
        self.newFile = newFile
        self.changes = changes.sorted(by: Change.ordered)
        self.findings = findings
    }

    /// The bump the changes require: the largest of their bumps, NONE without changes.
    public var requiredBump: Bump { changes.map(\.bump).max() ?? .none }

    /// Changes at or above a bump level.
    public func changes(atLeast bump: Bump) -> [Change] { changes.filter { $0.bump >= bump } }
}
