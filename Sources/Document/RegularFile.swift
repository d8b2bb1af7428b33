#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Regular files opened for reading, for the readers that map or peek at a file themselves.
enum RegularFile {
    /// Opens `path` read-only (with the extra open `flags`) and calls `body` with the descriptor
    /// and the file's size when it is a regular file; nil when it cannot be opened or is
    /// anything else (a FIFO, socket or device is never read, so nothing can block). The
    /// descriptor is closed when `body` returns; a mapping made from it stays valid.
    static func withOpened<T, E: Error>(_ path: String, flags: Int32 = 0,
                                        _ body: (_ fd: Int32, _ size: Int) throws(E) -> T?) throws(E) -> T? {
        let fd = open(path, O_RDONLY | flags)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try body(fd, Int(info.st_size))
    }
}

/// Which file a path names (device and inode), and its size and modification time: two paths
/// with equal identities name one unchanged file (`a.yaml` and `./a.yaml`, or a link to it).
public struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int64

    /// The identity of the regular file at `path` (links followed); nil for anything else.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }
}
