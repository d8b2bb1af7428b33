import CRRRules
import EngineTestSupport
import Lint
import XCTest

/// The engine with the CRR layer (given to it, not installed).
enum CRRLintLayer: LintLayer {
    static let profiles = [CRRLint.profile]
    static let engine = LintEngine(profiles: profiles)
}

typealias LintTest = LintFixtures<CRRLintLayer>

extension XCTestCase {
    /// The rule reports the failing document (with `expect` in a message) and not the passing one.
    func check(_ rule: String, _ fixture: RuleFixture, file: StaticString = #filePath, line: UInt = #line) {
        LintTest.check(rule, fixture, file: file, line: line)
    }
}
