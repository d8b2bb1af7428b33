import Document
import JSONSchema
import OpenAPI

/// A file-naming convention, as diff pairs files by it (the newest file of each series in two
/// folders; consecutive versions in one) and changelogs name them: the series a file belongs to
/// (a service or a schema) and the version its name declares. Without one, files pair by their
/// path. The CRR layer supplies CAISO's (`caiso_crr_<service>_vX.Y.Z.yaml`,
/// `<Name>_vX.Y.Z.draft-07.schema.json`).
public struct FileNaming: Sendable {
    /// What a file name says.
    public struct Name: Sendable, Hashable {
        /// What files of one series share (`openapi:auction`, `schema:CRRMEQResult`).
        public var key: String
        /// The service or schema name.
        public var name: String
        public var version: APIVersion

        public init(key: String, name: String, version: APIVersion) {
            self.key = key
            self.name = name
            self.version = version
        }
    }

    /// Reads a path (its last component); nil when it does not follow the convention.
    public var read: @Sendable (String) -> Name?

    public init(read: @escaping @Sendable (String) -> Name?) {
        self.read = read
    }
}

/// Named documents that are not files: what `SERVICE@VERSION` arguments name and what `$ref`s
/// by `$id` fall back to (the CRR layer's bundled catalog).
public final class DiffCatalog: @unchecked Sendable {
    /// The path of the entry an argument names (`auction`, `auction@1.2.0`), nil when none.
    public let find: @Sendable (String) -> String?
    /// Every entry's path, in order.
    public let paths: [String]
    /// The entries `$ref`s may name by `$id` (schemas).
    public let schemaPaths: [String]
    /// The document of an entry.
    public let document: @Sendable (String) throws -> Document

    public init(find: @escaping @Sendable (String) -> String?, paths: [String], schemaPaths: [String],
                document: @escaping @Sendable (String) throws -> Document) {
        self.find = find
        self.paths = paths
        self.schemaPaths = schemaPaths
        self.document = document
    }

    private let lock = Lock()
    private var idIndex: [String: Document]?

    /// The schemas by their root `$id`, parsed once.
    var byID: [String: Document] {
        lock.lock(); defer { lock.unlock() }
        if let idIndex { return idIndex }
        var out: [String: Document] = [:]
        for path in schemaPaths {
            if let document = try? document(path), let id = DocumentLibrary.rootID(document) { out[id] = document }
        }
        idIndex = out
        return out
    }
}

/// What a layer plugs into diff, passed as a value (``DiffOptions/configuration``, and the
/// `configuration:` of the loading and pairing functions): checks run after the engine's own,
/// rules that judge the finished comparison (``DiffFindingRule``),
/// the file-naming convention files pair by, and the catalog of named documents. The general
/// engine's is empty (``general``); the CRR layer's is `CRRDiff.configuration`.
///
/// ```swift
/// let configuration = DiffConfiguration(checks: [TitleLength()], naming: nil, catalog: nil)
/// let old = try SpecDiff.load("old.yaml", configuration: configuration)
/// let new = try SpecDiff.load("new.yaml", configuration: configuration)
/// let result = try SpecDiff.compare(old, new, options: DiffOptions(configuration: configuration))
/// ```
public struct DiffConfiguration: Sendable {
    /// Checks layered on the OpenAPI diff, in the order they run.
    public var checks: [any DiffCheck]
    /// Rules that judge a finished OpenAPI comparison and report findings, in the order they run.
    public var findingRules: [any DiffFindingRule]
    /// How file names name a series and a version; nil: files pair by their path.
    public var naming: FileNaming?
    /// Named documents (`SERVICE@VERSION` arguments, `$ref`s by `$id`); nil: none.
    public var catalog: DiffCatalog?
    /// The business-rule annotation whose marks make changes the layer's rules (reported with
    /// the rule, no bump) and whose own changes are not contract changes; nil: none.
    public var businessRules: BusinessRuleAnnotation?
    /// The change ids the checks record, with their meaning and `crrspec explain` example
    /// (``ChangeCatalog/allIDs(with:)``, ``ChangeCatalog/explanations(with:)``).
    public var changeKinds: [ChangeKind]

    public init(checks: [any DiffCheck] = [], naming: FileNaming? = nil, catalog: DiffCatalog? = nil,
                businessRules: BusinessRuleAnnotation? = nil, changeKinds: [ChangeKind] = [], findingRules: [any DiffFindingRule] = []) {
        self.findingRules = findingRules
        self.changeKinds = changeKinds
        self.checks = checks
        self.naming = naming
        self.catalog = catalog
        self.businessRules = businessRules
    }

    /// The general engine alone: no checks, no naming convention, no catalog.
    public static let general = DiffConfiguration()
}
