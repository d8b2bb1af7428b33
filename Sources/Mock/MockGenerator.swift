import Document
import OpenAPI
import Reporting

/// A small deterministic random number generator (SplitMix64): the same seed gives the same
/// bodies on every machine.
struct MockRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in `0..<bound` (0 for an empty range).
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// A stable seed from text (FNV-1a), so each operation has its own sequence.
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

/// Writes a spec value (an example) as JSON text.
enum MockJSON {
    static func write(_ value: Value, _ w: inout JSONWriter) {
        switch value.kind {
        case .null: w.null()
        case .true: w.bool(true)
        case .false: w.bool(false)
        case .number: w.raw(value.numberText ?? "0")
        case .string: w.string(value.string ?? "")
        case .array:
            w.beginArray(); for e in value.elements { write(e, &w) }; w.endArray()
        case .object:
            w.beginObject(); for m in value.members { w.key(m.name); write(m.value, &w) }; w.endObject()
        }
    }

    static func text(_ value: Value) -> String {
        var w = JSONWriter()
        write(value, &w)
        return w.output
    }
}

/// Generates a JSON value from a schema: every property, the smallest arrays the schema
/// allows (at least one item), enum values, formats and — where the pattern is simple enough —
/// strings that match `pattern`. Date-times have no fractional seconds (the CRR rule).
struct MockGenerator {
    let spec: OpenAPISpec
    var random: MockRandom
    /// Use the `example` of nested schemas (off for the second try, after an example failed).
    var useExamples: Bool
    /// Generating a response (skips `writeOnly`) or a request (skips `readOnly`).
    var forResponse = true
    var maxDepth = 12
    /// The nested schema examples used, by the JSON Pointer of the place they fill.
    var usedExamples: [(pointer: String, example: Value)] = []

    init(spec: OpenAPISpec, seed: UInt64, useExamples: Bool) {
        self.spec = spec
        self.random = MockRandom(seed: seed)
        self.useExamples = useExamples
    }

    mutating func text(_ schema: Value?) -> String {
        var w = JSONWriter()
        if let schema { generate(schema, &w, depth: 0, at: "") } else { w.beginObject(); w.endObject() }
        return w.output
    }

    func resolve(_ value: Value) -> Value { (try? spec.resolve(value)) ?? value }

    /// The schema with `allOf` branches merged into one view: properties, required, type.
    struct Merged {
        var type: String?
        var properties: [(String, Value)] = []
        var required: Set<String> = []
        var schema: Value
    }

    func merge(_ schema: Value, depth: Int = 0) -> Merged {
        var merged = Merged(type: schema["type"]?.string, schema: schema)
        for m in schema["properties"]?.members.map({ $0 }) ?? [] where !merged.properties.contains(where: { $0.0 == m.name }) {
            merged.properties.append((m.name, m.value))
        }
        for r in schema["required"]?.elements.compactMap(\.string) ?? [] { merged.required.insert(r) }
        guard depth < 8 else { return merged }
        var branches = schema["allOf"]?.elements.map { $0 } ?? []
        if let first = (schema["oneOf"] ?? schema["anyOf"])?[0] { branches.append(first) }
        for branch in branches {
            let sub = merge(resolve(branch), depth: depth + 1)
            if merged.type == nil { merged.type = sub.type }
            for p in sub.properties where !merged.properties.contains(where: { $0.0 == p.0 }) { merged.properties.append(p) }
            merged.required.formUnion(sub.required)
        }
        return merged
    }

    mutating func generate(_ raw: Value, _ w: inout JSONWriter, depth: Int, at pointer: String) {
        let schema = resolve(raw)
        guard schema.kind == .object else { w.null(); return }
        if let constant = schema["const"] { MockJSON.write(constant, &w); return }
        if let values = schema["enum"], values.count > 0 {
            MockJSON.write(values[random.below(values.count)]!, &w); return
        }
        if useExamples, depth > 0, let example = schema["example"] {
            usedExamples.append((pointer, example))
            MockJSON.write(example, &w)
            return
        }
        let merged = merge(schema)
        if let constant = merged.schema["const"] { MockJSON.write(constant, &w); return }
        var type = merged.type
        if type == nil { type = !merged.properties.isEmpty ? "object" : (schema["items"] != nil ? "array" : "string") }
        switch type {
        case "object":
            w.beginObject()
            for (name, sub) in merged.properties {
                let resolved = resolve(sub)
                if forResponse, resolved["writeOnly"]?.bool == true { continue }
                if !forResponse, resolved["readOnly"]?.bool == true { continue }
                if depth >= maxDepth && !merged.required.contains(name) { continue }
                w.key(name)
                generate(sub, &w, depth: depth + 1, at: pointer + "/" + MockGenerator.escape(name))
            }
            // A required name without a property schema (the published TOR spec requires
            // conversionApprovalWindow but declares ConversionApprovalWindow): the value comes
            // from additionalProperties, or is a string.
            for name in merged.required.sorted() where !merged.properties.contains(where: { $0.0 == name }) {
                w.key(name)
                if let extra = merged.schema["additionalProperties"], extra.kind == .object {
                    generate(extra, &w, depth: depth + 1, at: pointer + "/" + MockGenerator.escape(name))
                } else {
                    w.string("text")
                }
            }
            w.endObject()
        case "array":
            let minItems = schema["minItems"]?.double.map(Int.init) ?? 0
            let maxItems = schema["maxItems"]?.double.map(Int.init) ?? Int.max
            let count = min(max(minItems, depth >= maxDepth ? minItems : 1), maxItems)
            w.beginArray()
            for i in 0..<count {
                if let items = schema["items"] { generate(items, &w, depth: depth + 1, at: pointer + "/\(i)") } else { w.string("item") }
            }
            w.endArray()
        case "integer", "number":
            w.raw(number(schema, integer: type == "integer"))
        case "boolean":
            w.bool(random.below(2) == 1)
        default:
            w.string(string(schema))
        }
    }

    static func escape(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    mutating func number(_ schema: Value, integer: Bool) -> String {
        var low = schema["minimum"]?.double ?? 0
        var high = schema["maximum"]?.double ?? max(low, 0) + 100
        if schema["exclusiveMinimum"]?.bool == true { low += integer ? 1 : 0.5 }
        if schema["exclusiveMaximum"]?.bool == true { high -= integer ? 1 : 0.5 }
        if high < low { high = low }
        let step = schema["multipleOf"]?.double
        var value = low + Double(random.below(Int(min(high - low, 1_000_000)) + 1))
        if let step, step > 0 { value = (value / step).rounded(.up) * step; if value > high { value = (low / step).rounded(.up) * step } }
        value = min(max(value, low), high)
        if integer || value == value.rounded() {
            let rounded = integer ? value.rounded(.up) : value
            if abs(rounded) < 1e15 { return String(Int(rounded)) }
        }
        return String(value)
    }

    mutating func string(_ schema: Value) -> String {
        let minLength = schema["minLength"]?.double.map(Int.init) ?? 0
        let maxLength = schema["maxLength"]?.double.map(Int.init) ?? Int.max
        let day = 1 + random.below(28), hour = random.below(24)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch schema["format"]?.string {
        case "date-time": return "2024-\(two(1 + random.below(12)))-\(two(day))T\(two(hour)):00:00Z"
        case "date": return "2024-\(two(1 + random.below(12)))-\(two(day))"
        case "time": return "\(two(hour)):00:00Z"
        case "email": return "participant@example.com"
        case "uuid": return "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        case "uri", "uri-reference", "url": return "https://example.com/crr"
        case "ipv4": return "192.0.2.1"
        case "hostname": return "example.com"
        default: break
        }
        if let pattern = schema["pattern"]?.string {
            for bias in 0..<4 {
                var generator = MockPatternGenerator(pattern: pattern, random: random, extra: bias * 2)
                if let text = generator.generate(), text.count >= minLength, text.count <= maxLength {
                    random = generator.random
                    return text
                }
            }
            if let example = schema["example"]?.string { return example }
        }
        var text = "text"
        while text.count < minLength { text += "x" }
        if text.count > maxLength { text = String(text.prefix(maxLength)) }
        return text
    }
}

/// Generates a string that matches a simple regular expression: literals, escapes (`\d`,
/// `\w`, `\s`, `\.`), classes (`[a-zA-Z0-9._-]`, negated ones), groups with `|`, anchors and
/// the quantifiers `? * + {n} {n,m}`. Returns nil for what it cannot read (back-references,
/// look-arounds).
struct MockPatternGenerator {
    let chars: [Character]
    var position = 0
    var random: MockRandom
    /// How many extra repetitions an open quantifier (`*`, `+`, `{n,}`) adds.
    let extra: Int

    init(pattern: String, random: MockRandom, extra: Int) {
        self.chars = Array(pattern)
        self.random = random
        self.extra = extra
    }

    mutating func generate() -> String? {
        guard let out = alternation(), position == chars.count else { return nil }
        return out
    }

    mutating func alternation() -> String? {
        var options: [String] = []
        guard let first = sequence() else { return nil }
        options.append(first)
        while position < chars.count, chars[position] == "|" {
            position += 1
            guard let next = sequence() else { return nil }
            options.append(next)
        }
        return options[random.below(options.count)]
    }

    mutating func sequence() -> String? {
        var out = ""
        while position < chars.count, chars[position] != "|", chars[position] != ")" {
            guard let atom = atom() else { return nil }
            guard let (low, high) = quantifier() else { return nil }
            let count = high == nil ? low + extra : min(high!, low + (extra > 0 ? 1 : 0))
            for i in 0..<count {
                // Re-draw classes per repetition for variety; groups are repeated as drawn.
                out += i == 0 ? atom.text : (atom.redraw.map { $0(&self) } ?? atom.text)
            }
        }
        return out
    }

    struct Atom {
        var text: String
        var redraw: ((inout MockPatternGenerator) -> String)?
    }

    mutating func atom() -> Atom? {
        let c = chars[position]
        position += 1
        switch c {
        case "^", "$": return Atom(text: "")
        case "(":
            if position < chars.count, chars[position] == "?" {
                // Only non-capturing groups.
                guard position + 1 < chars.count, chars[position + 1] == ":" else { return nil }
                position += 2
            }
            guard let inner = alternation(), position < chars.count, chars[position] == ")" else { return nil }
            position += 1
            return Atom(text: inner)
        case "[":
            guard let set = characterClass() else { return nil }
            return Atom(text: String(set[random.below(set.count)])) { g in String(set[g.random.below(set.count)]) }
        case ".": return Atom(text: "a")
        case "\\":
            guard position < chars.count else { return nil }
            let e = chars[position]
            position += 1
            if let set = MockPatternGenerator.escapeSet(e) {
                return Atom(text: String(set[random.below(set.count)])) { g in String(set[g.random.below(set.count)]) }
            }
            if e.isLetter || e.isNumber { return nil }
            return Atom(text: String(e))
        case "*", "+", "?", "{": return nil
        default: return Atom(text: String(c))
        }
    }

    static func escapeSet(_ e: Character) -> [Character]? {
        switch e {
        case "d": Array("0123456789")
        case "w": Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
        case "s": [" "]
        case "D", "W", "S": nil
        default: nil
        }
    }

    mutating func characterClass() -> [Character]? {
        var negated = false
        if position < chars.count, chars[position] == "^" { negated = true; position += 1 }
        var set: [Character] = []
        var first = true
        while position < chars.count, chars[position] != "]" || first {
            first = false
            var c = chars[position]
            position += 1
            if c == "\\" {
                guard position < chars.count else { return nil }
                let e = chars[position]
                position += 1
                if let s = MockPatternGenerator.escapeSet(e) { set += s; continue }
                c = e
            }
            if position + 1 < chars.count, chars[position] == "-", chars[position + 1] != "]" {
                var end = chars[position + 1]
                position += 2
                if end == "\\", position < chars.count { end = chars[position]; position += 1 }
                guard let a = c.unicodeScalars.first?.value, let b = end.unicodeScalars.first?.value, a <= b, b - a < 512 else { return nil }
                for v in a...b { if let s = Unicode.Scalar(v) { set.append(Character(s)) } }
            } else {
                set.append(c)
            }
        }
        guard position < chars.count else { return nil }
        position += 1
        if negated {
            let candidates = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            set = candidates.filter { !set.contains($0) }
        }
        return set.isEmpty ? nil : set
    }

    /// `(low, high)`; high nil for open-ended; (1, 1) without a quantifier.
    mutating func quantifier() -> (Int, Int?)? {
        guard position < chars.count else { return (1, 1) }
        var result: (Int, Int?)
        switch chars[position] {
        case "?": position += 1; result = (0, 1)
        case "*": position += 1; result = (0, nil)
        case "+": position += 1; result = (1, nil)
        case "{":
            guard let close = chars[position...].firstIndex(of: "}") else { return nil }
            let body = String(chars[(position + 1)..<close])
            position = close + 1
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard let low = Int(parts[0]) else { return nil }
            if parts.count == 1 { result = (low, low) } else if parts[1].isEmpty { result = (low, nil) } else {
                guard let high = Int(parts[1]), high >= low else { return nil }
                result = (low, high)
            }
        default:
            return (1, 1)
        }
        if position < chars.count, chars[position] == "?" || chars[position] == "+" { position += 1 }
        return result
    }
}
