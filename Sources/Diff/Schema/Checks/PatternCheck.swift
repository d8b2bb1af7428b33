import Document

/// `pattern`: `pattern-tightened` (added, or a character class that lost characters),
/// `pattern-loosened` (removed, or a class that gained characters), `pattern-changed` (any other
/// rewrite, judged as changing the valid set both ways).
enum PatternCheck {
    /// Patterns that every string matches (an unanchored `.*` matches the empty string at the
    /// start of any string) and `^.*$`, which the issue's users write to mean "any text": all
    /// count as no pattern.
    static let trivial: Set<String> = ["", ".*", "^.*", ".*$", "^.*$", "^", "$", "[\\s\\S]*", "^[\\s\\S]*$", "(.*)", "^(.*)$"]

    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "pattern")
        let o = s.old, n = s.new
        let writtenOld = o?.string, writtenNew = n?.string
        guard writtenOld != writtenNew else { return }
        let old = writtenOld.flatMap { trivial.contains($0) ? nil : $0 }, new = writtenNew.flatMap { trivial.contains($0) ? nil : $0 }
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        if old == nil && new == nil {
            // `.*` → none, none → `^.*$` ...: every string matched before and after.
            checks.emitDocumentation("annotation-changed", old: s.oldLocation, new: s.newLocation,
                                     message: "Changed the pattern of \(subject) from \(writtenOld.map { $0.isEmpty ? "(empty)" : $0 } ?? "none") to \(writtenNew.map { $0.isEmpty ? "(empty)" : $0 } ?? "none"), which every string matches either way")
            return
        }
        let kind: String, effect: Effect, message: String
        switch (old, new) {
        case (nil, let b?):
            (kind, effect, message) = ("tightened", .narrow, writtenOld == nil ? "Added pattern \(b) to \(subject)"
                                        : "Changed the pattern of \(subject) from \(writtenOld!.isEmpty ? "(empty)" : writtenOld!), which every string matches, to \(b)")
        case (let a?, nil):
            (kind, effect, message) = ("loosened", .widen, writtenNew == nil ? "Removed pattern \(a) from \(subject)"
                                        : "Changed the pattern of \(subject) from \(a) to \(writtenNew!.isEmpty ? "(empty)" : writtenNew!), which every string matches")
        case (let a?, let b?):
            let text = "Changed the pattern of \(subject) from \(a) to \(b)"
            switch compareClasses(a, b) {
            case .narrow: (kind, effect, message) = ("tightened", .narrow, text)
            case .widen: (kind, effect, message) = ("loosened", .widen, text)
            default: (kind, effect, message) = ("changed", .both, text)
            }
        default:
            return
        }
        checks.emit("pattern-" + kind, effect: effect, old: s.oldLocation, new: s.newLocation, message: message)
    }

    /// When two patterns differ only inside character classes, whether the new classes accept
    /// fewer characters (narrow), more (widen), or neither; nil when the patterns differ elsewhere.
    static func compareClasses(_ old: String, _ new: String) -> Effect? {
        let a = segments(old), b = segments(new)
        guard a.count == b.count else { return nil }
        var effect = Effect.none
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case let (.text(s), .text(t)):
                if s != t { return nil }
            case let (.characterClass(negated: n1, members: m1), .characterClass(negated: n2, members: m2)):
                guard n1 == n2 else { return nil }
                if m1 == m2 { continue }
                var step: Effect = m2.isSubset(of: m1) ? .narrow : m1.isSubset(of: m2) ? .widen : .both
                if n1 { step = step.reversed }
                effect = effect.combined(with: step)
            default:
                return nil
            }
        }
        return effect
    }

    enum Segment {
        case text(String)
        case characterClass(negated: Bool, members: Set<String>)
    }

    /// Splits a pattern into literal stretches and `[...]` classes (members expanded: ranges to
    /// characters, escapes to the character or a `\d`-style token).
    static func segments(_ pattern: String) -> [Segment] {
        let s = Array(pattern.unicodeScalars)
        var out: [Segment] = []
        var text = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "\\", i + 1 < s.count {
                text.append(s[i]); text.append(s[i + 1]); i += 2; continue
            }
            guard s[i] == "[" else { text.append(s[i]); i += 1; continue }
            out.append(.text(String(text)))
            text = String.UnicodeScalarView()
            i += 1
            var negated = false
            if i < s.count, s[i] == "^" { negated = true; i += 1 }
            var items: [String] = []
            var first = true
            while i < s.count, s[i] != "]" || first {
                first = false
                if s[i] == "\\", i + 1 < s.count {
                    let c = s[i + 1]
                    items.append("dwsDWSbBnrtfv".unicodeScalars.contains(c) ? "\\" + String(c) : String(c))
                    i += 2
                } else {
                    items.append(String(s[i]))
                    i += 1
                }
            }
            i += 1
            var members: Set<String> = []
            var k = 0
            while k < items.count {
                if k + 2 < items.count, items[k + 1] == "-", items[k].unicodeScalars.count == 1, items[k + 2].unicodeScalars.count == 1,
                   let lo = items[k].unicodeScalars.first?.value, let hi = items[k + 2].unicodeScalars.first?.value, lo <= hi, hi - lo < 5000 {
                    for v in lo...hi { if let u = Unicode.Scalar(v) { members.insert(String(u)) } }
                    k += 3
                } else {
                    members.insert(items[k])
                    k += 1
                }
            }
            if members.contains("\\d") { members.remove("\\d"); for d in "0123456789" { members.insert(String(d)) } }
            out.append(.characterClass(negated: negated, members: members))
        }
        out.append(.text(String(text)))
        return out
    }
}
