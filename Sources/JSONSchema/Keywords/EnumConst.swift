import Document

/// `enum`: string members in a hash table (one lookup per instance), others compared deeply.
final class EnumCheck {
    let strings: NameTable
    let others: [Value]
    let values: [Value]

    init(_ values: [Value]) {
        self.values = values
        strings = NameTable(values.filter { $0.kind == .string }.map { Array($0.utf8) })
        others = values.filter { $0.kind != .string }
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
            for candidate in e.others where JSONEquality.equal(candidate, instance) { return true }
        }
        if collect {
            var message = "\(describe(i)) is not one of the allowed values: \(e.summary)"
            if instance.kind == .string, let s = instance.string,
               let near = Suggest.closest(s, among: e.values.compactMap(\.string)) {
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
        // Only a candidate within 3 characters of the word's length can be within the distance
        // limit (at most 3): skip the others, and a long word (a hostile megabyte-long property
        // name) at once, instead of filling a quadratic table for each.
        // (Lowercasing changes a character into at most three: the early exit allows for that.)
        let longest = 3 * (candidates.map(\.unicodeScalars.count).max() ?? 0) + 3
        guard word.utf8.count <= 4 * longest, word.unicodeScalars.count <= longest else { return nil }
        var best: (String, Int)?
        let w = Array(word.lowercased().unicodeScalars)
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - w.count) > 3 { continue }
            let d = distance(w, c)
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (candidate, d) = best else { return nil }
        let limit = max(1, min(3, max(w.count, candidate.count) / 3))
        if d == 0 && candidate != word { return candidate }
        return d <= limit && d > 0 ? candidate : nil
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
