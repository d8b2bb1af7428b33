import Document
import Foundation
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// Baselines match findings without positions, so moving text never revives an accepted one.
final class BaselineTests: XCTestCase {
    func testPositionsAreLeftOutOfTheFingerprint() {
        XCTAssertEqual(LintBaseline.positionFree("pairs it with HTTP 500 (line 568): the spec contradicts itself"),
                       "pairs it with HTTP 500 (line …): the spec contradicts itself")
        XCTAssertEqual(LintBaseline.positionFree("enum value \"ON\" is listed twice (first at line 12)"),
                       "enum value \"ON\" is listed twice (first at line …)")
        XCTAssertEqual(LintBaseline.positionFree("see a.yaml:12:5 and lines 3-9, column 40"), "see a.yaml:…:… and lines …, column …")
        // Numbers that are not positions stay.
        XCTAssertEqual(LintBaseline.positionFree("maxLength 40 at 10:30:00 for SER0028 and HTTP 404"),
                       "maxLength 40 at 10:30:00 for SER0028 and HTTP 404")
    }

    /// A baseline written before positions were left out (message with "(line 63)") still matches.
    func testOldBaselinesWithPositionsStillMatch() throws {
        let directory = try temporaryDirectory("crrspec-baseline")
        let path = directory.appendingPathComponent("b.json").path
        try #"{"findings": [{"rule": "r", "file": "a.yaml", "pointer": "/x", "message": "pairs it with HTTP 500 (line 63)"}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let finding = Finding(rule: "r", severity: .error, file: directory.appendingPathComponent("a.yaml").path, line: 90, column: 3,
                              pointer: "/x", message: "pairs it with HTTP 500 (line 66)")
        XCTAssertEqual(try LintBaseline.load(path).filter([finding]).accepted, 1)
    }
}
