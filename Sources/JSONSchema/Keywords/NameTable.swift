#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed hash table from byte strings (property names, enum strings) to slots 0..<count,
/// built at compile time so that each lookup during validation is one hash and one compare.
/// Names compare by bytes, i.e. by Unicode code points.
final class NameTable {
    /// How many names (slots) the table holds.
    let count: Int
    private let storage: UnsafeMutablePointer<UInt8>
    /// Per slot: start in `storage` and length (plain memory: no retains during lookup).
    private let offsets: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    /// Open addressing: slot + 1, or 0 for empty.
    private let buckets: UnsafeMutablePointer<Int32>
    private let mask: Int

    /// Duplicate names keep the first slot.
    init(_ names: [[UInt8]]) {
        count = names.count
        offsets = .allocate(capacity: max(names.count, 1))
        lengths = .allocate(capacity: max(names.count, 1))
        var total = 0
        for (slot, name) in names.enumerated() {
            offsets[slot] = total
            lengths[slot] = name.count
            total += name.count
        }
        storage = .allocate(capacity: max(total, 1))
        var position = 0
        for name in names {
            for byte in name { storage[position] = byte; position += 1 }
        }
        var size = 8
        while size < names.count * 2 { size <<= 1 }
        mask = size - 1
        buckets = .allocate(capacity: size)
        buckets.initialize(repeating: 0, count: size)
        for (slot, name) in names.enumerated() {
            let found = name.withUnsafeBufferPointer { lookup($0) }
            if found >= 0 { continue }
            var h = name.withUnsafeBufferPointer { NameTable.hash($0) } & mask
            while buckets[h] != 0 { h = (h + 1) & mask }
            buckets[h] = Int32(slot + 1)
        }
    }

    deinit {
        storage.deallocate()
        buckets.deallocate()
        offsets.deallocate()
        lengths.deallocate()
    }

    /// The name in `slot`, as text (the table keeps the bytes once, not an array per name).
    func name(_ slot: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: storage + offsets[slot], count: lengths[slot]), as: UTF8.self)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The slot of `key`, or -1.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h = NameTable.hash(key) & mask
        while true {
            let entry = Int(buckets[h])
            if entry == 0 { return -1 }
            let slot = entry - 1
            if lengths[slot] == key.count {
                if key.count == 0 { return slot }
                if memcmp(storage + offsets[slot], key.baseAddress!, key.count) == 0 { return slot }
            }
            h = (h + 1) & mask
        }
    }
}
