import Document

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

/// Finds text inside a string value in the source file, for precise line:column of things
/// inside long descriptions (a code in a code table, a row of a revision table).
package enum SourceSearch {
    /// Where `needle` first occurs within the source text of the string `value`; the value's own
    /// position when it cannot be found.
    /// - Parameter preferTagged: prefer an occurrence that follows a `>` (the start of a table
    ///   cell) over earlier ones in running text.
    package static func position(of needle: String, in value: Value, preferTagged: Bool = false) -> SourcePosition {
        let document = value.document
        let start = Int(document.nodes[value.index].offset)
        let length = Int(document.nodes[value.index].b)
        let limit = min(document.source.count, start + 2 * length + 4096)
        let target = Array(needle.utf8)
        guard !target.isEmpty, start < limit else { return value.position }
        var i = start
        let source = document.source
        var first: Int?
        while i + target.count <= limit {
            if source[i] == target[0] {
                var k = 1
                while k < target.count, source[i + k] == target[k] { k += 1 }
                if k == target.count {
                    if !preferTagged { return document.position(ofOffset: i) }
                    var back = i - 1
                    while back > start, source[back] == 0x20 || source[back] == 0x09 { back -= 1 }
                    if back >= start, source[back] == UInt8(ascii: ">") { return document.position(ofOffset: i) }
                    if first == nil { first = i }
                }
            }
            i += 1
        }
        return first.map { document.position(ofOffset: $0) } ?? value.position
    }
}
