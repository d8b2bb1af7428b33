import Document

extension Optional where Wrapped == Value {
    /// The array's elements; empty when absent or not an array.
    var list: [Value] { self.map { Array($0.elements) } ?? [] }
    /// The object's members; empty when absent or not an object.
    var entries: [Member] { self.map { Array($0.members) } ?? [] }
    /// The strings of an array of strings (other elements skipped).
    var strings: [String] { list.compactMap(\.string) }
}

extension Value {
    /// A short JSON-ish rendering for messages.
    var brief: String {
        switch kind {
        case .string: return "\"\(string ?? "")\""
        case .number: return numberText ?? "?"
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Every value in this subtree (itself included, object keys not), in document order.
    var subtree: [Value] {
        var out: [Value] = []
        var stack = [self]
        while let value = stack.popLast() {
            out.append(value)
            switch value.kind {
            case .object: stack += value.members.map(\.value).reversed()
            case .array: stack += value.elements.reversed()
            default: break
            }
        }
        return out
    }
}

/// Error-code-shaped tokens: three or four capital letters then four digits.
enum CodeScanner {
    /// Each code-shaped word in `text` with its UTF-8 offset.
    static func codes(in text: String) -> [(code: String, offset: Int)] {
        let bytes = Array(text.utf8)
        var out: [(String, Int)] = []
        var i = 0
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isWord(_ b: UInt8) -> Bool { isUpper(b) || isDigit(b) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        while i < bytes.count {
            if isUpper(bytes[i]), i == 0 || !isWord(bytes[i - 1]) {
                var j = i
                while j < bytes.count, isUpper(bytes[j]) { j += 1 }
                let letters = j - i
                var k = j
                while k < bytes.count, isDigit(bytes[k]) { k += 1 }
                if (3...4).contains(letters), k - j == 4, k == bytes.count || !isWord(bytes[k]) {
                    out.append((String(decoding: bytes[i..<k], as: UTF8.self), i))
                }
                i = max(k, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    /// `XXX0000`, the placeholder the published specs use as an example.
    static func isPlaceholder(_ code: String) -> Bool {
        code.allSatisfy { $0 == "X" || $0 == "0" }
    }

    static func isWellFormed(_ code: String) -> Bool {
        let letters = code.prefix { $0.isASCII && $0.isUppercase }
        let digits = code.dropFirst(letters.count)
        return (3...4).contains(letters.count) && digits.count == 4 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
