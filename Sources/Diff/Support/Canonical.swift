import Document
import JSONSchema

/// Canonical text of a value with annotations left out, so that two schemas or operations can
/// be compared for "the same content": object keys sorted, descriptions, summaries, examples,
/// titles, operation ids, tags and `x-` extensions dropped (but never the names inside a
/// `properties` map, where `description` may be a property).
enum Canonical {
    /// Keys that only document.
    static let annotationKeys: Set<String> = [
        "description", "summary", "title", "example", "examples", "$comment", "externalDocs",
        "operationId", "tags", "deprecated", "$id", "$schema", "xml",
    ]

    /// Keys whose object value is a map of names, not a schema or an operation.
    static let nameMaps: Set<String> = [
        "properties", "patternProperties", "definitions", "dependencies", "content", "responses",
        "headers", "schemas", "parameters", "paths", "links", "callbacks",
    ]

    /// - Parameter resolve: follows a top-level `$ref` (one level) before serialising.
    static func text(_ node: Located, resolver: ReferenceResolver? = nil) -> String {
        var value = node
        if let resolver, let target = resolver.resolve(node) { value = target }
        var out = ""
        write(value.value, isNameMap: false, into: &out)
        return out
    }

    private static func write(_ value: Value, isNameMap: Bool, into out: inout String) {
        switch value.kind {
        case .object:
            var members: [(String, Value)] = []
            for member in value.members {
                let name = member.name
                if !isNameMap && (annotationKeys.contains(name) || name.hasPrefix("x-")) { continue }
                members.append((name, member.value))
            }
            members.sort { Array($0.0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.0.unicodeScalars.map(\.value)) }
            out += "{"
            for (i, (name, member)) in members.enumerated() {
                if i > 0 { out += "," }
                out += ValueText.quoteJSON(name) + ":"
                write(member, isNameMap: !isNameMap && nameMaps.contains(name), into: &out)
            }
            out += "}"
        case .array:
            out += "["
            for (i, element) in value.elements.enumerated() {
                if i > 0 { out += "," }
                write(element, isNameMap: false, into: &out)
            }
            out += "]"
        case .number:
            // Equal numbers written differently (1.0 and 1) serialise alike.
            out += value.decimal?.description ?? (value.numberText ?? "0")
        default:
            out += ValueText.json(value)
        }
    }
}

/// How alike two names are, for pairing removed and added things (renames).
package enum Similarity {
    /// 0...1: 1 for equal names; shared prefix and suffix count most, then edit distance.
    package static func score(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        let longest = max(x.count, y.count)
        guard longest > 0 else { return 1 }
        var prefix = 0
        while prefix < min(x.count, y.count), x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(x.count, y.count) - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
        let affix = Double(prefix + suffix) / Double(longest)
        // The edit distance costs the product of the lengths: past a million cells (two
        // 1,000-character names) the shared prefix and suffix alone decide.
        guard x.count * y.count <= Similarity.maxDistanceCells else { return affix }
        let edit = 1 - Double(distance(x, y)) / Double(longest)
        return max(affix, edit)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Most cells of one edit-distance table (see ``score(_:_:)``).
    static let maxDistanceCells = 1_000_000
    /// Most candidate pairs ``pair(_:_:match:score:minimum:)`` scores: 250,000 (500 removed
    /// names × 500 added). A change that replaces more wholesale is reported as removals and
    /// additions, without renames, instead of taking minutes.
    static let maxScoredPairs = 250_000

    /// Pairs items of `removed` with items of `added` that `match`, best `score` first, each used
    /// once. Returns index pairs; none when more than ``maxScoredPairs`` pairs match.
    package static func pair<A, B>(_ removed: [A], _ added: [B], match: (A, B) -> Bool, score: (A, B) -> Double,
                           minimum: Double = 0) -> [(Int, Int)] {
        var matched: [(Int, Int)] = []
        for (i, r) in removed.enumerated() {
            for (j, a) in added.enumerated() where match(r, a) {
                matched.append((i, j))
                if matched.count > maxScoredPairs { return [] }
            }
        }
        var candidates: [(Double, Int, Int)] = []
        for (i, j) in matched {
            let s = score(removed[i], added[j])
            if s >= minimum { candidates.append((s, i, j)) }
        }
        candidates.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var usedR: Set<Int> = [], usedA: Set<Int> = []
        var result: [(Int, Int)] = []
        for (_, i, j) in candidates where !usedR.contains(i) && !usedA.contains(j) {
            usedR.insert(i)
            usedA.insert(j)
            result.append((i, j))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
