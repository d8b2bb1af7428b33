import CRR
@testable import CRRRules
import Document
import Foundation
import JSONSchema
@testable import Lint
import Reporting
import XCTest

/// Lints documents given as text, and checks a rule against a failing and a passing document.
enum LintTest {
    /// An engine with the CRR layer (given to it, not installed).
    static let engine = LintEngine(profiles: [CRRLint.profile])

    static func lint(_ text: String, name: String, profile: ProfileSelection = .auto) -> [Finding] {
        let format: InputFormat = name.hasSuffix(".json") ? .json : .yaml
        let document: Document
        do {
            document = try DocumentLoader.load(bytes: Array(text.utf8), name: name, format: format).documents[0].document
        } catch {
            XCTFail("fixture does not parse: \(error)")
            return []
        }
        let engine = profile == .auto ? self.engine : LintEngine(profile: profile, profiles: [CRRLint.profile])
        return engine.lint(document: document, file: name).findings
    }

    /// The repository root (for the catalog files) and the shared reference folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let published = repository.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi")
}

/// One rule's pair of test documents.
struct RuleFixture {
    var name: String
    var failing: String
    var passing: String
    /// A piece of the message the failing document must produce.
    var expect: String
}

extension XCTestCase {
    /// The rule reports the failing document (with `expect` in a message) and not the passing one.
    func check(_ rule: String, _ fixture: RuleFixture, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(LintTest.engine.layers.flatMap(\.rules).first { $0.meta.id == rule } ?? LintEngine.rule(rule), "no rule \(rule)", file: file, line: line)
        let failing = LintTest.lint(fixture.failing, name: fixture.name).filter { $0.rule == rule }
        XCTAssertFalse(failing.isEmpty, "\(rule) did not report the failing document", file: file, line: line)
        XCTAssertTrue(failing.contains { $0.message.contains(fixture.expect) },
                      "\(rule): no message contains \"\(fixture.expect)\": \(failing.map(\.message))", file: file, line: line)
        XCTAssertTrue(failing.allSatisfy { $0.line > 0 }, "\(rule): a finding without a position", file: file, line: line)
        let passing = LintTest.lint(fixture.passing, name: fixture.name).filter { $0.rule == rule }
        XCTAssertTrue(passing.isEmpty, "\(rule) reported the passing document: \(passing.map(\.message))", file: file, line: line)
    }
}

extension String {
    /// The text with `old` replaced; fails the test when `old` is not there.
    func with(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(contains(old), "fixture text not found: \(old)", file: file, line: line)
        return replacing(old, with: new)
    }
}
