import Diff
import XCTest

/// One change case outside schemas: two documents and the change ids each direction gives.
public struct SpecCase: Sendable {
    public var forward: [String]
    public var backward: [String]
    public var old: String
    public var new: String

    public init(forward: [String], backward: [String], old: String, new: String) {
        self.forward = forward
        self.backward = backward
        self.old = old
        self.new = new
    }

    /// The responses of a minimal operation.
    public static let ok = #""responses":{"200":{"description":"ok"}}"#

    /// An OpenAPI 3.0 document with `paths` (JSON members) and `extra` members after them.
    public static func spec(paths: String, extra: String = "", info: String = #""title":"t","version":"1.0.0""#) -> String {
        #"{"openapi":"3.0.3","info":{\#(info)},"paths":{\#(paths)}\#(extra)}"#
    }

    /// A path with one operation (`body`: more JSON members of it).
    public static func op(_ path: String, _ body: String = "", method: String = "get", id: String? = nil) -> String {
        let operationId = id.map { #""operationId":"\#($0)","# } ?? ""
        return #""\#(path)":{"\#(method)":{\#(operationId)\#(body.isEmpty ? "" : body + ",")\#(ok)}}"#
    }

    /// Diffs each case old → new and new → old with `diff`, checks the ids each direction gives
    /// and that every change has a line on both sides; returns every id produced.
    public static func checkBothWays(_ cases: [SpecCase], diff: (String, String) throws -> DiffResult,
                                     file: StaticString = #filePath, line: UInt = #line) -> Set<String> {
        var produced: Set<String> = []
        for (i, c) in cases.enumerated() {
            let forward: DiffResult, backward: DiffResult
            do {
                forward = try diff(c.old, c.new)
                backward = try diff(c.new, c.old)
            } catch {
                XCTFail("case \(i) \(c.forward): \(error)", file: file, line: line)
                continue
            }
            XCTAssertEqual(Set(forward.ids), Set(c.forward), "forward \(c.forward)", file: file, line: line)
            XCTAssertEqual(Set(backward.ids), Set(c.backward), "backward \(c.backward)", file: file, line: line)
            for change in forward.changes + backward.changes {
                XCTAssertGreaterThan(change.old.line, 0, change.id, file: file, line: line)
                XCTAssertGreaterThan(change.new.line, 0, change.id, file: file, line: line)
            }
            produced.formUnion(forward.ids)
            produced.formUnion(backward.ids)
        }
        return produced
    }
}
