import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Reporting
#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line arguments into the files to check: a file stays as given; a directory
/// is walked recursively, keeping the files that match an include glob and no exclude glob.
///
/// - Order is deterministic: arguments in the order given, each directory's entries by byte
///   order of their names.
/// - Hidden entries (names starting with `.`, such as `.git`) and symbolic links to directories
///   are not walked into; name them explicitly to check them.
/// - A glob without `/` matches a file or directory name (`*.json`, `node_modules`); a glob with
///   `/` matches the path relative to the directory argument (`archive/**`, `**/2024/*.json`).
public struct InputCollector: Sendable {
    /// The include globs used when none is given.
    public static let defaultIncludes = ["*.json", "*.yaml", "*.yml", "*.jsonl", "*.jsonl.gz"]

    public var includes: [PathGlob]
    public var excludes: [PathGlob]

    public init(includes: [String] = InputCollector.defaultIncludes, excludes: [String] = []) {
        self.includes = (includes.isEmpty ? InputCollector.defaultIncludes : includes).map(PathGlob.init)
        self.excludes = excludes.map(PathGlob.init)
    }

    /// The files to check and, for directories that could not be read or held no matching
    /// file, a report each (unusable: a folder that yields nothing is never "all valid").
    public func collect(_ arguments: [String]) -> (files: [String], problems: [InstanceReport]) {
        var files: [String] = []
        var problems: [InstanceReport] = []
        for argument in arguments {
            var isDirectory: DirectoryFlag = false
            guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(argument)   // the reader reports a missing or unreadable file
                continue
            }
            let before = files.count
            walk(root: argument, relative: "", into: &files, problems: &problems)
            if files.count == before && !problems.contains(where: { $0.file.hasPrefix(argument) }) {
                let globs = includes.map(\.pattern).joined(separator: ", ")
                problems.append(InstanceReport(file: argument, outcome: .unusable(
                    "no file in this folder matches --include \(globs)\(excludes.isEmpty ? "" : " and not --exclude \(excludes.map(\.pattern).joined(separator: ", "))")",
                    line: nil, column: nil)))
            }
        }
        return (files, problems)
    }

    /// Whether a file found in a walk is kept (relative path from the directory argument).
    public func keeps(relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        if excludes.contains(where: { $0.matches(path: relativePath, name: name) }) { return false }
        return includes.contains { $0.matches(path: relativePath, name: name) }
    }

    private func walk(root: String, relative: String, into files: inout [String], problems: inout [InstanceReport]) {
        let directory = relative.isEmpty ? root : join(root, relative)
        let names: [String]
        guard let entries = DirectoryListing.entries(atPath: directory) else {
            let reason = String(cString: strerror(errno))
            problems.append(InstanceReport(file: directory, outcome: .unusable("cannot read folder: \(reason)", line: nil, column: nil)))
            return
        }
        // A name that is not valid UTF-8 cannot be opened through a String path: reported as
        // an unusable file (bytes escaped), never skipped (a folder is not "all valid" without it).
        for entry in entries where entry.name == nil && !entry.displayName.hasPrefix(".") {
            problems.append(InstanceReport(file: join(directory, entry.displayName), outcome: .unusable(
                "the file name is not valid UTF-8 (shown with its bytes escaped); crrspec cannot open it — rename it", line: nil, column: nil)))
        }
        names = entries.compactMap(\.name)
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where !name.hasPrefix(".") {
            let path = join(directory, name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            // lstat(2) itself: FileManager's attributes cost an open and several calls per file,
            // which a folder of thousands of files paid before any file was checked.
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                if excludes.contains(where: { $0.matches(path: rel, name: name) || $0.matches(path: rel + "/", name: name) }) { continue }
                walk(root: root, relative: rel, into: &files, problems: &problems)
            } else if type == S_IFLNK && FolderWalk.kind(of: path) == .directory {
                continue
            } else if keeps(relativePath: rel) {
                // Only regular files are opened: a FIFO, socket or device found in a folder
                // could block forever or never end, so it is reported, never read or skipped.
                if type == S_IFREG {
                    files.append(path)
                    continue
                }
                switch FolderWalk.kind(of: path) {
                case .regular: files.append(path)
                case .special(let what):
                    problems.append(InstanceReport(file: path, outcome: .unusable(FolderWalk.notReadMessage(what), line: nil, column: nil)))
                case .directory, .missing: break
                }
            }
        }
    }

    private func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}

/// A shell-style glob: `*` (any run of characters but `/`), `**` (any run, `/` included;
/// `**/` also matches no folder at all), `?` (one character but `/`), `[abc]`, `[a-z]`,
/// `[!a]` and `\` to escape.
public struct PathGlob: Sendable, Hashable {
    public let pattern: String
    private let tokens: [Character]
    /// Whether the pattern names a path (has a `/`) rather than a name.
    public let matchesPaths: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var p = pattern
        if p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("/") { p.removeFirst() }
        self.tokens = Array(p)
        self.matchesPaths = p.contains("/")
    }

    /// Matches a path relative to the walk's root (with `/`), or its last component when the
    /// pattern has no `/`.
    public func matches(path: String, name: String) -> Bool {
        matches(Array(matchesPaths ? path : name))
    }

    /// Matches the whole of `text`.
    public func matches(_ text: String) -> Bool { matches(Array(text)) }

    private func matches(_ text: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        return match(0, 0, text, &memo)
    }

    private func match(_ p: Int, _ t: Int, _ text: [Character], _ memo: inout [Int: Bool]) -> Bool {
        let key = p * (text.count + 1) + t
        if let known = memo[key] { return known }
        let result: Bool
        if p == tokens.count {
            result = t == text.count
        } else {
            switch tokens[p] {
            case "*":
                if p + 1 < tokens.count, tokens[p + 1] == "*" {
                    var next = p + 2
                    // `**/` may match no folder at all.
                    if next < tokens.count, tokens[next] == "/", match(next + 1, t, text, &memo) {
                        result = true
                        break
                    }
                    while next < tokens.count, tokens[next] == "*" { next += 1 }
                    var i = t
                    var found = false
                    while i <= text.count {
                        if match(next, i, text, &memo) { found = true; break }
                        i += 1
                    }
                    result = found
                } else {
                    var i = t
                    var found = false
                    while true {
                        if match(p + 1, i, text, &memo) { found = true; break }
                        if i == text.count || text[i] == "/" { break }
                        i += 1
                    }
                    result = found
                }
            case "?":
                result = t < text.count && text[t] != "/" && match(p + 1, t + 1, text, &memo)
            case "[":
                guard t < text.count else { result = false; break }
                if let cls = matchClass(p, text[t]) {
                    result = cls.matched && text[t] != "/" && match(cls.next, t + 1, text, &memo)
                } else {
                    result = text[t] == "[" && match(p + 1, t + 1, text, &memo)   // an unclosed [ is literal
                }
            case "\\" where p + 1 < tokens.count:
                result = t < text.count && text[t] == tokens[p + 1] && match(p + 2, t + 1, text, &memo)
            default:
                result = t < text.count && text[t] == tokens[p] && match(p + 1, t + 1, text, &memo)
            }
        }
        memo[key] = result
        return result
    }

    /// Matches a character against the class starting at `p` (`[`); nil when unclosed.
    private func matchClass(_ p: Int, _ c: Character) -> (matched: Bool, next: Int)? {
        var i = p + 1
        var negate = false
        if i < tokens.count, tokens[i] == "!" || tokens[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < tokens.count {
            if tokens[i] == "]" && !first { return (matched != negate, i + 1) }
            first = false
            var low = tokens[i]
            if low == "\\", i + 1 < tokens.count { i += 1; low = tokens[i] }
            if i + 2 < tokens.count, tokens[i + 1] == "-", tokens[i + 2] != "]" {
                let high = tokens[i + 2]
                if low <= c && c <= high { matched = true }
                i += 3
            } else {
                if c == low { matched = true }
                i += 1
            }
        }
        return nil
    }
}
