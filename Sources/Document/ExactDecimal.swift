/// A decimal number held exactly: `digits × 10^exponent`, with a sign.
///
/// JSON numbers are decimal; binary doubles get questions such as "is 19.99 a
/// multiple of 0.01?" wrong. crrspec decides `multipleOf`, `minimum` and friends on
/// this exact form whenever the double alone cannot.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Decimal digits 0...9, most significant first, with no leading or trailing zeros (empty for zero).
    public private(set) var digits: [UInt8]
    public private(set) var exponent: Int
    public private(set) var isNegative: Bool

    public static let zero = ExactDecimal(digits: [], exponent: 0, isNegative: false)

    init(digits: [UInt8], exponent: Int, isNegative: Bool) {
        var digits = digits
        var exponent = exponent
        var start = 0
        while start < digits.count, digits[start] == 0 { start += 1 }
        if start > 0 { digits.removeFirst(start) }
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty {
            self.digits = []
            self.exponent = 0
            self.isNegative = false
        } else {
            self.digits = digits
            self.exponent = exponent
            self.isNegative = isNegative
        }
    }

    /// Parses JSON number syntax (leading `+` and a bare `.5`/`5.` are tolerated). Nil when it is not a number.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        var negative = false
        if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var sawDigit = false
        while i < n, text[i] &- 0x30 < 10 {
            digits.append(text[i] - 0x30); i += 1; sawDigit = true
        }
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, text[i] &- 0x30 < 10 {
                digits.append(text[i] - 0x30); i += 1; fractionDigits += 1; sawDigit = true
            }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < n, text[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                expNegative = text[i] == UInt8(ascii: "-"); i += 1
            }
            var sawExp = false
            while i < n, text[i] &- 0x30 < 10 {
                // Saturate absurd exponents instead of overflowing.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(text[i] - 0x30) }
                i += 1; sawExp = true
            }
            guard sawExp else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == n else { return nil }
        self.init(digits: digits, exponent: exponent - fractionDigits, isNegative: negative)
    }

    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ ExactDecimal(utf8: $0) }) else { return nil }
        self = value
    }

    /// The exact value of a finite double's shortest round-trip text (nil for NaN and infinities).
    public init?(_ double: Double) {
        guard double.isFinite else { return nil }
        self.init("\(double)")
    }

    public init(_ integer: Int) {
        self.init("\(integer)")!
    }

    public var isZero: Bool { digits.isEmpty }

    /// Whether the value is an integer (`1.0` and `1e2` are).
    public var isInteger: Bool { exponent >= 0 }

    /// Position of the most significant digit: value is in [10^(m-1), 10^m).
    var magnitude: Int { digits.count + exponent }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = compareMagnitude(lhs, rhs) < 0
        let magnitudeGreater = compareMagnitude(lhs, rhs) > 0
        return lhs.isNegative ? magnitudeGreater : magnitudeLess
    }

    /// -1, 0, 1 comparing absolute values.
    static func compareMagnitude(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.isZero || b.isZero { return a.isZero ? (b.isZero ? 0 : -1) : 1 }
        if a.magnitude != b.magnitude { return a.magnitude < b.magnitude ? -1 : 1 }
        let n = max(a.digits.count, b.digits.count)
        for i in 0..<n {
            let x = i < a.digits.count ? a.digits[i] : 0
            let y = i < b.digits.count ? b.digits[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self / divisor` is an integer. `divisor` must be positive.
    public func isMultiple(of divisor: ExactDecimal) -> Bool {
        if isZero { return true }
        guard !divisor.isZero else { return false }
        // self = x * 10^xe, divisor = m * 10^me, with x and m free of trailing zeros.
        if exponent < divisor.exponent {
            // x / (m * 10^k) with x not divisible by 10: never an integer.
            return false
        }
        let k = exponent - divisor.exponent
        if divisor.digits.count <= 18 {
            var m: UInt64 = 0
            for d in divisor.digits { m = m * 10 + UInt64(d) }
            if m == 1 { return true }
            var r: UInt64 = 0
            for d in digits { r = (r * 10 + UInt64(d)) % m }
            if r == 0 { return true }
            // r * 10^k mod m
            var base: UInt64 = 10 % m
            var e = k
            var acc = r
            while e > 0 {
                if e & 1 == 1 { acc = ExactDecimal.mulMod(acc, base, m) }
                base = ExactDecimal.mulMod(base, base, m)
                e >>= 1
            }
            return acc == 0
        }
        // Very long divisors: long division on digit arrays. Write m = 2^a × 5^b × c with c
        // coprime to 10: m divides x × 10^k exactly when c divides x and 2^a, 5^b divide
        // x × 10^k, and once k ≥ max(a, b) more zeros change nothing. a, b ≤ log2(m) <
        // 4 × (digits of m), so appending at most that many zeros gives the exact answer
        // (appending k of them, with k up to a billion, would never end).
        let zeros = min(k, 4 * divisor.digits.count + 4)
        var dividend = digits
        dividend.append(contentsOf: repeatElement(0, count: zeros))
        return ExactDecimal.bigRemainderIsZero(dividend, divisor.digits)
    }

    static func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((product.high, product.low)).remainder
    }

    /// Schoolbook remainder of two digit strings.
    static func bigRemainderIsZero(_ dividend: [UInt8], _ divisor: [UInt8]) -> Bool {
        var remainder: [UInt8] = []
        func lessThanDivisor(_ r: [UInt8]) -> Bool {
            if r.count != divisor.count { return r.count < divisor.count }
            for (x, y) in zip(r, divisor) where x != y { return x < y }
            return false
        }
        func subtractDivisor(_ r: inout [UInt8]) {
            var borrow = 0
            var i = r.count - 1
            var j = divisor.count - 1
            while i >= 0 {
                var d = Int(r[i]) - borrow - (j >= 0 ? Int(divisor[j]) : 0)
                if d < 0 { d += 10; borrow = 1 } else { borrow = 0 }
                r[i] = UInt8(d)
                i -= 1; j -= 1
            }
            while let first = r.first, first == 0 { r.removeFirst() }
        }
        for d in dividend {
            remainder.append(d)
            while let first = remainder.first, first == 0 { remainder.removeFirst() }
            while !lessThanDivisor(remainder) { subtractDivisor(&remainder) }
        }
        return remainder.isEmpty
    }

    /// Plain decimal text, e.g. `19.99`, `-0.0075`, `1e+400` style for very large exponents.
    public var description: String {
        if isZero { return "0" }
        var out = isNegative ? "-" : ""
        let text = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        if exponent >= 0 {
            if exponent > 30 { return out + text + "e" + String(exponent) }
            out += text + String(repeating: "0", count: exponent)
        } else {
            let point = digits.count + exponent
            if point > 0 {
                let idx = text.index(text.startIndex, offsetBy: point)
                out += text[..<idx] + "." + text[idx...]
            } else if point > -30 {
                out += "0." + String(repeating: "0", count: -point) + text
            } else {
                return out + text + "e" + String(exponent)
            }
        }
        return out
    }
}
