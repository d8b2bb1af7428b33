import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema

/// Finds the documents that `$ref`s name (the document source of diff's ``references``): the referring file itself, files beside it (by
/// relative path or by their root `$id`) and, last, the library's catalog (``DiffConfiguration/catalog``). One library serves
/// one side of a diff (the old files or the new ones), so both sides resolve in their own world.
///
/// Files on disk are read only through the engine's ``SchemaRegistry`` fence and read limits: a
/// `$ref` outside the folders of the compared files, to a FIFO or a device is refused, and the
/// refusal (``refusal``) makes the input unusable (exit 2), with the message validate gives.
public final class DocumentLibrary: @unchecked Sendable {
    /// Reads a file by path; nil when it does not exist or does not parse; throws to refuse.
    public typealias Loader = @Sendable (String) throws -> Document?
    /// Lists the files of a directory (paths as the loader takes them).
    public typealias Lister = @Sendable (String) -> [String]

    private let loader: Loader
    private let lister: Lister
    private var byPath: [String: Document] = [:]
    private var byID: [String: Document] = [:]
    private var scanned: Set<String> = []
    private let lock = Lock()
    /// The first read the file fence refused (or a read limit stopped), if any.
    public private(set) var refusal: SchemaError?
    /// The fence of a file-system library (nil for git revisions and the catalog).
    let fence: SchemaRegistry?
    /// The folder relative names are taken from (file-system libraries only).
    let base: String?
    /// Where `$ref`s by `$id` that no file answers are looked up last.
    public let catalog: DiffCatalog?

    /// A library over what `loader` reads and `lister` lists, with `catalog` as the last place
    /// `$ref`s by `$id` are looked up.
    public init(loader: @escaping Loader, lister: @escaping Lister, catalog: DiffCatalog? = nil) {
        self.loader = loader
        self.lister = lister
        self.fence = nil
        self.base = nil
        self.catalog = catalog
    }

    init(loader: @escaping Loader, lister: @escaping Lister, fence: SchemaRegistry?, base: String?, catalog: DiffCatalog?) {
        self.loader = loader
        self.lister = lister
        self.fence = fence
        self.base = base
        self.catalog = catalog
    }

    /// Files on disk; with `root`, relative paths are taken from that directory (documents keep
    /// the relative path as their name). `$ref`s may read files in `root` (or, without one, in
    /// the folders of the documents registered) and below, and only regular files.
    /// `limits` are the read limits of every file it reads (`diff`, `version-check` and
    /// `changelog` pass their `--max-depth`, `--max-bytes`, ... options); `$ref`s by `$id` that
    /// no file answers are looked up in `catalog` last.
    public static func fileSystem(root: String? = nil, limits: ReaderLimits = .default, catalog: DiffCatalog? = nil) -> DocumentLibrary {
        @Sendable func full(_ path: String) -> String {
            guard let root, !path.hasPrefix("/") else { return path.isEmpty ? "." : path }
            return path.isEmpty ? root : root + "/" + path
        }
        let fence = SchemaRegistry()
        fence.limits = limits
        if let root { fence.allowedRoots = [SchemaRegistry.absolutePathOf(root)] }
        return DocumentLibrary(loader: { path in
            let file = full(path)
            guard FileManager.default.fileExists(atPath: file) else { return nil }
            try fence.checkReadable(file, reference: path)
            do {
                switch InputFormat.forPath(path) {
                case .yaml: return try YAMLReader.parse(contentsOfFile: file, name: path, limits: fence.limits)
                default: return try JSONReader.parse(contentsOfFile: file, name: path, limits: fence.limits)
                }
            } catch let error as DocumentError where error.kind == .limit {
                var refusal = SchemaError("cannot load referenced schema \(path): \(error.message)")
                refusal.isLimit = true
                throw refusal
            } catch {
                return nil
            }
        }, lister: { directory in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: full(directory))) ?? []
            return names.sorted().map { directory.isEmpty ? $0 : directory + "/" + $0 }
        }, fence: fence, base: root.map(SchemaRegistry.absolutePathOf) ?? FileManager.default.currentDirectoryPath, catalog: catalog)
    }

    /// Makes a document known under its path (and its root `$id`).
    public func register(_ document: Document, path: String) {
        lock.lock(); defer { lock.unlock() }
        byPath[path] = document
        if let fence, !path.hasPrefix("<"), !path.contains(":") || path.hasPrefix("/") {
            let directory = PathText.parent(SchemaRegistry.absolutePathOf(path))
            if !fence.allowedRoots.contains(directory) { fence.allowedRoots.append(directory) }
        }
        if let id = DocumentLibrary.rootID(document) { byID[id] = byID[id] ?? document }
    }

    /// A document's root `$id` without its fragment.
    static func rootID(_ document: Document) -> String? {
        guard document.root.kind == .object, let id = document.root["$id"]?.string else { return nil }
        return String(id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// The document a `$ref`'s URI part names, seen from `origin`.
    func document(uri: String, from origin: Document, referrer: Value? = nil) -> Document? {
        if uri.isEmpty || DocumentLibrary.rootID(origin) == uri { return origin }
        lock.lock(); defer { lock.unlock() }
        if let known = byID[uri] ?? byPath[uri] { return known }
        let directory = DocumentLibrary.directory(of: origin.name)
        if !uri.contains(":") {
            // A relative file reference.
            var path: String
            if let joined = DocumentLibrary.join(directory, uri) {
                path = joined
            } else if let base {
                // It climbs above the folder names are relative to: name the file absolutely
                // (the fence then judges the real place).
                path = SchemaRegistry.absolutePathOf(base + "/" + (directory.isEmpty ? "" : directory + "/") + uri)
            } else {
                return nil  // above the top of a git tree or the catalog: nothing there
            }
            if let known = byPath[path] { return known }
            if let loaded = load(path, referrer: referrer) { store(loaded, path: path); return loaded }
            return nil
        }
        // An absolute URI: look for a sibling file with that $id, then in the catalog.
        if !scanned.contains(directory) {
            scanned.insert(directory)
            for path in lister(directory) where path.hasSuffix(".json") && byPath[path] == nil {
                if let loaded = load(path, referrer: nil) { store(loaded, path: path) }
            }
            if let found = byID[uri] { return found }
        }
        return byID[uri] ?? catalog?.byID[uri]
    }

    /// Loads through the loader; a refusal is kept (the first one) and counts as no document.
    private func load(_ path: String, referrer: Value?) -> Document? {
        do {
            return try loader(path)
        } catch var error as SchemaError {
            if refusal == nil {
                if let referrer, error.file == nil {
                    error.file = referrer.document.name
                    error.position = referrer.position
                    error.pointer = referrer.pointer.description
                }
                refusal = error
            }
            return nil
        } catch {
            if refusal == nil { refusal = SchemaError("cannot read \(path): \(error)", at: referrer) }
            return nil
        }
    }

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

    /// `relative` taken from `directory`, with `.` and `..` applied; the result never holds a
    /// `..`. Nil when the path climbs above the start of a relative `directory` (above `/`, an
    /// absolute path stays at `/`).
    static func join(_ directory: String, _ relative: String) -> String? {
        let absolute = directory.hasPrefix("/") || relative.hasPrefix("/")
        var parts: [Substring] = relative.hasPrefix("/") ? [] : directory.split(separator: "/")
        for part in relative.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if parts.popLast() == nil && !absolute { return nil }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }
}

extension DocumentLibrary {
    /// The engine's one `$ref` resolver (``ReferenceResolver``: fragments, anchors, loop guard)
    /// with this library as its document source: the part of a `$ref` before `#` names a
    /// document by ``document(uri:from:referrer:)``.
    public var references: ReferenceResolver {
        ReferenceResolver(source: { [self] request in
            guard let document = document(uri: request.reference, from: request.origin, referrer: request.referrer) else {
                return .failure(ReferenceFailure(.notFound, "no document \(request.reference) is known from \(request.origin.name)"))
            }
            return .success(document.root)
        })
    }
}

extension ReferenceResolver {
    /// The value a `$ref` chain ends at (the value itself when it is not a reference), or nil
    /// when a reference cannot be resolved or the chain loops.
    func resolve(_ node: Located) -> Located? {
        guard node.kind == .object, node.value["$ref"]?.string != nil else { return node }
        guard case .success(let value) = follow(node.value) else { return nil }
        return Located(value)
    }
}
