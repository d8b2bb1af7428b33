import Document
import JSONSchema

/// The JSONPath subset Spectral rulesets use in `given`: `$`, `.key`, `['key']`, `[*]`, `.*`,
/// `[n]`, `['a','b']`, `..` (recursive descent) and filters `[?(@.key == 'x' && !@.other)]` with
/// `@`, `@.a.b`, `@['a']`, `@property`, literals, `== != === !== < <= > >=`, `&& || !` and
/// parentheses.
public struct JSONPath: Sendable, CustomStringConvertible {
    enum Segment: Sendable {
        case names([String])
        case wildcard
        case index(Int)
        case descendants
        case filter(FilterExpression)
    }

    indirect enum FilterExpression: Sendable {
        case operand(Operand)
        case compare(Operand, String, Operand)
        case not(FilterExpression)
        case and(FilterExpression, FilterExpression)
        case or(FilterExpression, FilterExpression)
    }

    enum Operand: Sendable {
        /// `@` followed by member names.
        case current([String])
        case property
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// A node a path reaches: the value and, when reached as an object member, its key.
    public struct Match {
        public var value: Value
        public var key: Value?
        /// The member name or array index the node was reached by (nil for the root).
        public var property: String?
    }

    public let text: String
    let segments: [Segment]

    public var description: String { text }

    /// Parses a path; the error says what is not understood.
    public init(_ text: String) throws(CustomRuleError) {
        self.text = text
        var parser = PathParser(Array(text.unicodeScalars))
        segments = try parser.parse()
    }

    /// The nodes of `root` the path selects, in document order, each once.
    public func evaluate(_ root: Value) -> [Match] {
        var nodes = [Match(value: root, key: nil, property: nil)]
        for segment in segments {
            var next: [Match] = []
            switch segment {
            case .names(let names):
                for node in nodes {
                    if node.value.kind == .object {
                        for name in names { if let member = node.value.member(name) { next.append(Match(value: member.value, key: member.key, property: name)) } }
                    } else if node.value.kind == .array {
                        for name in names { if let i = Int(name), let element = node.value[i] { next.append(Match(value: element, key: nil, property: name)) } }
                    }
                }
            case .wildcard:
                for node in nodes { next += JSONPath.children(node.value) }
            case .index(let i):
                for node in nodes where node.value.kind == .array {
                    let index = i < 0 ? node.value.count + i : i
                    if index >= 0, let element = node.value[index] { next.append(Match(value: element, key: nil, property: String(index))) }
                }
            case .descendants:
                var seen: Set<Int> = []
                for node in nodes {
                    var stack = [node]
                    while let current = stack.popLast() {
                        guard seen.insert(current.value.index).inserted else { continue }
                        next.append(current)
                        stack += JSONPath.children(current.value).reversed()
                    }
                }
            case .filter(let expression):
                for node in nodes {
                    for child in JSONPath.children(node.value) where JSONPath.test(expression, child) { next.append(child) }
                }
            }
            nodes = next
        }
        var seen: Set<Int> = []
        return nodes.filter { seen.insert($0.value.index).inserted }
    }

    static func children(_ value: Value) -> [Match] {
        switch value.kind {
        case .object: return value.members.map { Match(value: $0.value, key: $0.key, property: $0.name) }
        case .array: return value.elements.enumerated().map { Match(value: $0.element, key: nil, property: String($0.offset)) }
        default: return []
        }
    }

    /// What an operand stands for: a document value, or a literal.
    enum Resolved {
        case value(Value?)
        case literal(Operand)
    }

    static func resolve(_ operand: Operand, _ node: Match) -> Resolved {
        switch operand {
        case .current(let names):
            var current: Value? = node.value
            for name in names {
                guard let value = current else { break }
                current = value.kind == .array ? Int(name).flatMap { value[$0] } : value[name]
            }
            return .value(current)
        case .property:
            return .literal(node.property.map { .string($0) } ?? .null)
        default:
            return .literal(operand)
        }
    }

    static func truthy(_ resolved: Resolved) -> Bool {
        switch resolved {
        case .value(let value):
            guard let value else { return false }
            switch value.kind {
            case .null, .false: return false
            case .string: return !(value.string ?? "").isEmpty
            case .number: return (value.double ?? 0) != 0
            default: return true
            }
        case .literal(let operand):
            switch operand {
            case .string(let s): return !s.isEmpty
            case .number(let n): return n != 0
            case .bool(let b): return b
            default: return false
            }
        }
    }

    /// A comparable form: strings, numbers, booleans, null; nil for absent, objects and arrays.
    enum Scalar: Equatable {
        case string(String), number(Double), bool(Bool), null
    }

    static func scalar(_ resolved: Resolved) -> Scalar? {
        switch resolved {
        case .value(let value):
            guard let value else { return nil }
            switch value.kind {
            case .string: return .string(value.string ?? "")
            case .number: return .number(value.double ?? 0)
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .null: return .null
            default: return nil
            }
        case .literal(let operand):
            switch operand {
            case .string(let s): return .string(s)
            case .number(let n): return .number(n)
            case .bool(let b): return .bool(b)
            case .null: return .null
            default: return nil
            }
        }
    }

    static func test(_ expression: FilterExpression, _ node: Match) -> Bool {
        switch expression {
        case .operand(let operand): return truthy(resolve(operand, node))
        case .not(let inner): return !test(inner, node)
        case .and(let a, let b): return test(a, node) && test(b, node)
        case .or(let a, let b): return test(a, node) || test(b, node)
        case .compare(let l, let op, let r):
            let a = scalar(resolve(l, node)), b = scalar(resolve(r, node))
            switch op {
            case "==", "===": return a == b && a != nil
            case "!=", "!==": return a != b
            default:
                switch (a, b) {
                case (.number(let x)?, .number(let y)?): return compare(x, op, y)
                case (.string(let x)?, .string(let y)?): return compare(x, op, y)
                default: return false
                }
            }
        }
    }

    static func compare<T: Comparable>(_ a: T, _ op: String, _ b: T) -> Bool {
        switch op {
        case "<": a < b
        case "<=": a <= b
        case ">": a > b
        case ">=": a >= b
        default: false
        }
    }
}

/// Parses JSONPath text into segments.
struct PathParser {
    let chars: [Unicode.Scalar]
    var i = 0

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }

    func fail(_ message: String) -> CustomRuleError {
        CustomRuleError(message: "JSONPath \(String(String.UnicodeScalarView(chars))): \(message) at character \(i + 1)")
    }

    mutating func skipSpaces() { while let c = peek, c == " " { i += 1 } }

    mutating func parse() throws(CustomRuleError) -> [JSONPath.Segment] {
        guard peek == "$" else { throw fail("a path starts with $") }
        i += 1
        var segments: [JSONPath.Segment] = []
        while let c = peek {
            if c == "." {
                i += 1
                if peek == "." {
                    i += 1
                    segments.append(.descendants)
                    if peek == "[" { continue }
                }
                if peek == "*" { i += 1; segments.append(.wildcard); continue }
                let name = identifier()
                guard !name.isEmpty else { throw fail("expected a member name after .") }
                segments.append(.names([name]))
            } else if c == "[" {
                i += 1
                skipSpaces()
                if peek == "*" {
                    i += 1; skipSpaces()
                    try expect("]")
                    segments.append(.wildcard)
                } else if peek == "?" {
                    i += 1; skipSpaces()
                    try expect("(")
                    let expression = try orExpression()
                    skipSpaces()
                    try expect(")"); skipSpaces()
                    try expect("]")
                    segments.append(.filter(expression))
                } else if let d = peek, d == "-" || d.properties.numericType != nil {
                    let number = numberText()
                    guard let n = Int(number) else { throw fail("expected an index") }
                    skipSpaces()
                    try expect("]")
                    segments.append(.index(n))
                } else {
                    var names: [String] = []
                    repeat {
                        skipSpaces()
                        if peek == "'" || peek == "\"" { names.append(try quoted()) } else {
                            let name = identifier()
                            guard !name.isEmpty else { throw fail("expected a quoted name, *, an index or a ?() filter in []") }
                            names.append(name)
                        }
                        skipSpaces()
                        if peek == "," { i += 1; continue }
                        break
                    } while true
                    try expect("]")
                    segments.append(.names(names))
                }
            } else {
                throw fail("unexpected \"\(c)\"")
            }
        }
        if case .descendants? = segments.last { segments.append(.wildcard) }
        return segments
    }

    mutating func expect(_ c: Unicode.Scalar) throws(CustomRuleError) {
        guard peek == c else { throw fail("expected \"\(c)\"") }
        i += 1
    }

    mutating func identifier() -> String {
        var out = ""
        while let c = peek, c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-" || c == "$" {
            out.unicodeScalars.append(c); i += 1
        }
        return out
    }

    mutating func numberText() -> String {
        var out = ""
        while let c = peek, c == "-" || c == "." || c.properties.numericType != nil { out.unicodeScalars.append(c); i += 1 }
        return out
    }

    mutating func quoted() throws(CustomRuleError) -> String {
        guard let q = peek else { throw fail("expected a quote") }
        i += 1
        var out = ""
        while let c = peek, c != q {
            if c == "\\", i + 1 < chars.count { i += 1; out.unicodeScalars.append(chars[i]); i += 1; continue }
            out.unicodeScalars.append(c); i += 1
        }
        try expect(q)
        return out
    }

    mutating func orExpression() throws(CustomRuleError) -> JSONPath.FilterExpression {
        var left = try andExpression()
        while true {
            skipSpaces()
            guard peek == "|", i + 1 < chars.count, chars[i + 1] == "|" else { return left }
            i += 2
            left = .or(left, try andExpression())
        }
    }

    mutating func andExpression() throws(CustomRuleError) -> JSONPath.FilterExpression {
        var left = try unary()
        while true {
            skipSpaces()
            guard peek == "&", i + 1 < chars.count, chars[i + 1] == "&" else { return left }
            i += 2
            left = .and(left, try unary())
        }
    }

    mutating func unary() throws(CustomRuleError) -> JSONPath.FilterExpression {
        skipSpaces()
        if peek == "!", !(i + 1 < chars.count && chars[i + 1] == "=") {
            i += 1
            return .not(try unary())
        }
        if peek == "(" {
            i += 1
            let inner = try orExpression()
            skipSpaces()
            try expect(")")
            return inner
        }
        let left = try operand()
        skipSpaces()
        for op in ["===", "!==", "==", "!=", "<=", ">=", "<", ">"] where matches(op) {
            i += op.unicodeScalars.count
            return .compare(left, op, try operand())
        }
        return .operand(left)
    }

    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard i + scalars.count <= chars.count else { return false }
        return Array(chars[i..<(i + scalars.count)]) == scalars
    }

    mutating func operand() throws(CustomRuleError) -> JSONPath.Operand {
        skipSpaces()
        guard let c = peek else { throw fail("expected a value") }
        if c == "@" {
            if matches("@property") { i += 9; return .property }
            i += 1
            var names: [String] = []
            while true {
                if peek == "." {
                    i += 1
                    let name = identifier()
                    guard !name.isEmpty else { throw fail("expected a member name after @.") }
                    if peek == "(" { throw fail("method calls such as .\(name)() are JavaScript, which crrspec does not run") }
                    names.append(name)
                } else if peek == "[" {
                    i += 1; skipSpaces()
                    if peek == "'" || peek == "\"" { names.append(try quoted()) } else { names.append(numberText()) }
                    skipSpaces()
                    try expect("]")
                } else {
                    break
                }
            }
            return .current(names)
        }
        if c == "'" || c == "\"" { return .string(try quoted()) }
        if c == "-" || c.properties.numericType != nil {
            guard let n = Double(numberText()) else { throw fail("expected a number") }
            return .number(n)
        }
        let word = identifier()
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "undefined": return .null
        default: throw fail(word.isEmpty ? "unexpected \"\(c)\"" : "unknown word \"\(word)\" (filters compare @ values with quoted strings, numbers, true, false or null)")
        }
    }
}
