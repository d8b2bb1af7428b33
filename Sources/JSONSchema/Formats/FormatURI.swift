// `uri`, `uri-reference` (RFC 3986 §3, §4.1) and `iri`, `iri-reference`
// (RFC 3987 §2.2).
//
//   URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
//   URI-reference = URI / relative-ref
//   relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
//   hier-part     = "//" authority path-abempty / path-absolute / path-rootless / path-empty
//   relative-part = "//" authority path-abempty / path-absolute / path-noscheme / path-empty
//   scheme        = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
//   authority     = [ userinfo "@" ] host [ ":" port ]
//   userinfo      = *( unreserved / pct-encoded / sub-delims / ":" )
//   host          = IP-literal / IPv4address / reg-name
//   IP-literal    = "[" ( IPv6address / IPvFuture ) "]"
//   IPvFuture     = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
//   reg-name      = *( unreserved / pct-encoded / sub-delims )
//   port          = *DIGIT
//   pchar         = unreserved / pct-encoded / sub-delims / ":" / "@"
//   path-noscheme = segment-nz-nc *( "/" segment )   ; no ":" in the first segment
//   query         = *( pchar / "/" / "?" )
//   fragment      = *( pchar / "/" / "?" )
//
// The IRI variants additionally allow `ucschar` wherever `unreserved` is
// allowed and `iprivate` in the query (RFC 3987 §2.2).  A reg-name is not
// required to be a valid DNS name (RFC 3986 §3.2.2).

extension FormatChecker {
    enum URI {
        /// Which ASCII characters a component allows besides `unreserved` and
        /// `pct-encoded` (and `ucschar` for IRIs).
        enum Component {
            case userinfo, regName, segment, segmentNoColon, query, fragment
        }

        @inline(__always)
        static func isUnreserved(_ b: UInt8) -> Bool {
            Bytes.isAlnum(b) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
        }

        @inline(__always)
        static func isSubDelim(_ b: UInt8) -> Bool {
            switch b {
            case 0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D: return true
            default: return false
            }
        }

        static func allows(_ b: UInt8, in component: Component) -> Bool {
            if isUnreserved(b) || isSubDelim(b) { return true }
            switch component {
            case .regName: return false
            case .userinfo: return b == 0x3A
            case .segmentNoColon: return b == 0x40
            case .segment: return b == 0x3A || b == 0x40
            case .query, .fragment: return b == 0x3A || b == 0x40 || b == 0x2F || b == 0x3F
            }
        }

        /// RFC 3987 `ucschar`.
        static func isUCSChar(_ cp: UInt32) -> Bool {
            switch cp {
            case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF:
                return true
            case 0x10000...0xEFFFD:
                return cp & 0xFFFF <= 0xFFFD  // excludes U+xFFFE, U+xFFFF of planes 1-14
                    && (cp < 0xE0000 || cp >= 0xE1000)  // plane 14 starts at E1000
            default:
                return false
            }
        }

        /// RFC 3987 `iprivate`.
        static func isIPrivate(_ cp: UInt32) -> Bool {
            switch cp {
            case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true
            default: return false
            }
        }

        /// Whether every character of `s[lo..<hi]` is allowed in `component`.
        static func isValid(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                            _ component: Component, international: Bool) -> Bool {
            var i = lo
            while i < hi {
                let b = s[i]
                if b == 0x25 {
                    guard Bytes.isPercentEncoded(s, i, hi) else { return false }
                    i += 3
                } else if b < 0x80 {
                    guard allows(b, in: component) else { return false }
                    i += 1
                } else {
                    guard international, let (cp, length) = Bytes.decodeScalar(s, i, hi),
                          isUCSChar(cp) || (component == .query && isIPrivate(cp))
                    else { return false }
                    i += length
                }
            }
            return true
        }

        /// Index of the first byte in `s[lo..<hi]` that is one of `stops`, or `hi`.
        @inline(__always)
        static func firstIndex(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                               where isStop: (UInt8) -> Bool) -> Int {
            var i = lo
            while i < hi, !isStop(s[i]) { i += 1 }
            return i
        }

        /// `authority` over `s[lo..<hi]`.
        static func isAuthority(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, international: Bool) -> Bool {
            var hostStart = lo
            let at = firstIndex(s, lo, hi) { $0 == 0x40 }
            if at < hi {
                guard isValid(s, lo, at, .userinfo, international: international) else { return false }
                hostStart = at + 1
            }
            var portStart: Int
            if hostStart < hi, s[hostStart] == 0x5B {
                let close = firstIndex(s, hostStart, hi) { $0 == 0x5D }
                guard close < hi, isIPLiteral(s, hostStart + 1, close) else { return false }
                portStart = close + 1
                if portStart < hi {
                    guard s[portStart] == 0x3A else { return false }
                    portStart += 1
                }
            } else {
                let colon = firstIndex(s, hostStart, hi) { $0 == 0x3A }
                guard isValid(s, hostStart, colon, .regName, international: international) else { return false }
                portStart = colon < hi ? colon + 1 : hi
            }
            for i in portStart..<hi where !Bytes.isDigit(s[i]) { return false }
            return true
        }

        /// The inside of an `IP-literal`: `IPv6address / IPvFuture`.
        static func isIPLiteral(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
            guard lo < hi else { return false }
            if s[lo] | 0x20 == 0x76 {  // IPvFuture
                var i = lo + 1
                let hexStart = i
                while i < hi, Bytes.isHexDigit(s[i]) { i += 1 }
                guard i > hexStart, i < hi, s[i] == 0x2E, i + 1 < hi else { return false }
                for j in (i + 1)..<hi where !(isUnreserved(s[j]) || isSubDelim(s[j]) || s[j] == 0x3A) {
                    return false
                }
                return true
            }
            return IP.isIPv6(s, lo, hi)
        }

        /// `uri` / `iri` (`referenceAllowed == false`) or their `-reference`
        /// forms (`referenceAllowed == true`).
        static func check(_ s: UnsafeBufferPointer<UInt8>, international: Bool, referenceAllowed: Bool) -> Bool {
            let n = s.count
            var i = 0
            // scheme ":"
            var hasScheme = false
            if n > 0, Bytes.isAlpha(s[0]) {
                var j = 1
                while j < n, Bytes.isAlnum(s[j]) || s[j] == 0x2B || s[j] == 0x2D || s[j] == 0x2E { j += 1 }
                if j < n, s[j] == 0x3A {
                    hasScheme = true
                    i = j + 1
                }
            }
            guard hasScheme || referenceAllowed else { return false }

            let pathAndAuthorityEnd = firstIndex(s, i, n) { $0 == 0x3F || $0 == 0x23 }
            var pathStart = i
            if pathAndAuthorityEnd - i >= 2, s[i] == 0x2F, s[i + 1] == 0x2F {
                // "//" authority path-abempty
                let authorityEnd = firstIndex(s, i + 2, pathAndAuthorityEnd) { $0 == 0x2F }
                guard isAuthority(s, i + 2, authorityEnd, international: international) else { return false }
                pathStart = authorityEnd
            } else if !hasScheme {
                // path-noscheme: the first segment may not contain ":".
                let firstSegmentEnd = firstIndex(s, i, pathAndAuthorityEnd) { $0 == 0x2F }
                guard isValid(s, i, firstSegmentEnd, .segmentNoColon, international: international) else {
                    return false
                }
                pathStart = firstSegmentEnd
            }
            // The remaining path: segments separated by "/".
            var segmentStart = pathStart
            while segmentStart < pathAndAuthorityEnd {
                if s[segmentStart] == 0x2F { segmentStart += 1; continue }
                let segmentEnd = firstIndex(s, segmentStart, pathAndAuthorityEnd) { $0 == 0x2F }
                guard isValid(s, segmentStart, segmentEnd, .segment, international: international) else {
                    return false
                }
                segmentStart = segmentEnd
            }
            i = pathAndAuthorityEnd
            // [ "?" query ]
            if i < n, s[i] == 0x3F {
                let queryEnd = firstIndex(s, i + 1, n) { $0 == 0x23 }
                guard isValid(s, i + 1, queryEnd, .query, international: international) else { return false }
                i = queryEnd
            }
            // [ "#" fragment ]
            if i < n, s[i] == 0x23 {
                guard isValid(s, i + 1, n, .fragment, international: international) else { return false }
            }
            return true
        }
    }
}
