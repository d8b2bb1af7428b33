import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpenAPI

/// A file-naming convention, as diff pairs files by it (the newest file of each series in two
/// folders; consecutive versions in one) and changelogs name them: the series a file belongs to
/// (a service or a schema) and the version its name declares. Without one, files pair by their
/// path. The CRR layer installs CAISO's (`caiso_crr_<service>_vX.Y.Z.yaml`,
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

extension SpecDiff {
    private static let environmentLock = Lock()
    nonisolated(unsafe) private static var installedNaming: FileNaming?
    nonisolated(unsafe) private static var installedCatalog: DiffCatalog?

    /// Installs the file-naming convention diff pairs files by (the first one installed stays).
    public static func install(naming: FileNaming) {
        environmentLock.lock(); defer { environmentLock.unlock() }
        if installedNaming == nil { installedNaming = naming }
    }

    /// Installs the catalog of named documents (the first one installed stays).
    public static func install(catalog: DiffCatalog) {
        environmentLock.lock(); defer { environmentLock.unlock() }
        if installedCatalog == nil { installedCatalog = catalog }
    }

    /// The installed naming convention, if any.
    public static var naming: FileNaming? {
        environmentLock.lock(); defer { environmentLock.unlock() }
        return installedNaming
    }

    /// The installed catalog, if any.
    public static var catalog: DiffCatalog? {
        environmentLock.lock(); defer { environmentLock.unlock() }
        return installedCatalog
    }
}
