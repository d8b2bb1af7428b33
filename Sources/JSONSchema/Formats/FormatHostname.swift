// `hostname` and `idn-hostname`.
//
// hostname (RFC 1123 §2.1, which relaxes RFC 952 to allow a leading digit):
//   labels of ASCII letters, digits and "-", 1-63 octets, not starting or
//   ending with "-", separated by "."; at most 253 octets in total.  A label
//   with the ACE prefix "xn--" must be a valid A-label (RFC 5890 §2.3.2.1:
//   decodable Punycode whose U-label passes the IDNA2008 checks).  Other
//   labels with "--" in positions 3-4 are accepted (they occur in practice,
//   e.g. "r3---sn-abc").
//
// idn-hostname (RFC 5890 §2.3.2.3): every label is an NR-LDH label, a valid
//   A-label, or a valid U-label (see FormatIDNA.swift).  Labels are separated
//   by "." or one of the equivalent full stops U+3002, U+FF0E, U+FF61
//   (RFC 3490 §3.1).  Each label must fit in 63 octets and the whole name in
//   253 octets once U-labels are converted to their A-label form.  Labels
//   with "--" in positions 3-4 that are not A-labels are rejected (reserved
//   LDH labels, RFC 5890 §2.3.1).  The Bidi rule (RFC 5893) applies to all
//   labels when any label contains a right-to-left character.
//
// For both formats a single trailing dot (the root label of a fully
// qualified name, "example.com.") is accepted; an empty name, an empty label
// and a name consisting of only a dot are not.

extension FormatChecker {
    enum Hostname {
        static let maxLabelLength = 63
        static let maxNameLength = 253

        /// `hostname` over the whole buffer.
        static func isHostname(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            isHostname(s, 0, s.count, allowTrailingDot: true)
        }

        /// `idn-hostname` over the whole buffer.
        static func isIDNHostname(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            isIDNHostname(s, 0, s.count, allowTrailingDot: true)
        }

        /// `hostname` over `s[lo..<hi]`.
        static func isHostname(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, allowTrailingDot: Bool) -> Bool {
            if let result = checkLDHName(s, lo, hi, allowTrailingDot: allowTrailingDot, international: false) {
                return result
            }
            var scalars: [UInt32] = []
            scalars.reserveCapacity(hi - lo)
            for i in lo..<hi {
                guard s[i] < 0x80 else { return false }
                scalars.append(UInt32(s[i]))
            }
            return isDomain(scalars, international: false, allowTrailingDot: allowTrailingDot)
        }

        /// `idn-hostname` over `s[lo..<hi]`.
        static func isIDNHostname(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, allowTrailingDot: Bool) -> Bool {
            if let result = checkLDHName(s, lo, hi, allowTrailingDot: allowTrailingDot, international: true) {
                return result
            }
            guard lo < hi, let scalars = Bytes.scalars(s, lo, hi) else { return false }
            return isDomain(scalars, international: true, allowTrailingDot: allowTrailingDot)
        }

        /// Allocation-free check of a name made only of ASCII LDH labels.
        /// Returns `nil` when the name has a non-ASCII byte or an "xn--" label
        /// and needs the full IDNA treatment of `isDomain`.
        static func checkLDHName(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                                 allowTrailingDot: Bool, international: Bool) -> Bool? {
            guard lo < hi else { return false }
            var end = hi
            if allowTrailingDot, hi - lo > 1, s[hi - 1] == 0x2E { end -= 1 }
            var labelStart = lo
            var i = lo
            var needsIDNA = false
            var invalid = false
            while i <= end {
                if i == end || s[i] == 0x2E {
                    let length = i - labelStart
                    if length < 1 || length > maxLabelLength || s[labelStart] == 0x2D || s[i - 1] == 0x2D {
                        invalid = true
                    } else if length >= 4, s[labelStart + 2] == 0x2D, s[labelStart + 3] == 0x2D {
                        if s[labelStart] | 0x20 == 0x78, s[labelStart + 1] | 0x20 == 0x6E {
                            needsIDNA = true  // "xn--": must be a valid A-label
                        } else if international {
                            invalid = true  // reserved LDH label
                        }
                    }
                    labelStart = i + 1
                } else if s[i] >= 0x80 {
                    return international ? nil : false
                } else if !(Bytes.isAlnum(s[i]) || s[i] == 0x2D) {
                    invalid = true
                }
                i += 1
            }
            if invalid { return false }
            if needsIDNA { return nil }
            return end - lo <= maxNameLength
        }

        @inline(__always)
        static func isLabelSeparator(_ cp: UInt32, international: Bool) -> Bool {
            cp == 0x2E || (international && (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61))
        }

        /// Whether an ASCII label starts with the ACE prefix "xn--" (any case).
        static func hasACEPrefix(_ label: ArraySlice<UInt32>) -> Bool {
            guard label.count >= 4 else { return false }
            let i = label.startIndex
            return label[i] | 0x20 == 0x78 && label[i + 1] | 0x20 == 0x6E
                && label[i + 2] == 0x2D && label[i + 3] == 0x2D
        }

        /// Letters, digits and hyphens, not starting or ending with a hyphen.
        static func isLDHLabel(_ label: ArraySlice<UInt32>) -> Bool {
            guard let first = label.first, let last = label.last, first != 0x2D, last != 0x2D else { return false }
            return label.allSatisfy { $0 < 0x80 && (Bytes.isAlnum(UInt8($0)) || $0 == 0x2D) }
        }

        /// Validates a domain name given as scalar values.
        ///
        /// - Parameters:
        ///   - international: accept U-labels and the ideographic full stops
        ///     as separators, and apply the strict IDNA2008 rules to LDH labels.
        ///   - allowTrailingDot: accept one trailing separator.
        static func isDomain(_ scalars: [UInt32], international: Bool, allowTrailingDot: Bool) -> Bool {
            var labels: [ArraySlice<UInt32>] = []
            var start = 0
            for i in scalars.indices where isLabelSeparator(scalars[i], international: international) {
                labels.append(scalars[start..<i])
                start = i + 1
            }
            labels.append(scalars[start...])
            if allowTrailingDot, labels.count > 1, labels[labels.count - 1].isEmpty {
                labels.removeLast()
            }

            var totalLength = labels.count - 1  // separators
            var decodedLabels: [[UInt32]] = []
            decodedLabels.reserveCapacity(labels.count)
            var isBidiDomain = false

            for label in labels {
                guard !label.isEmpty else { return false }
                if label.allSatisfy({ $0 < 0x80 }) {
                    guard label.count <= maxLabelLength else { return false }
                    totalLength += label.count
                    if hasACEPrefix(label) {
                        guard let uLabel = IDNA.uLabel(fromPunycode: label.dropFirst(4)) else { return false }
                        if IDNA.hasRightToLeft(uLabel) { isBidiDomain = true }
                        decodedLabels.append(uLabel)
                    } else {
                        guard isLDHLabel(label) else { return false }
                        if international, label.count >= 4,
                           label[label.startIndex + 2] == 0x2D, label[label.startIndex + 3] == 0x2D {
                            return false
                        }
                        decodedLabels.append(Array(label))
                    }
                } else {
                    guard international else { return false }
                    let uLabel = Array(label)
                    guard IDNA.isValidULabel(uLabel), let encoded = Punycode.encode(uLabel) else { return false }
                    let aLabelLength = 4 + encoded.count
                    guard aLabelLength <= maxLabelLength else { return false }
                    totalLength += aLabelLength
                    if IDNA.hasRightToLeft(uLabel) { isBidiDomain = true }
                    decodedLabels.append(uLabel)
                }
            }
            guard totalLength <= maxNameLength else { return false }
            if isBidiDomain {
                for label in decodedLabels where !IDNA.satisfiesBidiRule(label) { return false }
            }
            return true
        }
    }
}
