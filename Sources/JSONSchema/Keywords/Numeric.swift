import Document

/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
final class NumberBound {
    enum Kind: String { case minimum, maximum, exclusiveMinimum, exclusiveMaximum }
    let kind: Kind
    /// The keyword errors are reported under: `kind`, except for a draft-04 `maximum` made
    /// exclusive by `exclusiveMaximum: true` (reported as `maximum`).
    let keyword: String
    let limit: Double
    let exact: ExactDecimal?
    let limitIsExact: Bool
    let text: String

    /// The limit is YAML's `.inf` or `-.inf` (not a JSON number: beyond every one of them).
    let limitIsInfinite: Bool

    init(kind: Kind, value: Value, keyword: String? = nil, text: String? = nil) {
        self.kind = kind
        self.keyword = keyword ?? kind.rawValue
        let number = value.number!
        limit = number.double
        exact = value.decimal
        limitIsExact = number.isExact
        limitIsInfinite = number.isNonFinite
        self.text = text ?? value.numberText ?? "\(limit)"
    }

    /// -1, 0, 1: the instance compared with the limit, exactly. YAML's `.inf` lies above
    /// every JSON number however large (`1e400` is finite though no double holds it), `-.inf`
    /// below every one; the two infinities equal only themselves.
    @inline(__always)
    func compare(_ double: Double, _ isExact: Bool, _ i: Int, _ document: Document) -> Int {
        if double < limit { return -1 }
        if double > limit { return 1 }
        if isExact && limitIsExact { return 0 }
        let instanceIsInfinite = isExact && !double.isFinite
        if instanceIsInfinite != limitIsInfinite {
            return instanceIsInfinite ? (double > 0 ? 1 : -1) : (limit > 0 ? -1 : 1)
        }
        guard let a = Value(document: document, index: i).decimal, let b = exact else { return 0 }
        return a < b ? -1 : (a == b ? 0 : 1)
    }
}

/// `multipleOf`, decided exactly on decimals (19.99 is a multiple of 0.01).
final class MultipleOfCheck {
    let divisor: ExactDecimal
    let double: Double
    let text: String
    /// divisor = mantissa × 10^exponent when the mantissa fits 18 digits.
    let mantissa: UInt64?
    let exponent: Int

    init(_ value: Value) {
        divisor = value.decimal ?? ExactDecimal(1)
        double = value.double ?? 1
        text = value.numberText ?? "\(double)"
        if divisor.digits.count <= 18 {
            var m: UInt64 = 0
            for d in divisor.digits { m = m * 10 + UInt64(d) }
            mantissa = m
        } else {
            mantissa = nil
        }
        exponent = divisor.exponent
    }

    func isMultiple(_ number: NumberValue, _ instance: Value) -> Bool {
        if number.hasSmallForm, let m = mantissa, m != 0 {
            if number.mantissa == 0 { return true }
            let xe = Int(number.exponent10)
            if xe < exponent { return false }
            if m == 1 { return true }
            var r = number.mantissa % m
            if r == 0 { return true }
            var k = xe - exponent
            var base: UInt64 = 10 % m
            while k > 0 && r != 0 {
                if k & 1 == 1 { r = mulMod(r, base, m) }
                base = mulMod(base, base, m)
                k >>= 1
            }
            return r == 0
        }
        // Exact digits decide, also beyond the double range (7e400 is a multiple of 7); YAML's
        // .inf and .nan have none and are multiples of nothing.
        guard let x = instance.decimal else { return false }
        return x.isMultiple(of: divisor)
    }

    @inline(__always)
    func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((p.high, p.low)).remainder
    }
}

extension Evaluator {
    mutating func checkBound(_ b: NumberBound, _ schema: SchemaNode, _ i: Int) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.number.rawValue else { return true }
        if document.double(i).isNaN {
            // YAML's .nan is no JSON number: it is neither inside nor outside a bound, so it never passes one.
            if collect { record(schema, [b.keyword], b.keyword, i, "NaN cannot be compared with the \(b.kind.rawValue) \(b.text)") }
            return false
        }
        let c = b.compare(document.double(i), node.flags & Node.exact != 0, i, document)
        let ok: Bool
        let phrase: String
        switch b.kind {
        case .minimum: ok = c >= 0; phrase = "less than the minimum"
        case .maximum: ok = c <= 0; phrase = "greater than the maximum"
        case .exclusiveMinimum: ok = c > 0; phrase = c == 0 ? "equal to the exclusive minimum" : "less than the exclusive minimum"
        case .exclusiveMaximum: ok = c < 0; phrase = c == 0 ? "equal to the exclusive maximum" : "greater than the exclusive maximum"
        }
        if !ok && collect {
            record(schema, [b.keyword], b.keyword, i, "\(describe(i)) is \(phrase) \(b.text)")
        }
        return ok
    }

    mutating func checkMultipleOf(_ m: MultipleOfCheck, _ schema: SchemaNode, _ i: Int) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.number.rawValue else { return true }
        if m.isMultiple(document.number(i), Value(document: document, index: i)) { return true }
        if collect {
            record(schema, ["multipleOf"], "multipleOf", i, "\(describe(i)) is not a multiple of \(m.text)")
        }
        return false
    }
}

/// The ranges of OpenAPI's `int32` and `int64` formats, as bounds (``CompileOptions/integerFormatRanges``).
struct IntegerFormatRange {
    let minimum: Value
    let maximum: Value
    let minimumText: String
    let maximumText: String

    static func named(_ name: String) -> IntegerFormatRange? {
        switch name {
        case "int32": int32
        case "int64": int64
        default: nil
        }
    }

    static let int32 = IntegerFormatRange(format: "int32", minimum: "-2147483648", maximum: "2147483647")
    static let int64 = IntegerFormatRange(format: "int64", minimum: "-9223372036854775808", maximum: "9223372036854775807")

    init(format: String, minimum: String, maximum: String) {
        // Literal integers: parsing them cannot fail.
        self.minimum = try! JSONReader.parse(string: minimum, name: format).root
        self.maximum = try! JSONReader.parse(string: maximum, name: format).root
        minimumText = "\(minimum) (the smallest \(format))"
        maximumText = "\(maximum) (the largest \(format))"
    }
}
