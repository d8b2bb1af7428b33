import CRR
@testable import CRRRules
import Document
import Foundation
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// Baselines match findings without positions, so moving text never revives an accepted one.
final class CRRBaselineTests: XCTestCase {
    /// The case: crr-error-code-status cites the code table's line; three comment lines
    /// added above `components:` move it, and the baselined finding must stay accepted.
    func testMovingTextKeepsAPositionCitingFindingAccepted() throws {
        let directory = try temporaryDirectory("crrspec-baseline")
        let file = directory.appendingPathComponent(CRRRuleTests.name).path
        let text = CRRRuleTests.base.with("POR0010 added.", "Error code SER0028 is used for response 404 and error code SER0029 for response 500")
        let before = LintTest.lint(text, name: file)
        let cited = before.filter { $0.rule == "crr-error-code-status" && $0.message.contains("(line ") }
        XCTAssertFalse(cited.isEmpty, "the fixture no longer produces a position-citing finding: \(before.map(\.message))")
        let path = directory.appendingPathComponent(".crrspec-baseline.json").path
        try LintBaseline.render(before, directory: directory.path).write(toFile: path, atomically: true, encoding: .utf8)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(written.contains("(line 6") || written.contains("(line 7") || written.contains("(line 8"), written)
        let moved = text.with("\ncomponents:\n", "\n# one\n# two\n# three\ncomponents:\n")
        let after = LintTest.lint(moved, name: file)
        XCTAssertEqual(after.count, before.count)
        XCTAssertNotEqual(after.filter { $0.rule == "crr-error-code-status" }.map(\.message), cited.map(\.message), "the text did not move the cited line")
        let (new, accepted) = try LintBaseline.load(path).filter(after)
        XCTAssertEqual(new.map(\.message), [])
        XCTAssertEqual(accepted, before.count)
    }
}
