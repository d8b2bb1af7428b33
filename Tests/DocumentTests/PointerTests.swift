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
