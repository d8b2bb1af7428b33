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
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The case: crr-error-code-status cites the code table's line; three comment lines
    /// added above `components:` move it, and the baselined finding must stay accepted.
    func testMovingTextKeepsAPositionCitingFindingAccepted() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent(CRRRuleTests.name).path
        let text = CRRRuleTests.base.with("POR0010 added.", "Error code SER0028 is used for response 404 and error code SER0029 for response 500")
        func lint(_ text: String) throws -> [Finding] {
            let document = try DocumentLoader.load(bytes: Array(text.utf8), name: file, format: .yaml).documents[0].document
            return LintEngine(profiles: [CRRLint.profile]).lint(document: document, file: file).findings
        }
        let before = try lint(text)
        let cited = before.filter { $0.rule == "crr-error-code-status" && $0.message.contains("(line ") }
        XCTAssertFalse(cited.isEmpty, "the fixture no longer produces a position-citing finding: \(before.map(\.message))")
        let path = directory.appendingPathComponent(".crrspec-baseline.json").path
        try LintBaseline.render(before, directory: directory.path).write(toFile: path, atomically: true, encoding: .utf8)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(written.contains("(line 6") || written.contains("(line 7") || written.contains("(line 8"), written)
        let moved = text.with("\ncomponents:\n", "\n# one\n# two\n# three\ncomponents:\n")
        let after = try lint(moved)
        XCTAssertEqual(after.count, before.count)
        XCTAssertNotEqual(after.filter { $0.rule == "crr-error-code-status" }.map(\.message), cited.map(\.message), "the text did not move the cited line")
        let (new, accepted) = try LintBaseline.load(path).filter(after)
        XCTAssertEqual(new.map(\.message), [])
        XCTAssertEqual(accepted, before.count)
    }

    /// A baseline written before positions were left out (message with "(line 63)") still matches.
}
