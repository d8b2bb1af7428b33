/// A URI reference split into RFC 3986 components, with reference resolution (§5.2).
/// Enough for `$id` and `$ref`: `http:`, `file:`, `urn:` and relative references.
public struct URIReference: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String?
    public var authority: String?
    public var path: String
    public var query: String?
    public var fragment: String?

    /// Splits `text` at its ASCII delimiters, byte by byte: Swift's Character view would glue a
    /// combining mark to a preceding `/` or `#` and hide it.
    public init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(rest[rest.utf8.index(after: q)...])
            rest = rest[..<q]
        }
        if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), URIReference.isScheme(rest[..<colon]) {
            scheme = String(rest[..<colon])
            rest = rest[rest.utf8.index(after: colon)...]
        }
        if rest.utf8.starts(with: "//".utf8) {
            rest = rest[rest.utf8.index(rest.startIndex, offsetBy: 2)...]
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    static func isScheme(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "+" || c == "-" || c == "."
        }
    }

    public var isAbsolute: Bool { scheme != nil }

    /// The reference without its fragment.
    public var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    public var description: String {
        var out = ""
        if let scheme { out += scheme + ":" }
        if let authority { out += "//" + authority }
        out += path
        if let query { out += "?" + query }
        if let fragment { out += "#" + fragment }
        return out
    }

    /// RFC 3986 §5.2.2: this reference resolved against `base`.
    public func resolved(against base: URIReference) -> URIReference {
        if scheme != nil {
            return URIReference(scheme: scheme, authority: authority, path: URIReference.removeDotSegments(path), query: query, fragment: fragment)
        }
        if authority != nil {
            return URIReference(scheme: base.scheme, authority: authority, path: URIReference.removeDotSegments(path), query: query, fragment: fragment)
        }
        if path.isEmpty {
            return URIReference(scheme: base.scheme, authority: base.authority, path: base.path, query: query ?? base.query, fragment: fragment)
        }
        var merged: String
        if path.utf8.first == UInt8(ascii: "/") {
            merged = path
        } else if base.authority != nil && base.path.isEmpty {
            merged = "/" + path
        } else if let slash = base.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            merged = String(base.path[...slash]) + path
        } else {
            merged = path
        }
        merged = URIReference.removeDotSegments(merged)
        return URIReference(scheme: base.scheme, authority: base.authority, path: merged, query: query, fragment: fragment)
    }

    /// RFC 3986 §5.2.4, on the path's bytes (segments `.` and `..` exactly, never a
    /// canonically equivalent spelling).
    static func removeDotSegments(_ path: String) -> String {
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        guard path.utf8.contains(dot) else { return path }
        let bytes = Array(path.utf8)
        let absolute = bytes.first == slash
        let segments = bytes.split(separator: slash, omittingEmptySubsequences: false)
        func isDot(_ s: ArraySlice<UInt8>) -> Bool { s.count == 1 && s.first == dot }
        func isDotDot(_ s: ArraySlice<UInt8>) -> Bool { s.count == 2 && s.allSatisfy { $0 == dot } }
        let trailing = segments.last.map { isDot($0) || isDotDot($0) } ?? false
        var output: [ArraySlice<UInt8>] = []
        for (i, segment) in segments.enumerated() {
            if i == 0 && absolute { continue }
            if isDot(segment) { continue }
            if isDotDot(segment) {
                if !output.isEmpty { output.removeLast() }
                continue
            }
            output.append(segment)
        }
        var result: [UInt8] = absolute ? [slash] : []
        for (i, segment) in output.enumerated() {
            if i > 0 { result.append(slash) }
            result.append(contentsOf: segment)
        }
        if trailing && result.last != slash { result.append(slash) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Percent-decodes a URI component (used for JSON Pointer fragments).
    public static func percentDecode(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let hi = hexValue(utf8[i + 1]), let lo = hexValue(utf8[i + 2]) {
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        utf8 = bytes
        return String(decoding: utf8, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - 0x61 + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - 0x41 + 10
        default: nil
        }
    }

    /// A `file://` URI for an absolute path.
    public static func file(_ absolutePath: String) -> URIReference {
        URIReference(scheme: "file", authority: "", path: absolutePath, query: nil, fragment: nil)
    }
}

/// A string compared and hashed by its code points (its UTF-8 bytes), as JSON Schema compares
/// strings. Swift's `String` equality and hashing use canonical equivalence, under which the
/// `$id`s `http://x/\u{E9}` and `http://x/e\u{301}` (or two such patterns) would be one key.
struct CodePointKey: Hashable, Sendable {
    let bytes: [UInt8]
    init(_ string: String) { bytes = Array(string.utf8) }
}
