// Draft-07 `format` assertion checkers.
//
// Every checker is a hand-written parser that works on the UTF-8 bytes of the
// instance string; none of them uses Foundation, regular expressions or
// platform date parsing.  The grammar each one implements is documented next
// to its implementation:
//
//   date, time, date-time ........ DateTime.swift   (RFC 3339 §5.6)
//   ipv4, ipv6 ................... IP.swift         (RFC 2673 §3.2, RFC 4291 §2.2)
//   hostname, idn-hostname ....... Hostname.swift   (RFC 1123 §2.1, RFC 5890-5893)
//                                  FormatIDNA.swift, FormatIDNAData.swift, FormatPunycode.swift
//   email, idn-email ............. Email.swift      (RFC 5321 §4.1.2, RFC 6531 §3.3)
//   uri, uri-reference, iri,
//   iri-reference ................ URI.swift        (RFC 3986, RFC 3987)
//   uri-template ................. URITemplate.swift (RFC 6570 §2)
//   json-pointer,
//   relative-json-pointer ........ JSONPointer.swift (RFC 6901, draft-handrews-relative-json-pointer-01)
//
// `regex` is deliberately absent: the validator checks it with its own
// ECMA-262 engine.

/// Checks strings against the `format` values defined by JSON Schema draft-07.
///
/// The set of asserted formats is exactly the draft-07 list minus `regex`
/// (which the validator handles with its own ECMA-262 engine):
/// `date`, `time`, `date-time`, `email`, `idn-email`, `hostname`,
/// `idn-hostname`, `ipv4`, `ipv6`, `uri`, `uri-reference`, `iri`,
/// `iri-reference`, `uri-template`, `json-pointer` and `relative-json-pointer`.
///
/// Format names are matched case-sensitively, as the specification spells
/// them. Unknown names are reported as `nil` so the caller can ignore them,
/// as draft-07 requires.
///
/// All checkers are pure functions of their input and are safe to call
/// concurrently.
public enum FormatChecker {
    /// The signature shared by all checkers: UTF-8 bytes in, conformance out.
    typealias Check = @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

    /// Format name → checker.
    static let checkers: [String: Check] = [
        "date": { DateTime.isDate($0) },
        "time": { DateTime.isTime($0) },
        "date-time": { DateTime.isDateTime($0) },
        "email": { Email.isEmail($0, international: false) },
        "idn-email": { Email.isEmail($0, international: true) },
        "hostname": { Hostname.isHostname($0) },
        "idn-hostname": { Hostname.isIDNHostname($0) },
        "ipv4": { IP.isIPv4($0, 0, $0.count) },
        "ipv6": { IP.isIPv6($0, 0, $0.count) },
        "uri": { URI.check($0, international: false, referenceAllowed: false) },
        "uri-reference": { URI.check($0, international: false, referenceAllowed: true) },
        "iri": { URI.check($0, international: true, referenceAllowed: false) },
        "iri-reference": { URI.check($0, international: true, referenceAllowed: true) },
        "uri-template": { URITemplate.isURITemplate($0) },
        "json-pointer": { JSONPointer.isJSONPointer($0, 0) },
        "relative-json-pointer": { JSONPointer.isRelativeJSONPointer($0) },
    ]

    /// Names of the formats this checker asserts.
    ///
    /// This is the draft-07 set without `regex`; formats from later drafts
    /// (such as `duration` or `uuid`) are not included.
    public static let knownFormats: Set<String> = Set(checkers.keys)

    /// Checks a string, given as UTF-8 bytes, against a format.
    ///
    /// - Parameters:
    ///   - format: The value of the `format` keyword.
    ///   - value: The UTF-8 encoding of the instance string. It is expected to
    ///     be well-formed UTF-8; ill-formed input never conforms to a format
    ///     that inspects non-ASCII characters.
    /// - Returns: `nil` when `format` is not one of ``knownFormats`` (draft-07
    ///   ignores unknown formats); otherwise whether `value` conforms.
    public static func check(_ format: String, utf8 value: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let checker = checkers[format] else { return nil }
        return checker(value)
    }

    /// Checks a string against a format.
    ///
    /// - Parameters:
    ///   - format: The value of the `format` keyword.
    ///   - value: The instance string.
    /// - Returns: `nil` when `format` is not one of ``knownFormats``;
    ///   otherwise whether `value` conforms.
    public static func check(_ format: String, _ value: String) -> Bool? {
        guard let checker = checkers[format] else { return nil }
        var copy = value
        return copy.withUTF8 { checker($0) }
    }

    /// Resolves a format name to its checker once, for use at schema-compile time.
    ///
    /// - Parameter format: The value of the `format` keyword.
    /// - Returns: A thread-safe function from the UTF-8 bytes of an instance
    ///   string to whether it conforms, or `nil` when the format is unknown
    ///   and must be ignored.
    public static func checker(for format: String) -> (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)? {
        checkers[format]
    }
}

// MARK: - Shared byte and scalar helpers

extension FormatChecker {
    /// Small ASCII and UTF-8 helpers shared by the format parsers.
    enum Bytes {
        @inline(__always)
        static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

        @inline(__always)
        static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

        @inline(__always)
        static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }

        @inline(__always)
        static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }

        @inline(__always)
        static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

        /// Whether `%` HEXDIG HEXDIG starts at `s[i]` and ends before `hi`.
        @inline(__always)
        static func isPercentEncoded(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Bool {
            i + 2 < hi && s[i] == 0x25 && isHexDigit(s[i + 1]) && isHexDigit(s[i + 2])
        }

        /// Decodes one scalar from well-formed UTF-8 starting at `i` (which must
        /// be `< hi`). Returns the scalar value and its length in bytes, or `nil`
        /// for ill-formed input (bad lead byte, truncated, overlong, surrogate,
        /// or beyond U+10FFFF).
        static func decodeScalar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> (value: UInt32, length: Int)? {
            let b0 = s[i]
            if b0 < 0x80 { return (UInt32(b0), 1) }
            let length: Int
            var value: UInt32
            let minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07); minimum = 0x10000
            default: return nil
            }
            guard i + length <= hi else { return nil }
            for k in 1..<length {
                let b = s[i + k]
                guard b & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(b & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, length)
        }

        /// Decodes `s[lo..<hi]` into scalar values, or `nil` if it is not well-formed UTF-8.
        static func scalars(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> [UInt32]? {
            var result: [UInt32] = []
            result.reserveCapacity(hi - lo)
            var i = lo
            while i < hi {
                guard let (value, length) = decodeScalar(s, i, hi) else { return nil }
                result.append(value)
                i += length
            }
            return result
        }

        /// Binary search in a flat, sorted list of inclusive `[start, end]` pairs.
        static func rangeTableContains(_ table: [UInt32], _ cp: UInt32) -> Bool {
            var lo = 0
            var hi = table.count / 2
            while lo < hi {
                let mid = (lo + hi) / 2
                if table[2 * mid + 1] < cp {
                    lo = mid + 1
                } else {
                    hi = mid
                }
            }
            return lo < table.count / 2 && table[2 * lo] <= cp
        }
    }
}
