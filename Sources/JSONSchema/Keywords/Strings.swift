import Document

/// `pattern`: an ECMA-262 regex, compiled once.
final class PatternCheck {
    let regex: ECMARegex
    init(_ regex: ECMARegex) { self.regex = regex }
}

/// `format`: the checker resolved at compile time, plus extra profile rules.
final class FormatCheck {
    let name: String
    let check: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool
    let rules: [FormatRule]
    init(name: String, check: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool, rules: [FormatRule]) {
        self.name = name
        self.check = check
        self.rules = rules
    }
}

/// `contentEncoding` (base64) and `contentMediaType` (application/json).
final class ContentCheck {
    let base64: Bool
    let json: Bool
    let encoding: String?
    let mediaType: String?
    init(encoding: String?, mediaType: String?) {
        self.encoding = encoding
        self.mediaType = mediaType
        base64 = encoding?.lowercased() == "base64"
        json = mediaType.map { $0.lowercased().hasPrefix("application/json") || $0.lowercased().hasSuffix("+json") } ?? false
    }
}

extension Evaluator {
    /// `minLength` / `maxLength`, counted in Unicode code points.
    mutating func checkLength(_ n: Int, isMin: Bool, _ schema: SchemaNode, _ i: Int) -> Bool {
        guard nodes[i].kind == ValueKind.string.rawValue else { return true }
        let bytes = bytes(i)
        // Fast bounds: byte length ≥ code points ≥ byte length / 4.
        if isMin {
            if bytes.count / 4 >= n { return true }
        } else if bytes.count <= n {
            return true
        }
        var length = 0
        for byte in bytes where byte & 0xC0 != 0x80 { length += 1 }
        let ok = isMin ? length >= n : length <= n
        if !ok && collect {
            let keyword = isMin ? "minLength" : "maxLength"
            record(schema, [keyword], keyword, i,
                   "\(describe(i)) is \(length) character\(length == 1 ? "" : "s") long, \(isMin ? "shorter than the minimum" : "longer than the maximum") of \(countText(n))")
        }
        return ok
    }

    mutating func checkPattern(_ p: PatternCheck, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        guard nodes[i].kind == ValueKind.string.rawValue else { return true }
        let ok: Bool
        do {
            ok = try p.regex.matches(utf8: bytes(i))
        } catch {
            throw ValidationLimitError(message: "pattern \(ValueDescription.quote(p.regex.pattern)) needs more than the regex budget of \(budgetSteps(error)) steps to match \(describe(i)) (hostile regex?); raise it with --regex-budget")
        }
        if !ok && collect {
            record(schema, ["pattern"], "pattern", i, "\(describe(i)) does not match the pattern \(p.regex.pattern)")
        }
        return ok
    }

    /// The budget a regex match ran out of, for messages.
    func budgetSteps(_ error: ECMARegexError) -> Int {
        if case .budgetExceeded(_, let steps) = error { return steps }
        return 0
    }

    mutating func checkFormat(_ f: FormatCheck, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        guard nodes[i].kind == ValueKind.string.rawValue else { return true }
        let bytes = bytes(i)
        if !f.check(bytes) {
            if collect { record(schema, ["format"], "format", i, "\(describe(i)) is not a valid \(f.name)") }
            return false
        }
        for rule in f.rules {
            if let message = rule.check(bytes) {
                if collect { record(schema, ["format"], "format", i, message, rule: rule.name) }
                return false
            }
        }
        return true
    }

    mutating func checkContent(_ c: ContentCheck, _ schema: SchemaNode, _ i: Int) -> Bool {
        guard nodes[i].kind == ValueKind.string.rawValue else { return true }
        var bytes = Array(bytes(i))
        if c.base64 {
            guard let decoded = Base64.decode(bytes) else {
                if collect { record(schema, ["contentEncoding"], "contentEncoding", i, "\(describe(i)) is not valid base64") }
                return false
            }
            bytes = decoded
        }
        if c.json {
            var limits = ReaderLimits()
            limits.maxDepth = 200
            if (try? JSONReader.parse(bytes, name: "content", limits: limits)) == nil {
                if collect { record(schema, ["contentMediaType"], "contentMediaType", i, "\(describe(i)) is not a valid \(c.mediaType ?? "JSON") document") }
                return false
            }
        }
        return true
    }
}

/// RFC 4648 base64 decoding (strict alphabet, padding required when present).
enum Base64 {
    static func decode(_ input: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var padding = 0
        for c in input {
            let v: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - 48 + 52)
            case UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "/"): v = 63
            case UInt8(ascii: "="): padding += 1; continue
            case 0x0A, 0x0D: continue
            default: return nil
            }
            if padding > 0 { return nil }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        if padding > 2 { return nil }
        return out
    }
}

extension Evaluator {
    /// A `minLength`-style limit for messages: the number, or for a schema value beyond
    /// 18 digits (`1e400`) words that say so (the limit is held as `Int.max`).
    func countText(_ n: Int) -> String {
        n == Int.max ? "the schema's value (a number with more than 18 digits)" : String(n)
    }
}
