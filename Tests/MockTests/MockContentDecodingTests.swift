import Document
import Foundation
import Mock
import XCTest

/// `MockEngine.decodeContent`: the private copy of an upstream's body the proxy checks.
final class MockContentDecodingTests: XCTestCase {
    /// One stored (uncompressed) deflate block: what a compressor writes for incompressible data.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        let length = UInt16(data.count)
        return [1, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + data
    }

    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        let adler = b << 16 | a
        return [0x78, 0x01] + stored(data) + [24, 16, 8, 0].map { UInt8((adler >> $0) & 0xFF) }
    }

    static func gzip(_ data: [UInt8]) -> [UInt8] {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        crc = ~crc
        let size = UInt32(data.count)
        return [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + stored(data)
            + [0, 8, 16, 24].map { UInt8((crc >> $0) & 0xFF) } + [0, 8, 16, 24].map { UInt8((size >> $0) & 0xFF) }
    }

    let json = Array(#"{"id":7}"#.utf8)

    func decode(_ body: [UInt8], _ encodings: String...) -> Result<[UInt8], MockEngine.ContentDecodingError> {
        MockEngine.decodeContent(body, headers: [("Content-Type", "application/json")] + encodings.map { ("Content-Encoding", $0) })
    }

    func testCodingsAreUndone() throws {
        XCTAssertEqual(try decode(json).get(), json, "no Content-Encoding")
        XCTAssertEqual(try decode(json, "identity").get(), json)
        XCTAssertEqual(try decode(Self.gzip(json), "gzip").get(), json)
        XCTAssertEqual(try decode(Self.gzip(json), "X-GZIP").get(), json)
        XCTAssertEqual(try decode(Self.zlib(json), "deflate").get(), json, "deflate as RFC 9110 means it: zlib")
        XCTAssertEqual(try decode(Self.stored(json), "deflate").get(), json, "raw deflate, as some servers send it")
        // Applied in order, undone in reverse: gzip of deflate, in one field or two.
        XCTAssertEqual(try decode(Self.gzip(Self.zlib(json)), "deflate, gzip").get(), json)
        XCTAssertEqual(try decode(Self.gzip(Self.zlib(json)), "deflate", "gzip").get(), json)
    }

    func testUnknownCodingAndCorruptDataAreReported() {
        guard case .failure(let unknown) = decode(json, "br") else { return XCTFail("br decoded") }
        XCTAssertEqual(unknown.message, "the upstream's body has Content-Encoding br, which the proxy cannot decode")
        guard case .failure(let corrupt) = decode(Array(Self.gzip(json).dropLast(6)), "gzip") else { return XCTFail("truncated gzip decoded") }
        XCTAssertTrue(corrupt.message.hasPrefix("the upstream's body (Content-Encoding gzip) does not decode: "), corrupt.message)
    }

    func testDecodedSizeIsLimited() {
        var limits = ReaderLimits()
        limits.maxBytes = 4
        guard case .failure(let error) = MockEngine.decodeContent(Self.gzip(json), headers: [("Content-Encoding", "gzip")], limits: limits) else {
            return XCTFail("decoded past the limit")
        }
        XCTAssertTrue(error.message.contains("more than the limit of 4 bytes"), error.message)
    }
}
