import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpenAPI

/// Two versions of one spec or schema, ready to compare.
public struct FilePair: Sendable {
    public var old: DiffInput
    public var new: DiffInput
}

/// Which files to compare: two files; two directories (files matched by service or schema
/// name, the newest version on each side); the consecutive versions inside one directory; or
/// the working tree against a git revision.
public enum InputPairing {
    /// The result of matching: pairs, plus files that have no counterpart (reported as notes).
    public struct Matching: Sendable {
        public var pairs: [FilePair] = []
        public var notes: [String] = []

        public init(pairs: [FilePair] = [], notes: [String] = []) {
            self.pairs = pairs
            self.notes = notes
        }
    }

    /// The key files are matched by: the series of the naming convention
    /// (``DiffConfiguration/naming``; CRR's: `openapi:<service>` / `schema:<Name>`), else the
    /// path relative to its directory.
    static func key(_ relativePath: String, _ naming: FileNaming?) -> (key: String, version: APIVersion?) {
        guard let name = naming?.read(relativePath) else { return ("path:" + relativePath, nil) }
        return (name.key, name.version)
    }

    /// Spec and schema files under a directory (recursive; hidden and build directories skipped),
    /// relative paths. Only regular files: a FIFO or device named like a spec is never opened
    /// (``FolderWalk``). A name that is not valid UTF-8 cannot be read: it is an error, never
    /// passed over (the comparison would leave out a file without saying so).
    static func files(under directory: String) throws -> [String] {
        let walk = FolderWalk.files(under: directory, extensions: [".yaml", ".yml", ".json"])
        if let name = walk.undecodable.first { throw DiffInputError("\(name): error: \(FolderWalk.undecodableMessage)") }
        let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return walk.files.map { String($0.dropFirst(base.count + 1)) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: DirectoryFlag = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The newest file per key.
    static func newest(_ paths: [String], _ naming: FileNaming?) -> [String: String] {
        var out: [String: (String, APIVersion?)] = [:]
        for path in paths {
            let (k, version) = key(path, naming)
            if let existing = out[k], let a = existing.1, let b = version, b < a { continue }
            out[k] = (path, version)
        }
        return out.mapValues(\.0)
    }

    /// OLD and NEW as given: two files (or entries of the configuration's catalog), or two
    /// directories (files paired by the configuration's naming convention), each file read
    /// within `limits`.
    public static func pairs(old: String, new: String, limits: ReaderLimits = .default,
                             configuration: DiffConfiguration = .general) throws -> Matching {
        switch (isDirectory(old), isDirectory(new)) {
        case (false, false):
            let first = try SpecDiff.load(old, limits: limits, configuration: configuration)
            // One file named twice (a spec against itself, `a.yaml` and `./a.yaml`): read and
            // modelled once, the comparison then sees the same document on both sides.
            if let identity = FileIdentity(path: old), identity == FileIdentity(path: new) {
                return Matching(pairs: [FilePair(old: first, new: DiffInput(document: first.document, name: new, library: first.library))])
            }
            return Matching(pairs: [FilePair(old: first, new: try SpecDiff.load(new, limits: limits, configuration: configuration))])
        case (true, true):
            let naming = configuration.naming
            let a = newest(try files(under: old), naming), b = newest(try files(under: new), naming)
            var matching = Matching()
            let oldLibrary = DocumentLibrary.fileSystem(limits: limits, catalog: configuration.catalog)
            let newLibrary = DocumentLibrary.fileSystem(limits: limits, catalog: configuration.catalog)
            for k in a.keys.sorted() {
                guard let n = b[k] else { matching.notes.append("\(old)/\(a[k]!): no counterpart in \(new)"); continue }
                let oldPath = old + "/" + a[k]!, newPath = new + "/" + n
                // A Swagger 2.0 or OpenAPI 3.1 file is refused as a named file is, not passed over.
                func read(_ path: String, _ library: DocumentLibrary) throws -> DiffInput? {
                    do { return try SpecDiff.load(path, library: library, limits: limits, configuration: configuration) } catch let error as DiffInputError where error.isUnsupportedSpec {
                        throw error
                    } catch {
                        return nil
                    }
                }
                guard let oldInput = try read(oldPath, oldLibrary), oldInput.kind != nil,
                      let newInput = try read(newPath, newLibrary), newInput.kind != nil else {
                    if !k.hasPrefix("path:") { matching.notes.append("\(newPath): not compared (unreadable, or neither a spec nor a schema)") }
                    continue
                }
                matching.pairs.append(FilePair(old: oldInput, new: newInput))
            }
            for k in b.keys.sorted() where a[k] == nil && !k.hasPrefix("path:") {
                matching.notes.append("\(new)/\(b[k]!): new (no earlier version in \(old))")
            }
            return matching
        default:
            throw DiffInputError("give two files or two directories (\(isDirectory(old) ? old : new) is a directory, the other is not)")
        }
    }

    /// Every pair of consecutive versions of each service and schema in one directory (or in
    /// the configuration's catalog when `directory` is nil), as its naming convention orders
    /// them, each file read within `limits`.
    public static func consecutive(in directory: String?, limits: ReaderLimits = .default,
                                   configuration: DiffConfiguration = .general) throws -> Matching {
        var groups: [String: [(String, APIVersion)]] = [:]
        let paths: [String]
        if let directory {
            guard isDirectory(directory) else { throw DiffInputError("\(directory) is not a directory") }
            paths = try files(under: directory).map { directory + "/" + $0 }
        } else {
            paths = configuration.catalog?.paths ?? []
        }
        for path in paths {
            let (k, version) = key(path, configuration.naming)
            guard let version else { continue }
            groups[k, default: []].append((path, version))
        }
        var matching = Matching()
        let library = directory == nil ? SpecDiff.catalogLibrary(configuration.catalog)
            : DocumentLibrary.fileSystem(limits: limits, catalog: configuration.catalog)
        for k in groups.keys.sorted() {
            let versions = groups[k]!.sorted { $0.1 < $1.1 }
            for (a, b) in zip(versions, versions.dropFirst()) {
                if directory == nil, let catalog = configuration.catalog {
                    matching.pairs.append(FilePair(old: try SpecDiff.catalogInput(path: a.0, catalog: catalog),
                                                   new: try SpecDiff.catalogInput(path: b.0, catalog: catalog)))
                } else {
                    matching.pairs.append(FilePair(old: try SpecDiff.load(a.0, library: library, limits: limits, configuration: configuration),
                                                   new: try SpecDiff.load(b.0, library: library, limits: limits, configuration: configuration)))
                }
            }
        }
        return matching
    }
}

extension InputPairing {
    /// What a list of arguments asks to compare, as `crrspec diff`, `changelog` and
    /// `version-check` read them: with `gitBase`, the working tree's `paths` against that git
    /// revision; with `catalog`, the consecutive versions of the configuration's catalog (no
    /// paths); one directory, its consecutive versions; OLD NEW, two files, catalog entries or
    /// directories. One file is returned in `singles` when `singleFileAllowed` (version-check
    /// judges one file's own history), else refused.
    /// - Throws: ``DiffInputError`` for arguments that name no comparison, or inputs that
    ///   cannot be read.
    public static func select(_ paths: [String], gitBase: String? = nil, catalog: Bool = false, singleFileAllowed: Bool = false,
                              limits: ReaderLimits = .default,
                              configuration: DiffConfiguration = .general) throws -> (matching: Matching, singles: [String]) {
        let usage = "give OLD and NEW, a directory, --catalog or --git-base REV"
        if let gitBase {
            return (try GitPairing.pairs(base: gitBase, paths: paths, limits: limits, configuration: configuration), [])
        }
        if catalog {
            guard paths.isEmpty else { throw DiffInputError("--catalog takes no files") }
            return (try consecutive(in: nil, limits: limits, configuration: configuration), [])
        }
        switch paths.count {
        case 1:
            if isDirectory(paths[0]) { return (try consecutive(in: paths[0], limits: limits, configuration: configuration), []) }
            guard singleFileAllowed else { throw DiffInputError(usage) }
            return (Matching(), paths)
        case 2:
            return (try pairs(old: paths[0], new: paths[1], limits: limits, configuration: configuration), [])
        default:
            throw DiffInputError(usage)
        }
    }
}
