import XCTest
@testable import Document

final class YAMLReaderTests: XCTestCase {
    // MARK: helpers

    private func load(_ text: String, limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> Document? {
        do throws(DocumentError) {
            return try YAMLReader.parse(string: text, name: "test.yaml", limits: limits)
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ text: String, limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> DocumentError? {
        failure(bytes: Array(text.utf8), limits: limits, file: file, line: line)
    }

    private func failure(bytes: [UInt8], limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> DocumentError? {
        do throws(DocumentError) {
            let doc = try YAMLReader.parse(bytes, name: "test.yaml", limits: limits)
            XCTFail("expected an error, got a \(doc.root.kind)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private enum Expected {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case infinity(Bool)
        case nan
    }

    // MARK: core-schema resolution

    func testCoreSchemaResolutionTable() {
        let table: [(String, Expected)] = [
            ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
            ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
            ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
            // YAML 1.1 booleans and other look-alikes stay strings under the 1.2 core schema.
            ("ON", .string("ON")), ("OFF", .string("OFF")), ("on", .string("on")), ("off", .string("off")),
            ("yes", .string("yes")), ("no", .string("no")), ("Yes", .string("Yes")), ("No", .string("No")),
            ("Y", .string("Y")), ("N", .string("N")), ("y", .string("y")), ("n", .string("n")),
            ("nULL", .string("nULL")), ("tRUE", .string("tRUE")), ("nul", .string("nul")),
            ("2024-11-21", .string("2024-11-21")), ("12:30", .string("12:30")), ("1_000", .string("1_000")),
            ("0b101", .string("0b101")), ("0x", .string("0x")), ("0xG1", .string("0xG1")), ("0o8", .string("0o8")),
            ("-0x1F", .string("-0x1F")), ("1e", .string("1e")), (".", .string(".")), ("+", .string("+")),
            ("1.2.3", .string("1.2.3")), ("inf", .string("inf")), ("nan", .string("nan")), ("-.nan", .string("-.nan")),
            ("3.0.0", .string("3.0.0")), ("1 2", .string("1 2")),
            // Numbers.
            ("0", .number("0")), ("42", .number("42")), ("+12", .number("12")), ("-7", .number("-7")), ("007", .number("7")),
            ("0x1F", .number("31")), ("0xff", .number("255")), ("0o17", .number("15")),
            ("1e3", .number("1000")), ("1E+3", .number("1000")), ("2.5e-3", .number("0.0025")),
            ("-0.5", .number("-0.5")), (".5", .number("0.5")), ("+.5", .number("0.5")), ("1.", .number("1")), ("19.990", .number("19.99")),
            ("123456789012345678901234567890", .number("123456789012345678901234567890")),
            ("0xFFFFFFFFFFFFFFFFFFFF", .number("1208925819614629174706175")),
            (".inf", .infinity(false)), (".Inf", .infinity(false)), (".INF", .infinity(false)),
            ("+.inf", .infinity(false)), ("-.inf", .infinity(true)), ("-.INF", .infinity(true)),
            (".nan", .nan), (".NaN", .nan), (".NAN", .nan),
            // Quoted and block scalars are always strings.
            ("\"123\"", .string("123")), ("'true'", .string("true")), ("'null'", .string("null")),
            ("''", .string("")), ("\"~\"", .string("~")), ("\"0x1F\"", .string("0x1F")),
            ("|\n  42\n", .string("42\n")), (">-\n  true\n", .string("true")),
        ]
        for (text, expected) in table {
            guard let doc = load("v: \(text)\n"), let v = doc.root["v"] else {
                XCTFail("no value for \(text)")
                continue
            }
            switch expected {
            case .null:
                XCTAssertTrue(v.isNull, "\(text) should be null, is \(v.kind)")
            case .bool(let b):
                XCTAssertEqual(v.bool, b, "\(text) should be \(b), is \(v.kind)")
            case .number(let canonical):
                XCTAssertEqual(v.kind, .number, "\(text) should be a number")
                XCTAssertEqual(v.numberText, canonical, "\(text)")
                XCTAssertEqual(v.decimal, ExactDecimal(canonical), "\(text)")
            case .string(let s):
                XCTAssertEqual(v.string, s, "\(text) should be the string \(s), is \(v.kind)")
            case .infinity(let negative):
                XCTAssertEqual(v.double, negative ? -.infinity : .infinity, "\(text)")
            case .nan:
                XCTAssertEqual(v.kind, .number, "\(text)")
                XCTAssertTrue(v.double?.isNaN == true, "\(text)")
            }
        }
    }

    func testNumberDetails() throws {
        let doc = try XCTUnwrap(load("a: 1e3\nb: -0.5\nc: 0x1F\nd: 0o17\ne: 12345678901234567890123\nf: 0.1\n"))
        let root = doc.root
        XCTAssertEqual(root["a"]?.double, 1000)
        XCTAssertTrue(root["a"]?.isInteger == true)
        XCTAssertEqual(root["b"]?.double, -0.5)
        XCTAssertFalse(root["b"]?.isInteger == true)
        XCTAssertEqual(root["c"]?.double, 31)
        XCTAssertEqual(root["d"]?.double, 15)
        XCTAssertEqual(root["e"]?.numberText, "12345678901234567890123")
        XCTAssertEqual(root["e"]?.double, 12345678901234567890123.0)
        XCTAssertEqual(root["f"]?.double, 0.1)
    }

    func testEnumWithOnOffHoldsStrings() throws {
        let doc = try XCTUnwrap(load("""
            TimeOfUse:
              type: string
              enum:
                - ON
                - OFF
            Flags: [yes, no, Y, N, on, off]
            """))
        let values = try XCTUnwrap(doc.root["TimeOfUse"]?["enum"])
        XCTAssertEqual(values.elements.map { $0.string }, ["ON", "OFF"])
        XCTAssertEqual(doc.root["Flags"]?.elements.map { $0.string }, ["yes", "no", "Y", "N", "on", "off"])
    }

    // MARK: tags

    func testCoreTagsAreHonoured() throws {
        let doc = try XCTUnwrap(load("""
            a: !!str 123
            b: !!int "42"
            c: !!float 1
            d: !!bool "true"
            e: !!null ""
            f: !!map {x: 1}
            g: !!seq [1]
            h: !<tag:yaml.org,2002:str> 0x1F
            i: ! 12
            j: !!str
            k: !!float .inf
            """))
        let r = doc.root
        XCTAssertEqual(r["a"]?.string, "123")
        XCTAssertEqual(r["b"]?.numberText, "42")
        XCTAssertEqual(r["c"]?.numberText, "1")
        XCTAssertEqual(r["d"]?.bool, true)
        XCTAssertTrue(r["e"]?.isNull == true)
        XCTAssertEqual(r["f"]?["x"]?.numberText, "1")
        XCTAssertEqual(r["g"]?.count, 1)
        XCTAssertEqual(r["h"]?.string, "0x1F")
        XCTAssertEqual(r["i"]?.string, "12", "the non-specific tag '!' makes a string")
        XCTAssertEqual(r["j"]?.string, "")
        XCTAssertEqual(r["k"]?.double, .infinity)
    }

    func testCoreTagMismatchIsAnError() throws {
        let e = try XCTUnwrap(failure("a: 1\nb: !!int abc\n"))
        XCTAssertEqual(e.kind, .syntax)
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 4)
        XCTAssertTrue(e.message.contains("'abc'") && e.message.contains("!!int"), e.message)

        XCTAssertEqual(failure("a: !!int 1.5\n")?.kind, .syntax)
        XCTAssertEqual(failure("a: !!bool yes\n")?.kind, .syntax)
        XCTAssertEqual(failure("a: !!null 0\n")?.kind, .syntax)
        XCTAssertEqual(failure("a: !!float 0x10\n")?.kind, .syntax)
        XCTAssertEqual(failure("a: !!seq {x: 1}\n")?.kind, .syntax)
        XCTAssertEqual(failure("a: !!map x\n")?.kind, .syntax)
    }

    func testUnknownTagsAreUnsupported() throws {
        for (text, tag, line, column) in [
            ("x: 1\ny: !Ref foo\n", "!Ref", 2, 4),
            ("x: !!binary aGVsbG8=\n", "!!binary", 1, 4),
            ("x:\n  - !custom {a: 1}\n", "!custom", 2, 5),
            ("x: !!set\n  ? a\n", "!!set", 1, 4),
            ("!Thing [1]\n", "!Thing", 1, 1),
            ("? !Key k\n: v\n", "!Key", 1, 3),
        ] {
            let e = try XCTUnwrap(failure(text), text)
            XCTAssertEqual(e.kind, .unsupported, text)
            XCTAssertTrue(e.message.contains("'\(tag)'"), e.message)
            XCTAssertEqual(e.line, line, text)
            XCTAssertEqual(e.column, column, text)
            XCTAssertTrue(e.description.hasPrefix("test.yaml:\(line):\(column): error: "), e.description)
        }
    }

    // MARK: positions

    func testPositionsInBlockAndFlowStyleWithMultiByteCharacters() throws {
        let text = "名前: 値\nkey: \"é\"\nlist:\n  - ü\n  - {a: 1, ñ: [x]}\nend: ok\n"
        let doc = try XCTUnwrap(load(text))
        let bytes = Array(text.utf8)
        func check(_ value: Value?, _ line: Int, _ column: Int, startsWith prefix: String, file: StaticString = #filePath, l: UInt = #line) {
            guard let value else { return XCTFail("missing value", file: file, line: l) }
            let p = value.position
            XCTAssertEqual(p.line, line, "line of \(prefix)", file: file, line: l)
            XCTAssertEqual(p.column, column, "column of \(prefix)", file: file, line: l)
            XCTAssertEqual(doc.offset(line: line, column: column), p.offset, file: file, line: l)
            let tail = String(decoding: bytes[p.offset...], as: UTF8.self)
            XCTAssertTrue(tail.hasPrefix(prefix), "at \(p): \(tail.prefix(10)) should start with \(prefix)", file: file, line: l)
        }
        let root = doc.root
        check(root, 1, 1, startsWith: "名前")
        let members = Array(root.members)
        XCTAssertEqual(members.map(\.name), ["名前", "key", "list", "end"])
        check(members[0].key, 1, 1, startsWith: "名前")
        check(members[0].value, 1, 5, startsWith: "値")
        XCTAssertEqual(members[0].value.position.offset, 8)
        check(members[1].key, 2, 1, startsWith: "key")
        check(members[1].value, 2, 6, startsWith: "\"é\"")
        let list = members[2].value
        check(list, 4, 3, startsWith: "- ü")
        check(list[0], 4, 5, startsWith: "ü")
        let flow = try XCTUnwrap(list[1])
        check(flow, 5, 5, startsWith: "{a")
        let flowMembers = Array(flow.members)
        check(flowMembers[0].key, 5, 6, startsWith: "a")
        check(flowMembers[0].value, 5, 9, startsWith: "1")
        check(flowMembers[1].key, 5, 12, startsWith: "ñ")
        check(flowMembers[1].value, 5, 15, startsWith: "[x]")
        check(flowMembers[1].value[0], 5, 16, startsWith: "x")
        check(members[3].key, 6, 1, startsWith: "end")
        check(members[3].value, 6, 6, startsWith: "ok")
    }

    func testByteOrderMarksWhereYAMLAllowsADocumentPrefix() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        // A mark at the start of the second line, before the document (after a comment line).
        var bytes = Array("# generated\n".utf8) + bom + Array("a: 1\nb: [x]\n".utf8)
        var doc = try YAMLReader.parse(bytes, name: "second-line.yaml")
        var members = Array(doc.root.members)
        XCTAssertEqual(members.map(\.name), ["a", "b"])
        XCTAssertEqual(members[0].key.position.offset, 15, "offsets count the mark's bytes")
        XCTAssertEqual(members[0].key.position.line, 2)
        XCTAssertEqual(members[1].key.position.offset, 20)
        XCTAssertEqual(members[1].key.position.line, 3)
        XCTAssertEqual(members[1].key.position.column, 1)
        XCTAssertEqual(members[1].value[0]?.position.column, 5)
        // Several prefix lines, each with a mark (also the first), CRLF line ends.
        bytes = bom + Array("# one\r\n".utf8) + bom + Array("\r\n".utf8) + bom + Array("# three\r\n".utf8) + bom + Array("k: v\r\n".utf8)
        doc = try YAMLReader.parse(bytes, name: "many.yaml")
        XCTAssertEqual(doc.root["k"]?.string, "v")
        XCTAssertEqual(Array(doc.root.members).first?.key.position.line, 4)
        // After a document end marker a new prefix may start.
        bytes = Array("---\na: 1\n...\n".utf8) + bom + Array("# trailing comment\n".utf8)
        doc = try YAMLReader.parse(bytes, name: "after-end.yaml")
        XCTAssertEqual(doc.root["a"]?.numberText, "1")
        // Inside a document a mark is not allowed: still an error, at its place.
        bytes = Array("a: 1\n".utf8) + bom + Array("b: 2\n".utf8)
        XCTAssertThrowsError(try YAMLReader.parse(bytes, name: "inside.yaml")) { error in
            XCTAssertEqual((error as? DocumentError)?.line, 2, "\(error)")
        }
        // A string's content keeps its marks.
        bytes = Array("s: \"".utf8) + bom + Array("x\"\n".utf8)
        XCTAssertEqual(try YAMLReader.parse(bytes, name: "s.yaml").root["s"]?.string, "\u{FEFF}x")
    }

    func testPositionsWithCRLFAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: é\r\nc: [x]\r\n".utf8)
        let doc = try YAMLReader.parse(bytes, name: "bom.yaml")
        let members = Array(doc.root.members)
        XCTAssertEqual(members.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(members[0].key.position.offset, 3, "the BOM is skipped, offsets still count its bytes")
        XCTAssertEqual(members[0].value.position.offset, 6)
        XCTAssertEqual(members[1].key.position.offset, 9)
        XCTAssertEqual(members[1].key.position.line, 2)
        XCTAssertEqual(members[1].value.position.offset, 12)
        XCTAssertEqual(members[1].value.string, "é")
        XCTAssertEqual(members[2].value[0]?.position.offset, 20)
        XCTAssertEqual(members[2].value[0]?.position.line, 3)
        XCTAssertEqual(members[2].value[0]?.position.column, 5)
    }

    func testPositionOfAnEmptyValueAndOfAnIndentlessSequence() throws {
        let doc = try XCTUnwrap(load("a:\nb:\n- 1\n- 2\n"))
        XCTAssertTrue(doc.root["a"]?.isNull == true)
        XCTAssertEqual(doc.root["a"]?.position.line, 1)
        let b = try XCTUnwrap(doc.root["b"])
        XCTAssertEqual(b.kind, .array)
        XCTAssertEqual(b.position.line, 3)
        XCTAssertEqual(b.position.column, 1)
        XCTAssertEqual(b[1]?.position.line, 4)
        XCTAssertEqual(b[1]?.position.column, 3)
    }

    // MARK: keys

    func testKeysAreTheirScalarText() throws {
        let doc = try XCTUnwrap(load("""
            responses:
              200:
                description: OK
              '404':
                description: Not found
            true: t
            ~: tilde
            1.0: one
            0x1F: hex
            null: n
            ? 
            : empty
            !!str 7: seven
            !!int 8: eight
            """))
        XCTAssertEqual(doc.root.members.map(\.name), ["responses", "true", "~", "1.0", "0x1F", "null", "", "7", "8"])
        XCTAssertEqual(doc.root["responses"]?.members.map(\.name), ["200", "404"])
        XCTAssertEqual(doc.root["responses"]?["200"]?["description"]?.string, "OK")
        for member in doc.root.members { XCTAssertEqual(member.key.kind, .string) }
    }

    func testAliasesAsKeysUseTheScalarText() throws {
        let doc = try XCTUnwrap(load("names:\n  - &k region\n  - &n 200\nmap:\n  *k : west\n  *n : ok\n"))
        XCTAssertEqual(doc.root["map"]?.members.map(\.name), ["region", "200"])
        XCTAssertEqual(doc.root["map"]?["region"]?.string, "west")
        XCTAssertEqual(doc.root["names"]?[1]?.numberText, "200", "the anchored value itself stays a number")
    }

    func testComplexKeysAreRejected() throws {
        for text in ["? [a, b]\n: 1\n", "? {a: 1}\n: 1\n", "x: {[a]: 1}\n", "base: &b [1]\nm:\n  *b : 2\n"] {
            let e = try XCTUnwrap(failure(text), text)
            XCTAssertEqual(e.kind, .unsupported, text)
            XCTAssertTrue(e.message.contains("key"), e.message)
        }
        let e = try XCTUnwrap(failure("a: 1\n? [x]\n: 2\n"))
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 3)
    }

    func testDuplicateKeys() throws {
        let e = try XCTUnwrap(failure("a: 1\nb: 2\na: 3\n"))
        XCTAssertEqual(e.kind, .duplicateKey)
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.column, 1)
        XCTAssertTrue(e.message.contains("\"a\"") && e.message.contains("first at 1:1"), e.message)

        // A larger mapping (hashed check), nested, in flow style.
        var text = "outer:\n  inner: {"
        for i in 0..<20 { text += "k\(i): \(i), " }
        text += "k7: again}\n"
        let big = try XCTUnwrap(failure(text))
        XCTAssertEqual(big.kind, .duplicateKey)
        XCTAssertEqual(big.line, 2)
        XCTAssertTrue(big.message.contains("\"k7\"") && big.message.contains("first at 2:"), big.message)

        // Keys compare by their text: 1 and "1" are the same key.
        XCTAssertEqual(failure("1: a\n'1': b\n")?.kind, .duplicateKey)

        var lenient = ReaderLimits()
        lenient.rejectDuplicateKeys = false
        let doc = try XCTUnwrap(load("a: 1\na: 2\n", limits: lenient))
        XCTAssertEqual(doc.root.count, 2)
    }

    // MARK: anchors, aliases, merge keys

    func testAnchorsAndAliases() throws {
        let doc = try XCTUnwrap(load("""
            base: &b
              x: 1
              y: [a, b]
            copy: *b
            name: &n hello
            list: [*n, *n]
            """))
        let copy = try XCTUnwrap(doc.root["copy"])
        XCTAssertEqual(copy.kind, .object)
        XCTAssertEqual(copy.members.map(\.name), ["x", "y"])
        XCTAssertEqual(copy["y"]?[1]?.string, "b")
        XCTAssertEqual(copy.position.line, 4, "the copy is where the alias is")
        XCTAssertEqual(copy.position.column, 7)
        XCTAssertEqual(copy["x"]?.position.line, 2, "the copy's members keep the anchor's positions")
        XCTAssertEqual(doc.root["list"]?.elements.map { $0.string }, ["hello", "hello"])
        XCTAssertEqual(doc.root["base"]?.position.line, 1)
    }

    func testAliasErrors() throws {
        let undefined = try XCTUnwrap(failure("a: 1\nb: *nope\n"))
        XCTAssertEqual(undefined.kind, .syntax)
        XCTAssertEqual(undefined.line, 2)
        XCTAssertTrue(undefined.message.contains("*nope"), undefined.message)

        let recursive = try XCTUnwrap(failure("a: &a\n  b: [1, *a]\n"))
        XCTAssertEqual(recursive.kind, .unsupported)
        XCTAssertEqual(recursive.line, 2)
        XCTAssertTrue(recursive.message.contains("recursive"), recursive.message)
    }

    func testMergeKeys() throws {
        let doc = try XCTUnwrap(load("""
            base: &base
              x: 1
              y: 2
            other: &other
              y: 20
              z: 30
            derived:
              <<: *base
              y: 3
              w: 4
            both:
              <<: [*other, *base]
            flow: {<<: *base, x: 9}
            quoted:
              "<<": literal
            """))
        let derived = try XCTUnwrap(doc.root["derived"])
        XCTAssertEqual(derived.members.map(\.name), ["y", "w", "x"], "own keys first, then merged ones")
        XCTAssertEqual(derived["y"]?.numberText, "3", "own keys win")
        XCTAssertEqual(derived["x"]?.numberText, "1")
        XCTAssertEqual(derived["x"]?.position.line, 2)
        let both = try XCTUnwrap(doc.root["both"])
        XCTAssertEqual(both.members.map(\.name), ["y", "z", "x"])
        XCTAssertEqual(both["y"]?.numberText, "20", "earlier mappings in the list win")
        XCTAssertEqual(doc.root["flow"]?["x"]?.numberText, "9")
        XCTAssertEqual(doc.root["flow"]?.count, 2)
        XCTAssertEqual(doc.root["quoted"]?["<<"]?.string, "literal", "a quoted << is an ordinary key")

        XCTAssertEqual(failure("a: {x: 1}\nb:\n  <<: {y: 2}\n")?.kind, .unsupported)
        XCTAssertEqual(failure("a: &a [1]\nb:\n  <<: *a\n")?.kind, .syntax)
        XCTAssertEqual(failure("b:\n  <<: 5\n")?.kind, .syntax)
        XCTAssertEqual(failure("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")?.kind, .duplicateKey)
    }

    /// Stops at the expansion limit (a million nodes), never expanding the billion: no timing
    /// is asserted here, speed is the benchmark's and `scripts/fuzz resources`' job.
    func testBillionLaughsStopsAtTheExpansionLimit() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = "*" + names[level - 1]
            text += "\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 10).joined(separator: ",") + "]\n"
        }
        let e = try XCTUnwrap(failure(text))
        XCTAssertEqual(e.kind, .limit)
        XCTAssertTrue(e.message.contains("more than 1000000 nodes") && e.message.contains("--max-alias-expansion"), e.message)

        var small = ReaderLimits()
        small.maxAliasExpansion = 25
        XCTAssertEqual(failure("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a]\n", limits: small)?.kind, .limit)
        XCTAssertNotNil(load("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a]\n", limits: small))
    }

    /// Issue 16, item 10: a few aliases to a big string add few nodes but many bytes, which every
    /// check reads again; the bytes are counted too (values, keys, merged members).
    func testAliasExpansionIsLimitedByTheBytesItAdds() throws {
        var limits = ReaderLimits()
        limits.maxAliasBytes = 1_000
        let big = String(repeating: "x", count: 400)
        let e = try XCTUnwrap(failure("a: &s \(big)\nb: [*s, *s, *s]\n", limits: limits))
        XCTAssertEqual(e.kind, .limit)
        XCTAssertEqual(e.line, 2)
        XCTAssertTrue(e.message.contains("more than 1000 bytes of strings") && e.message.contains("--max-alias-bytes"), e.message)
        XCTAssertNotNil(load("a: &s \(big)\nb: [*s, *s]\n", limits: limits))
        // Strings inside an aliased mapping, keys included, and merged members count.
        XCTAssertEqual(failure("a: &m {k: \(big), l: \(big)}\nb: *m\nc: *m\n", limits: limits)?.kind, .limit)
        XCTAssertEqual(failure("a: &m {k: \(big), l: \(big)}\nb: {<<: *m}\nc: {<<: *m}\n", limits: limits)?.kind, .limit)
        XCTAssertEqual(failure("a: &k \(big)\nb: {*k : 1}\nc: {*k : 2}\nd: {*k : 3}\n", limits: limits)?.kind, .limit)
        XCTAssertEqual(ReaderLimits.default.maxAliasBytes, 64 << 20)
    }

    // MARK: documents

    func testMultipleDocumentsAreUnsupported() throws {
        let e = try XCTUnwrap(failure("a: 1\n---\nb: 2\n---\nc: 3\n"))
        XCTAssertEqual(e.kind, .unsupported)
        XCTAssertTrue(e.message.contains("3 YAML documents") && e.message.contains("reads one"), e.message)
        XCTAssertEqual(e.line, 2)

        let doc = try XCTUnwrap(load("%YAML 1.2\n---\na: 1\n...\n"))
        XCTAssertEqual(doc.root["a"]?.numberText, "1")
    }

    func testEmptyInputGivesANullRoot() throws {
        for text in ["", "# only a comment\n", "---\n", "\n\n", "\u{FEFF}"] {
            let doc = try XCTUnwrap(load(text), text)
            XCTAssertTrue(doc.root.isNull, "\(text.debugDescription) gives \(doc.root.kind)")
        }
    }

    // MARK: syntax errors

    func testTabIndentation() throws {
        let e = try XCTUnwrap(failure("a:\n\tb: 1\n"))
        XCTAssertEqual(e.kind, .syntax)
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 1)
        XCTAssertTrue(e.message.contains("tab"), e.message)

        let inScalar = try XCTUnwrap(failure("a: 1\n\t b: 2\n"))
        XCTAssertEqual(inScalar.line, 2)
        XCTAssertTrue(inScalar.message.contains("tab"), inScalar.message)
    }

    func testUnclosedQuote() throws {
        let e = try XCTUnwrap(failure("a: 1\nb: \"abc\nc: 2\n"))
        XCTAssertEqual(e.kind, .syntax)
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 4)
        XCTAssertTrue(e.message.contains("missing closing quote"), e.message)
        let single = try XCTUnwrap(failure("ü: 'abc\n"))
        XCTAssertEqual(single.line, 1)
        XCTAssertEqual(single.column, 4)
    }

    func testBadIndentation() throws {
        let e = try XCTUnwrap(failure("a:\n  b: 1\n c: 2\n"))
        XCTAssertEqual(e.kind, .syntax)
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.column, 2)
        XCTAssertTrue(e.message.contains("indentation"), e.message)

        let values = try XCTUnwrap(failure("a: 1\n  b: 2\n"))
        XCTAssertEqual(values.line, 2)
        XCTAssertEqual(values.column, 4)
        XCTAssertTrue(values.message.contains("mapping values are not allowed") && values.message.contains("indentation"), values.message)

        let list = try XCTUnwrap(failure("a:\n  - 1\n  b: 2\n"))
        XCTAssertEqual(list.line, 3)
        XCTAssertTrue(list.message.contains("indentation"), list.message)
    }

    func testOtherSyntaxErrors() throws {
        let flow = try XCTUnwrap(failure("a: [1, 2\nb: 3\n"))
        XCTAssertEqual(flow.kind, .syntax)
        XCTAssertTrue(flow.message.contains("flow sequence that starts at 1:4"), flow.message)

        let reserved = try XCTUnwrap(failure("a: @x\n"))
        XCTAssertEqual(reserved.line, 1)
        XCTAssertEqual(reserved.column, 4)
        XCTAssertTrue(reserved.message.contains("'@'"), reserved.message)

        let escape = try XCTUnwrap(failure("pattern: \"^[\\d]+$\"\n"))
        XCTAssertEqual(escape.line, 1)
        XCTAssertEqual(escape.column, 13)
        XCTAssertTrue(escape.message.contains("single quotes"), escape.message)

        // Positions of errors after multi-byte text count characters, not bytes.
        let late = try XCTUnwrap(failure("é: ü\nä: [1\n"))
        XCTAssertEqual(late.line, 3)
        XCTAssertEqual(late.description.hasPrefix("test.yaml:3:"), true, late.description)
    }

    func testEncodingErrors() throws {
        let e = try XCTUnwrap(failure(bytes: Array("a: ok\nb: ".utf8) + [0xFF, 0x0A]))
        XCTAssertEqual(e.kind, .encoding)
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 4)
        XCTAssertTrue(e.message.contains("UTF-8"), e.message)

        XCTAssertEqual(failure(bytes: [0xFF, 0xFE, 0x61, 0x00])?.kind, .encoding)
        let control = try XCTUnwrap(failure(bytes: Array("a: b".utf8) + [0x01]))
        XCTAssertEqual(control.column, 5)
        XCTAssertTrue(control.message.contains("U+0001"), control.message)
    }

    // MARK: limits

    func testDepthLimit() throws {
        let deep = String(repeating: "[", count: 1_500) + String(repeating: "]", count: 1_500)
        let e = try XCTUnwrap(failure(deep))
        XCTAssertEqual(e.kind, .limit)
        XCTAssertTrue(e.message.contains("--max-depth"), e.message)
        XCTAssertEqual(e.column, 1_001)

        var limits = ReaderLimits()
        limits.maxDepth = 3
        XCTAssertNotNil(load("a:\n  b:\n    c: 1\n", limits: limits))
        let block = try XCTUnwrap(failure("a:\n  b:\n    c:\n      d: 1\n", limits: limits))
        XCTAssertEqual(block.kind, .limit)
        XCTAssertEqual(block.line, 4)
        // An alias cannot smuggle in extra depth.
        XCTAssertEqual(failure("x: &x [[1]]\ny: [*x]\n", limits: limits)?.kind, .limit)
    }

    func testSizeLimits() throws {
        var limits = ReaderLimits()
        limits.maxBytes = 10
        XCTAssertEqual(failure("a: 123456789\n", limits: limits)?.kind, .limit)
        limits = ReaderLimits()
        limits.maxStringBytes = 5
        XCTAssertEqual(failure("a: abcdefg\n", limits: limits)?.kind, .limit)
        XCTAssertNotNil(load("a: abcde\n", limits: limits))
    }

    func testParseFileAndMissingFile() throws {
        let path = NSTemporaryDirectory() + "crrspec-yaml-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try "x: [ON, OFF]\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let doc = try YAMLReader.parse(contentsOfFile: path, name: "spec.yaml")
        XCTAssertEqual(doc.name, "spec.yaml")
        XCTAssertEqual(doc.root["x"]?[1]?.string, "OFF")
        XCTAssertEqual(doc.sourceText, "x: [ON, OFF]\n")

        do throws(DocumentError) {
            _ = try YAMLReader.parse(contentsOfFile: path + ".missing")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.kind, .io)
        }
    }

    // MARK: the published CAISO CRR OpenAPI specifications

    func testPublishedCAISOSpecifications() throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi").path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw XCTSkip("the published specifications are not at \(directory); skipping")
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else { throw XCTSkip("no YAML files in \(directory); skipping") }

        var onOffEnums = 0
        let start = ContinuousClock.now
        var documents: [Document] = []
        for file in files {
            documents.append(try YAMLReader.parse(contentsOfFile: directory + "/" + file, name: file))
        }
        let elapsed = ContinuousClock.now - start
        print("YAMLReaderTests: read \(files.count) published specifications in \(elapsed)")

        for doc in documents {
            let root = doc.root
            XCTAssertEqual(root.kind, .object, doc.name)
            XCTAssertTrue(root["openapi"]?.string?.hasPrefix("3.0") == true, "\(doc.name): openapi is \(String(describing: root["openapi"]?.kind))")
            XCTAssertEqual(root["paths"]?.kind, .object, doc.name)
            XCTAssertEqual(root["info"]?["version"]?.kind, .string, doc.name)

            // Walk every value: every enum containing ON/OFF holds strings only; every key is a string.
            var stack = [root]
            while let value = stack.popLast() {
                for member in value.members {
                    XCTAssertEqual(member.key.kind, .string)
                    if member.name == "enum", member.value.kind == .array {
                        let elements = Array(member.value.elements)
                        if elements.contains(where: { $0.string == "ON" || $0.string == "OFF" }) {
                            onOffEnums += 1
                            for element in elements {
                                XCTAssertEqual(element.kind, .string, "\(doc.name) at \(element.position)")
                            }
                        }
                        XCTAssertFalse(elements.contains { $0.bool != nil }, "\(doc.name): a boolean in an enum at \(member.value.position)")
                    }
                    stack.append(member.value)
                }
                if value.kind == .array { stack.append(contentsOf: value.elements) }
            }
            // Response codes are keys: strings such as "200".
            if let paths = root["paths"] {
                for path in paths.members {
                    for operation in path.value.members {
                        guard let responses = operation.value["responses"] else { continue }
                        XCTAssertEqual(responses.kind, .object, "\(doc.name) \(path.name)")
                        for code in responses.members {
                            XCTAssertEqual(code.key.kind, .string)
                            XCTAssertNotNil(Int(code.name) ?? (code.name == "default" ? 0 : nil), "\(doc.name): response code \(code.name)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(onOffEnums, 0, "expected at least one enum with ON/OFF in the published specifications")
    }

    /// Scalars written as they read point into the file; escaped, folded and multi-line ones are
    /// decoded into the document's own buffer: every kind reads back the same, and keys compare by
    /// text whichever way they are stored.
    func testScalarTextFromFileOrDecoded() throws {
        let doc = try XCTUnwrap(load("""
            plain: some words
            "quoted": "a \\"b\\" c"
            'single': 'it''s'
            folded: >
              one
              two
            multi: first
              second
            """))
        XCTAssertEqual(doc.root["plain"]?.string, "some words")
        XCTAssertEqual(doc.root["quoted"]?.string, "a \"b\" c")
        XCTAssertEqual(doc.root["single"]?.string, "it's")
        XCTAssertEqual(doc.root["folded"]?.string, "one two\n")
        XCTAssertEqual(doc.root["multi"]?.string, "first second")
        XCTAssertEqual(doc.root.members.map(\.name), ["plain", "quoted", "single", "folded", "multi"])
        XCTAssertEqual(doc.root["quoted"]?.position.column, 11)
        XCTAssertEqual(failure("a: 1\n\"a\": 2\n")?.kind, .duplicateKey)
        XCTAssertEqual(failure("\"a\\u0062\": 1\nab: 2\n")?.kind, .duplicateKey)
    }
}
