import XCTest
@testable import Document

/// `Document.pointer(to:)` (parent table) against pointers tracked while walking the tree.
final class PointerTests: XCTestCase {
    /// Every node's pointer, found by walking down from the root with the tokens on the way.
    func walk(_ value: Value, _ tokens: [String], into out: inout [Int: [String]]) {
        out[value.index] = tokens
        switch value.kind {
        case .object:
            for member in value.members {
                out[member.key.index] = tokens + [member.name]
                walk(member.value, tokens + [member.name], into: &out)
            }
        case .array:
            for (i, element) in value.elements.enumerated() { walk(element, tokens + [String(i)], into: &out) }
        default:
            break
        }
    }

    func check(_ document: Document, file: StaticString = #filePath, line: UInt = #line) {
        var expected: [Int: [String]] = [:]
        walk(document.root, [], into: &expected)
        XCTAssertEqual(expected.count, document.nodes.count, file: file, line: line)
        for (index, tokens) in expected {
            XCTAssertEqual(document.pointer(to: index).tokens, tokens, "node \(index)", file: file, line: line)
        }
    }

    func testEveryNodeOfNestedJSON() throws {
        check(try JSONReader.parse(string: #"{"a": [1, {"b": {}, "c": [[], [2, 3]]}, "x"], "d/e~f": {"g": null, "": [true]}, "h": "i"}"#))
        check(try JSONReader.parse(string: #"[[], {}, [{"k": [0]}], 5]"#))
        check(try JSONReader.parse(string: "7"))
    }

    func testEveryNodeOfYAML() throws {
        check(try YAMLReader.parse(Array("a:\n  - 1\n  - b: {c: [x, y]}\nd: {}\n".utf8), name: "t.yaml"))
    }

    func testWideObjects() throws {
        let members = (0..<500).map { #""k\#($0)": {"v": [\#($0)]}"# }.joined(separator: ",")
        check(try JSONReader.parse(string: "{\(members)}"))
    }
}

/// Member lookup by name in large objects (hashed) agrees with a scan of the members.
final class MemberIndexTests: XCTestCase {
    func testLargeObjectsLookUpLikeAScan() throws {
        var members = (0..<300).map { #""k\#($0)": \#($0)"# }
        members.append(#""k7": "repeat""#)            // a repeated name finds the first
        members.append(#""caf\u00e9": "precomposed""#) // names compare by code points
        members.append(#""cafe\u0301": "decomposed""#)
        members.append(#""": "empty""#)
        let document = try JSONReader.parse(string: "{" + members.joined(separator: ",") + "}", limits: {
            var limits = ReaderLimits()
            limits.rejectDuplicateKeys = false
            return limits
        }())
        let root = document.root
        for name in (0..<300).map({ "k\($0)" }) + ["k7", "caf\u{e9}", "cafe\u{301}", "", "missing", "k300"] {
            let scanned = root.members.first { $0.key.utf8.elementsEqual(Array(name.utf8)) }
            XCTAssertEqual(root[name]?.index, scanned?.value.index, name)
            XCTAssertEqual(root.member(name)?.key.index, scanned?.key.index, name)
        }
        XCTAssertEqual(root["caf\u{e9}"]?.string, "precomposed")
        XCTAssertEqual(root["cafe\u{301}"]?.string, "decomposed")
    }

    func testYAMLNumberKeys() throws {
        let text = (0..<40).map { "\($0 + 200): v\($0)" }.joined(separator: "\n") + "\nname: x\n"
        let document = try YAMLReader.parse(Array(text.utf8), name: "k.yaml")
        let scanned = document.root.members.first { $0.key.utf8.elementsEqual(Array("210".utf8)) }
        XCTAssertEqual(document.root["210"]?.index, scanned?.value.index)
        XCTAssertEqual(document.root["name"]?.string, "x")
    }
}
