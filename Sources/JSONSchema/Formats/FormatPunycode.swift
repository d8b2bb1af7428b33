// Punycode (RFC 3492), used to decode A-labels ("xn--...") and to measure the
// encoded length of U-labels.

extension FormatChecker {
    enum Punycode {
        static let base = 36
        static let tMin = 1
        static let tMax = 26
        static let skew = 38
        static let damp = 700
        static let initialBias = 72
        static let initialN = 0x80
        /// Arithmetic limit; RFC 3492 §6.4 requires detecting overflow.
        static let maxInt = Int(Int32.max)

        static func adapt(_ delta: Int, _ numPoints: Int, _ firstTime: Bool) -> Int {
            var delta = firstTime ? delta / damp : delta / 2
            delta += delta / numPoints
            var k = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                k += base
            }
            return k + (base - tMin + 1) * delta / (delta + skew)
        }

        @inline(__always)
        static func threshold(_ k: Int, _ bias: Int) -> Int {
            k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
        }

        /// Digit value of a basic code point (case-insensitive), or `nil`.
        static func digitValue(_ b: UInt8) -> Int? {
            switch b {
            case 0x30...0x39: return Int(b) - 0x30 + 26
            case 0x41...0x5A: return Int(b) - 0x41
            case 0x61...0x7A: return Int(b) - 0x61
            default: return nil
            }
        }

        /// Lower-case basic code point for a digit value.
        static func digitByte(_ d: Int) -> UInt8 {
            UInt8(d < 26 ? 0x61 + d : 0x30 + d - 26)
        }

        /// Decodes a Punycode string (without the ACE prefix).
        /// Returns `nil` for any malformed input.
        static func decode<C: Collection>(_ input: C) -> [UInt32]? where C.Element == UInt8 {
            let bytes = Array(input)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var output: [UInt32] = []
            var position = 0
            if let delimiter = bytes.lastIndex(of: 0x2D) {
                output = bytes[..<delimiter].map { UInt32($0) }
                position = delimiter + 1
            }
            var n = initialN
            var i = 0
            var bias = initialBias
            while position < bytes.count {
                let oldI = i
                var w = 1
                var k = base
                while true {
                    guard position < bytes.count, let digit = digitValue(bytes[position]) else { return nil }
                    position += 1
                    guard digit <= (maxInt - i) / w else { return nil }
                    i += digit * w
                    let t = threshold(k, bias)
                    if digit < t { break }
                    guard w <= maxInt / (base - t) else { return nil }
                    w *= base - t
                    k += base
                }
                let count = output.count + 1
                bias = adapt(i - oldI, count, oldI == 0)
                guard i / count <= maxInt - n else { return nil }
                n += i / count
                i %= count
                guard n <= 0x10FFFF, !(0xD800...0xDFFF).contains(n) else { return nil }
                output.insert(UInt32(n), at: i)
                i += 1
            }
            return output
        }

        /// Encodes code points as Punycode (without the ACE prefix), producing
        /// lower-case digits. Returns `nil` on arithmetic overflow.
        static func encode(_ input: [UInt32]) -> [UInt8]? {
            var output: [UInt8] = []
            for cp in input where cp < 0x80 { output.append(UInt8(cp)) }
            let basicCount = output.count
            var handled = basicCount
            if basicCount > 0 { output.append(0x2D) }
            var n = initialN
            var delta = 0
            var bias = initialBias
            while handled < input.count {
                var m = Int.max
                for cp in input where Int(cp) >= n && Int(cp) < m { m = Int(cp) }
                guard (m - n) <= (maxInt - delta) / (handled + 1) else { return nil }
                delta += (m - n) * (handled + 1)
                n = m
                for cp in input {
                    if Int(cp) < n {
                        delta += 1
                        guard delta <= maxInt else { return nil }
                    }
                    if Int(cp) == n {
                        var q = delta
                        var k = base
                        while true {
                            let t = threshold(k, bias)
                            if q < t { break }
                            output.append(digitByte(t + (q - t) % (base - t)))
                            q = (q - t) / (base - t)
                            k += base
                        }
                        output.append(digitByte(q))
                        bias = adapt(delta, handled + 1, handled == basicCount)
                        delta = 0
                        handled += 1
                    }
                }
                delta += 1
                n += 1
            }
            return output
        }
    }
}
