import Document
import EngineTestSupport
import Foundation
import Mock
import XCTest

/// `MockEngine.decodeContent`: the private copy of an upstream's body the proxy checks.
final class MockContentDecodingTests: XCTestCase {
    let json = Array(#"{"id":7}"#.utf8)

    func decode(_ body: [UInt8], _ encodings: String...) -> Result<[UInt8], MockEngine.ContentDecodingError> {
        MockEngine.decodeContent(body, headers: [("Content-Type", "application/json")] + encodings.map { ("Content-Encoding", $0) })
    }

    func testCodingsAreUndone() throws {
        XCTAssertEqual(try decode(json).get(), json, "no Content-Encoding")
        XCTAssertEqual(try decode(json, "identity").get(), json)
        XCTAssertEqual(try decode(StoredDeflate.gzip(json), "gzip").get(), json)
        XCTAssertEqual(try decode(StoredDeflate.gzip(json), "X-GZIP").get(), json)
        XCTAssertEqual(try decode(StoredDeflate.zlib(json), "deflate").get(), json, "deflate as RFC 9110 means it: zlib")
        XCTAssertEqual(try decode(StoredDeflate.raw(json), "deflate").get(), json, "raw deflate, as some servers send it")
        // Applied in order, undone in reverse: gzip of deflate, in one field or two.
        XCTAssertEqual(try decode(StoredDeflate.gzip(StoredDeflate.zlib(json)), "deflate, gzip").get(), json)
        XCTAssertEqual(try decode(StoredDeflate.gzip(StoredDeflate.zlib(json)), "deflate", "gzip").get(), json)
    }

    func testUnknownCodingAndCorruptDataAreReported() {
        guard case .failure(let unknown) = decode(json, "br") else { return XCTFail("br decoded") }
        XCTAssertEqual(unknown.message, "the upstream's body has Content-Encoding br, which the proxy cannot decode")
        guard case .failure(let corrupt) = decode(Array(StoredDeflate.gzip(json).dropLast(6)), "gzip") else { return XCTFail("truncated gzip decoded") }
        XCTAssertTrue(corrupt.message.hasPrefix("the upstream's body (Content-Encoding gzip) does not decode: "), corrupt.message)
    }

    func testDecodedSizeIsLimited() {
        var limits = ReaderLimits()
        limits.maxBytes = 4
        guard case .failure(let error) = MockEngine.decodeContent(StoredDeflate.gzip(json), headers: [("Content-Encoding", "gzip")], limits: limits) else {
            return XCTFail("decoded past the limit")
        }
        XCTAssertTrue(error.message.contains("more than the limit of 4 bytes"), error.message)
    }
}
