// Parser for ECMA-262 regular-expression patterns (see ECMARegex.swift).
//
// Follows the ECMA-262 grammar without flags plus the Annex B (web compatibility)
// extensions that browsers accept: `]`, `{`, `}` as literals when they cannot start a
// quantifier, legacy octal escapes, identity escapes of any character, `\c` without a
// control letter, quantified lookaheads. Code-point semantics (as with the `u` flag) are
// used for the input, `\u{...}` and `\p{...}` are accepted.

/// Abstract syntax tree of a pattern.
indirect enum RXNode: Sendable {
    case empty
    /// Consumes one code point from the set.
    case set(RXCharSet)
    case concat([RXNode])
    case alt([RXNode])
    /// A capturing group (1-based index).
    case group(RXNode, Int)
    /// `min`...`max` repetitions (max nil = unbounded). `capFrom..<capTo` are the group
    /// indices inside the repeated node, reset at each iteration.
    case rep(RXNode, min: Int, max: Int?, greedy: Bool, capFrom: Int, capTo: Int)
    case bol
    case eol
    case wordBoundary
    case notWordBoundary
    case backref(Int)
    case look(RXNode, behind: Bool, negate: Bool)

    /// True when the node can match the empty string.
    var canBeEmpty: Bool {
        switch self {
        case .empty, .bol, .eol, .wordBoundary, .notWordBoundary, .backref, .look: return true
        case .set: return false
        case .concat(let xs): return xs.allSatisfy { $0.canBeEmpty }
        case .alt(let xs): return xs.contains { $0.canBeEmpty }
        case .group(let x, _): return x.canBeEmpty
        case .rep(let x, let min, _, _, _, _): return min == 0 || x.canBeEmpty
        }
    }
}

/// Features found while parsing.
struct RXFeatures: Sendable {
    var hasBackrefs = false
    var hasLookaround = false
    var hasWordBoundary = false
    var groupCount = 0
}

private extension UInt32 {
    static let backslash: UInt32 = 0x5C
}

@inline(__always) private func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
@inline(__always) private func isOctal(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x37 }
@inline(__always) private func isASCIILetter(_ c: UInt32) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
}
@inline(__always) private func hexValue(_ c: UInt32) -> UInt32? {
    switch c {
    case 0x30...0x39: return c - 0x30
    case 0x41...0x46: return c - 0x41 + 10
    case 0x61...0x66: return c - 0x61 + 10
    default: return nil
    }
}
@inline(__always) private func ch(_ s: Unicode.Scalar) -> UInt32 { s.value }

struct RXParser {
    private let s: [UInt32]
    private var i = 0
    private var totalGroups = 0
    private var groupNames: [String: Int] = [:]
    private var capCounter = 0
    /// Groups open at the current position.
    private var depth = 0
    private(set) var features = RXFeatures()

    /// Deepest group nesting accepted. The parser and the passes after it recurse once per
    /// level; a pattern such as 100,000 `(`s would otherwise overflow the stack.
    static let maxGroupNesting = 256

    init(_ pattern: String) {
        s = pattern.unicodeScalars.map { $0.value }
    }

    private func error(_ message: String, at offset: Int? = nil) -> ECMARegexError {
        .syntax(message: message, offset: offset ?? i)
    }

    @inline(__always) private func peek(_ k: Int = 0) -> UInt32? {
        i + k < s.count ? s[i + k] : nil
    }

    // MARK: Entry

    mutating func parse() throws(ECMARegexError) -> RXNode {
        try prescan()
        let node = try parseDisjunction()
        if i < s.count {
            // Only an unmatched ')' can stop the top-level disjunction.
            throw error("unmatched ')'")
        }
        features.groupCount = totalGroups
        return node
    }

    /// Counts capturing groups and records group names (needed for forward references
    /// and to decide whether `\N` is a backreference or a legacy octal escape).
    private mutating func prescan() throws(ECMARegexError) {
        var j = 0
        var inClass = false
        while j < s.count {
            let c = s[j]
            if c == .backslash { j += 2; continue }
            if inClass {
                if c == ch("]") { inClass = false }
            } else if c == ch("[") {
                inClass = true
            } else if c == ch("(") {
                if j + 1 < s.count && s[j + 1] == ch("?") {
                    if j + 2 < s.count && s[j + 2] == ch("<") && j + 3 < s.count
                        && s[j + 3] != ch("=") && s[j + 3] != ch("!") {
                        totalGroups += 1
                        var k = j + 3
                        var name = String.UnicodeScalarView()
                        while k < s.count && s[k] != ch(">") {
                            if let u = Unicode.Scalar(s[k]) { name.append(u) }
                            k += 1
                        }
                        let key = String(name)
                        if groupNames[key] != nil {
                            throw error("duplicate capture group name '\(key)'", at: j)
                        }
                        groupNames[key] = totalGroups
                    }
                } else {
                    totalGroups += 1
                }
            }
            j += 1
        }
    }

    // MARK: Disjunction / alternative / term

    private mutating func parseDisjunction() throws(ECMARegexError) -> RXNode {
        var alts = [try parseAlternative()]
        while peek() == ch("|") {
            i += 1
            alts.append(try parseAlternative())
        }
        return alts.count == 1 ? alts[0] : .alt(alts)
    }

    private mutating func parseAlternative() throws(ECMARegexError) -> RXNode {
        var terms: [RXNode] = []
        while let c = peek(), c != ch("|"), c != ch(")") {
            let t = try parseTerm()
            if case .concat(let xs) = t { terms.append(contentsOf: xs) } else if case .empty = t {} else { terms.append(t) }
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .concat(terms)
        }
    }

    private mutating func parseTerm() throws(ECMARegexError) -> RXNode {
        let start = i
        let capsBefore = capCounter
        var quantifiable = true
        let atom: RXNode
        let c = s[i]
        switch c {
        case ch("^"): i += 1; atom = .bol; quantifiable = false
        case ch("$"): i += 1; atom = .eol; quantifiable = false
        case ch("."): i += 1; atom = .set(.dot)
        case ch("("): (atom, quantifiable) = try parseGroup()
        case ch("["): atom = .set(try parseClass())
        case .backslash: (atom, quantifiable) = try parseAtomEscape()
        case ch("*"), ch("+"), ch("?"):
            throw error("nothing to repeat")
        case ch("{"):
            if bracedQuantifier(at: i) != nil { throw error("nothing to repeat") }
            i += 1
            atom = .set(RXCharSet(c))
        default:
            i += 1
            atom = .set(RXCharSet(c))
        }
        guard let q = try parseQuantifier() else { return atom }
        if !quantifiable { throw error("nothing to repeat", at: start) }
        return .rep(atom, min: q.min, max: q.max, greedy: q.greedy, capFrom: capsBefore + 1, capTo: capCounter + 1)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `j`; nil when the text there is not of that form.
    private func bracedQuantifier(at j: Int) -> (min: Int, max: Int?, end: Int)? {
        var k = j
        guard k < s.count, s[k] == ch("{") else { return nil }
        k += 1
        func number(_ k: inout Int) -> Int? {
            let st = k
            var v = 0
            while k < s.count, isDigit(s[k]) {
                v = Swift.min(v &* 10 &+ Int(s[k] - 0x30), Int(Int32.max))
                k += 1
            }
            return k > st ? v : nil
        }
        guard let lo = number(&k) else { return nil }
        guard k < s.count else { return nil }
        if s[k] == ch("}") { return (lo, lo, k + 1) }
        guard s[k] == ch(",") else { return nil }
        k += 1
        guard k < s.count else { return nil }
        if s[k] == ch("}") { return (lo, nil, k + 1) }
        guard let hi = number(&k), k < s.count, s[k] == ch("}") else { return nil }
        return (lo, hi, k + 1)
    }

    private mutating func parseQuantifier() throws(ECMARegexError) -> (min: Int, max: Int?, greedy: Bool)? {
        guard let c = peek() else { return nil }
        var q: (min: Int, max: Int?)
        let start = i
        switch c {
        case ch("*"): q = (0, nil); i += 1
        case ch("+"): q = (1, nil); i += 1
        case ch("?"): q = (0, 1); i += 1
        case ch("{"):
            guard let b = bracedQuantifier(at: i) else { return nil }
            if let mx = b.max, mx < b.min {
                throw error("numbers out of order in {} quantifier", at: start)
            }
            q = (b.min, b.max)
            i = b.end
        default: return nil
        }
        var greedy = true
        if peek() == ch("?") { greedy = false; i += 1 }
        return (q.min, q.max, greedy)
    }

    // MARK: Groups

    private mutating func parseGroup() throws(ECMARegexError) -> (RXNode, Bool) {
        let start = i
        if depth >= RXParser.maxGroupNesting {
            throw error("groups nested more than \(RXParser.maxGroupNesting) levels deep (crrspec's limit)", at: start)
        }
        depth += 1
        defer { depth -= 1 }
        i += 1  // (
        if peek() == ch("?") {
            guard let k = peek(1) else { throw error("invalid group", at: start) }
            switch k {
            case ch(":"):
                i += 2
                let body = try parseDisjunction()
                try expectClose(start)
                return (body, true)
            case ch("="), ch("!"):
                i += 2
                let body = try parseDisjunction()
                try expectClose(start)
                features.hasLookaround = true
                // Annex B: lookaheads are quantifiable.
                return (.look(body, behind: false, negate: k == ch("!")), true)
            case ch("<"):
                if let k2 = peek(2), k2 == ch("=") || k2 == ch("!") {
                    i += 3
                    let body = try parseDisjunction()
                    try expectClose(start)
                    features.hasLookaround = true
                    return (.look(body, behind: true, negate: k2 == ch("!")), false)
                }
                i += 2
                _ = try parseGroupName()
                capCounter += 1
                let index = capCounter
                let body = try parseDisjunction()
                try expectClose(start)
                return (.group(body, index), true)
            default:
                throw error("invalid group", at: start)
            }
        }
        capCounter += 1
        let index = capCounter
        let body = try parseDisjunction()
        try expectClose(start)
        return (.group(body, index), true)
    }

    private mutating func expectClose(_ start: Int) throws(ECMARegexError) {
        guard peek() == ch(")") else { throw error("unterminated group", at: start) }
        i += 1
    }

    /// Parses `name>` (after `<`) and returns the name.
    private mutating func parseGroupName() throws(ECMARegexError) -> String {
        let start = i
        var name = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw error("invalid capture group name", at: start) }
            if c == ch(">") { i += 1; break }
            guard let u = Unicode.Scalar(c) else { throw error("invalid capture group name", at: i) }
            let ok: Bool
            if name.isEmpty {
                ok = c == ch("$") || c == ch("_") || u.properties.isIDStart
            } else {
                ok = c == ch("$") || c == 0x200C || c == 0x200D || u.properties.isIDContinue
            }
            if !ok { throw error("invalid capture group name", at: i) }
            name.append(u)
            i += 1
        }
        if name.isEmpty { throw error("invalid capture group name", at: start) }
        return String(name)
    }

    // MARK: Escapes

    /// Parses an escape outside a class; `i` is at the backslash.
    private mutating func parseAtomEscape() throws(ECMARegexError) -> (RXNode, Bool) {
        let start = i
        i += 1
        guard let c = peek() else { throw error("\\ at end of pattern", at: start) }
        switch c {
        case ch("b"):
            i += 1
            features.hasWordBoundary = true
            return (.wordBoundary, false)
        case ch("B"):
            i += 1
            features.hasWordBoundary = true
            return (.notWordBoundary, false)
        case ch("1")...ch("9"):
            // Decimal escape: a backreference when it names an existing group.
            var k = i
            var v = 0
            while k < s.count, isDigit(s[k]) {
                v = Swift.min(v &* 10 &+ Int(s[k] - 0x30), Int(Int32.max))
                k += 1
            }
            if v <= totalGroups {
                i = k
                features.hasBackrefs = true
                return (.backref(v), true)
            }
            if c >= ch("8") {  // Annex B identity escape
                i += 1
                return (.set(RXCharSet(c)), true)
            }
            return (.set(RXCharSet(legacyOctal())), true)
        case ch("k"):
            if groupNames.isEmpty {  // Annex B: identity escape when there are no named groups
                i += 1
                return (.set(RXCharSet(c)), true)
            }
            i += 1
            guard peek() == ch("<") else { throw error("invalid named reference", at: start) }
            i += 1
            let name = try parseGroupName()
            guard let index = groupNames[name] else {
                throw error("invalid named reference '\(name)'", at: start)
            }
            features.hasBackrefs = true
            return (.backref(index), true)
        default:
            return (.set(try parseCharacterEscape(inClass: false, start: start)), true)
        }
    }

    /// Annex B legacy octal escape starting at `i` (which is at an octal digit).
    private mutating func legacyOctal() -> UInt32 {
        let first = s[i] - 0x30
        i += 1
        var v = first
        if let d = peek(), isOctal(d) {
            v = v * 8 + (d - 0x30)
            i += 1
            if first <= 3, let d2 = peek(), isOctal(d2) {
                v = v * 8 + (d2 - 0x30)
                i += 1
            }
        }
        return v
    }

    /// Parses the escape character at `i` (after the backslash at `start`) that is valid
    /// both in and outside classes, returning its set.
    private mutating func parseCharacterEscape(inClass: Bool, start: Int) throws(ECMARegexError) -> RXCharSet {
        let c = s[i]
        switch c {
        case ch("d"): i += 1; return .digit
        case ch("D"): i += 1; return RXCharSet.digit.inverted()
        case ch("w"): i += 1; return .word
        case ch("W"): i += 1; return RXCharSet.word.inverted()
        case ch("s"): i += 1; return .space
        case ch("S"): i += 1; return RXCharSet.space.inverted()
        case ch("t"): i += 1; return RXCharSet(0x09)
        case ch("n"): i += 1; return RXCharSet(0x0A)
        case ch("v"): i += 1; return RXCharSet(0x0B)
        case ch("f"): i += 1; return RXCharSet(0x0C)
        case ch("r"): i += 1; return RXCharSet(0x0D)
        case ch("0"):
            if let d = peek(1), isDigit(d) {
                if isOctal(d) { return RXCharSet(legacyOctal()) }
                i += 1
                return RXCharSet(0)  // \0 followed by 8 or 9
            }
            i += 1
            return RXCharSet(0)
        case ch("c"):
            if let l = peek(1), isASCIILetter(l) || (inClass && (isDigit(l) || l == ch("_"))) {
                i += 2
                return RXCharSet(l % 32)
            }
            // Annex B: the backslash is a literal and `c` is parsed next.
            return RXCharSet(UInt32.backslash)
        case ch("x"):
            if let a = peek(1).flatMap(hexValue), let b = peek(2).flatMap(hexValue) {
                i += 3
                return RXCharSet(a * 16 + b)
            }
            i += 1
            return RXCharSet(c)
        case ch("u"):
            if let v = parseUnicodeEscape() { return RXCharSet(v) }
            i += 1
            return RXCharSet(c)
        case ch("p"), ch("P"):
            guard peek(1) == ch("{") else { i += 1; return RXCharSet(c) }
            var k = i + 2
            var name = String.UnicodeScalarView()
            while k < s.count, s[k] != ch("}") {
                if let u = Unicode.Scalar(s[k]) { name.append(u) }
                k += 1
            }
            guard k < s.count else { throw error("unterminated property escape", at: start) }
            let text = String(name)
            guard !text.isEmpty, let set = RXUnicodeProperty.set(for: text) else {
                throw error("unknown or unsupported Unicode property '\(text)'", at: start)
            }
            i = k + 1
            return c == ch("p") ? set : set.inverted()
        default:
            // Identity escape (Annex B allows any character).
            i += 1
            return RXCharSet(c)
        }
    }

    /// `\uHHHH` (combining a following low-surrogate escape) or `\u{H...}`; `i` is at `u`.
    /// Returns nil (without consuming) when the text is not such an escape.
    private mutating func parseUnicodeEscape() -> UInt32? {
        if peek(1) == ch("{") {
            var k = i + 2
            var v: UInt32 = 0
            var digits = 0
            while k < s.count, let h = hexValue(s[k]) {
                if v > rxMaxCodePoint { break }
                v = v * 16 + h
                digits += 1
                k += 1
            }
            if digits > 0, k < s.count, s[k] == ch("}"), v <= rxMaxCodePoint {
                i = k + 1
                return v
            }
            // Not a code point escape: Annex B reads `\u` as "u" (and `{...}` may then
            // be a quantifier, as in `\u{110000}`).
            return nil
        }
        guard let v = hex4(at: i + 1) else { return nil }
        i += 5
        if v >= 0xD800 && v <= 0xDBFF, peek() == .backslash, peek(1) == ch("u"),
           let lo = hex4(at: i + 2), lo >= 0xDC00 && lo <= 0xDFFF {
            i += 6
            return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
        }
        return v
    }

    private func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            guard let h = hexValue(s[j]) else { return nil }
            v = v * 16 + h
        }
        return v
    }

    // MARK: Classes

    private enum ClassAtom {
        case char(UInt32)
        case set(RXCharSet)
        var asSet: RXCharSet {
            switch self {
            case .char(let c): return RXCharSet(c)
            case .set(let s): return s
            }
        }
    }

    private mutating func parseClass() throws(ECMARegexError) -> RXCharSet {
        let start = i
        i += 1  // [
        var negate = false
        if peek() == ch("^") { negate = true; i += 1 }
        var ranges: [(UInt32, UInt32)] = []
        var extra = RXCharSet()
        func add(_ a: ClassAtom) {
            switch a {
            case .char(let c): ranges.append((c, c))
            case .set(let st): extra.formUnion(st)
            }
        }
        while true {
            guard let c = peek() else { throw error("unterminated character class", at: start) }
            if c == ch("]") { i += 1; break }
            let atomStart = i
            let a = try parseClassAtom(classStart: start)
            if peek() == ch("-"), let n = peek(1), n != ch("]") {
                i += 1
                let bStart = i
                let b = try parseClassAtom(classStart: start)
                if isPropertyEscape(at: atomStart) || isPropertyEscape(at: bStart) {
                    // \p{...} only exists with Unicode semantics, where it cannot bound a range.
                    throw error("property escape used as a range bound in character class", at: atomStart)
                }
                if case .char(let lo) = a, case .char(let hi) = b {
                    if lo > hi { throw error("range out of order in character class", at: atomStart) }
                    ranges.append((lo, hi))
                } else {
                    // Annex B: a class escape in a range is the union of both atoms and '-'.
                    add(a)
                    add(.char(ch("-")))
                    add(b)
                }
            } else {
                add(a)
            }
        }
        let set = RXCharSet(ranges: ranges).union(extra)
        return negate ? set.inverted() : set
    }

    private func isPropertyEscape(at k: Int) -> Bool {
        k + 2 < s.count && s[k] == .backslash && (s[k + 1] == ch("p") || s[k + 1] == ch("P")) && s[k + 2] == ch("{")
    }

    private mutating func parseClassAtom(classStart: Int) throws(ECMARegexError) -> ClassAtom {
        guard let c = peek() else { throw error("unterminated character class", at: classStart) }
        if c != .backslash {
            i += 1
            return .char(c)
        }
        let start = i
        i += 1
        guard let e = peek() else { throw error("\\ at end of pattern", at: start) }
        switch e {
        case ch("b"): i += 1; return .char(0x08)
        case ch("-"): i += 1; return .char(ch("-"))
        case ch("1")...ch("7"): return .char(legacyOctal())
        case ch("k") where !groupNames.isEmpty:
            throw error("invalid escape \\k in character class", at: start)
        case ch("8"), ch("9"), ch("k"), ch("B"): i += 1; return .char(e)
        default:
            let set = try parseCharacterEscape(inClass: true, start: start)
            if let single = set.singleCodePoint { return .char(single) }
            return .set(set)
        }
    }
}
