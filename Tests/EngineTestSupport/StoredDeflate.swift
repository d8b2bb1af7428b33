/// Deflate data in stored blocks (no compression), wrapped as zlib or gzip: compressed bodies
/// for tests without a compressor.
public enum StoredDeflate {
    public static func raw(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var chunks = stride(from: 0, to: max(data.count, 1), by: 65535).map { Array(data[$0..<min($0 + 65535, data.count)]) }
        if chunks.isEmpty { chunks = [[]] }
        for (i, chunk) in chunks.enumerated() {
            let length = UInt16(chunk.count)
            out.append(i == chunks.count - 1 ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += chunk
        }
        return out
    }

    public static func gzip(_ data: [UInt8]) -> [UInt8] {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        crc = ~crc
        let size = UInt32(truncatingIfNeeded: data.count)
        return [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + raw(data)
            + [0, 8, 16, 24].map { UInt8((crc >> $0) & 0xFF) } + [0, 8, 16, 24].map { UInt8((size >> $0) & 0xFF) }
    }

    public static func zlib(_ data: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        let adler = b << 16 | a
        return [0x78, 0x01] + raw(data) + [24, 16, 8, 0].map { UInt8((adler >> $0) & 0xFF) }
    }
}
