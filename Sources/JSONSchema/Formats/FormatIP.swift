// `ipv4` and `ipv6`.
//
// ipv4 (RFC 2673 §3.2 dotted-quad, as JSON Schema specifies):
//   dotted-quad = decbyte "." decbyte "." decbyte "." decbyte
//   decbyte     = "0" / %x31-39 0*2DIGIT with value <= 255   (no leading zeros)
//
// ipv6 (RFC 4291 §2.2 text forms, the IPv6address rule of RFC 3986 §3.2.2):
// eight h16 groups (1-4 hex digits) separated by ":", at most one "::"
// standing for one or more zero groups, and optionally the last two groups
// written as an embedded dotted-quad.  Zone identifiers ("%eth0"), prefix
// lengths ("/64"), brackets and surrounding whitespace are not part of an
// address.

extension FormatChecker {
    enum IP {
        /// Whether `s[lo..<hi]` is a dotted-quad IPv4 address.
        static func isIPv4(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
            var i = lo
            for part in 0..<4 {
                if part > 0 {
                    guard i < hi, s[i] == 0x2E else { return false }
                    i += 1
                }
                let start = i
                var value = 0
                while i < hi, Bytes.isDigit(s[i]), i - start < 3 {
                    value = value * 10 + Int(s[i] - 0x30)
                    i += 1
                }
                let length = i - start
                guard length > 0, value <= 255, length == 1 || s[start] != 0x30 else { return false }
            }
            return i == hi
        }

        /// Whether `s[lo..<hi]` is an IPv6 address in any RFC 4291 text form.
        static func isIPv6(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
            var i = lo
            var groups = 0
            var compressed = false
            if hi - i >= 2, s[i] == 0x3A, s[i + 1] == 0x3A {
                compressed = true
                i += 2
                if i == hi { return true }
            }
            while true {
                // One piece: h16, or a dotted quad that must end the address.
                let start = i
                while i < hi, Bytes.isHexDigit(s[i]) { i += 1 }
                if i < hi, s[i] == 0x2E {
                    guard isIPv4(s, start, hi) else { return false }
                    groups += 2
                    break
                }
                let length = i - start
                guard length >= 1, length <= 4 else { return false }
                groups += 1
                if i == hi { break }
                guard s[i] == 0x3A, groups < 8 else { return false }
                i += 1
                if i < hi, s[i] == 0x3A {
                    guard !compressed else { return false }
                    compressed = true
                    i += 1
                    if i == hi { break }
                } else if i == hi {
                    return false  // a single trailing ":"
                }
            }
            return compressed ? groups <= 7 : groups == 8
        }
    }
}
