// `uri-template` (RFC 6570 §2, all levels up to 4).
//
//   URI-Template  = *( literals / expression )
//   literals      = %x21 / %x23-24 / %x26 / %x28-3B / %x3D / %x3F-5B
//                 / %x5D / %x5F / %x61-7A / %x7E / ucschar / iprivate / pct-encoded
//   expression    = "{" [ operator ] variable-list "}"
//   operator      = op-level2 / op-level3 / op-reserve
//   op-level2     = "+" / "#"
//   op-level3     = "." / "/" / ";" / "?" / "&"
//   op-reserve    = "=" / "," / "!" / "@" / "|"
//   variable-list = varspec *( "," varspec )
//   varspec       = varname [ modifier-level4 ]
//   varname       = varchar *( ["."] varchar )
//   varchar       = ALPHA / DIGIT / "_" / pct-encoded
//   modifier-level4 = prefix / explode
//   prefix        = ":" max-length          ; max-length = %x31-39 0*3DIGIT
//   explode       = "*"
//
// The operators reserved for future extensions are part of the RFC's grammar
// and are accepted.

extension FormatChecker {
    enum URITemplate {
        static func isLiteral(_ b: UInt8) -> Bool {
            switch b {
            case 0x21, 0x23, 0x24, 0x26, 0x28...0x3B, 0x3D, 0x3F...0x5B, 0x5D, 0x5F, 0x61...0x7A, 0x7E:
                return true
            default:
                return false
            }
        }

        static func isURITemplate(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = s.count
            var i = 0
            while i < n {
                let b = s[i]
                if b == 0x7B {
                    guard let end = expressionEnd(s, i + 1) else { return false }
                    i = end
                } else if b == 0x25 {
                    guard Bytes.isPercentEncoded(s, i, n) else { return false }
                    i += 3
                } else if b < 0x80 {
                    guard isLiteral(b) else { return false }
                    i += 1
                } else {
                    guard let (cp, length) = Bytes.decodeScalar(s, i, n),
                          URI.isUCSChar(cp) || URI.isIPrivate(cp)
                    else { return false }
                    i += length
                }
            }
            return true
        }

        /// Parses an expression body starting after "{"; returns the index after "}".
        static func expressionEnd(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
            let n = s.count
            var i = start
            guard i < n else { return nil }
            switch s[i] {
            case 0x2B, 0x23, 0x2E, 0x2F, 0x3B, 0x3F, 0x26, 0x3D, 0x2C, 0x21, 0x40, 0x7C:
                i += 1
            default:
                break
            }
            while true {
                // varname
                var previousWasDot = true  // a name may not start with "."
                var nameLength = 0
                while i < n {
                    let b = s[i]
                    if Bytes.isAlnum(b) || b == 0x5F {
                        i += 1
                    } else if b == 0x25 {
                        guard Bytes.isPercentEncoded(s, i, n) else { return nil }
                        i += 3
                    } else if b == 0x2E {
                        guard !previousWasDot else { return nil }
                        previousWasDot = true
                        i += 1
                        continue
                    } else {
                        break
                    }
                    previousWasDot = false
                    nameLength += 1
                }
                guard nameLength > 0, !previousWasDot, i < n else { return nil }
                // modifier-level4
                if s[i] == 0x3A {
                    i += 1
                    guard i < n, s[i] >= 0x31, s[i] <= 0x39 else { return nil }
                    let digitsStart = i
                    while i < n, Bytes.isDigit(s[i]) { i += 1 }
                    guard i - digitsStart <= 4, i < n else { return nil }
                } else if s[i] == 0x2A {
                    i += 1
                    guard i < n else { return nil }
                }
                switch s[i] {
                case 0x2C: i += 1
                case 0x7D: return i + 1
                default: return nil
                }
            }
        }
    }
}
