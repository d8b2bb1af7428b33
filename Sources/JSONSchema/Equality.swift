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
            // Values equal by number are equal as doubles; hash the double (with -0 == 0).
            let d = value.number!.double
            hasher.combine(d == 0 ? 0 : d)
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
