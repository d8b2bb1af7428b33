/// An RFC 6901 JSON Pointer, kept as its decoded reference tokens.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    public var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }

    /// Parses the string form (`""`, `/a/0`, `/a~1b`). Returns nil when it does not start with `/`
    /// or holds an invalid `~` escape.
    public init?(_ text: String) {
        if text.isEmpty { self.tokens = []; return }
        // Split on code points, not Characters: a token may start with a combining mark, which
        // forms one Character with the "/" before it.
        let scalars = text.unicodeScalars
        guard scalars.first == "/" else { return nil }
        var tokens: [String] = []
        for raw in scalars.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let c = iterator.next() {
                if c == "~" {
                    switch iterator.next() {
                    case "0": token.unicodeScalars.append("~")
                    case "1": token.unicodeScalars.append("/")
                    default: return nil
                    }
                } else {
                    token.unicodeScalars.append(c)
                }
            }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// The string form.
    public var description: String {
        var out = ""
        for token in tokens {
            out += "/"
            for c in token.unicodeScalars {
                switch c {
                case "~": out += "~0"
                case "/": out += "~1"
                default: out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// This pointer with one more token.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    public var parent: JSONPointer? { tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast())) }

    /// An array index token per RFC 6901 (`0`, or digits without a leading zero).
    public static func arrayIndex(_ token: String) -> Int? {
        let utf8 = Array(token.utf8)
        guard !utf8.isEmpty, utf8.count < 19, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if utf8.count > 1, utf8[0] == 0x30 { return nil }
        return Int(token)
    }
}
