/// Finds where a piece of a decoded string value sits in the source file, so that a finding or
/// change inside a long description (a table row, an error code, a version) points at its own
/// line: the one token-position finder of lint, diff and the CRR layer.
package enum SourceSearch {
    /// The position of `token`, found at UTF-8 offset `offset` of the string `value`. The token's
    /// occurrence count before that offset picks the same occurrence in the value's source text
    /// (up to the next node); when the source spells it differently (escapes, folding), the
    /// value's own position is returned.
    package static func position(in value: Value, offset: Int, token: String) -> SourcePosition {
        guard let text = value.string, !token.isEmpty else { return value.position }
        let decoded = Array(text.utf8)
        let needle = Array(token.utf8)
        var occurrence = 0
        var i = 0
        while i < min(offset, decoded.count) {
            if matches(decoded, at: i, needle) { occurrence += 1 }
            i += 1
        }
        let document = value.document
        let start = Int(document.nodes[value.index].offset)
        let end = value.index + 1 < document.nodes.count ? Int(document.nodes[value.index + 1].offset) : document.source.count
        var seen = 0
        var found: Int?
        scan(document.source, for: needle, from: start, to: max(start, end)) { at in
            if seen == occurrence { found = at; return true }
            seen += 1
            return false
        }
        return found.map(document.position(ofOffset:)) ?? value.position
    }

    /// Where `needle` first occurs within the source text of the string `value` (its start up
    /// to twice its length and 4 KiB beyond); the value's own position when it cannot be found.
    /// - Parameter preferTagged: prefer an occurrence that follows a `>` (the start of a table
    ///   cell, blanks between) over earlier ones in running text.
    package static func position(of needle: String, in value: Value, preferTagged: Bool = false) -> SourcePosition {
        let document = value.document
        let start = Int(document.nodes[value.index].offset)
        let length = Int(document.nodes[value.index].b)
        let limit = min(document.source.count, start + 2 * length + 4096)
        let target = Array(needle.utf8)
        guard !target.isEmpty, start < limit else { return value.position }
        let source = document.source
        var first: Int?
        var tagged: Int?
        scan(source, for: target, from: start, to: limit) { at in
            if !preferTagged { tagged = at; return true }
            var back = at - 1
            while back > start, source[back] == 0x20 || source[back] == 0x09 { back -= 1 }
            if back >= start, source[back] == UInt8(ascii: ">") { tagged = at; return true }
            if first == nil { first = at }
            return false
        }
        return (tagged ?? first).map(document.position(ofOffset:)) ?? value.position
    }

    /// Whether `needle` stands in `haystack` at `i`.
    package static func matches<C: RandomAccessCollection>(_ haystack: C, at i: Int, _ needle: [UInt8]) -> Bool where C.Element == UInt8, C.Index == Int {
        guard i + needle.count <= haystack.count else { return false }
        for k in 0..<needle.count where haystack[i + k] != needle[k] { return false }
        return true
    }

    /// Calls `hit` with each offset in `from..<to` (the needle wholly inside) where `needle`
    /// starts, in order, until it returns true.
    private static func scan<C: RandomAccessCollection>(_ source: C, for needle: [UInt8], from: Int, to: Int,
                                                        _ hit: (Int) -> Bool) where C.Element == UInt8, C.Index == Int {
        var i = from
        while i + needle.count <= to {
            if matches(source, at: i, needle), hit(i) { return }
            i += 1
        }
    }
}
