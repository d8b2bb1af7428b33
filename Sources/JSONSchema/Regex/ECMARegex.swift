// ECMA-262 regular expressions for JSON Schema `pattern`, `patternProperties` and
// `format: "regex"`, in pure Swift (no Foundation, no NSRegularExpression, no Swift Regex).
//
// Engines, chosen at compile time:
//  - fast paths: pure literals (substring / prefix / suffix / equality on UTF-8 bytes) and
//    `^[class]{m,n}$`-shaped patterns (ASCII bitmap scan);
//  - patterns without backreferences or lookaround: a DFA built at compile time over the
//    pattern's character equivalence classes (bounded in size), falling back to a
//    linear NFA simulation for states that were not built: linear time, no per-call
//    allocation on the DFA path (the simulation, O(input × pattern size), is budgeted);
//  - patterns with backreferences or lookaround: a backtracker with a step budget
//    (memoized, hence polynomial, when there are no backreferences);
//  - patterns whose counted repetitions would expand beyond 100,000 instructions (e.g.
//    `a{1000000}`): the backtracker with counted loops (not memoized, budgeted).
// Without backreferences, leading/trailing repetitions of an unanchored pattern are first
// cut to their minimum (`.{0,5000}x` searches like `x`), which keeps answers unchanged.
//
// Files: ECMARegex.swift (API, engine choice, fast paths), RegexParser.swift (syntax),
// RegexCharSet.swift (code point sets, Unicode properties), RegexProgram.swift
// (instructions, character classes), RegexDFA.swift (DFA / NFA simulation),
// RegexBacktrack.swift (backtracker).

/// Errors thrown by ``ECMARegex``.
public enum ECMARegexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern is not a valid ECMA-262 regular expression. `offset` counts Unicode
    /// scalars (code points) from the start of the pattern.
    case syntax(message: String, offset: Int)
    /// Matching needed more steps than the budget allows (see ``ECMARegex/defaultStepBudget``).
    case budgetExceeded(pattern: String, steps: Int)

    public var description: String {
        switch self {
        case let .syntax(message, offset):
            return "invalid regular expression at offset \(offset): \(message)"
        case let .budgetExceeded(pattern, steps):
            return "regular expression /\(pattern)/ exceeded the matching budget of \(steps) steps"
        }
    }
}

/// A compiled ECMA-262 (JavaScript) regular expression with JSON Schema semantics:
/// no flags, unanchored search, input handled as Unicode code points.
///
/// - `\d`, `\w`, `\b` are ASCII-only; `\s` is the ECMA-262 WhiteSpace/LineTerminator set;
///   `.` matches any code point except `\n`, `\r`, U+2028 and U+2029;
///   `^`/`$` only match at the start/end of the input (no multiline mode).
/// - Supported: alternation, capturing / non-capturing / named groups, lookahead and
///   lookbehind, backreferences (`\1`, `\k<name>`), greedy and lazy quantifiers, classes,
///   the usual escapes including `\cX`, `\xHH`, `\uHHHH` (surrogate pairs combine),
///   `\u{H...}`, `\p{...}` / `\P{...}` (General_Category and binary properties) and the
///   Annex B web-compatibility syntax.
///
/// The value is immutable and `Sendable`; it can be shared across threads.
public struct ECMARegex: Sendable {
    /// Default step budget, per `matches` call. Read when a regex is created: set it once at
    /// startup, before regexes are compiled (it is not synchronized).
    ///
    /// Patterns with backreferences (or huge repetition counts) backtrack without memoization:
    /// a match may take `stepBudget` steps, which only a hostile pattern (`^(a+)+\1$`) needs.
    /// Memoized backtracking (lookaround without backreferences) and the NFA simulation that
    /// stands in for DFA states that were not built (e.g. `a{99999}`, `(.*a){5000}`) are
    /// linear in the input but can take up to one step per pattern instruction at every
    /// position: a match may take `max(stepBudget, stepsPerByte × (input length + 1))` steps.
    /// Literal, class-loop and DFA matches never need the budget.
    nonisolated(unsafe) public static var defaultStepBudget: Int = 1_000_000

    /// Steps per input byte a linear-time match (memoized or NFA simulation) may take whatever
    /// its budget, so that long inputs matched by a well-behaved pattern are not rejected.
    public static let stepsPerByte = 128

    /// The steps a linear-time match on `inputLength` bytes may take.
    static func budget(_ stepBudget: Int, inputLength: Int) -> Int {
        guard inputLength < Int.max / stepsPerByte - 1 else { return .max }
        return max(stepBudget, (inputLength + 1) * stepsPerByte)
    }

    /// The source pattern.
    public let pattern: String
    /// Step budget used by `matches` (see ``defaultStepBudget``).
    public let stepBudget: Int
    private let engine: RXEngine

    /// Compiles an ECMA-262 pattern. Throws ``ECMARegexError/syntax(message:offset:)`` for
    /// patterns that are not valid ECMA-262 (e.g. `^(abc]`, `\`, `a{2,1}`, `(?<`, a lone
    /// `*`, unknown group syntax, `[z-a]`).
    public init(_ pattern: String) throws(ECMARegexError) {
        try self.init(pattern, stepBudget: ECMARegex.defaultStepBudget)
    }

    /// Compiles an ECMA-262 pattern with an explicit step budget.
    public init(_ pattern: String, stepBudget: Int) throws(ECMARegexError) {
        self.pattern = pattern
        self.stepBudget = max(1, stepBudget)
        self.engine = try RXEngine(pattern)
    }

    /// Whether `pattern` is a valid ECMA-262 pattern (syntax check only, cheaper than
    /// compiling; for `format: "regex"`). Patterns too large to compile still count as valid.
    public static func isValidPattern(_ pattern: String) -> Bool {
        var parser = RXParser(pattern)
        do { _ = try parser.parse() } catch { return false }
        return true
    }

    /// UTF-8 bytes every subject the pattern matches contains (empty when none is known).
    var requiredBytes: [UInt8] { engine.required }

    /// Unanchored search (JSON Schema semantics: the pattern may match anywhere).
    /// `utf8` must be valid UTF-8. Throws ``ECMARegexError/budgetExceeded(pattern:steps:)``
    /// when the match needs more steps than its budget (see ``defaultStepBudget``).
    public func matches(utf8: UnsafeBufferPointer<UInt8>) throws(ECMARegexError) -> Bool {
        try engine.matches(utf8, pattern: pattern, stepBudget: stepBudget)
    }

    /// Unanchored search in a string (convenience for ``matches(utf8:)``).
    public func matches(_ string: String) throws(ECMARegexError) -> Bool {
        let r: Result<Bool, ECMARegexError>? = string.utf8.withContiguousStorageIfAvailable { buf in
            do throws(ECMARegexError) { return .success(try matches(utf8: buf)) } catch { return .failure(error) }
        }
        if let r { return try r.get() }
        let bytes = Array(string.utf8)
        let r2: Result<Bool, ECMARegexError> = bytes.withUnsafeBufferPointer { buf in
            do throws(ECMARegexError) { return .success(try matches(utf8: buf)) } catch { return .failure(error) }
        }
        return try r2.get()
    }
}

// MARK: - Engine selection

private enum RXStrategy: Sendable {
    case literal(anchoredStart: Bool, anchoredEnd: Bool)
    case classLoop(min: Int, max: Int?)
    case dfa
    case backtrack(memoizable: Bool, anchoredStart: Bool)
}

final class RXEngine: Sendable {
    private let strategy: RXStrategy
    private let literal: [UInt8]
    private let loopSet: RXCharSet
    private let loopASCII: (UInt64, UInt64)
    private let dfa: RXDFA?
    private let prog: RXProgram?
    /// Bytes every match contains (empty when none is known): the backtracker first scans for
    /// them, and `patternProperties` indexes its patterns by them.
    let required: [UInt8]

    init(_ pattern: String) throws(ECMARegexError) {
        var parser = RXParser(pattern)
        var root = try parser.parse()
        var features = parser.features
        if !features.hasBackrefs {
            root = RXEngine.trimmedForSearch(root)
            if features.hasLookaround {
                // `(?<=k1)x` searches like `k1x`: the DFA (or a literal scan) instead of the
                // backtracker, linear per input byte with no per-call allocation.
                root = RXEngine.outerLookaroundsJoined(root)
                features.hasLookaround = RXEngine.containsLookaround(root)
            }
        }

        var lit: [UInt8] = []
        var set = RXCharSet()
        var strategy: RXStrategy? = nil
        var dfa: RXDFA? = nil
        var prog: RXProgram? = nil

        let items = RXEngine.flatten(root)
        var body = items[...]
        var anchoredStart = false, anchoredEnd = false
        if case .bol? = body.first { anchoredStart = true; body = body.dropFirst() }
        if case .eol? = body.last { anchoredEnd = true; body = body.dropLast() }
        var cps: [UInt32] = []
        var allLiteral = true
        for item in body {
            if case .set(let s) = item, let c = s.singleCodePoint, c < 0xD800 || (c > 0xDFFF && c <= rxMaxCodePoint) {
                cps.append(c)
            } else {
                allLiteral = false
                break
            }
        }
        if allLiteral {
            var str = String.UnicodeScalarView()
            for c in cps { str.append(Unicode.Scalar(c)!) }
            lit = Array(String(str).utf8)
            strategy = .literal(anchoredStart: anchoredStart, anchoredEnd: anchoredEnd)
        } else if anchoredStart && anchoredEnd && body.count == 1 {
            switch body.first! {
            case .set(let s):
                set = s
                strategy = .classLoop(min: 1, max: 1)
            case .rep(.set(let s), let mn, let mx, _, _, _):
                set = s
                strategy = .classLoop(min: mn, max: mx)
            default: break
            }
        }
        if strategy == nil {
            let tooLarge = ECMARegexError.syntax(
                message: "pattern too large or complex to compile", offset: 0)
            if !features.hasBackrefs && !features.hasLookaround,
               let p = RXCompiler.compile(root, features: features, forBacktracker: false) {
                prog = p
                dfa = RXDFA(prog: p, hasWordBoundary: features.hasWordBoundary)
                strategy = .dfa
            } else if features.hasBackrefs || features.hasLookaround,
                      let p = RXCompiler.compile(root, features: features, forBacktracker: true) {
                prog = p
                strategy = .backtrack(memoizable: !features.hasBackrefs,
                                      anchoredStart: RXEngine.anchoredAtStart(root))
            } else {
                // Huge repetition counts: counted loops in the backtracker (budgeted).
                guard let p = RXCompiler.compile(root, features: features, forBacktracker: true, useCounters: true) else {
                    throw tooLarge
                }
                prog = p
                strategy = .backtrack(memoizable: false, anchoredStart: RXEngine.anchoredAtStart(root))
            }
        }
        self.strategy = strategy!
        if case .literal? = strategy { required = lit } else { required = RXEngine.requiredLiteral(root) }
        self.literal = lit
        self.loopSet = set
        self.loopASCII = set.asciiBitmap
        self.dfa = dfa
        self.prog = prog
    }

    /// Simplifies a pattern for an unanchored yes/no search (valid only without
    /// backreferences, since captures are then unobservable): a leading or trailing
    /// `R{m,n}` can be cut to `R{m}` and items that always match the empty string dropped,
    /// e.g. `.{0,5000}x` becomes `x` and `foo\d+` becomes `foo\d`.
    static func trimmedForSearch(_ root: RXNode) -> RXNode {
        var items = flatten(root)
        func trim(_ k: Int) -> Bool {  // true when the item was removed
            switch items[k] {
            case let .rep(x, mn, mx, greedy, capFrom, capTo):
                if mn == 0 { items.remove(at: k); return true }
                if mx != mn { items[k] = .rep(x, min: mn, max: mn, greedy: greedy, capFrom: capFrom, capTo: capTo) }
                return false
            default:
                if alwaysMatchesEmpty(items[k]) { items.remove(at: k); return true }
                return false
            }
        }
        while !items.isEmpty && trim(0) {}
        while !items.isEmpty && trim(items.count - 1) {}
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    /// For an unanchored yes/no search without backreferences: a leading positive lookbehind
    /// and a trailing positive lookahead (themselves without lookaround) become plain parts
    /// of the pattern. `(?<=A)B` matches somewhere exactly when `AB` does (some match of `A`
    /// ends where `B` starts), and `B(?=C)` exactly when `BC` does; anchors and `\b` inside
    /// keep their meaning, as positions are those of the same subject.
    static func outerLookaroundsJoined(_ root: RXNode) -> RXNode {
        var items = flatten(root)
        var changed = false
        while case .look(let x, true, false)? = items.first, !containsLookaround(x) {
            items.replaceSubrange(0..<1, with: flatten(x))
            changed = true
        }
        while case .look(let x, false, false)? = items.last, !containsLookaround(x) {
            items.replaceSubrange((items.count - 1)..<items.count, with: flatten(x))
            changed = true
        }
        guard changed else { return root }
        let joined: RXNode = items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
        return trimmedForSearch(joined)
    }

    /// True when the node holds a lookahead or lookbehind.
    static func containsLookaround(_ node: RXNode) -> Bool {
        switch node {
        case .look: return true
        case .concat(let xs), .alt(let xs): return xs.contains(where: containsLookaround)
        case .group(let x, _): return containsLookaround(x)
        case .rep(let x, _, _, _, _, _): return containsLookaround(x)
        default: return false
        }
    }

    /// UTF-8 bytes every match must contain: the longest run of single code points among the
    /// pattern's top-level items (zero-width items — anchors, `\b`, lookarounds — do not
    /// interrupt a run, since the characters on both sides are adjacent in the subject). The
    /// backtracker's inputs are first scanned for it, so that a lookaround pattern rejects a
    /// subject without the run in one pass, allocating nothing.
    static func requiredLiteral(_ root: RXNode) -> [UInt8] {
        var best: [UInt32] = [], run: [UInt32] = []
        for item in flatten(root) {
            switch item {
            case .set(let s):
                if let c = s.singleCodePoint, c < 0xD800 || (c > 0xDFFF && c <= rxMaxCodePoint) {
                    run.append(c)
                } else {
                    run = []
                }
            case .bol, .eol, .wordBoundary, .notWordBoundary, .look:
                continue
            default:
                run = []
            }
            if run.count > best.count { best = run }
        }
        var str = String.UnicodeScalarView()
        for c in best { str.append(Unicode.Scalar(c)!) }
        return Array(String(str).utf8)
    }

    /// True when the node matches the empty string at every position.
    private static func alwaysMatchesEmpty(_ node: RXNode) -> Bool {
        switch node {
        case .empty: return true
        case .rep(let x, let mn, _, _, _, _): return mn == 0 || alwaysMatchesEmpty(x)
        case .group(let x, _): return alwaysMatchesEmpty(x)
        case .concat(let xs): return xs.allSatisfy(alwaysMatchesEmpty)
        case .alt(let xs): return xs.contains(where: alwaysMatchesEmpty)
        default: return false
        }
    }

    /// Flattens groups and concatenations into a sequence of items.
    private static func flatten(_ node: RXNode) -> [RXNode] {
        switch node {
        case .concat(let xs): return xs.flatMap { flatten($0) }
        case .group(let x, _): return flatten(x)
        case .empty: return []
        default: return [node]
        }
    }

    /// True when every match must start at position 0.
    private static func anchoredAtStart(_ node: RXNode) -> Bool {
        switch node {
        case .bol: return true
        case .concat(let xs): return xs.first.map(anchoredAtStart) ?? false
        case .group(let x, _): return anchoredAtStart(x)
        case .alt(let xs): return xs.allSatisfy(anchoredAtStart)
        default: return false
        }
    }

    func matches(_ text: UnsafeBufferPointer<UInt8>, pattern: String, stepBudget: Int) throws(ECMARegexError) -> Bool {
        switch strategy {
        case .dfa:
            return try dfa.unsafelyUnwrapped.matches(text, pattern: pattern, budget: ECMARegex.budget(stepBudget, inputLength: text.count))
        case let .literal(anchoredStart, anchoredEnd):
            return matchLiteral(text, anchoredStart: anchoredStart, anchoredEnd: anchoredEnd)
        case let .classLoop(mn, mx):
            return matchClassLoop(text, min: mn, max: mx)
        case let .backtrack(memoizable, anchoredStart):
            if !required.isEmpty && !RXEngine.contains(text, required) { return false }
            let p = prog.unsafelyUnwrapped
            return try p.insts.withUnsafeBufferPointer { (insts) throws(ECMARegexError) -> Bool in
                var bt = RXBacktracker(prog: p, insts: insts, text: text, pattern: pattern,
                                       stepBudget: stepBudget, memoizable: memoizable)
                return try bt.search(anchoredStart: anchoredStart)
            }
        }
    }

    /// Whether `text` holds the bytes `needle` somewhere (the empty needle: always).
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(text, $0) }
    }

    @inline(__always)
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ lit: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count, m = lit.count
        guard m <= n else { return false }
        guard m > 0 else { return true }
        let first = lit[0]
        var i = 0
        while i <= n - m {
            if text[i] == first {
                var k = 1
                while k < m && text[i &+ k] == lit[k] { k &+= 1 }
                if k == m { return true }
            }
            i &+= 1
        }
        return false
    }

    private func matchLiteral(_ text: UnsafeBufferPointer<UInt8>, anchoredStart: Bool, anchoredEnd: Bool) -> Bool {
        let n = text.count
        return literal.withUnsafeBufferPointer { lit in
            let m = lit.count
            if m > n { return false }
            @inline(__always) func equal(at off: Int) -> Bool {
                var k = 0
                while k < m && text[off &+ k] == lit[k] { k &+= 1 }
                return k == m
            }
            switch (anchoredStart, anchoredEnd) {
            case (true, true): return m == n && equal(at: 0)
            case (true, false): return equal(at: 0)
            case (false, true): return equal(at: n - m)
            case (false, false):
                return RXEngine.contains(text, lit)
            }
        }
    }

    private func matchClassLoop(_ text: UnsafeBufferPointer<UInt8>, min mn: Int, max mx: Int?) -> Bool {
        let n = text.count
        if n < mn { return false }  // every code point takes at least one byte
        let (w0, w1) = loopASCII
        let limit = mx ?? Int.max
        var count = 0
        var i = 0
        while i < n {
            let b = text[i]
            if b < 0x80 {
                let bit: UInt64 = 1 &<< UInt64(b & 63)
                guard (b < 64 ? w0 : w1) & bit != 0 else { return false }
                i &+= 1
            } else {
                let (cp, len) = rxDecode(text, i)
                guard loopSet.contains(cp) else { return false }
                i &+= len
            }
            count &+= 1
            if count > limit { return false }
        }
        return count >= mn
    }
}
