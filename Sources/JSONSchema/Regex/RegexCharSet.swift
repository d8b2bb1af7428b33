// Character sets for the ECMA-262 regular-expression engine (see ECMARegex.swift).
//
// A set of Unicode code points is stored as a sorted list of disjoint, non-adjacent
// inclusive ranges, flattened as [lo0, hi0, lo1, hi1, ...].

/// The highest Unicode code point.
let rxMaxCodePoint: UInt32 = 0x10FFFF

/// A set of code points as sorted, disjoint, non-adjacent inclusive ranges.
struct RXCharSet: Hashable, Sendable {
    /// Flattened inclusive ranges: lo0, hi0, lo1, hi1, ...
    private(set) var bounds: [UInt32]

    init() { bounds = [] }

    init(_ c: UInt32) { bounds = [c, c] }

    init(_ lo: UInt32, _ hi: UInt32) { bounds = lo <= hi ? [lo, hi] : [] }

    /// Builds a set from arbitrary (possibly overlapping, unsorted) ranges.
    init(ranges: [(UInt32, UInt32)]) {
        let sorted = ranges.filter { $0.0 <= $0.1 }.sorted { $0.0 < $1.0 }
        var out: [UInt32] = []
        out.reserveCapacity(sorted.count * 2)
        for (lo, hi) in sorted {
            if let last = out.last, lo <= last &+ 1 {
                if hi > last { out[out.count - 1] = hi }
            } else {
                out.append(lo)
                out.append(hi)
            }
        }
        bounds = out
    }

    private init(rawBounds: [UInt32]) { bounds = rawBounds }

    static let all = RXCharSet(0, rxMaxCodePoint)

    var isEmpty: Bool { bounds.isEmpty }

    var rangeCount: Int { bounds.count / 2 }

    func range(_ i: Int) -> (UInt32, UInt32) { (bounds[2 * i], bounds[2 * i + 1]) }

    /// The single code point of a one-element set.
    var singleCodePoint: UInt32? {
        bounds.count == 2 && bounds[0] == bounds[1] ? bounds[0] : nil
    }

    func contains(_ c: UInt32) -> Bool {
        // Binary search for the last range whose lo <= c.
        var lo = 0
        var hi = bounds.count / 2
        while lo < hi {
            let mid = (lo + hi) >> 1
            if bounds[2 * mid] <= c { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return false }
        return c <= bounds[2 * (lo - 1) + 1]
    }

    func union(_ other: RXCharSet) -> RXCharSet {
        if other.bounds.isEmpty { return self }
        if bounds.isEmpty { return other }
        var rs: [(UInt32, UInt32)] = []
        rs.reserveCapacity(rangeCount + other.rangeCount)
        for i in 0..<rangeCount { rs.append(range(i)) }
        for i in 0..<other.rangeCount { rs.append(other.range(i)) }
        return RXCharSet(ranges: rs)
    }

    mutating func formUnion(_ other: RXCharSet) { self = union(other) }

    /// The complement with respect to [0, 0x10FFFF].
    func inverted() -> RXCharSet {
        var out: [UInt32] = []
        var next: UInt32 = 0
        var i = 0
        while i < bounds.count {
            let lo = bounds[i], hi = bounds[i + 1]
            if lo > next { out.append(next); out.append(lo - 1) }
            if hi >= rxMaxCodePoint { next = rxMaxCodePoint + 1; break }
            next = hi + 1
            i += 2
        }
        if next <= rxMaxCodePoint { out.append(next); out.append(rxMaxCodePoint) }
        return RXCharSet(rawBounds: out)
    }

    /// Bitmap of the ASCII members (bit c of word c >> 6).
    var asciiBitmap: (UInt64, UInt64) {
        var w0: UInt64 = 0, w1: UInt64 = 0
        for i in 0..<rangeCount {
            let (lo, hi) = range(i)
            if lo > 127 { break }
            for c in lo...min(hi, 127) {
                if c < 64 { w0 |= 1 << UInt64(c) } else { w1 |= 1 << UInt64(c - 64) }
            }
        }
        return (w0, w1)
    }

    /// True when the set contains code points above U+007F.
    var hasNonASCII: Bool { (bounds.last ?? 0) > 127 }

    // MARK: Predefined ECMA-262 sets

    /// `\d`: ASCII digits only.
    static let digit = RXCharSet(0x30, 0x39)

    /// `\w`: [A-Za-z0-9_] only.
    static let word = RXCharSet(ranges: [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)])

    /// `\s`: ECMA-262 WhiteSpace and LineTerminator.
    static let space = RXCharSet(ranges: [
        (0x09, 0x0D),  // \t \n \v \f \r
        (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
        (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ])

    /// `.`: everything except the line terminators \n \r U+2028 U+2029.
    static let dot = RXCharSet(ranges: [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]).inverted()
}

// MARK: - Unicode properties (\p{...} / \P{...})

/// Resolves Unicode property expressions using the Swift standard library's Unicode
/// tables (no Foundation). Supports General_Category values (long and short names,
/// optionally prefixed `General_Category=` / `gc=`), a set of binary properties, and the
/// common POSIX-like aliases `digit`, `alpha`, `space`, `punct`... Name matching is loose
/// (case, spaces, `_` and `-` are ignored, UAX #44 LM3).
enum RXUnicodeProperty {
    private static func loose(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == " " || u == "_" || u == "-" { continue }
            out.unicodeScalars.append(u.properties.lowercaseMapping.unicodeScalars.first ?? u)
        }
        return out
    }

    private typealias GC = Unicode.GeneralCategory

    private static let generalCategories: [String: [GC]] = {
        let L: [GC] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        let M: [GC] = [.nonspacingMark, .spacingMark, .enclosingMark]
        let N: [GC] = [.decimalNumber, .letterNumber, .otherNumber]
        let P: [GC] = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                       .initialPunctuation, .finalPunctuation, .otherPunctuation]
        let S: [GC] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        let Z: [GC] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        let C: [GC] = [.control, .format, .surrogate, .privateUse, .unassigned]
        let table: [(names: [String], cats: [GC])] = [
            (["L", "Letter"], L),
            (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            (["Lu", "Uppercase_Letter"], [.uppercaseLetter]),
            (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
            (["Lt", "Titlecase_Letter"], [.titlecaseLetter]),
            (["Lm", "Modifier_Letter"], [.modifierLetter]),
            (["Lo", "Other_Letter"], [.otherLetter]),
            (["M", "Mark", "Combining_Mark"], M),
            (["Mn", "Nonspacing_Mark"], [.nonspacingMark]),
            (["Mc", "Spacing_Mark"], [.spacingMark]),
            (["Me", "Enclosing_Mark"], [.enclosingMark]),
            (["N", "Number"], N),
            (["Nd", "Decimal_Number", "digit"], [.decimalNumber]),
            (["Nl", "Letter_Number"], [.letterNumber]),
            (["No", "Other_Number"], [.otherNumber]),
            (["P", "Punctuation", "punct"], P),
            (["Pc", "Connector_Punctuation"], [.connectorPunctuation]),
            (["Pd", "Dash_Punctuation"], [.dashPunctuation]),
            (["Ps", "Open_Punctuation"], [.openPunctuation]),
            (["Pe", "Close_Punctuation"], [.closePunctuation]),
            (["Pi", "Initial_Punctuation"], [.initialPunctuation]),
            (["Pf", "Final_Punctuation"], [.finalPunctuation]),
            (["Po", "Other_Punctuation"], [.otherPunctuation]),
            (["S", "Symbol"], S),
            (["Sm", "Math_Symbol"], [.mathSymbol]),
            (["Sc", "Currency_Symbol"], [.currencySymbol]),
            (["Sk", "Modifier_Symbol"], [.modifierSymbol]),
            (["So", "Other_Symbol"], [.otherSymbol]),
            (["Z", "Separator"], Z),
            (["Zs", "Space_Separator"], [.spaceSeparator]),
            (["Zl", "Line_Separator"], [.lineSeparator]),
            (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
            (["C", "Other"], C),
            (["Cc", "Control", "cntrl"], [.control]),
            (["Cf", "Format"], [.format]),
            (["Cs", "Surrogate"], [.surrogate]),
            (["Co", "Private_Use"], [.privateUse]),
            (["Cn", "Unassigned"], [.unassigned]),
        ]
        var d: [String: [GC]] = [:]
        for entry in table { for n in entry.names { d[loose(n)] = entry.cats } }
        return d
    }()

    private typealias Pred = @Sendable (Unicode.Scalar.Properties) -> Bool

    private static let binaryProperties: [String: Pred] = {
        let table: [(names: [String], pred: Pred)] = [
            (["Alphabetic", "Alpha"], { $0.isAlphabetic }),
            (["White_Space", "space", "WSpace"], { $0.isWhitespace }),
            (["Uppercase", "Upper"], { $0.isUppercase }),
            (["Lowercase", "Lower"], { $0.isLowercase }),
            (["Math"], { $0.isMath }),
            (["Hex_Digit", "Hex", "xdigit"], { $0.isHexDigit }),
            (["ASCII_Hex_Digit", "AHex"], { $0.isASCIIHexDigit }),
            (["ID_Start", "IDS"], { $0.isIDStart }),
            (["ID_Continue", "IDC"], { $0.isIDContinue }),
            (["XID_Start", "XIDS"], { $0.isXIDStart }),
            (["XID_Continue", "XIDC"], { $0.isXIDContinue }),
            (["Ideographic", "Ideo"], { $0.isIdeographic }),
            (["Unified_Ideograph", "UIdeo"], { $0.isUnifiedIdeograph }),
            (["Dash"], { $0.isDash }),
            (["Diacritic", "Dia"], { $0.isDiacritic }),
            (["Extender", "Ext"], { $0.isExtender }),
            (["Cased"], { $0.isCased }),
            (["Case_Ignorable", "CI"], { $0.isCaseIgnorable }),
            (["Changes_When_Lowercased", "CWL"], { $0.changesWhenLowercased }),
            (["Changes_When_Uppercased", "CWU"], { $0.changesWhenUppercased }),
            (["Changes_When_Titlecased", "CWT"], { $0.changesWhenTitlecased }),
            (["Changes_When_Casefolded", "CWCF"], { $0.changesWhenCaseFolded }),
            (["Changes_When_Casemapped", "CWCM"], { $0.changesWhenCaseMapped }),
            (["Changes_When_NFKC_Casefolded", "CWKCF"], { $0.changesWhenNFKCCaseFolded }),
            (["Default_Ignorable_Code_Point", "DI"], { $0.isDefaultIgnorableCodePoint }),
            (["Deprecated", "Dep"], { $0.isDeprecated }),
            (["Bidi_Control", "Bidi_C"], { $0.isBidiControl }),
            (["Bidi_Mirrored", "Bidi_M"], { $0.isBidiMirrored }),
            (["Grapheme_Base", "Gr_Base"], { $0.isGraphemeBase }),
            (["Grapheme_Extend", "Gr_Ext"], { $0.isGraphemeExtend }),
            (["IDS_Binary_Operator", "IDSB"], { $0.isIDSBinaryOperator }),
            (["IDS_Trinary_Operator", "IDST"], { $0.isIDSTrinaryOperator }),
            (["Join_Control", "Join_C"], { $0.isJoinControl }),
            (["Logical_Order_Exception", "LOE"], { $0.isLogicalOrderException }),
            (["Noncharacter_Code_Point", "NChar"], { $0.isNoncharacterCodePoint }),
            (["Pattern_Syntax", "Pat_Syn"], { $0.isPatternSyntax }),
            (["Pattern_White_Space", "Pat_WS"], { $0.isPatternWhitespace }),
            (["Quotation_Mark", "QMark"], { $0.isQuotationMark }),
            (["Radical"], { $0.isRadical }),
            (["Sentence_Terminal", "STerm"], { $0.isSentenceTerminal }),
            (["Soft_Dotted", "SD"], { $0.isSoftDotted }),
            (["Terminal_Punctuation", "Term"], { $0.isTerminalPunctuation }),
            (["Variation_Selector", "VS"], { $0.isVariationSelector }),
            (["Emoji"], { $0.isEmoji }),
            (["Emoji_Presentation", "EPres"], { $0.isEmojiPresentation }),
            (["Emoji_Modifier", "EMod"], { $0.isEmojiModifier }),
            (["Emoji_Modifier_Base", "EBase"], { $0.isEmojiModifierBase }),
        ]
        var d: [String: Pred] = [:]
        for entry in table { for n in entry.names { d[loose(n)] = entry.pred } }
        return d
    }()

    /// Returns the set for a property expression (the text between the braces of
    /// `\p{...}`), or nil when the property is unknown or unsupported.
    static func set(for expression: String) -> RXCharSet? {
        var name = expression
        var value: String? = nil
        if let eq = expression.firstIndex(of: "=") {
            name = String(expression[..<eq])
            value = String(expression[expression.index(after: eq)...])
        }
        if let value {
            let n = loose(name)
            guard n == "generalcategory" || n == "gc" else { return nil }  // Script etc. unsupported
            guard let cats = generalCategories[loose(value)] else { return nil }
            return categorySet(cats)
        }
        let key = loose(name)
        switch key {
        case "any": return .all
        case "ascii": return RXCharSet(0, 0x7F)
        case "assigned": return categorySet([.unassigned]).inverted()
        case "regionalindicator", "ri": return RXCharSet(0x1F1E6, 0x1F1FF)
        case "alnum":
            return categorySet([.decimalNumber]).union(build { $0.isAlphabetic })
        default: break
        }
        if let cats = generalCategories[key] { return categorySet(cats) }
        if let pred = binaryProperties[key] { return build(pred) }
        return nil
    }

    private static func categorySet(_ cats: [GC]) -> RXCharSet {
        var s = RXCharSet()
        for c in cats { if let r = categoryRanges[c] { s.formUnion(r) } }
        return s
    }

    /// The code points of every General_Category value, computed in one scan on first use
    /// (a lazily initialized static, hence thread-safe) and shared by all patterns.
    private static let categoryRanges: [GC: RXCharSet] = {
        var runs: [GC: [(UInt32, UInt32)]] = [:]
        var current: GC = .control
        var start: UInt32 = 0
        func close(_ end: UInt32) { runs[current, default: []].append((start, end)) }
        var v: UInt32 = 0
        while v <= rxMaxCodePoint {
            let cat: GC
            var next = v + 1
            if v == 0xD800 {
                cat = .surrogate
                next = 0xE000
            } else {
                cat = Unicode.Scalar(v)!.properties.generalCategory
                if v == 0x40000 { next = 0xE0000 }  // planes 4-13: unassigned (see build(_:))
            }
            if v == 0 {
                current = cat
            } else if cat != current {
                close(v - 1)
                current = cat
                start = v
            }
            v = next
        }
        close(rxMaxCodePoint)
        var out: [GC: RXCharSet] = [:]
        for (k, rs) in runs { out[k] = RXCharSet(ranges: rs) }
        return out
    }()

    /// Scans the code space. Planes 4 to 13 are entirely unassigned in every Unicode
    /// version to date, so they take the value of U+40000 (checked by a unit test).
    private static func build(_ pred: (Unicode.Scalar.Properties) -> Bool) -> RXCharSet {
        var ranges: [(UInt32, UInt32)] = []
        var start: UInt32? = nil
        func visit(_ v: UInt32, _ inSet: Bool) {
            if inSet {
                if start == nil { start = v }
            } else if let s = start {
                ranges.append((s, v - 1))
                start = nil
            }
        }
        var v: UInt32 = 0
        while v <= rxMaxCodePoint {
            if v == 0xD800 {  // surrogates are not scalars
                if let s = start { ranges.append((s, 0xD7FF)); start = nil }
                v = 0xE000
                continue
            }
            if v == 0x40000 {
                let inSet = pred(Unicode.Scalar(v)!.properties)
                visit(v, inSet)
                v = 0xE0000
                continue
            }
            visit(v, pred(Unicode.Scalar(v)!.properties))
            v += 1
        }
        if let s = start { ranges.append((s, rxMaxCodePoint)) }
        return RXCharSet(ranges: ranges)
    }
}
