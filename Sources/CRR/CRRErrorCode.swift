/// The shape of a CAISO error code, for every part that reads code tables (lint's CRR rules,
/// diff's error-code catalog, the mock's error bodies), and the scanner that finds code-shaped
/// words in prose (change logs, descriptions).
///
/// ```swift
/// CRRErrorCode.isWellFormed("SER0017")   // true
/// CRRErrorCode.isWellFormed("LMV023")    // false: four digits
/// CRRErrorCode.isPlaceholder("XXX0000")  // true
/// ```
public enum CRRErrorCode {
    /// Three or four capital letters and four digits (`SER0001`, `LHFV0032`).
    public static func isWellFormed(_ code: String) -> Bool {
        let u = Array(code.utf8)
        guard u.count == 7 || u.count == 8 else { return false }
        let letters = u.count - 4
        return u[..<letters].allSatisfy { $0 >= 65 && $0 <= 90 } && u[letters...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `XXX0000`, the placeholder the published specs use as an example: no code.
    public static func isPlaceholder(_ code: String) -> Bool {
        code.allSatisfy { $0 == "X" || $0 == "0" }
    }

    /// Each code-shaped word in `text` with its UTF-8 offset.
    public static func codes(in text: String) -> [(code: String, offset: Int)] {
        let bytes = Array(text.utf8)
        var out: [(String, Int)] = []
        var i = 0
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isWord(_ b: UInt8) -> Bool { isUpper(b) || isDigit(b) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        while i < bytes.count {
            if isUpper(bytes[i]), i == 0 || !isWord(bytes[i - 1]) {
                var j = i
                while j < bytes.count, isUpper(bytes[j]) { j += 1 }
                let letters = j - i
                var k = j
                while k < bytes.count, isDigit(bytes[k]) { k += 1 }
                if (3...4).contains(letters), k - j == 4, k == bytes.count || !isWord(bytes[k]) {
                    out.append((String(decoding: bytes[i..<k], as: UTF8.self), i))
                }
                i = max(k, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }
}
