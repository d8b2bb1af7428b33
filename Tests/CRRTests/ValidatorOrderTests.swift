import CRR
import Foundation
import Reporting
import XCTest

/// `CRRValidator.validate` keeps records in file order and each record's problems in the
/// validator's order, with the details of a failed anyOf/oneOf under its summary.
final class ValidatorOrderTests: XCTestCase {
    func testRecordsInFileOrderAndBranchDetailsUnderTheirSummary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let schema = #"""
        {"type": "object", "properties": {
          "a": {"anyOf": [{"type": "string", "maxLength": 2}, {"type": "integer"}]},
          "b": {"type": "integer"}}}
        """#
        let path = dir.appendingPathComponent("s.json").path
        try schema.write(toFile: path, atomically: true, encoding: .utf8)
        let validator = try CRRValidator(schemaFile: path, profile: .none)
        let lines = [
            #"{"b": "x", "a": "long"}"#,   // line 1: b wrong, then a (anyOf) wrong: keep that order
            #"{"a": 1,"#,                   // line 2: malformed
            #"{"b": 2, "a": 1}"#,           // line 3: valid
            #"{"b": "y"}"#,                 // line 4: b wrong
        ].joined(separator: "\n")
        let result = validator.validate(Data(lines.utf8), format: .jsonl, name: "u.jsonl")
        XCTAssertEqual(result.records, 4)
        XCTAssertEqual(result.problems.map(\.record), [1, 1, 2, 4], "\(result.problems)")
        let first = result.problems.filter { $0.record == 1 }
        XCTAssertFalse(first.contains(where: \.isBranchDetail), "branch details are not in the list")
        let summary = try XCTUnwrap(first.first { $0.instanceLocation == "/a" })
        XCTAssertFalse(summary.branchDetails.isEmpty, "\(summary)")
        XCTAssertTrue(summary.branchDetails.allSatisfy(\.isBranchDetail))
        XCTAssertEqual(result.problems[2].ruleID, "malformed-input")
        // allProblems puts each detail right after its summary.
        let all = result.allProblems
        let i = try XCTUnwrap(all.firstIndex { $0.instanceLocation == "/a" && !$0.isBranchDetail })
        XCTAssertTrue(all[i + 1].isBranchDetail)
        XCTAssertEqual(all.count, result.problems.count + summary.branchDetails.count)

        // Each problem maps onto Reporting's Finding, so every report format renders it.
        let finding = summary.finding
        XCTAssertEqual(finding.rule, "anyOf")
        XCTAssertEqual(finding.pointer, "/a")
        XCTAssertEqual(finding.details.first, "  at instance /a, schema /properties/a/anyOf")
        XCTAssertEqual(finding.details.count, 1 + summary.branchDetails.count)
        XCTAssertTrue(finding.properties.contains(Finding.Property("record", "1")))
        let annotation = GitHubAnnotations.render([finding])
        XCTAssertTrue(annotation.hasPrefix("::error file=u.jsonl,line=1,col="), annotation)
        XCTAssertTrue(annotation.contains("%0A  at instance /a, schema /properties/a/anyOf%0A    1:"), annotation)
        XCTAssertEqual(result.problems[2].finding.details, [], "an input problem has no schema location")
    }
}
