#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a folder with the names exactly as the file system holds them (bytes), so that a
/// name that is not valid UTF-8 is reported instead of silently skipped: such a file cannot
/// be named in a Swift `String` path, so folder walks report it as an unusable file
/// (`bad\xFF.json`) and never count the folder as "all valid" without it.
public enum DirectoryListing {
    /// One entry of a folder.
    public struct Entry: Sendable {
        /// The name, when it is valid UTF-8.
        public var name: String?
        /// The name for messages: the name itself, or its bytes with every byte that is not
        /// part of valid UTF-8 (and every control character) escaped as `\xFF`.
        public var displayName: String
    }

    /// The entries of `path` (without `.` and `..`), or nil when the folder cannot be opened
    /// (`errno` then says why).
    public static func entries(atPath path: String) -> [Entry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [Entry] = []
        while let entry = readdir(dir) {
            let bytes: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let limit = raw.firstIndex(of: 0) ?? raw.count
                return Array(raw[..<limit])
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                out.append(Entry(name: name, displayName: ControlEscape.line(name)))
            } else {
                out.append(Entry(name: nil, displayName: escapedBytes(bytes)))
            }
        }
        return out
    }

    /// `bytes` as text: valid UTF-8 runs as they are (control characters escaped), every
    /// other byte as `\xHH`.
    public static func escapedBytes(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let length = utf8SequenceLength(bytes, at: i)
            if length > 0, let text = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                out += ControlEscape.line(text)
                i += length
            } else {
                let hex = String(bytes[i], radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                i += 1
            }
        }
        return out
    }

    private static func utf8SequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
        return i + length <= bytes.count ? length : 0
    }
}
