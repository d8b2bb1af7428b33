// Compilation of the pattern AST into a small instruction program shared by the DFA
// builder / NFA simulator and the backtracker (see ECMARegex.swift).

enum RXOp: UInt8, Sendable {
    /// Consume one code point in set `a`; `b` = 1 reads backwards (lookbehind).
    case consume
    /// Try `a` first, then `b`.
    case split
    case jump
    /// Store the position in capture slot `a`.
    case save
    /// Reset capture slots `a..<b` (start of a quantified iteration).
    case resetCaps
    case bol
    case eol
    case wordBoundary
    case notWordBoundary
    /// Backreference to group `a`; `b` = 1 matches backwards.
    case backref
    /// Lookaround whose body starts at `a`; `b` bit 0 = behind, bit 1 = negative; `c` = index.
    case look
    case lookEnd
    /// Record the position in loop register `a`.
    case loopMark
    /// Fail when the position equals loop register `a` (empty iteration).
    case loopCheck
    /// Counted loops (huge repetition counts, backtracker only); `a` = counter index.
    /// Push: reset the iteration count. Loop: decide between body (pc + 1) and exit.
    /// Mark: record the position for the empty check once `min` is reached. Incr: count.
    case counterPush
    case counterLoop
    case counterMark
    case counterIncr
    case match
}

/// A counted loop: iteration count in register `reg`, empty-check position in `markReg`.
struct RXCounter: Sendable {
    var reg: Int32
    var markReg: Int32
    var min: Int
    /// -1 = unbounded.
    var max: Int
    var greedy: Bool
    var exit: Int32
}

struct RXInst: Sendable {
    var op: RXOp
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
}

/// Equivalence classes of code points: two code points are in the same class when every
/// set of the program (and `\w`, for word-boundary assertions) agrees on them. ASCII is
/// looked up in a table, other code points by binary search over segments.
final class RXPartition: Sendable {
    let numClasses: Int
    /// Class of each ASCII code point (128 entries).
    let asciiClass: [UInt32]
    /// Class of every non-ASCII code point when they all share one, else -1.
    let uniformNonASCII: Int
    /// Start code points of the non-ASCII segments (first is 0x80), ascending.
    let segStarts: [UInt32]
    let segClass: [UInt32]
    /// Whether the code points of a class are `\w` characters.
    let classIsWord: [Bool]
    /// Membership bitsets: set `s` contains class `k` iff bit k of
    /// `setBits[s * wordsPerSet + k >> 6]` is set.
    let setBits: [UInt64]
    let wordsPerSet: Int

    init(sets: [RXCharSet]) {
        let allSets = sets + [RXCharSet.word]
        var cuts: [UInt32] = [0, 0x80]
        for st in allSets {
            for r in 0..<st.rangeCount {
                let (lo, hi) = st.range(r)
                cuts.append(lo)
                if hi < rxMaxCodePoint { cuts.append(hi + 1) }
            }
        }
        cuts.sort()
        var starts: [UInt32] = []
        for c in cuts where starts.last != c { starts.append(c) }
        let segCount = starts.count
        func segIndex(_ c: UInt32) -> Int {  // c is a segment start
            var lo = 0, hi = segCount
            while lo < hi {
                let mid = (lo + hi) >> 1
                if starts[mid] <= c { lo = mid + 1 } else { hi = mid }
            }
            return lo - 1
        }
        // Segment ranges covered by each set.
        var covered: [[(Int, Int)]] = []
        covered.reserveCapacity(allSets.count)
        for st in allSets {
            var rs: [(Int, Int)] = []
            for r in 0..<st.rangeCount {
                let (lo, hi) = st.range(r)
                let a = segIndex(lo)
                let b = hi >= rxMaxCodePoint ? segCount - 1 : segIndex(hi + 1) - 1
                rs.append((a, b))
            }
            covered.append(rs)
        }
        // Partition refinement: each set splits every class into its inside and outside.
        var segCls = [Int32](repeating: 0, count: segCount)
        var next: Int32 = 1
        var remap: [Int32: Int32] = [:]
        for rs in covered {
            remap.removeAll(keepingCapacity: true)
            for (a, b) in rs {
                for seg in a...b {
                    let old = segCls[seg]
                    if let n = remap[old] {
                        segCls[seg] = n
                    } else {
                        remap[old] = next
                        segCls[seg] = next
                        next += 1
                    }
                }
            }
        }
        // Compact the class numbers.
        var compact = [Int32](repeating: -1, count: Int(next))
        var nc: Int32 = 0
        var isWord: [Bool] = []
        for seg in 0..<segCount {
            let c = Int(segCls[seg])
            if compact[c] < 0 {
                compact[c] = nc
                nc += 1
                isWord.append(RXCharSet.word.contains(starts[seg]))
            }
            segCls[seg] = compact[c]
        }
        numClasses = Int(nc)
        classIsWord = isWord
        var ascii = [UInt32](repeating: 0, count: 128)
        var seg = 0
        for c in 0..<128 {
            while seg + 1 < segCount && starts[seg + 1] <= UInt32(c) { seg += 1 }
            ascii[c] = UInt32(segCls[seg])
        }
        asciiClass = ascii
        var ns: [UInt32] = []
        var ncls: [UInt32] = []
        for (k, st) in starts.enumerated() where st >= 0x80 {
            // Merge consecutive segments of the same class.
            if let last = ncls.last, last == UInt32(segCls[k]) { continue }
            ns.append(st)
            ncls.append(UInt32(segCls[k]))
        }
        segStarts = ns
        segClass = ncls
        uniformNonASCII = ncls.count == 1 ? Int(ncls[0]) : -1
        let w = (numClasses + 63) / 64
        wordsPerSet = w
        // Callers reject programs whose bitsets would be unreasonably large.
        let total = sets.count.multipliedReportingOverflow(by: w)
        if total.overflow || total.partialValue > RXPartition.maxBitWords {
            setBits = []
            return
        }
        var bits = [UInt64](repeating: 0, count: max(1, sets.count * w))
        for s in 0..<sets.count {
            for (a, b) in covered[s] {
                for sg in a...b {
                    let k = Int(segCls[sg])
                    bits[s * w + (k >> 6)] |= 1 << UInt64(k & 63)
                }
            }
        }
        setBits = bits
    }

    /// Limit on the membership bitsets (64-bit words).
    static let maxBitWords = 1 << 21

    /// False when the pattern has too many distinct sets and classes to be compiled.
    var isUsable: Bool { !setBits.isEmpty }

    /// Class of a non-ASCII code point.
    @inline(__always) func classOfNonASCII(_ cp: UInt32) -> Int {
        if uniformNonASCII >= 0 { return uniformNonASCII }
        return segStarts.withUnsafeBufferPointer { st in
            var lo = 0
            var hi = st.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if st[mid] <= cp { lo = mid + 1 } else { hi = mid }
            }
            return Int(segClass[lo - 1])
        }
    }

    @inline(__always) func classOf(_ cp: UInt32) -> Int {
        cp < 0x80 ? Int(asciiClass[Int(cp)]) : classOfNonASCII(cp)
    }

    @inline(__always) func contains(set s: Int, cls k: Int) -> Bool {
        setBits[s &* wordsPerSet &+ (k &>> 6)] & (1 &<< UInt64(k & 63)) != 0
    }
}

/// A compiled program (immutable, shared by all matches).
final class RXProgram: Sendable {
    let insts: [RXInst]
    let sets: [RXCharSet]
    let partition: RXPartition
    /// Number of capture slots (2 per group including group 0).
    let numSlots: Int
    let numRegs: Int
    let numLooks: Int
    /// Index of each split instruction among splits (for memoization), or -1.
    let splitIndex: [Int32]
    let numSplits: Int
    let counters: [RXCounter]
    /// Whether capture slots are recorded (only needed for backreferences).
    let usesCaptures: Bool

    init(insts: [RXInst], sets: [RXCharSet], partition: RXPartition, numSlots: Int, numRegs: Int,
         numLooks: Int, splitIndex: [Int32], numSplits: Int, counters: [RXCounter], usesCaptures: Bool) {
        self.insts = insts
        self.sets = sets
        self.partition = partition
        self.numSlots = numSlots
        self.numRegs = numRegs
        self.numLooks = numLooks
        self.splitIndex = splitIndex
        self.numSplits = numSplits
        self.counters = counters
        self.usesCaptures = usesCaptures
    }
}

struct RXCompiler {
    static let maxInstructions = 100_000

    private var insts: [RXInst] = []
    private var sets: [RXCharSet] = []
    private var setIndex: [RXCharSet: Int32] = [:]
    private var numRegs = 0
    private var numLooks = 0
    private var pendingLooks: [(inst: Int, body: RXNode, behind: Bool)] = []
    /// Emit capture/empty-check bookkeeping (only the backtracker needs it).
    private let forBacktracker: Bool
    private let trackCaptures: Bool
    /// Compile large counted repetitions as counter loops instead of expanding them.
    private let useCounters: Bool
    private var counters: [RXCounter] = []

    /// Repetitions whose expansion is estimated above this use counters (counter mode).
    static let counterThreshold = 512

    private init(forBacktracker: Bool, trackCaptures: Bool, useCounters: Bool) {
        self.forBacktracker = forBacktracker
        self.trackCaptures = trackCaptures
        self.useCounters = useCounters
    }

    private struct TooLarge: Error {}

    /// Compiles `root`; nil when the expansion of counted repetitions exceeds
    /// `maxInstructions`. `useCounters` (backtracker only) avoids most expansion.
    static func compile(_ root: RXNode, features: RXFeatures, forBacktracker: Bool,
                        useCounters: Bool = false) -> RXProgram? {
        var c = RXCompiler(forBacktracker: forBacktracker || useCounters,
                           trackCaptures: features.hasBackrefs, useCounters: useCounters)
        do {
            try c.emitNode(root, back: false)
            try c.emit(RXInst(op: .match))
            while !c.pendingLooks.isEmpty {
                let p = c.pendingLooks.removeFirst()
                c.insts[p.inst].a = Int32(c.insts.count)
                try c.emitNode(p.body, back: p.behind)
                try c.emit(RXInst(op: .lookEnd))
            }
        } catch {
            return nil
        }
        let partition = RXPartition(sets: c.sets)
        if !partition.isUsable { return nil }
        var splitIndex = [Int32](repeating: -1, count: c.insts.count)
        var ns = 0
        for (k, ins) in c.insts.enumerated() where ins.op == .split {
            splitIndex[k] = Int32(ns)
            ns += 1
        }
        return RXProgram(
            insts: c.insts, sets: c.sets, partition: partition,
            numSlots: 2 * (features.groupCount + 1), numRegs: c.numRegs, numLooks: c.numLooks,
            splitIndex: splitIndex, numSplits: ns, counters: c.counters,
            usesCaptures: features.hasBackrefs)
    }

    @discardableResult
    private mutating func emit(_ inst: RXInst) throws(TooLarge) -> Int {
        if insts.count >= RXCompiler.maxInstructions { throw TooLarge() }
        insts.append(inst)
        return insts.count - 1
    }

    /// Rough (saturating) estimate of the number of instructions a node expands to.
    static func estimatedSize(_ node: RXNode) -> Int {
        let cap = 1 << 40
        switch node {
        case .empty: return 0
        case .set, .bol, .eol, .wordBoundary, .notWordBoundary, .backref: return 1
        case .look(let x, _, _): return 2 + estimatedSize(x)
        case .concat(let xs): return min(cap, xs.reduce(0) { min(cap, $0 + estimatedSize($1)) })
        case .alt(let xs): return min(cap, xs.reduce(2 * xs.count) { min(cap, $0 + estimatedSize($1)) })
        case .group(let x, _): return 2 + estimatedSize(x)
        case .rep(let x, let mn, let mx, _, _, _):
            let body = estimatedSize(x) + 4
            let count = mx ?? (mn + 1)
            return body.multipliedReportingOverflow(by: count).overflow ? cap : min(cap, body * count)
        }
    }

    private mutating func intern(_ s: RXCharSet) -> Int32 {
        if let k = setIndex[s] { return k }
        let k = Int32(sets.count)
        sets.append(s)
        setIndex[s] = k
        return k
    }

    private mutating func emitNode(_ node: RXNode, back: Bool) throws(TooLarge) {
        switch node {
        case .empty:
            break
        case .set(let s):
            try emit(RXInst(op: .consume, a: intern(s), b: back ? 1 : 0))
        case .concat(let xs):
            if back {
                for x in xs.reversed() { try emitNode(x, back: back) }
            } else {
                for x in xs { try emitNode(x, back: back) }
            }
        case .alt(let xs):
            var jumps: [Int] = []
            for (k, x) in xs.enumerated() {
                if k < xs.count - 1 {
                    let sp = try emit(RXInst(op: .split))
                    insts[sp].a = Int32(sp + 1)
                    try emitNode(x, back: back)
                    jumps.append(try emit(RXInst(op: .jump)))
                    insts[sp].b = Int32(insts.count)
                } else {
                    try emitNode(x, back: back)
                }
            }
            for j in jumps { insts[j].a = Int32(insts.count) }
        case .group(let x, let index):
            if trackCaptures {
                let open = Int32(2 * index), close = Int32(2 * index + 1)
                try emit(RXInst(op: .save, a: back ? close : open))
                try emitNode(x, back: back)
                try emit(RXInst(op: .save, a: back ? open : close))
            } else {
                try emitNode(x, back: back)
            }
        case .rep(let x, let mn, let mx, let greedy, let capFrom, let capTo):
            try emitRepeat(x, min: mn, max: mx, greedy: greedy, capFrom: capFrom, capTo: capTo, back: back)
        case .bol: try emit(RXInst(op: .bol))
        case .eol: try emit(RXInst(op: .eol))
        case .wordBoundary: try emit(RXInst(op: .wordBoundary))
        case .notWordBoundary: try emit(RXInst(op: .notWordBoundary))
        case .backref(let k):
            try emit(RXInst(op: .backref, a: Int32(k), b: back ? 1 : 0))
        case .look(let body, let behind, let negate):
            let at = try emit(RXInst(op: .look, a: -1, b: (behind ? 1 : 0) | (negate ? 2 : 0), c: Int32(numLooks)))
            numLooks += 1
            pendingLooks.append((at, body, behind))
        }
    }

    private mutating func emitIteration(_ x: RXNode, capFrom: Int, capTo: Int, back: Bool) throws(TooLarge) {
        if trackCaptures && capTo > capFrom {
            try emit(RXInst(op: .resetCaps, a: Int32(2 * capFrom), b: Int32(2 * capTo)))
        }
        try emitNode(x, back: back)
    }

    private mutating func emitRepeat(_ x: RXNode, min mn: Int, max mx: Int?, greedy: Bool,
                                     capFrom: Int, capTo: Int, back: Bool) throws(TooLarge) {
        if let mx, mx == 0 { return }
        if useCounters && (mn > 1 || (mx ?? 0) > 1)
            && RXCompiler.estimatedSize(.rep(x, min: mn, max: mx, greedy: greedy, capFrom: capFrom, capTo: capTo))
                > RXCompiler.counterThreshold {
            try emitCounted(x, min: mn, max: mx, greedy: greedy, capFrom: capFrom, capTo: capTo, back: back)
            return
        }
        // Mandatory iterations.
        for _ in 0..<mn {
            let before = insts.count
            try emitIteration(x, capFrom: capFrom, capTo: capTo, back: back)
            if insts.count == before { break }  // the body compiles to nothing
        }
        let nullable = x.canBeEmpty
        let needCheck = forBacktracker && nullable
        if let mx {
            // Nested optional iterations: split(body, end) body split(body2, end) ...
            var splits: [Int] = []
            var k = mn
            while k < mx {
                let before = insts.count
                let sp = try emit(RXInst(op: .split))
                splits.append(sp)
                var reg: Int32 = -1
                if needCheck { reg = Int32(numRegs); numRegs += 1; try emit(RXInst(op: .loopMark, a: reg)) }
                try emitIteration(x, capFrom: capFrom, capTo: capTo, back: back)
                if reg >= 0 { try emit(RXInst(op: .loopCheck, a: reg)) }
                if insts.count == before + 1 + (reg >= 0 ? 2 : 0) {
                    break  // the body compiles to nothing: one optional copy is enough
                }
                k += 1
            }
            let end = Int32(insts.count)
            for sp in splits {
                if greedy { insts[sp].a = Int32(sp + 1); insts[sp].b = end } else { insts[sp].a = end; insts[sp].b = Int32(sp + 1) }
            }
        } else {
            let sp = try emit(RXInst(op: .split))
            var reg: Int32 = -1
            if needCheck { reg = Int32(numRegs); numRegs += 1; try emit(RXInst(op: .loopMark, a: reg)) }
            try emitIteration(x, capFrom: capFrom, capTo: capTo, back: back)
            if reg >= 0 { try emit(RXInst(op: .loopCheck, a: reg)) }
            try emit(RXInst(op: .jump, a: Int32(sp)))
            let end = Int32(insts.count)
            if greedy { insts[sp].a = Int32(sp + 1); insts[sp].b = end } else { insts[sp].a = end; insts[sp].b = Int32(sp + 1) }
        }
    }

    private mutating func emitCounted(_ x: RXNode, min mn: Int, max mx: Int?, greedy: Bool,
                                      capFrom: Int, capTo: Int, back: Bool) throws(TooLarge) {
        let nullable = x.canBeEmpty
        let index = Int32(counters.count)
        let reg = Int32(numRegs)
        let markReg = Int32(numRegs + 1)
        numRegs += 2
        counters.append(RXCounter(reg: reg, markReg: markReg, min: mn, max: mx ?? -1, greedy: greedy, exit: -1))
        try emit(RXInst(op: .counterPush, a: index))
        let loop = try emit(RXInst(op: .counterLoop, a: index))
        if nullable { try emit(RXInst(op: .counterMark, a: index)) }
        try emitIteration(x, capFrom: capFrom, capTo: capTo, back: back)
        if nullable { try emit(RXInst(op: .loopCheck, a: markReg)) }
        try emit(RXInst(op: .counterIncr, a: index))
        try emit(RXInst(op: .jump, a: Int32(loop)))
        counters[Int(index)].exit = Int32(insts.count)
    }
}
