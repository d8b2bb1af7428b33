import Document

/// JSON equality as JSON Schema defines it: numbers by mathematical value (`1 == 1.0`),
/// strings by Unicode code points (never Swift's canonical equivalence), objects by
/// their members regardless of order, arrays element by element.
public enum JSONEquality {
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        let ka = a.document.nodes[a.index].kind
        let kb = b.document.nodes[b.index].kind
        guard ka == kb else { return false }
        switch ValueKind(rawValue: ka)! {
        case .null, .true, .false:
            return true
        case .string:
            return bytesEqual(a.utf8, b.utf8)
        case .number:
            return numbersEqual(a.number!, a, b.number!, b)
        case .array:
            guard a.count == b.count else { return false }
            var ib = b.elements.makeIterator()
            for ea in a.elements {
                guard let eb = ib.next(), equal(ea, eb) else { return false }
            }
            return true
        case .object:
            guard a.count == b.count else { return false }
            if a.count > 16 {
                // Large objects: index b's members once (a lookup per member would be quadratic).
                var index: [MemberName: Value] = [:]
                index.reserveCapacity(b.count)
                for member in b.members where index[MemberName(member.key.utf8)] == nil {
                    index[MemberName(member.key.utf8)] = member.value
                }
                for member in a.members {
                    guard let other = index[MemberName(member.key.utf8)], equal(member.value, other) else { return false }
                }
                return true
            }
            for member in a.members {
                guard let other = lookup(b, member.key.utf8), equal(member.value, other) else { return false }
            }
            return true
        }
    }

    /// A member name's bytes as a dictionary key (valid while its document is alive).
    struct MemberName: Hashable {
        let bytes: UnsafeBufferPointer<UInt8>
        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
        static func == (x: MemberName, y: MemberName) -> Bool { bytesEqual(x.bytes, y.bytes) }
        func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
    }

    static func lookup(_ object: Value, _ key: UnsafeBufferPointer<UInt8>) -> Value? {
        for member in object.members where bytesEqual(member.key.utf8, key) { return member.value }
        return nil
    }

    @inline(__always)
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if a.count == 0 { return true }
        return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    static func numbersEqual(_ x: NumberValue, _ a: Value, _ y: NumberValue, _ b: Value) -> Bool {
        // Rounding is monotonic: different doubles mean different values.
        guard x.double == y.double else { return false }
        if x.isExact && y.isExact { return true }
        // YAML's .inf equals only .inf, never a JSON number that rounds to infinity (1e400).
        if x.isNonFinite || y.isNonFinite { return false }
        if x.hasSmallForm && y.hasSmallForm {
            return x.mantissa == y.mantissa && x.exponent10 == y.exponent10 && x.isNegative == y.isNegative
        }
        guard let dx = a.decimal, let dy = b.decimal else { return x.double == y.double }
        return dx == dy
    }

    /// A hash consistent with ``equal(_:_:)``.
    public static func hash(_ value: Value, into hasher: inout Hasher) {
        let node = value.document.nodes[value.index]
        hasher.combine(node.kind)
        switch ValueKind(rawValue: node.kind)! {
        case .null, .true, .false:
            break
        case .string:
            hasher.combine(bytes: UnsafeRawBufferPointer(value.utf8))
        case .number:
            hashNumber(value, into: &hasher)
        case .array:
            hasher.combine(value.count)
            for element in value.elements { hash(element, into: &hasher) }
        case .object:
            hasher.combine(value.count)
            // Order-independent: combine member hashes commutatively.
            var sum = 0
            for member in value.members {
                var h = Hasher()
                h.combine(bytes: UnsafeRawBufferPointer(member.key.utf8))
                hash(member.value, into: &h)
                sum = sum &+ h.finalize()
            }
            hasher.combine(sum)
        }
    }

    /// Hashes a number by its exact decimal value, `±mantissa × 10^exponent` with no trailing
    /// zeros, so that hashing agrees with ``equal(_:_:)`` for every number: `1e-400`, `2e-400`
    /// (both 0 as doubles) and 400-digit integers (all infinite as doubles) hash apart, and
    /// `1`, `1.0` and `10e-1` hash alike.
    static func hashNumber(_ value: Value, into hasher: inout Hasher) {
        let number = value.number!
        if number.isNonFinite {
            hasher.combine(number.double.isNaN ? 0 : number.double)
            return
        }
        if number.hasSmallForm {
            var mantissa = number.mantissa
            var exponent = Int(number.exponent10)
            while mantissa != 0 && mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }
            if mantissa == 0 { exponent = 0 }
            combineNumber(negative: number.isNegative && mantissa != 0, mantissa: mantissa, exponent: exponent, into: &hasher)
            return
        }
        guard let d = value.decimal else {
            let x = number.double
            hasher.combine(x == 0 ? 0 : x)
            return
        }
        if d.digits.count <= 18 {
            var mantissa: UInt64 = 0
            for digit in d.digits { mantissa = mantissa * 10 + UInt64(digit) }
            combineNumber(negative: d.isNegative, mantissa: mantissa, exponent: d.exponent, into: &hasher)
        } else {
            hasher.combine(d.isNegative)
            hasher.combine(d.exponent)
            d.digits.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    @inline(__always)
    static func combineNumber(negative: Bool, mantissa: UInt64, exponent: Int, into hasher: inout Hasher) {
        hasher.combine(negative)
        hasher.combine(exponent)
        hasher.combine(mantissa)
    }

    public static func hashValue(_ value: Value) -> Int {
        var hasher = Hasher()
        hash(value, into: &hasher)
        return hasher.finalize()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NumberValue {
    /// YAML's `.inf`, `-.inf` and `.nan`: held exactly as a double, but not a JSON number.
    var isNonFinite: Bool { isExact && !double.isFinite }
}
