@testable import Document
import XCTest

final class JSONReaderTests: XCTestCase {
    func parse(_ text: String, limits: ReaderLimits = .default) throws -> Document {
        try JSONReader.parse(Array(text.utf8), name: "t.json", limits: limits)
    }

    func parseError(_ bytes: [UInt8], limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> DocumentError? {
        do {
            _ = try JSONReader.parse(bytes, name: "t.json", limits: limits)
            XCTFail("expected a parse error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> DocumentError? {
        parseError(Array(text.utf8), file: file, line: line)
    }

    func testValuesAndOrder() throws {
        let doc = try parse(#"{"b": [1, 2.5, "x", true, false, null], "a": {"c": "d"}}"#)
        XCTAssertEqual(doc.root.members.map(\.name), ["b", "a"])
        let b = doc.root["b"]!
        XCTAssertEqual(b.count, 6)
        XCTAssertEqual(b[0]?.double, 1)
        XCTAssertEqual(b[1]?.numberText, "2.5")
        XCTAssertEqual(b[2]?.string, "x")
        XCTAssertEqual(b[3]?.bool, true)
        XCTAssertEqual(b[4]?.bool, false)
        XCTAssertTrue(b[5]!.isNull)
        XCTAssertEqual(doc.root["a"]?["c"]?.string, "d")
    }

    func testPositionsCountScalarsAndLines() throws {
        let doc = try parse("{\n  \"név\": \"é\",\r\n  \"n\": [10,\n 20]\n}")
        XCTAssertEqual(doc.root["név"]!.position.description, "2:10")
        XCTAssertEqual(Array(doc.root.members)[0].key.position.description, "2:3")
        XCTAssertEqual(doc.root["n"]![1]!.position.description, "4:2")
        XCTAssertEqual(doc.root["n"]![1]!.pointer.description, "/n/1")
        XCTAssertEqual(doc.resolve(JSONPointer("/n/0")!)?.double, 10)
    }

    /// Positions come from a line index with per-block scalar counts; they must equal counting
    /// scalars from the line's start, at every offset, across block edges, multi-byte characters
    /// and every kind of line end.
    func testPositionsOfEveryOffsetMatchACountFromTheLineStart() throws {
        var text = "["
        for i in 0..<700 { text += "\"é\u{1F600}x\(i)\"," + (i % 97 == 0 ? "\r\n" : i % 89 == 0 ? "\r" : i % 83 == 0 ? "\n" : "") }
        text += "0]"
        for body in [text, String(repeating: "a", count: 1023) + "\n", String(repeating: "é", count: 512)] {
            let bytes = Array(body.utf8)
            let document = try parseAnyText(bytes)
            var line = 1, column = 1, i = 0
            while i <= bytes.count {
                let position = document.position(ofOffset: i)
                XCTAssertEqual(position.line, line, "offset \(i)")
                XCTAssertEqual(position.column, column, "offset \(i)")
                guard i < bytes.count else { break }
                let c = bytes[i]
                if c == 0x0A || (c == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if c & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
        }
    }

    /// A document over `bytes` (parsed as JSON when it is, otherwise as a JSON string of them).
    func parseAnyText(_ bytes: [UInt8]) throws -> Document {
        if let document = try? JSONReader.parse(bytes, name: "t.json") { return document }
        return try YAMLReader.parse(bytes, name: "t.yaml")
    }

    func testEscapesAndSurrogatePairs() throws {
        let doc = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", "plain"]"#)
        XCTAssertEqual(doc.root[0]?.string, "a\"b\\c/d\u{8}\u{c}\n\r\t")
        XCTAssertEqual(doc.root[1]?.string, "é😀")
        XCTAssertEqual(doc.root[2]?.string, "plain")
    }

    func testNumbersAreKeptExactly() throws {
        let doc = try parse("[1.0, 0.0075, 123456789012345678901234567890, 1e400, -0, 1E-7, 19.99]")
        XCTAssertTrue(doc.root[0]!.isInteger, "1.0 is an integer in draft-07")
        XCTAssertEqual(doc.root[1]!.decimal, ExactDecimal("0.0075"))
        XCTAssertEqual(doc.root[2]!.decimal?.description, "123456789012345678901234567890")
        XCTAssertTrue(doc.root[2]!.isInteger)
        XCTAssertEqual(doc.root[3]!.decimal, ExactDecimal("1e400"))
        XCTAssertTrue(doc.root[3]!.isInteger)
        XCTAssertEqual(doc.root[4]!.decimal, ExactDecimal.zero)
        XCTAssertFalse(doc.root[5]!.isInteger)
        XCTAssertEqual(doc.root[6]!.double, 19.99)
    }

    func testExactDecimalArithmetic() {
        XCTAssertTrue(ExactDecimal("0.0075")!.isMultiple(of: ExactDecimal("0.0001")!))
        XCTAssertTrue(ExactDecimal("19.99")!.isMultiple(of: ExactDecimal("0.01")!))
        XCTAssertFalse(ExactDecimal("19.999")!.isMultiple(of: ExactDecimal("0.01")!))
        XCTAssertTrue(ExactDecimal("1e308")!.isMultiple(of: ExactDecimal("0.5")!))
        XCTAssertTrue(ExactDecimal("12345678901234567890123456789")!.isMultiple(of: ExactDecimal("3")!))
        XCTAssertLessThan(ExactDecimal("9007199254740993")!, ExactDecimal("9007199254740994")!)
        XCTAssertLessThan(ExactDecimal("-2")!, ExactDecimal("-1.5")!)
        XCTAssertEqual(ExactDecimal("1.50")!, ExactDecimal("15e-1")!)
    }

    func testDuplicateKeysAreReported() {
        let e = parseError("{\n \"a\": 1,\n \"a\": 2}")
        XCTAssertEqual(e?.kind, .duplicateKey)
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.column, 2)
        XCTAssertTrue(e?.message.contains("first at 2:2") ?? false, e?.message ?? "")
        var many = "{"
        for i in 0..<40 { many += "\"k\(i)\": \(i), " }
        many += "\"k7\": 0}"
        XCTAssertEqual(parseError(many)?.kind, .duplicateKey)
        var allow = ReaderLimits()
        allow.rejectDuplicateKeys = false
        XCTAssertNoThrow(try parse(#"{"a": 1, "a": 2}"#, limits: allow))
    }

    func testMalformedInputGetsPositionedMessages() {
        let cases: [(String, String, Int, Int)] = [
            ("[1, 2,]", "trailing comma", 1, 6),
            ("{\"a\": 1,}", "trailing comma", 1, 8),
            ("[1, 2", "not closed", 1, 6),
            ("{\"a\": ", "expected a value", 1, 7),
            ("[NaN]", "NaN is not a JSON number", 1, 2),
            ("[Infinity]", "Infinity is not a JSON number", 1, 2),
            ("[-Infinity]", "-Infinity is not a JSON number", 1, 2),
            ("[01]", "leading zeros", 1, 2),
            ("[1.]", "digit after the decimal point", 1, 4),
            ("[\"a\nb\"]", "line break inside a string", 1, 4),
            ("[\"abc", "inside the string", 1, 2),
            ("['a']", "double quotes", 1, 2),
            ("{a: 1}", "member name in double quotes", 1, 2),
            ("[1] [2]", "after the top-level value", 1, 5),
            ("", "empty input", 1, 1),
            ("[\"\\x\"]", "invalid escape", 1, 3),
            ("[\"\\ud800\"]", "lone high surrogate", 1, 3),
            ("[\"\\udc00\"]", "lone low surrogate", 1, 3),
            ("[tru]", "expected a JSON value", 1, 2),
        ]
        for (text, fragment, line, column) in cases {
            guard let e = parseError(text) else { continue }
            XCTAssertTrue(e.message.contains(fragment), "\(text): \(e.message)")
            XCTAssertEqual(e.line, line, text)
            XCTAssertEqual(e.column, column, "\(text): \(e.message)")
            XCTAssertTrue(e.description.hasPrefix("t.json:\(line):\(column): error: "), e.description)
        }
    }

    func testEncodingErrors() {
        XCTAssertEqual(parseError([0xEF, 0xBB, 0xBF] + Array("{}".utf8))?.kind, .encoding)
        XCTAssertEqual(parseError(Array("[\"a".utf8) + [0xFF] + Array("\"]".utf8))?.kind, .encoding)
        XCTAssertEqual(parseError(Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8))?.kind, .encoding, "overlong")
        XCTAssertEqual(parseError(Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8))?.kind, .encoding, "encoded surrogate")
        XCTAssertEqual(parseError(Array("[\"".utf8) + [0xE2, 0x82] + Array("\"]".utf8))?.kind, .encoding, "truncated sequence")
    }

    func testDepthLimitNeverOverflowsTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let e = parseError(deep)
        XCTAssertEqual(e?.kind, .limit)
        XCTAssertTrue(e?.message.contains("--max-depth") ?? false)
        var limits = ReaderLimits()
        limits.maxDepth = 200_000
        XCTAssertNoThrow(try parse(deep, limits: limits))
    }

    func testStringLengthLimit() {
        var limits = ReaderLimits()
        limits.maxStringBytes = 10
        XCTAssertEqual(parseError(Array("[\"abcdefghijklmnop\"]".utf8), limits: limits)?.kind, .limit)
    }

    func testJSONLinesKeepLineNumbers() throws {
        let text = "{\"a\": 1}\n\n{\"a\": [1,}\n{\"a\":\n"
        let loaded = try DocumentLoader.load(bytes: Array(text.utf8), name: "d.jsonl", format: .jsonl)
        XCTAssertEqual(loaded.documents.count, 1)
        XCTAssertEqual(loaded.documents[0].line, 1)
        XCTAssertEqual(loaded.failures.map(\.line), [3, 4])
    }

    func testExtractKeepsPositions() throws {
        let doc = try parse("{\"x\": {\"y\": [1, 2]}}")
        let sub = doc.extract(doc.root["x"]!.index)
        XCTAssertEqual(sub.root["y"]?[1]?.double, 2)
        XCTAssertEqual(sub.root["y"]?[1]?.position.description, "1:17")
    }
}
