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
