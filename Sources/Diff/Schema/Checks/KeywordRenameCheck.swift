import Document
import JSONSchema

/// `keyword-renamed`: a keyword validators ignore replaced by a known one of a similar name
/// (`maxLenth` → `maxLength`, `example` → `examples` in a draft-07 schema), or the reverse.
/// The rename itself only documents; what the known keyword now does (a new `maxLength`
/// narrows) is reported by the check for that keyword.
enum KeywordRenameCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        for (from, to) in renames(pair, checks.dialect) {
            let fromKnown = checks.dialect.isKnown(from), toKnown = checks.dialect.isKnown(to)
            let note = toKnown && !fromKnown ? " (validators ignore '\(from)')" : fromKnown && !toKnown ? " (validators ignore '\(to)')" : ""
            checks.emitDocumentation("keyword-renamed", old: pair.old[from]?.location(text: from) ?? pair.old.absent,
                                     new: pair.new[to]?.location(text: to) ?? pair.new.absent,
                                     message: "Renamed keyword '\(from)' to '\(to)' in \(subject)\(note)",
                                     summary: "Renamed keyword '\(from)' to '\(to)'")
        }
    }

    /// (old keyword, new keyword) pairs: one side's keyword is unknown to the dialect, the other
    /// known, their names within two edits, and each only on its own side.
    static func renames(_ pair: Pair, _ dialect: SchemaDialect) -> [(String, String)] {
        let oldKeys = pair.old.value.members.map(\.name), newKeys = pair.new.value.members.map(\.name)
        if oldKeys == newKeys { return [] }  // the common case: the same keywords in the same order
        let oldSet = Set(oldKeys), newSet = Set(newKeys)
        let gone = oldKeys.filter { !newSet.contains($0) && !$0.hasPrefix("x-") }
        let came = newKeys.filter { !oldSet.contains($0) && !$0.hasPrefix("x-") }
        let pairs = Similarity.pair(gone, came, match: { a, b in
            dialect.isKnown(a) != dialect.isKnown(b)
                && Suggest.distance(Array(a.unicodeScalars), Array(b.unicodeScalars)) <= 2
                && max(a.count, b.count) >= 4
        }, score: { Similarity.score($0, $1) })
        return pairs.map { (gone[$0.0], came[$0.1]) }
    }
}
