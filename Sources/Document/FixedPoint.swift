#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `value` with `digits` digits after the point, as C's `printf("%.*f")` writes it (and
/// Foundation's `String(format: "%.2f")`, which the modules used before): rounded half to even
/// on the binary value, `-0.00` for a small negative, `nan`/`inf` as C spells them.
package func fixedPoint(_ value: Double, digits: Int) -> String {
    let format = "%.\(max(0, min(digits, 17)))f"
    func write(capacity: Int) -> (text: [CChar], needed: Int) {
        var buffer = [CChar](repeating: 0, count: capacity)
        let needed = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { Int(vsnprintf($0.baseAddress, capacity, format, arguments)) }
        }
        return (buffer, needed)
    }
    var (buffer, needed) = write(capacity: 64)
    if needed >= 64 { buffer = write(capacity: needed + 1).text }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// A non-negative number with at least two digits (`printf("%02d")`).
package func twoDigits(_ value: Int) -> String {
    value >= 0 && value < 10 ? "0\(value)" : "\(value)"
}
