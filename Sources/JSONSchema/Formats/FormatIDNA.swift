// IDNA2008 label and domain validation (RFC 5890, 5891, 5892, 5893).
//
// What is checked for every U-label (a label with non-ASCII characters, or the
// decoding of an A-label):
//   * RFC 5891 §4.2.3.1: no "--" in positions 3 and 4; no leading or trailing "-".
//   * RFC 5891 §4.2.3.2: does not begin with a combining mark (General_Category M).
//   * RFC 5891 §4.2.3.3 / RFC 5892 §3: every code point is PVALID, or CONTEXTJ /
//     CONTEXTO with its contextual rule (RFC 5892 Appendix A) satisfied.
//   * RFC 5893 §2: the Bidi rule, for every label of a domain name that contains
//     a right-to-left character (Bidi_Class R, AL or AN).
// and for every A-label ("xn--" + Punycode): the Punycode decodes, the result
// contains a non-ASCII character, re-encodes to the same string (RFC 5891
// §5.4), and is a valid U-label.
//
// The derived property (RFC 5892 §3) is computed from the categories of
// RFC 5892 §2 using Swift's Unicode data (Unicode 15/16 depending on the
// toolchain) for General_Category, Noncharacter_Code_Point, White_Space,
// Default_Ignorable_Code_Point and Changes_When_NFKC_Casefolded (which is what
// the "Unstable" category amounts to for a single code point).
//
// Not checked: that a U-label is in Normalization Form C as a whole string
// (each code point is individually NFKC-casefold stable, but a base letter
// followed by a combining mark that has a precomposed form is not rejected).

extension FormatChecker {
    enum IDNA {
        /// The IDNA2008 derived property value of a code point (RFC 5892 §3).
        enum Status: Equatable {
            case pvalid
            case contextJ
            case contextO
            case disallowed
            case unassigned
        }

        /// RFC 5892 §3 derived property value.
        static func status(_ cp: UInt32) -> Status {
            switch cp {
            // Exceptions (RFC 5892 §2.6)
            case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
                return .pvalid
            case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9:
                return .contextO
            case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B:
                return .disallowed
            // LDH (§2.4) before the property-based categories
            case 0x61...0x7A, 0x30...0x39, 0x2D:
                return .pvalid
            // JoinControl (§2.8)
            case 0x200C, 0x200D:
                return .contextJ
            default:
                break
            }
            guard let scalar = Unicode.Scalar(cp) else { return .disallowed }
            let properties = scalar.properties
            // Unassigned (§2.10)
            if properties.generalCategory == .unassigned && !properties.isNoncharacterCodePoint {
                return .unassigned
            }
            // Unstable (§2.2): toNFKC_Casefold(toNFC(cp)) != cp
            if properties.changesWhenNFKCCaseFolded { return .disallowed }
            // IgnorableProperties (§2.3)
            if properties.isDefaultIgnorableCodePoint || properties.isWhitespace
                || properties.isNoncharacterCodePoint {
                return .disallowed
            }
            switch cp {
            // IgnorableBlocks (§2.5): Combining Diacritical Marks for Symbols,
            // Musical Symbols, Ancient Greek Musical Notation.
            case 0x20D0...0x20FF, 0x1D100...0x1D24F:
                return .disallowed
            // OldHangulJamo (§2.9): Hangul_Syllable_Type L, V or T.
            case 0x1100...0x11FF, 0xA960...0xA97C, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB:
                return .disallowed
            default:
                break
            }
            // LetterDigits (§2.1)
            switch properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber,
                 .modifierLetter, .nonspacingMark, .spacingMark:
                return .pvalid
            default:
                return .disallowed
            }
        }

        // MARK: Character properties used by the contextual rules

        enum JoiningType {
            case dual, right, left, transparent, other
        }

        static func joiningType(_ cp: UInt32) -> JoiningType {
            if FormatChecker.Bytes.rangeTableContains(UCD.joiningDual, cp) { return .dual }
            if FormatChecker.Bytes.rangeTableContains(UCD.joiningRight, cp) { return .right }
            if FormatChecker.Bytes.rangeTableContains(UCD.joiningLeft, cp) { return .left }
            // ArabicShaping.txt: unlisted characters of General_Category Mn, Me or
            // Cf are Transparent, all others Non_Joining.  The few listed
            // exceptions to that default are handled here.
            switch cp {
            case 0x0600...0x0605, 0x06DD, 0x0890, 0x0891, 0x08E2, 0x180E, 0x200C, 0x200D,
                 0x2066...0x2069, 0x110BD, 0x110CD:
                return .other
            case 0x1E94B:
                return .transparent
            default:
                break
            }
            guard let scalar = Unicode.Scalar(cp) else { return .other }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return .transparent
            default: return .other
            }
        }

        static func isVirama(_ cp: UInt32) -> Bool {
            guard let scalar = Unicode.Scalar(cp) else { return false }
            return scalar.properties.canonicalCombiningClass == .virama
        }

        static func isGreek(_ cp: UInt32) -> Bool {
            FormatChecker.Bytes.rangeTableContains(UCD.scriptGreek, cp)
        }

        static func isHebrew(_ cp: UInt32) -> Bool {
            FormatChecker.Bytes.rangeTableContains(UCD.scriptHebrew, cp)
        }

        static func isHiraganaKatakanaOrHan(_ cp: UInt32) -> Bool {
            if FormatChecker.Bytes.rangeTableContains(UCD.scriptHiragana, cp)
                || FormatChecker.Bytes.rangeTableContains(UCD.scriptKatakana, cp)
                || FormatChecker.Bytes.rangeTableContains(UCD.scriptHan, cp) {
                return true
            }
            // Han ideographs added after the table's Unicode version.
            return Unicode.Scalar(cp)?.properties.isUnifiedIdeograph ?? false
        }

        static func isCombiningMark(_ cp: UInt32) -> Bool {
            guard let scalar = Unicode.Scalar(cp) else { return false }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }

        // MARK: Contextual rules (RFC 5892 Appendix A)

        /// CONTEXTJ rules A.1 (ZERO WIDTH NON-JOINER) and A.2 (ZERO WIDTH JOINER).
        static func contextJHolds(_ label: [UInt32], at i: Int) -> Bool {
            if i > 0, isVirama(label[i - 1]) { return true }
            guard label[i] == 0x200C else { return false }
            // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
            var j = i - 1
            while j >= 0, joiningType(label[j]) == .transparent { j -= 1 }
            guard j >= 0 else { return false }
            let before = joiningType(label[j])
            guard before == .left || before == .dual else { return false }
            var k = i + 1
            while k < label.count, joiningType(label[k]) == .transparent { k += 1 }
            guard k < label.count else { return false }
            let after = joiningType(label[k])
            return after == .right || after == .dual
        }

        /// CONTEXTO rules A.3 - A.9.
        static func contextOHolds(_ label: [UInt32], at i: Int) -> Bool {
            let cp = label[i]
            switch cp {
            case 0x00B7:  // MIDDLE DOT: between two 'l'
                return i > 0 && i + 1 < label.count && label[i - 1] == 0x6C && label[i + 1] == 0x6C
            case 0x0375:  // GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
                return i + 1 < label.count && isGreek(label[i + 1])
            case 0x05F3, 0x05F4:  // HEBREW PUNCTUATION GERESH / GERSHAYIM: preceded by Hebrew
                return i > 0 && isHebrew(label[i - 1])
            case 0x30FB:  // KATAKANA MIDDLE DOT: some Hiragana, Katakana or Han in the label
                return label.contains { $0 != 0x30FB && isHiraganaKatakanaOrHan($0) }
            case 0x0660...0x0669:  // ARABIC-INDIC DIGITS: no Extended Arabic-Indic digits
                return !label.contains { (0x06F0...0x06F9).contains($0) }
            case 0x06F0...0x06F9:  // EXTENDED ARABIC-INDIC DIGITS: no Arabic-Indic digits
                return !label.contains { (0x0660...0x0669).contains($0) }
            default:
                return false
            }
        }

        // MARK: Labels

        /// Whether `label` is a valid U-label per RFC 5891 §4.2.3 (see file header).
        /// The Bidi rule is checked separately, per domain name.
        static func isValidULabel(_ label: [UInt32]) -> Bool {
            guard let first = label.first, let last = label.last else { return false }
            if label.count >= 4 && label[2] == 0x2D && label[3] == 0x2D { return false }
            if first == 0x2D || last == 0x2D { return false }
            if isCombiningMark(first) { return false }
            for i in label.indices {
                switch status(label[i]) {
                case .pvalid:
                    continue
                case .contextJ:
                    if !contextJHolds(label, at: i) { return false }
                case .contextO:
                    if !contextOHolds(label, at: i) { return false }
                case .disallowed, .unassigned:
                    return false
                }
            }
            return true
        }

        /// Decodes and validates an A-label given without its "xn--" prefix.
        /// Returns the U-label, or `nil` if the A-label is invalid.
        static func uLabel(fromPunycode body: ArraySlice<UInt32>) -> [UInt32]? {
            guard !body.isEmpty, body.allSatisfy({ $0 < 0x80 }) else { return nil }
            let bytes = body.map { UInt8($0) }
            guard let decoded = Punycode.decode(bytes),
                  decoded.contains(where: { $0 >= 0x80 }),
                  let reencoded = Punycode.encode(decoded),
                  reencoded == bytes.map(FormatChecker.Bytes.lower),
                  isValidULabel(decoded)
            else { return nil }
            return decoded
        }

        // MARK: Bidi rule (RFC 5893 §2)

        enum BidiClass {
            case leftToRight        // L
            case rightToLeft        // R or AL
            case arabicNumber       // AN
            case europeanNumber     // EN
            case separatorOrNeutral // ES, CS, ET, ON, BN
            case nonspacingMark     // NSM
        }

        /// Bidi_Class, exact for the characters that can occur in a valid label
        /// (PVALID and CONTEXT code points, i.e. letters, digits, marks and the
        /// exceptions of RFC 5892 §2.6).
        static func bidiClass(_ cp: UInt32) -> BidiClass {
            if cp < 0x80 {
                if FormatChecker.Bytes.isDigit(UInt8(cp)) { return .europeanNumber }
                return FormatChecker.Bytes.isAlpha(UInt8(cp)) ? .leftToRight : .separatorOrNeutral
            }
            switch cp {
            case 0x00B7, 0x0375, 0x30FB, 0x200C, 0x200D:
                return .separatorOrNeutral
            // Modifier letters whose Bidi_Class is ON.
            case 0x02B9, 0x02BA, 0x02C6...0x02CF, 0x02EC, 0x2E2F, 0xA67F, 0xA717...0xA71F, 0xA788:
                return .separatorOrNeutral
            // Nonspacing marks whose Bidi_Class is L.
            case 0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F:
                return .leftToRight
            default:
                break
            }
            if FormatChecker.Bytes.rangeTableContains(UCD.bidiRightToLeft, cp) { return .rightToLeft }
            if FormatChecker.Bytes.rangeTableContains(UCD.bidiArabicNumber, cp) { return .arabicNumber }
            if FormatChecker.Bytes.rangeTableContains(UCD.bidiEuropeanNumber, cp) { return .europeanNumber }
            if let scalar = Unicode.Scalar(cp) {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark: return .nonspacingMark
                default: break
                }
            }
            return .leftToRight
        }

        /// Whether the label contains a character of Bidi_Class R, AL or AN,
        /// which makes the whole domain name a "Bidi domain name".
        static func hasRightToLeft(_ label: [UInt32]) -> Bool {
            label.contains { cp in
                guard cp >= 0x0590 else { return false }
                let c = bidiClass(cp)
                return c == .rightToLeft || c == .arabicNumber
            }
        }

        /// RFC 5893 §2 rules 1-6 for one label.
        static func satisfiesBidiRule(_ label: [UInt32]) -> Bool {
            guard let firstCP = label.first else { return false }
            let first = bidiClass(firstCP)
            // The class of the last character that is not a nonspacing mark.
            var endClass: BidiClass = first
            for cp in label.reversed() {
                let c = bidiClass(cp)
                if c != .nonspacingMark { endClass = c; break }
            }
            switch first {
            case .rightToLeft:
                var sawEuropean = false
                var sawArabic = false
                for cp in label {
                    switch bidiClass(cp) {
                    case .leftToRight: return false  // rule 2
                    case .europeanNumber: sawEuropean = true
                    case .arabicNumber: sawArabic = true
                    default: break
                    }
                }
                if sawEuropean && sawArabic { return false }  // rule 4
                switch endClass {  // rule 3
                case .rightToLeft, .europeanNumber, .arabicNumber: return true
                default: return false
                }
            case .leftToRight:
                for cp in label {
                    switch bidiClass(cp) {
                    case .rightToLeft, .arabicNumber: return false  // rule 5
                    default: break
                    }
                }
                return endClass == .leftToRight || endClass == .europeanNumber  // rule 6
            default:
                return false  // rule 1
            }
        }
    }
}
