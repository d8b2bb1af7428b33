// Linear-time matching for patterns without backreferences and lookaround: a DFA built
// eagerly (and bounded) at compile time by subset construction over the equivalence
// classes of the pattern, with an NFA simulation fallback for states that were not
// built. Only a yes/no answer is needed, so captures, greediness and empty-iteration
// checks do not matter and are ignored.

// MARK: UTF-8 helpers

/// Decodes the code point starting at `i`. Malformed or truncated sequences decode as
/// U+FFFD of length 1 (inputs are expected to be valid UTF-8).
@inline(__always)
func rxDecode(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = UInt32(t[i])
    if b0 < 0x80 { return (b0, 1) }
    let n = t.count
    if b0 < 0xE0 {
        guard b0 >= 0xC0, i + 1 < n else { return (0xFFFD, 1) }
        return (((b0 & 0x1F) << 6) | (UInt32(t[i + 1]) & 0x3F), 2)
    }
    if b0 < 0xF0 {
        guard i + 2 < n else { return (0xFFFD, 1) }
        return (((b0 & 0x0F) << 12) | ((UInt32(t[i + 1]) & 0x3F) << 6) | (UInt32(t[i + 2]) & 0x3F), 3)
    }
    guard b0 < 0xF8, i + 3 < n else { return (0xFFFD, 1) }
    return (((b0 & 0x07) << 18) | ((UInt32(t[i + 1]) & 0x3F) << 12)
            | ((UInt32(t[i + 2]) & 0x3F) << 6) | (UInt32(t[i + 3]) & 0x3F), 4)
}

/// Decodes the code point ending just before `i` (i > 0).
@inline(__always)
func rxDecodeBefore(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    var j = i - 1
    while j > 0 && i - j < 4 && (t[j] & 0xC0) == 0x80 { j -= 1 }
    let (cp, len) = rxDecode(t, j)
    if j + len != i { return (0xFFFD, 1) }
    return (cp, len)
}

/// Length of the UTF-8 sequence from its lead byte.
@inline(__always)
func rxSequenceLength(_ b: UInt8) -> Int {
    b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
}

@inline(__always)
func rxIsWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || (b >= 0x61 && b <= 0x7A)
}

// MARK: Epsilon closure

struct RXContext {
    var atStart: Bool
    var atEnd: Bool
    var prevWord: Bool
    var nextWord: Bool
}

/// Reusable scratch for epsilon closures over a program without lookaround/backrefs.
/// Not thread-safe: each match call (or compilation) creates its own.
final class RXClosure {
    private let mark: UnsafeMutablePointer<UInt32>
    private let stack: UnsafeMutablePointer<Int32>
    private let out: UnsafeMutablePointer<Int32>
    private let count: Int
    private var gen: UInt32 = 0
    /// Number of consume instructions found by the last `run`.
    private(set) var resultCount = 0

    init(count: Int) {
        self.count = count
        mark = .allocate(capacity: count)
        mark.initialize(repeating: 0, count: count)
        // Each instruction is expanded once and pushes at most two entries.
        stack = .allocate(capacity: 3 * count + 2)
        out = .allocate(capacity: count)
    }

    deinit {
        mark.deallocate()
        stack.deallocate()
        out.deallocate()
    }

    /// The consume instructions found by the last `run`.
    var results: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: out, count: resultCount) }

    /// Collects the consume instructions reachable from `seeds` (plus pc 0 when
    /// `addStart`) through epsilon transitions valid in `ctx` into `results`; returns
    /// whether the match instruction is reachable.
    func run(_ insts: UnsafeBufferPointer<RXInst>, seeds: UnsafeBufferPointer<Int32>,
             addStart: Bool, ctx: RXContext) -> Bool {
        gen &+= 1
        if gen == 0 {
            mark.update(repeating: 0, count: count)
            gen = 1
        }
        let g = gen
        var matched = false
        var sp = 0
        var n = 0
        if addStart { stack[0] = 0; sp = 1 }
        var k = seeds.count
        while k > 0 {
            k -= 1
            stack[sp] = seeds[k]
            sp += 1
        }
        while sp > 0 {
            sp -= 1
            let top = stack[sp]
            let pc = Int(top)
            if mark[pc] == g { continue }
            mark[pc] = g
            let ins = insts[pc]
            switch ins.op {
            case .consume:
                out[n] = top
                n += 1
            case .split:
                stack[sp] = ins.b
                stack[sp + 1] = ins.a
                sp += 2
            case .jump:
                stack[sp] = ins.a
                sp += 1
            case .save, .resetCaps, .loopMark, .loopCheck:
                stack[sp] = top + 1
                sp += 1
            case .bol:
                if ctx.atStart { stack[sp] = top + 1; sp += 1 }
            case .eol:
                if ctx.atEnd { stack[sp] = top + 1; sp += 1 }
            case .wordBoundary:
                if ctx.prevWord != ctx.nextWord { stack[sp] = top + 1; sp += 1 }
            case .notWordBoundary:
                if ctx.prevWord == ctx.nextWord { stack[sp] = top + 1; sp += 1 }
            case .match:
                matched = true
            case .backref, .look, .lookEnd, .counterPush, .counterLoop, .counterMark, .counterIncr:
                break  // not used by DFA programs
            }
        }
        resultCount = n
        return matched
    }
}

// MARK: DFA

final class RXDFA: Sendable {
    static let unknown: Int32 = -1
    static let matchFound: Int32 = -2
    static let dead: Int32 = -3

    static let maxStates = 2048
    static let maxTableEntries = 1 << 18
    static let maxWork = 4_000_000

    let prog: RXProgram
    let numClasses: Int
    /// trans[state * numClasses + class]: next state premultiplied by numClasses (so the
    /// hot loop needs no multiplication), or unknown / matchFound / dead.
    let trans: [Int32]
    let acceptAtEnd: [Bool]
    let kernels: [[Int32]]
    /// Per state: bit 0 = at start of input, bit 1 = previous char was a word char.
    let stateFlags: [UInt8]
    /// Whether a match may start at any position (false for patterns anchored with ^).
    let readdStart: Bool
    let hasWordBoundary: Bool

    private struct Key: Hashable {
        var kernel: [Int32]
        var flags: UInt8
    }

    init(prog: RXProgram, hasWordBoundary: Bool) {
        self.prog = prog
        self.hasWordBoundary = hasWordBoundary
        let part = prog.partition
        let nc = part.numClasses
        numClasses = nc
        let scratch = RXClosure(count: prog.insts.count)

        var readd = false
        prog.insts.withUnsafeBufferPointer { insts in
            let none: [Int32] = []
            none.withUnsafeBufferPointer { seeds in
                for pw in [false, true] {
                    for nw in [false, true] {
                        let m = scratch.run(insts, seeds: seeds, addStart: true,
                                            ctx: RXContext(atStart: false, atEnd: false, prevWord: pw, nextWord: nw))
                        if m || scratch.resultCount > 0 { readd = true }
                        let mEnd = scratch.run(insts, seeds: seeds, addStart: true,
                                               ctx: RXContext(atStart: false, atEnd: true, prevWord: pw, nextWord: nw))
                        if mEnd || scratch.resultCount > 0 { readd = true }
                    }
                }
            }
        }
        readdStart = readd

        var keys: [Key] = [Key(kernel: [], flags: 1)]
        var index: [Key: Int32] = [keys[0]: 0]
        var table: [Int32] = []
        var accept: [Bool] = []
        var work = 0
        var next: [Int32] = []
        var closF: [Int32] = []
        var closT: [Int32] = []
        var s = 0
        prog.insts.withUnsafeBufferPointer { insts in
            while s < keys.count {
                let key = keys[s]
                let atStart = key.flags & 1 != 0
                let prevWord = key.flags & 2 != 0
                let addStart = readd || atStart
                var mF = false, mT = false
                key.kernel.withUnsafeBufferPointer { seeds in
                    mF = scratch.run(insts, seeds: seeds, addStart: addStart,
                                     ctx: RXContext(atStart: atStart, atEnd: false, prevWord: prevWord, nextWord: false))
                    closF.removeAll(keepingCapacity: true)
                    closF.append(contentsOf: scratch.results)
                    if hasWordBoundary {
                        mT = scratch.run(insts, seeds: seeds, addStart: addStart,
                                         ctx: RXContext(atStart: atStart, atEnd: false, prevWord: prevWord, nextWord: true))
                        closT.removeAll(keepingCapacity: true)
                        closT.append(contentsOf: scratch.results)
                    } else {
                        closT = closF
                        mT = mF
                    }
                    let mEnd = scratch.run(insts, seeds: seeds, addStart: addStart,
                                           ctx: RXContext(atStart: atStart, atEnd: true, prevWord: prevWord, nextWord: false))
                    accept.append(mEnd)
                }
                work += closF.count + closT.count + key.kernel.count + 1
                for cls in 0..<nc {
                    let isWord = part.classIsWord[cls]
                    if isWord ? mT : mF { table.append(RXDFA.matchFound); continue }
                    let clos = isWord ? closT : closF
                    next.removeAll(keepingCapacity: true)
                    for pc in clos where part.contains(set: Int(insts[Int(pc)].a), cls: cls) {
                        next.append(pc + 1)
                    }
                    work += clos.count + 1
                    if next.isEmpty && !readd { table.append(RXDFA.dead); continue }
                    next.sortAndRemoveDuplicates()
                    let nk = Key(kernel: next, flags: (hasWordBoundary && isWord) ? 2 : 0)
                    if let t = index[nk] {
                        table.append(t)
                    } else if keys.count < RXDFA.maxStates
                                && (keys.count + 1) * nc <= RXDFA.maxTableEntries
                                && work < RXDFA.maxWork {
                        let t = Int32(keys.count)
                        keys.append(nk)
                        index[nk] = t
                        table.append(t)
                    } else {
                        table.append(RXDFA.unknown)
                    }
                }
                s += 1
            }
        }
        trans = table.map { $0 >= 0 ? $0 * Int32(nc) : $0 }
        acceptAtEnd = accept
        kernels = keys.map { $0.kernel }
        stateFlags = keys.map { $0.flags }
    }

    /// Whether the pattern matches somewhere in `text`. Only the NFA fallback can throw, when it
    /// needs more than `budget` steps (a huge program times a long input).
    func matches(_ text: UnsafeBufferPointer<UInt8>, pattern: String, budget: Int) throws(ECMARegexError) -> Bool {
        let nc = numClasses
        let part = prog.partition
        let uniform = part.uniformNonASCII
        let n = text.count
        var state = 0
        var i = 0
        let outcome: Int32? = trans.withUnsafeBufferPointer { t in
            part.asciiClass.withUnsafeBufferPointer { ac in
                while i < n {
                    let b = text[i]
                    let cls: Int
                    if b < 0x80 {
                        cls = Int(ac[Int(b)])
                        let nx = t[state &+ cls]
                        if nx >= 0 { state = Int(nx); i &+= 1; continue }
                        return nx
                    }
                    if uniform >= 0 {
                        cls = uniform
                        let nx = t[state &+ cls]
                        if nx >= 0 { state = Int(nx); i &+= rxSequenceLength(b); continue }
                        return nx
                    }
                    let (cp, len) = rxDecode(text, i)
                    cls = part.classOfNonASCII(cp)
                    let nx = t[state &+ cls]
                    if nx >= 0 { state = Int(nx); i &+= len; continue }
                    return nx
                }
                return nil
            }
        }
        state /= nc
        switch outcome {
        case nil: return acceptAtEnd[state]
        case RXDFA.matchFound?: return true
        case RXDFA.dead?: return false
        default:
            let flags = stateFlags[state]
            let matched = simulate(text, from: i, kernel: kernels[state], atStart: flags & 1 != 0, prevWord: flags & 2 != 0, budget: budget)
            guard let matched else { throw .budgetExceeded(pattern: pattern, steps: budget) }
            return matched
        }
    }

    /// NFA simulation from position `start` with the given kernel: linear in the input, but
    /// with up to one step per instruction at each position; nil when the steps (states
    /// carried plus states reached, per position) exceed `budget`.
    func simulate(_ text: UnsafeBufferPointer<UInt8>, from start: Int, kernel: [Int32],
                  atStart: Bool, prevWord: Bool, budget: Int = .max) -> Bool? {
        let part = prog.partition
        let n = text.count
        let count = prog.insts.count
        let scratch = RXClosure(count: count)
        let cur = UnsafeMutablePointer<Int32>.allocate(capacity: count + 1)
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: count + 1)
        let seen = UnsafeMutablePointer<Int32>.allocate(capacity: count + 1)
        seen.initialize(repeating: 0, count: count + 1)
        defer {
            cur.deallocate()
            next.deallocate()
            seen.deallocate()
        }
        var curBuf = cur
        var nextBuf = next
        var curCount = kernel.count
        for (k, pc) in kernel.enumerated() { curBuf[k] = pc }
        var atStart = atStart
        var prevWord = prevWord
        var i = start
        var step: Int32 = 0
        var work = 0
        return prog.insts.withUnsafeBufferPointer { insts in
            while true {
                work &+= curCount &+ scratch.resultCount &+ 1
                if work > budget { return nil }
                let addStart = readdStart || atStart
                let seeds = UnsafeBufferPointer(start: curBuf, count: curCount)
                if i >= n {
                    return scratch.run(insts, seeds: seeds, addStart: addStart,
                                       ctx: RXContext(atStart: atStart, atEnd: true, prevWord: prevWord, nextWord: false))
                }
                let (cp, len) = rxDecode(text, i)
                let cls = part.classOf(cp)
                let isWord = part.classIsWord[cls]
                if scratch.run(insts, seeds: seeds, addStart: addStart,
                               ctx: RXContext(atStart: atStart, atEnd: false, prevWord: prevWord, nextWord: isWord)) {
                    return true
                }
                step &+= 1
                var nextCount = 0
                for pc in scratch.results where part.contains(set: Int(insts[Int(pc)].a), cls: cls) {
                    let t = Int(pc) + 1
                    if seen[t] != step {
                        seen[t] = step
                        nextBuf[nextCount] = Int32(t)
                        nextCount += 1
                    }
                }
                if nextCount == 0 && !readdStart { return false }
                swap(&curBuf, &nextBuf)
                curCount = nextCount
                atStart = false
                prevWord = isWord
                i += len
            }
        }
    }
}

extension Array where Element: Comparable {
    /// Sorts in place and keeps one of each run of equal elements (no allocation beyond the sort's).
    mutating func sortAndRemoveDuplicates() {
        guard count > 1 else { return }
        sort()
        var kept = 1
        for k in 1..<count where self[k] != self[kept - 1] {
            self[kept] = self[k]
            kept += 1
        }
        removeLast(count - kept)
    }
}
