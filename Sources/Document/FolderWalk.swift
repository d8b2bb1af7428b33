#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one recursive folder walk of the commands that take folders (`lint`, `diff`,
/// `version-check`, `docs`, `postman`): which files below a folder are read, and which are
/// reported instead of read.
///
/// Only regular files are ever listed for reading (a symbolic link to a regular file counts).
/// A FIFO, socket or device with a wanted extension would block or never end when opened, so
/// it is returned in ``Result/special`` for the caller to report; a name that is not valid
/// UTF-8 cannot be opened through a `String` path and is returned in ``Result/undecodable``.
/// Hidden entries (`.name`), `.build*` folders and `node_modules` are skipped, symbolic links
/// to folders are not followed (no loops), and the files come out sorted by their relative
/// paths' bytes, so every command lists a folder in the same order on every machine.
///
/// ```swift
/// let walk = FolderWalk.files(under: "openapi", extensions: [".yaml", ".yml", ".json"])
/// for path in walk.files { print(path) }          // "openapi/caiso_crr_auction_v1.2.1_openapi.yaml", …
/// for entry in walk.special { print(entry.path, entry.kind) }   // "openapi/x.yaml", "a FIFO"
/// ```
public enum FolderWalk {
    /// What a walk found.
    public struct Result: Sendable {
        /// Regular files with a wanted extension, as `root/relative/path`, in byte order.
        public var files: [String] = []
        /// Entries with a wanted extension that are not regular files, with what they are
        /// ("a FIFO", "a socket", "a device", "a broken symbolic link").
        public var special: [(path: String, kind: String)] = []
        /// Names that are not valid UTF-8, their bytes escaped (`root/bad\xFF.json`).
        public var undecodable: [String] = []
    }

    /// What the commands say of a name in a folder that is not valid UTF-8 (``Result/undecodable``).
    public static let undecodableMessage = "the file name is not valid UTF-8 (shown with its bytes escaped); crrspec cannot open it — rename it"

    /// What the commands say of a FIFO, socket or device found in a folder (`kind`: "a FIFO", …).
    public static func notReadMessage(_ kind: String) -> String {
        "\(kind), not a regular file: crrspec reads only regular files found in folders (name it on the command line to read it)"
    }

    /// What a path is, following symbolic links.
    public enum Kind: Sendable, Equatable {
        case regular, directory, missing
        /// A FIFO, socket, device or the like; the text names it for messages.
        case special(String)
    }

    /// The kind of `path`, following symbolic links (a link to a folder is a folder here).
    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            return lstat(path, &link) == 0 ? .special("a broken symbolic link") : .missing
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .special("a FIFO")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("not a regular file")
        }
    }

    /// Files below `root` whose names end in one of `extensions` (compared without case).
    /// `root` itself is given back in front of every path (`root/sub/file.yaml`).
    public static func files(under root: String, extensions: [String]) -> Result {
        let base = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let wanted = extensions.map { $0.lowercased() }
        var result = Result()
        var found: [(relative: [UInt8], path: String)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? base : base + "/" + relative
            guard let entries = DirectoryListing.entries(atPath: folder) else { continue }
            for entry in entries {
                if entry.displayName.hasPrefix(".") { continue }
                guard let name = entry.name else {
                    result.undecodable.append(folder + "/" + entry.displayName)
                    continue
                }
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = base + "/" + child
                var link = stat()
                let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                let kind = kind(of: path)
                if kind == .directory {
                    if isLink || name.hasPrefix(".build") || name == "node_modules" { continue }
                    pending.append(child)
                    continue
                }
                let lower = name.lowercased()
                guard wanted.contains(where: { lower.hasSuffix($0) }) else { continue }
                switch kind {
                case .regular: found.append((Array(child.utf8), path))
                case .special(let what): result.special.append((path, what))
                case .directory, .missing: break
                }
            }
        }
        result.files = found.sorted { $0.relative.lexicographicallyPrecedes($1.relative) }.map(\.path)
        result.special.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        result.undecodable.sort()
        return result
    }
}
