// Backtracking matcher for patterns with backreferences, lookaround or huge repetition
// counts (see ECMARegex.swift).
//
// Follows ECMA-262 semantics: ordered alternation, greedy/lazy quantifiers, empty
// iterations rejected, captures reset at each iteration, atomic lookarounds whose
// captures survive (positive) or are discarded (negative), lookbehind matched right to
// left.
//
// Without backreferences the outcome from an instruction at a position does not depend
// on how it was reached (captures are not observable), so failed (split, position) pairs
// are memoized and the search is linear per lookaround evaluation; lookaround results
// are cached per position. With backreferences or counted loops there is no memoization
// and the step budget bounds the work.

private struct RXFrame {
    /// 0 = resume branch at (a = pc, b = pos); 1 = restore capture slot a to b;
    /// 2 = restore loop register a to b.
    var kind: Int32
    var a: Int32
    var b: Int
}

struct RXBacktracker {
    private let prog: RXProgram
    private let insts: UnsafeBufferPointer<RXInst>
    private let text: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let pattern: String
    private let budget: Int
    private var steps = 0
    private var caps: [Int]
    private var regs: [Int]
    private var stack: [RXFrame] = []

    // Memoization (only without backreferences).
    private let memo: Bool
    /// Per (split, position): generation of the last visit. Followed by the lookaround
    /// result cache per (look, position): 0 unknown, 1 true, 2 false.
    private var stamps: [UInt32] = []
    private var lookBase = 0
    private var failedGen: [Bool] = []

    /// Memo tables larger than this (entries) are not allocated; the budget applies instead.
    static let maxMemoEntries = 1 << 22
    /// Memo entries allowed per input position whatever the input's length (4 bytes each), so
    /// that a small lookaround pattern on a long string (`(?<=a)b` on 4 MiB) stays memoized and
    /// within the documented per-byte budget instead of falling back to the fixed budget.
    static let memoEntriesPerPosition = 4

    /// Whether a memo table of `entries` fits for an input of `positions` positions.
    static func memoFits(_ entries: Int, positions: Int) -> Bool {
        entries <= max(maxMemoEntries, memoEntriesPerPosition.multipliedReportingOverflow(by: positions).partialValue)
    }

    init(prog: RXProgram, insts: UnsafeBufferPointer<RXInst>, text: UnsafeBufferPointer<UInt8>,
         pattern: String, stepBudget: Int, memoizable: Bool) {
        self.prog = prog
        self.insts = insts
        self.text = text
        self.n = text.count
        self.pattern = pattern
        caps = prog.usesCaptures ? [Int](repeating: -1, count: prog.numSlots) : []
        regs = prog.numRegs > 0 ? [Int](repeating: -1, count: prog.numRegs) : []
        stack.reserveCapacity(32)
        let positions = text.count + 1
        let memoOK = memoizable
            && RXBacktracker.memoFits((prog.numSplits + prog.numLooks).multipliedReportingOverflow(by: positions).partialValue, positions: positions)
        memo = memoOK
        if memoOK {
            lookBase = prog.numSplits * positions
            stamps = [UInt32](repeating: 0, count: (prog.numSplits + prog.numLooks) * positions)
            failedGen.reserveCapacity(8)
            failedGen.append(false)
            // Memoized work is linear in the input (times the program size): let long inputs
            // through, but a fixed number of steps per byte, so a big program on a long input
            // still ends (see ECMARegex.defaultStepBudget).
            budget = ECMARegex.budget(stepBudget, inputLength: text.count)
        } else {
            budget = stepBudget
        }
    }

    private mutating func newGeneration() -> UInt32 {
        failedGen.append(false)
        return UInt32(failedGen.count - 1)
    }

    /// Unanchored search: tries every start position (only 0 when `anchoredStart`).
    mutating func search(anchoredStart: Bool) throws(ECMARegexError) -> Bool {
        let gen = memo ? newGeneration() : 0
        var start = 0
        while true {
            if try exec(0, start, gen: gen) { return true }
            if anchoredStart || start >= n { return false }
            start += rxSequenceLengthAt(start)
        }
    }

    @inline(__always) private func rxSequenceLengthAt(_ i: Int) -> Int {
        let b = text[i]
        if b < 0x80 { return 1 }
        return min(rxSequenceLength(b), n - i)
    }

    @inline(__always) private func isWordBefore(_ pos: Int) -> Bool {
        pos > 0 && rxIsWordByte(text[pos - 1])
    }

    @inline(__always) private func isWordAt(_ pos: Int) -> Bool {
        pos < n && rxIsWordByte(text[pos])
    }

    /// Undoes restore frames above `base` (in reverse order) and truncates the stack.
    private mutating func unwind(to base: Int) {
        while stack.count > base {
            let f = stack.removeLast()
            if f.kind == 1 { caps[Int(f.a)] = f.b } else if f.kind == 2 { regs[Int(f.a)] = f.b }
        }
    }

    /// Runs from `startPc` at `startPos` until `match`/`lookEnd` (true) or exhaustion (false).
    /// On success the frames pushed by this run stay on the stack.
    private mutating func exec(_ startPc: Int, _ startPos: Int, gen: UInt32) throws(ECMARegexError) -> Bool {
        let base = stack.count
        var pc = startPc
        var pos = startPos
        let positions = n + 1
        let part = prog.partition
        outer: while true {
            inner: while true {
                steps &+= 1
                if steps > budget { throw .budgetExceeded(pattern: pattern, steps: budget) }
                let ins = insts[pc]
                switch ins.op {
                case .consume:
                    if ins.b == 0 {
                        guard pos < n else { break inner }
                        let b = text[pos]
                        if b < 0x80 {
                            guard part.contains(set: Int(ins.a), cls: Int(part.asciiClass[Int(b)])) else { break inner }
                            pos += 1
                        } else {
                            let (cp, len) = rxDecode(text, pos)
                            guard part.contains(set: Int(ins.a), cls: part.classOfNonASCII(cp)) else { break inner }
                            pos += len
                        }
                    } else {
                        guard pos > 0 else { break inner }
                        let (cp, len) = rxDecodeBefore(text, pos)
                        guard part.contains(set: Int(ins.a), cls: part.classOf(cp)) else { break inner }
                        pos -= len
                    }
                    pc += 1
                case .split:
                    if memo {
                        let k = Int(prog.splitIndex[pc]) * positions + pos
                        let st = stamps[k]
                        if st == gen || failedGen[Int(st)] { break inner }
                        stamps[k] = gen
                    }
                    stack.append(RXFrame(kind: 0, a: ins.b, b: pos))
                    pc = Int(ins.a)
                case .jump:
                    pc = Int(ins.a)
                case .save:
                    stack.append(RXFrame(kind: 1, a: ins.a, b: caps[Int(ins.a)]))
                    caps[Int(ins.a)] = pos
                    pc += 1
                case .resetCaps:
                    for k in Int(ins.a)..<Int(ins.b) where caps[k] != -1 {
                        stack.append(RXFrame(kind: 1, a: Int32(k), b: caps[k]))
                        caps[k] = -1
                    }
                    pc += 1
                case .bol:
                    guard pos == 0 else { break inner }
                    pc += 1
                case .eol:
                    guard pos == n else { break inner }
                    pc += 1
                case .wordBoundary:
                    guard isWordBefore(pos) != isWordAt(pos) else { break inner }
                    pc += 1
                case .notWordBoundary:
                    guard isWordBefore(pos) == isWordAt(pos) else { break inner }
                    pc += 1
                case .backref:
                    let g = Int(ins.a)
                    let s = caps[2 * g], e = caps[2 * g + 1]
                    if s >= 0 && e >= 0 && e > s {
                        let len = e - s
                        if ins.b == 0 {
                            guard pos + len <= n else { break inner }
                            var k = 0
                            while k < len && text[s + k] == text[pos + k] { k += 1 }
                            guard k == len else { break inner }
                            pos += len
                        } else {
                            guard pos - len >= 0 else { break inner }
                            var k = 0
                            while k < len && text[s + k] == text[pos - len + k] { k += 1 }
                            guard k == len else { break inner }
                            pos -= len
                        }
                    }
                    pc += 1
                case .look:
                    let negate = ins.b & 2 != 0
                    let result: Bool
                    if memo {
                        let k = lookBase + Int(ins.c) * positions + pos
                        let cached = stamps[k]
                        if cached != 0 {
                            result = cached == 1
                        } else {
                            let mark = stack.count
                            let g = newGeneration()
                            result = try exec(Int(ins.a), pos, gen: g)
                            stack.removeLast(stack.count - mark)
                            stamps[k] = result ? 1 : 2
                        }
                    } else {
                        let mark = stack.count
                        result = try exec(Int(ins.a), pos, gen: 0)
                        if result {
                            if negate {
                                unwind(to: mark)
                            } else {
                                // Atomic: drop the body's branch points, keep its undo records.
                                var w = mark
                                for r in mark..<stack.count where stack[r].kind != 0 {
                                    stack[w] = stack[r]
                                    w += 1
                                }
                                stack.removeLast(stack.count - w)
                            }
                        }
                    }
                    guard result != negate else { break inner }
                    pc += 1
                case .lookEnd, .match:
                    return true
                case .loopMark:
                    stack.append(RXFrame(kind: 2, a: ins.a, b: regs[Int(ins.a)]))
                    regs[Int(ins.a)] = pos
                    pc += 1
                case .loopCheck:
                    // With memoization revisits are pruned anyway (and captures are not
                    // observable), so the empty-iteration check is only needed without it.
                    if !memo && regs[Int(ins.a)] == pos { break inner }
                    pc += 1
                case .counterPush:
                    let r = Int(prog.counters[Int(ins.a)].reg)
                    stack.append(RXFrame(kind: 2, a: Int32(r), b: regs[r]))
                    regs[r] = 0
                    pc += 1
                case .counterLoop:
                    let info = prog.counters[Int(ins.a)]
                    let k = regs[Int(info.reg)]
                    if k < info.min {
                        pc += 1
                    } else if info.max >= 0 && k >= info.max {
                        pc = Int(info.exit)
                    } else if info.greedy {
                        stack.append(RXFrame(kind: 0, a: info.exit, b: pos))
                        pc += 1
                    } else {
                        stack.append(RXFrame(kind: 0, a: Int32(pc + 1), b: pos))
                        pc = Int(info.exit)
                    }
                case .counterMark:
                    let info = prog.counters[Int(ins.a)]
                    let m = Int(info.markReg)
                    stack.append(RXFrame(kind: 2, a: info.markReg, b: regs[m]))
                    regs[m] = regs[Int(info.reg)] < info.min ? -2 : pos
                    pc += 1
                case .counterIncr:
                    let r = Int(prog.counters[Int(ins.a)].reg)
                    stack.append(RXFrame(kind: 2, a: Int32(r), b: regs[r]))
                    regs[r] += 1
                    pc += 1
                }
            }
            // Backtrack.
            while stack.count > base {
                let f = stack.removeLast()
                switch f.kind {
                case 0:
                    pc = Int(f.a)
                    pos = f.b
                    continue outer
                case 1: caps[Int(f.a)] = f.b
                default: regs[Int(f.a)] = f.b
                }
            }
            if memo && gen != 0 { failedGen[Int(gen)] = true }
            return false
        }
    }
}
