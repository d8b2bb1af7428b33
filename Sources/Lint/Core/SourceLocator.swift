import Document

/// Finds where a piece of a decoded string sits in the source file, so that a finding inside a
/// long description (a table row, an error code) points at its own line.
package enum SourceLocator {
    /// The position of `token`, found at UTF-8 offset `offset` of the string `value`. The token's
    /// occurrence count before that offset picks the same occurrence in the source text; when the
    /// source spells it differently (escapes, folding), the string's own start is used.
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
        var j = start
        while j + needle.count <= max(start, end) {
            if matches(document.source, at: j, needle) {
                if seen == occurrence { return document.position(ofOffset: j) }
                seen += 1
            }
            j += 1
        }
        return value.position
    }

    package static func matches<C: RandomAccessCollection>(_ haystack: C, at i: Int, _ needle: [UInt8]) -> Bool where C.Element == UInt8, C.Index == Int {
        guard i + needle.count <= haystack.count else { return false }
        for k in 0..<needle.count where haystack[i + k] != needle[k] { return false }
        return true
    }
}
