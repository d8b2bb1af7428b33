import CRR
import Document
import Foundation
import JSONSchema

/// Finds the documents that `$ref`s name: the referring file itself, files beside it (by
/// relative path or by their root `$id`) and, last, the bundled CRR catalog. One library serves
/// one side of a diff (the old files or the new ones), so both sides resolve in their own world.
public final class DocumentLibrary: @unchecked Sendable {
    /// Reads a file by path; nil when it does not exist or does not parse.
    public typealias Loader = @Sendable (String) -> Document?
    /// Lists the files of a directory (paths as the loader takes them).
    public typealias Lister = @Sendable (String) -> [String]

    private let loader: Loader
    private let lister: Lister
    private var byPath: [String: Document] = [:]
    private var byID: [String: Document] = [:]
    private var scanned: Set<String> = []
    private let lock = NSLock()

    public init(loader: @escaping Loader, lister: @escaping Lister) {
        self.loader = loader
        self.lister = lister
    }

    /// Files on disk; with `root`, relative paths are taken from that directory (documents keep
    /// the relative path as their name).
    public static func fileSystem(root: String? = nil) -> DocumentLibrary {
        @Sendable func full(_ path: String) -> String {
            guard let root, !path.hasPrefix("/") else { return path.isEmpty ? "." : path }
            return path.isEmpty ? root : root + "/" + path
        }
        return DocumentLibrary(loader: { path in
            let file = full(path)
            guard FileManager.default.fileExists(atPath: file), let data = FileManager.default.contents(atPath: file) else { return nil }
            return try? DocumentLoader.load(bytes: Array(data), name: path, format: InputFormat.forPath(path)).documents.first?.document
        }, lister: { directory in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: full(directory))) ?? []
            return names.sorted().map { directory.isEmpty ? $0 : directory + "/" + $0 }
        })
    }

    /// Makes a document known under its path (and its root `$id`).
    public func register(_ document: Document, path: String) {
        lock.lock(); defer { lock.unlock() }
        byPath[path] = document
        if let id = DocumentLibrary.rootID(document) { byID[id] = byID[id] ?? document }
    }

    /// A document's root `$id` without its fragment.
    static func rootID(_ document: Document) -> String? {
        guard document.root.kind == .object, let id = document.root["$id"]?.string else { return nil }
        return String(id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// The document a `$ref`'s URI part names, seen from `origin`.
    func document(uri: String, from origin: Document) -> Document? {
        if uri.isEmpty || DocumentLibrary.rootID(origin) == uri { return origin }
        lock.lock(); defer { lock.unlock() }
        if let known = byID[uri] ?? byPath[uri] { return known }
        let directory = DocumentLibrary.directory(of: origin.name)
        if !uri.contains(":") {
            // A relative file reference.
            let path = DocumentLibrary.join(directory, uri)
            if let known = byPath[path] { return known }
            if let loaded = loader(path) { store(loaded, path: path); return loaded }
            return nil
        }
        // An absolute URI: look for a sibling file with that $id, then in the catalog.
        if !scanned.contains(directory) {
            scanned.insert(directory)
            for path in lister(directory) where path.hasSuffix(".json") && byPath[path] == nil {
                if let loaded = loader(path) { store(loaded, path: path) }
            }
            if let found = byID[uri] { return found }
        }
        return byID[uri] ?? DocumentLibrary.catalogByID[uri]
    }

    /// The bundled catalog schemas by `$id`, parsed once per process.
    static let catalogByID: [String: Document] = {
        var out: [String: Document] = [:]
        for entry in CRRCatalog.entries where entry.isSchema {
            if let document = try? CRRCatalog.document(entry), let id = rootID(document) { out[id] = document }
        }
        return out
    }()

    private func store(_ document: Document, path: String) {
        byPath[path] = document
        if let id = DocumentLibrary.rootID(document), byID[id] == nil { byID[id] = document }
    }

    /// The directory of a document name; a git revision prefix (`HEAD~1:openapi/a.yaml`) is dropped.
    static func directory(of name: String) -> String {
        var path = name[...]
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { path = path[path.index(after: colon)...] }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func join(_ directory: String, _ relative: String) -> String {
        var parts = directory.isEmpty ? [] : directory.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let absolute = directory.hasPrefix("/")
        for part in relative.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast(); continue }
            parts.append(String(part))
        }
        let joined = parts.joined(separator: "/")
        return absolute && !joined.hasPrefix("/") ? "/" + joined : joined
    }
}

/// Follows `$ref`s, locally and across the documents of a ``DocumentLibrary``.
struct RefResolver {
    let library: DocumentLibrary

    /// The value a `$ref` chain ends at (the value itself when it is not a reference), or nil
    /// when a reference cannot be resolved or the chain loops.
    func resolve(_ node: Located) -> Located? {
        var current = node
        var seen: Set<NodeIdentity> = []
        while current.kind == .object, let ref = current.value["$ref"]?.string {
            guard seen.insert(current.identity).inserted, seen.count < 64 else { return nil }
            guard let target = target(of: ref, from: current.document) else { return nil }
            current = target
        }
        return current
    }

    /// Whether the value is a `$ref` object.
    static func isReference(_ node: Located) -> Bool {
        node.kind == .object && node.value["$ref"]?.string != nil
    }

    /// Where a reference points, seen from a document.
    func target(of ref: String, from document: Document) -> Located? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let uri = parts[0]
        let fragment = parts.count > 1 ? URIReference.percentDecode(parts[1]) : ""
        guard let targetDocument = library.document(uri: uri, from: document),
              let pointer = JSONPointer(fragment), let value = targetDocument.resolve(pointer) else { return nil }
        return Located(value, pointer)
    }
}
