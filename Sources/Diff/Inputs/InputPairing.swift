import CRR
import Document
import Foundation

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

    /// The key files are matched by: `openapi:<service>` / `schema:<Name>` for CRR-named files,
    /// else the path relative to its directory.
    static func key(_ relativePath: String) -> (key: String, version: CRRVersion?) {
        guard let name = CRRFileName(relativePath) else { return ("path:" + relativePath, nil) }
        switch name.kind {
        case .openAPI(let service, _): return ("openapi:" + service, name.version)
        case .schema(let schema): return ("schema:" + schema, name.version)
        }
    }

    /// Spec and schema files under a directory (recursive; hidden and build directories skipped),
    /// relative paths. Only regular files: a FIFO or device named like a spec is never opened
    /// (``FolderWalk``).
    static func files(under directory: String) -> [String] {
        let walk = FolderWalk.files(under: directory, extensions: [".yaml", ".yml", ".json"])
        let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return walk.files.map { String($0.dropFirst(base.count + 1)) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The newest file per key.
    static func newest(_ paths: [String]) -> [String: String] {
        var out: [String: (String, CRRVersion?)] = [:]
        for path in paths {
            let (k, version) = key(path)
            if let existing = out[k], let a = existing.1, let b = version, b < a { continue }
            out[k] = (path, version)
        }
        return out.mapValues(\.0)
    }

    /// OLD and NEW as given: two files (or catalog entries), or two directories.
    public static func pairs(old: String, new: String) throws -> Matching {
        switch (isDirectory(old), isDirectory(new)) {
        case (false, false):
            return Matching(pairs: [FilePair(old: try SpecDiff.load(old), new: try SpecDiff.load(new))])
        case (true, true):
            let a = newest(files(under: old)), b = newest(files(under: new))
            var matching = Matching()
            let oldLibrary = DocumentLibrary.fileSystem(), newLibrary = DocumentLibrary.fileSystem()
            for k in a.keys.sorted() {
                guard let n = b[k] else { matching.notes.append("\(old)/\(a[k]!): no counterpart in \(new)"); continue }
                let oldPath = old + "/" + a[k]!, newPath = new + "/" + n
                guard let oldInput = try? SpecDiff.load(oldPath, library: oldLibrary), oldInput.kind != nil,
                      let newInput = try? SpecDiff.load(newPath, library: newLibrary), newInput.kind != nil else {
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
    /// the bundled catalog when `directory` is nil).
    public static func consecutive(in directory: String?) throws -> Matching {
        var groups: [String: [(String, CRRVersion)]] = [:]
        let paths: [String]
        if let directory {
            guard isDirectory(directory) else { throw DiffInputError("\(directory) is not a directory") }
            paths = files(under: directory).map { directory + "/" + $0 }
        } else {
            paths = CRRCatalog.entries.map(\.path)
        }
        for path in paths {
            let (k, version) = key(path)
            guard let version else { continue }
            groups[k, default: []].append((path, version))
        }
        var matching = Matching()
        let library = directory == nil ? SpecDiff.catalogLibrary() : DocumentLibrary.fileSystem()
        for k in groups.keys.sorted() {
            let versions = groups[k]!.sorted { $0.1 < $1.1 }
            for (a, b) in zip(versions, versions.dropFirst()) {
                if directory == nil {
                    guard let oldEntry = CRRCatalog.entries.first(where: { $0.path == a.0 }),
                          let newEntry = CRRCatalog.entries.first(where: { $0.path == b.0 }) else { continue }
                    matching.pairs.append(FilePair(old: try SpecDiff.catalogInput(oldEntry), new: try SpecDiff.catalogInput(newEntry)))
                } else {
                    matching.pairs.append(FilePair(old: try SpecDiff.load(a.0, library: library), new: try SpecDiff.load(b.0, library: library)))
                }
            }
        }
        return matching
    }
}
