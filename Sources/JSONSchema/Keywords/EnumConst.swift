import Document

/// `enum`: string members in a name table, every other member (numbers, objects, arrays,
/// literals) in buckets by ``JSONEquality/hashValue(_:)`` — one hash and the few members of
/// one bucket per instance, never a scan of the whole list.
final class EnumCheck {
    let strings: NameTable
    /// Non-string members by hash (indexes into `values`).
    let others: [Int: [Int]]
    let values: [Value]
    /// The string members, for "did you mean" suggestions (computed once).
    let stringValues: [String]

    init(_ values: [Value]) {
        self.values = values
        strings = NameTable(values.filter { $0.kind == .string }.map { Array($0.utf8) })
        var others: [Int: [Int]] = [:]
        for (index, value) in values.enumerated() where value.kind != .string {
            others[JSONEquality.hashValue(value), default: []].append(index)
        }
        self.others = others
        stringValues = values.compactMap(\.string)
    }

    /// Whether a non-string instance equals a member.
    func containsOther(_ instance: Value) -> Bool {
        guard !others.isEmpty, let bucket = others[JSONEquality.hashValue(instance)] else { return false }
        return bucket.contains { JSONEquality.equal(values[$0], instance) }
    }

    var summary: String {
        let shown = values.prefix(12).map { ValueDescription.describe($0, limit: 40) }
        return shown.joined(separator: ", ") + (values.count > 12 ? ", … (\(values.count) values)" : "")
    }
}

/// `const`: the one allowed value.
final class ConstCheck {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension Evaluator {
    mutating func checkEnum(_ e: EnumCheck, _ schema: SchemaNode, _ i: Int) -> Bool {
        let instance = Value(document: document, index: i)
        if nodes[i].kind == ValueKind.string.rawValue {
            if e.strings.lookup(bytes(i)) >= 0 { return true }
        } else {
            if e.containsOther(instance) { return true }
        }
        if collect {
            var message = "\(describe(i)) is not one of the allowed values: \(e.summary)"
            if instance.kind == .string, let s = instance.string,
               let near = Suggest.closest(s, among: e.stringValues) {
                message += " (did you mean \"\(near)\"?)"
            }
            record(schema, ["enum"], "enum", i, message)
        }
        return false
    }

    mutating func checkConst(_ c: ConstCheck, _ schema: SchemaNode, _ i: Int) -> Bool {
        if JSONEquality.equal(c.value, Value(document: document, index: i)) { return true }
        if collect {
            record(schema, ["const"], "const", i, "expected exactly \(ValueDescription.describe(c.value)), found \(describe(i))")
        }
        return false
    }
}

/// "Did you mean" suggestions by edit distance (case-insensitive).
public enum Suggest {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        // Bounded work whatever the input: a word or candidate longer than `maxLength` scalars
        // is never a typo worth suggesting; at most `maxCandidates` candidates are looked at;
        // the distance is computed in a band of ±3 around the diagonal (the most a suggestion
        // may differ by), so each candidate costs O(length), and the whole call stops after
        // `maxCells` table cells.
        guard word.utf8.count <= 4 * maxLength, word.unicodeScalars.count <= maxLength else { return nil }
        var best: (String, Int)?
        let w = Array(word.lowercased().unicodeScalars)
        var cells = 0
        for candidate in candidates.prefix(maxCandidates) {
            guard candidate.utf8.count <= 4 * maxLength else { continue }
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - w.count) > band { continue }
            cells += (2 * band + 1) * (w.count + 1)
            if cells > maxCells { break }
            let d = distance(w, c, atMost: band)
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (candidate, d) = best, d <= band else { return nil }
        let limit = max(1, min(band, max(w.count, candidate.count) / 3))
        if d == 0 && candidate != word { return candidate }
        return d <= limit && d > 0 ? candidate : nil
    }

    /// The longest word or candidate (in Unicode scalars) that suggestions consider.
    public static let maxLength = 256
    /// The most candidates one suggestion looks at.
    public static let maxCandidates = 10_000
    /// The most distance-table cells one suggestion fills.
    public static let maxCells = 200_000
    /// The largest edit distance a suggestion may have.
    static let band = 3

    /// The distance between `a` and `b` when it is at most `k`, else some value above `k`:
    /// Levenshtein with adjacent transpositions, computed only within `k` of the diagonal.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost k: Int) -> Int {
        if abs(a.count - b.count) > k { return k + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let big = k + 1
        let width = b.count + 1
        var previous2 = [Int](repeating: big, count: width)
        var previous = [Int](repeating: big, count: width)
        var current = [Int](repeating: big, count: width)
        for j in 0...min(b.count, k) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - k), high = min(b.count, i + k)
            // Only the band and the cells just outside it are written (stale values from the
            // rotated rows never leak in): O(k) per row.
            current[0] = i <= k ? i : big
            if low - 1 >= 1 { current[low - 1] = big }
            if high + 1 < width { current[high + 1] = big }
            var rowMin = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                    current[j] = min(v, big)
                    rowMin = min(rowMin, current[j])
                }
            }
            if rowMin > k { return big }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return min(previous[b.count], big)
    }

    /// Levenshtein distance with adjacent transpositions.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
