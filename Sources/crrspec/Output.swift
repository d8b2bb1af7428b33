#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes whole strings to stdout/stderr (one write each, so parallel output never interleaves mid-line).
///
/// A failed write to standard output (a full disk, `> /dev/full`, a closed stdout) is remembered
/// and turns the exit status into 2 with a message on stderr (`Output.exitStatus`): a report that
/// was not written must never look like a pass.
enum Output {
    static func out(_ text: String) { write(1, text) }
    static func err(_ text: String) { write(2, text) }

    /// The first error a write to standard output met (an `errno`), if any.
    nonisolated(unsafe) private static var stdoutError: Int32?
    /// Set when standard output was closed when crrspec started.
    nonisolated(unsafe) private static var stdoutWasClosed = false
    private static let lock = Lock()

    /// Makes sure descriptors 0–2 exist before any file is opened: a closed stdout would otherwise
    /// be taken by the first file crrspec opens, and the report written into (or lost in) that file.
    /// A closed stdout is replaced by a read-only /dev/null, so that every write to it fails and is reported.
    static func guardStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY)
            if opened != fd && opened >= 0 { _ = dup2(opened, fd); _ = close(opened) }
            if fd == 1 { stdoutWasClosed = true }
        }
    }

    /// A one-line message when something could not be written to standard output, else nil.
    static var writeFailure: String? {
        lock.withLock {
            if stdoutWasClosed { return "crrspec: error: standard output is closed; the report could not be written" }
            guard let code = stdoutError else { return nil }
            return "crrspec: error: could not write the report to standard output: \(String(cString: strerror(code)))"
        }
    }

    /// The exit status to use: `code`, or 2 (with a message on stderr) when writing stdout failed.
    static func exitStatus(_ code: Int32) -> Int32 {
        guard let message = writeFailure else { return code }
        err(message + "\n")
        return 2
    }

    private static func write(_ fd: Int32, _ text: String) {
        if let code = writeAll(fd, text), fd == 1 {
            lock.withLock { if stdoutError == nil { stdoutError = code } }
        }
    }

    /// Writes all of `text` to `fd` (again after a signal interrupts a write); nil when every
    /// byte was written, else the `errno` of the write that failed (`EIO` for one that wrote
    /// nothing).
    static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n < 0 ? errno : EIO }
                offset += n
            }
            return nil
        }
    }
}

/// Writes a file the user named (`--output`, `--baseline`): a regular file (or a new one) is
/// replaced atomically; a device, FIFO or symbolic link (`/dev/stdout`, `/dev/full`, a link
/// into another folder) is written through, never replaced by a new file. A failed write —
/// `ENOSPC` from `/dev/full` included — throws with the reason.
enum OutputFile {
    /// A file-system error in words for a message (``IOErrorText``).
    static func ioErrorText(_ error: any Error) -> String { IOErrorText.describe(error) }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String) throws {
        var link = stat()
        let exists = lstat(path, &link) == 0
        guard exists, (link.st_mode & S_IFMT) != S_IFREG else {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw WriteError(description: ioErrorText(error))
            }
            return
        }
        let fd = open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        var failure = Output.writeAll(fd, text)
        if close(fd) != 0, failure == nil, errno != EINTR { failure = errno }
        if let failure { throw WriteError(description: String(cString: strerror(failure))) }
    }
}
