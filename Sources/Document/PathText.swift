/// Path arithmetic on `/`-separated strings, as `NSString`'s path methods did it for the paths
/// crrspec builds (so the modules need no Foundation for them).
package enum PathText {
    /// `directory` + `/` + `name` (`name` alone when `directory` is empty), without doubled `/`.
    package static func appending(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        var head = Substring(directory)
        while head.count > 1, head.hasSuffix("/") { head.removeLast() }
        var tail = Substring(name)
        while tail.hasPrefix("/") { tail.removeFirst() }
        if tail.isEmpty { return String(head) }
        return head == "/" ? "/" + tail : head + "/" + tail
    }

    /// The path without its last component: `/a/b` → `/a`, `/a` → `/`, `a` → empty, `/` → `/`.
    package static func parent(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        if slash == text.startIndex { return "/" }
        var head = text[..<slash]
        while head.count > 1, head.hasSuffix("/") { head.removeLast() }
        return String(head)
    }

    /// Components as `URL.pathComponents` gives them (`["/", "a", "b"]`) joined back into a path.
    package static func join(_ components: [String]) -> String {
        guard let first = components.first else { return "" }
        if first == "/" { return "/" + components.dropFirst().joined(separator: "/") }
        return components.joined(separator: "/")
    }
}

/// The text without the white space and line ends at either end (Unicode's White_Space
/// scalars, as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` trims them).
package func trimmingWhitespace(_ text: Substring) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
          let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    return String(Substring(scalars[first...last]))
}

/// As above, for a whole string.
package func trimmingWhitespace(_ text: String) -> String { trimmingWhitespace(Substring(text)) }

/// The first range of `needle` (ASCII) in `text`, ASCII letters compared without case.
package func rangeIgnoringASCIICase(of needle: String, in text: Substring) -> Range<String.Index>? {
    let pattern = Array(needle.utf8).map(asciiLower)
    guard !pattern.isEmpty else { return nil }
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    while start != scalars.endIndex {
        var i = start, k = 0
        while k < pattern.count, i != scalars.endIndex, scalars[i].isASCII, asciiLower(UInt8(scalars[i].value)) == pattern[k] {
            scalars.formIndex(after: &i)
            k += 1
        }
        if k == pattern.count { return start..<i }
        scalars.formIndex(after: &start)
    }
    return nil
}

private func asciiLower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
