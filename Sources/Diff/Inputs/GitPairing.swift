import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--git-base REV`: the spec and schema files of the working tree against the same files (or
/// earlier versions of the same service or schema) at a git revision. Uses only read-only git
/// commands (`rev-parse`, `ls-tree`, `show`).
public enum GitPairing {
    /// Runs git in `directory` (`git -C`); returns standard output, or throws with git's message.
    static func git(_ arguments: [String], in directory: String) throws -> Data {
        try run(["git", "-C", directory] + arguments, label: "git \(arguments.joined(separator: " "))")
    }

    /// Runs a program (looked up on PATH); returns standard output, or throws with its
    /// standard error when it fails.
    static func run(_ command: [String], label: String) throws -> Data {
        let outcome: Subprocess.Outcome
        do { outcome = try Subprocess.run(command) } catch { throw DiffInputError("cannot run \(command[0]): \(error)") }
        guard outcome.status == 0 else {
            throw DiffInputError("\(label): \(trimmingWhitespace(String(decoding: outcome.standardError, as: UTF8.self)))")
        }
        return Data(outcome.standardOutput)
    }

    static func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// A library over the files of a revision.
    static func library(revision: String, top: String, limits: ReaderLimits, catalog: DiffCatalog?) -> DocumentLibrary {
        DocumentLibrary(loader: { path in
            guard let data = try? git(["show", "\(revision):\(path)"], in: top) else { return nil }
            return try? DocumentLoader.load(bytes: Array(data), name: "\(revision):\(path)", format: InputFormat.forPath(path),
                                             limits: limits).documents.first?.document
        }, lister: { directory in
            let spec = directory.isEmpty ? "." : directory + "/"
            return ((try? git(["ls-tree", "--name-only", revision, spec], in: top)).map(lines) ?? []).map {
                $0.hasPrefix(directory + "/") || directory.isEmpty ? $0 : directory + "/" + $0
            }
        }, catalog: catalog)
    }

    /// Pairs the files under `paths` (default: the whole repository) at `revision` and in the
    /// working tree, each read within `limits`; files pair by the configuration's naming
    /// convention, and `$ref`s fall back to its catalog.
    public static func pairs(base revision: String, paths: [String], from directory: String = FileManager.default.currentDirectoryPath,
                             limits: ReaderLimits = .default, configuration: DiffConfiguration = .general) throws -> InputPairing.Matching {
        let top = lines(try git(["rev-parse", "--show-toplevel"], in: directory)).first ?? directory
        do {
            _ = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: top)
        } catch {
            throw DiffInputError("\(revision) is not a commit of the git repository \(top)")
        }
        let topURL = URL(fileURLWithPath: top).resolvingSymlinksInPath().standardizedFileURL
        var relativePaths: [String] = []
        for path in paths.isEmpty ? ["."] : paths {
            let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory)).resolvingSymlinksInPath().standardizedFileURL
            guard absolute.path.hasPrefix(topURL.path) else { throw DiffInputError("\(path) is outside the git repository \(top)") }
            relativePaths.append(String(absolute.path.dropFirst(topURL.path.count)).drop(while: { $0 == "/" }).description)
        }
        var baseFiles: [String] = []
        var workFiles: [String] = []
        for (path, relative) in zip(paths.isEmpty ? ["."] : paths, relativePaths) {
            let inBase = lines(try git(["ls-tree", "-r", "--name-only", revision, "--", relative.isEmpty ? "." : relative], in: top))
            baseFiles += inBase
            let full = relative.isEmpty ? top : top + "/" + relative
            if InputPairing.isDirectory(full) {
                workFiles += try InputPairing.files(under: full).map { relative.isEmpty ? $0 : relative + "/" + $0 }
            } else if FileManager.default.fileExists(atPath: full) {
                workFiles.append(relative)
            } else if inBase.isEmpty {
                // A typo (openapii) is an error, as it is without --git-base, not "nothing to compare".
                throw DiffInputError("\(path): no such file or folder (neither in the working tree nor in \(revision))")
            }
        }
        let catalog = configuration.catalog
        let baseLibrary = library(revision: revision, top: top, limits: limits, catalog: catalog)
        let workLibrary = DocumentLibrary.fileSystem(root: top, limits: limits, catalog: catalog)
        return try match(revision: revision, baseFiles: baseFiles, workFiles: workFiles,
                     readBase: { try git(["show", "\(revision):\($0)"], in: top) },
                     readWork: { path in (try? DocumentLoader.readRaw(path: top + "/" + path)).map { Data($0) } },
                     baseLibrary: baseLibrary, workLibrary: workLibrary, limits: limits, naming: configuration.naming)
    }

    /// Pairs base files with working files by service or schema name (the newest version on each
    /// side); identical files at the same path are skipped.
    static func match(revision: String, baseFiles: [String], workFiles: [String], readBase: (String) throws -> Data,
                      readWork: (String) -> Data?, baseLibrary: DocumentLibrary, workLibrary: DocumentLibrary,
                      limits: ReaderLimits = .default, naming: FileNaming? = nil) throws -> InputPairing.Matching {
        let specLike = { (path: String) in [".yaml", ".yml", ".json"].contains { path.hasSuffix($0) } }
        let base = InputPairing.newest(baseFiles.filter(specLike), naming), work = InputPairing.newest(workFiles.filter(specLike), naming)
        var matching = InputPairing.Matching()
        for key in work.keys.sorted() {
            let newPath = work[key]!
            guard let oldPath = base[key] else {
                if !key.hasPrefix("path:") { matching.notes.append("\(newPath): new (not in \(revision))") }
                continue
            }
            let oldData = try readBase(oldPath)
            guard let newData = readWork(newPath) else { continue }
            if oldPath == newPath && oldData == newData { continue }
            guard let oldDocument = try? DocumentLoader.load(bytes: Array(oldData), name: "\(revision):\(oldPath)", format: InputFormat.forPath(oldPath), limits: limits).documents.first?.document,
                  let newDocument = try? DocumentLoader.load(bytes: Array(newData), name: newPath, format: InputFormat.forPath(newPath), limits: limits).documents.first?.document
            else {
                matching.notes.append("\(newPath): not compared (unreadable at \(revision) or in the working tree)")
                continue
            }
            let old = DiffInput(document: oldDocument, name: "\(revision):\(oldPath)", library: baseLibrary)
            let new = DiffInput(document: newDocument, name: newPath, library: workLibrary)
            guard old.kind != nil, new.kind != nil else { continue }
            matching.pairs.append(FilePair(old: old, new: new))
        }
        for key in base.keys.sorted() where work[key] == nil && !key.hasPrefix("path:") {
            matching.notes.append("\(base[key]!): removed since \(revision)")
        }
        return matching
    }
}
