import EngineTestSupport
import Lint
import XCTest

/// The general engine: no profile, whatever another test installed.
enum GeneralLint: LintLayer {
    static let profiles: [LintProfile] = []
    static let engine = LintEngine(profiles: profiles)
}

typealias LintTest = LintFixtures<GeneralLint>

extension XCTestCase {
    /// The rule reports the failing document (with `expect` in a message) and not the passing one.
    func check(_ rule: String, _ fixture: RuleFixture, file: StaticString = #filePath, line: UInt = #line) {
        LintTest.check(rule, fixture, file: file, line: line)
    }
}
