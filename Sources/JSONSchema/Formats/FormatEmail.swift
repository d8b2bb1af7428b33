// `email` (RFC 5321 §4.1.2 Mailbox) and `idn-email` (RFC 6531 §3.3).
//
//   Mailbox        = Local-part "@" ( Domain / address-literal )
//   Local-part     = Dot-string / Quoted-string            ; at most 64 octets
//   Dot-string     = Atom *("."  Atom)
//   Atom           = 1*atext
//   atext          = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+"
//                    / "-" / "/" / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~"
//   Quoted-string  = DQUOTE *QcontentSMTP DQUOTE
//   QcontentSMTP   = qtextSMTP / quoted-pairSMTP
//   qtextSMTP      = %d32-33 / %d35-91 / %d93-126
//   quoted-pairSMTP = %d92 %d32-126
//   Domain         = sub-domain *("." sub-domain)          ; checked as `hostname`
//   address-literal = "[" ( IPv4-address-literal / IPv6-address-literal ) "]"
//   IPv6-address-literal = "IPv6:" IPv6-addr
//
// RFC 6531 adds UTF8-non-ascii to atext and qtextSMTP and allows U-labels in
// the domain (checked as `idn-hostname`).  General-address-literals with
// other tags are rejected: no tag other than "IPv6" is registered.  The domain
// may not end with a dot.

extension FormatChecker {
    enum Email {
        static let maxLocalPartLength = 64

        /// `atext` (ASCII part).
        static func isAtext(_ b: UInt8) -> Bool {
            if Bytes.isAlnum(b) { return true }
            switch b {
            case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F,
                 0x5E, 0x5F, 0x60, 0x7B, 0x7C, 0x7D, 0x7E:
                return true
            default:
                return false
            }
        }

        static func isEmail(_ s: UnsafeBufferPointer<UInt8>, international: Bool) -> Bool {
            let n = s.count
            guard n > 0 else { return false }
            var i = 0
            if s[0] == 0x22 {
                // Quoted-string
                i = 1
                var closed = false
                while i < n {
                    let b = s[i]
                    if b == 0x22 { closed = true; i += 1; break }
                    if b == 0x5C {
                        guard i + 1 < n, (0x20...0x7E).contains(s[i + 1]) else { return false }
                        i += 2
                    } else if b >= 0x80 {
                        guard international, let (_, length) = Bytes.decodeScalar(s, i, n) else { return false }
                        i += length
                    } else {
                        guard (0x20...0x7E).contains(b) else { return false }
                        i += 1
                    }
                }
                guard closed else { return false }
            } else {
                // Dot-string: no empty atoms, so no leading, trailing or doubled dots.
                var atomLength = 0
                while i < n, s[i] != 0x40 {
                    let b = s[i]
                    if b == 0x2E {
                        guard atomLength > 0 else { return false }
                        atomLength = 0
                        i += 1
                    } else if b >= 0x80 {
                        guard international, let (_, length) = Bytes.decodeScalar(s, i, n) else { return false }
                        atomLength += 1
                        i += length
                    } else {
                        guard isAtext(b) else { return false }
                        atomLength += 1
                        i += 1
                    }
                }
                guard atomLength > 0 else { return false }
            }
            guard i <= maxLocalPartLength, i < n, s[i] == 0x40 else { return false }
            let domainStart = i + 1
            guard domainStart < n else { return false }
            if s[domainStart] == 0x5B {
                return isAddressLiteral(s, domainStart, n)
            }
            return international
                ? Hostname.isIDNHostname(s, domainStart, n, allowTrailingDot: false)
                : Hostname.isHostname(s, domainStart, n, allowTrailingDot: false)
        }

        /// `address-literal` over `s[lo..<hi]`, brackets included.
        static func isAddressLiteral(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
            guard hi - lo >= 3, s[lo] == 0x5B, s[hi - 1] == 0x5D else { return false }
            let inner = lo + 1, end = hi - 1
            if end - inner > 5,
               s[inner] | 0x20 == 0x69, s[inner + 1] | 0x20 == 0x70, s[inner + 2] | 0x20 == 0x76,
               s[inner + 3] == 0x36, s[inner + 4] == 0x3A {
                return IP.isIPv6(s, inner + 5, end)
            }
            return IP.isIPv4(s, inner, end)
        }
    }
}
