import Document
import Foundation
import JSONSchema
import Lint
import Reporting
import XCTest

/// The profiles a lint test target runs the engine with: none for the general engine's tests,
/// the CRR layer's for its own.
public protocol LintLayer {
    static var profiles: [LintProfile] { get }
    /// One engine with those profiles, kept for the `auto` selection (a `static let`).
    static var engine: LintEngine { get }
}

/// Lints documents given as text with `Layer`'s profiles, and checks a rule against a failing
/// and a passing document. A test target names it once: `typealias LintTest = LintFixtures<MyLayer>`.
public enum LintFixtures<Layer: LintLayer> {
    /// An engine with the layer's profiles (given to it, nothing installed).
    public static var engine: LintEngine { Layer.engine }

    /// The first document of `text`, read as JSON when the name ends in `.json`, else as YAML.
    public static func document(_ text: String, name: String) throws -> Document {
        let format: InputFormat = name.hasSuffix(".json") ? .json : .yaml
        return try DocumentLoader.load(bytes: Array(text.utf8), name: name, format: format).documents[0].document
    }

    public static func lint(_ text: String, name: String, profile: ProfileSelection = .auto) -> [Finding] {
        let document: Document
        do {
            document = try self.document(text, name: name)
        } catch {
            XCTFail("fixture does not parse: \(error)")
            return []
        }
        let engine = profile == .auto ? Layer.engine : LintEngine(profile: profile, profiles: Layer.profiles)
        return engine.lint(document: document, file: name).findings
    }

    /// The repository root (for the catalog files) and the shared reference folder.
    public static var repository: URL { TestPaths.repository }
    public static var published: URL { TestPaths.published }

    /// The rule reports the failing document (with `expect` in a message) and not the passing one.
    public static func check(_ rule: String, _ fixture: RuleFixture, file: StaticString = #filePath, line: UInt = #line) {
        let known = (LintEngine.rules + Layer.profiles.flatMap(\.rules)).contains { $0.meta.id == rule }
        XCTAssertTrue(known, "no rule \(rule)", file: file, line: line)
        let failing = lint(fixture.failing, name: fixture.name).filter { $0.rule == rule }
        XCTAssertFalse(failing.isEmpty, "\(rule) did not report the failing document", file: file, line: line)
        XCTAssertTrue(failing.contains { $0.message.contains(fixture.expect) },
                      "\(rule): no message contains \"\(fixture.expect)\": \(failing.map(\.message))", file: file, line: line)
        XCTAssertTrue(failing.allSatisfy { $0.line > 0 }, "\(rule): a finding without a position", file: file, line: line)
        let passing = lint(fixture.passing, name: fixture.name).filter { $0.rule == rule }
        XCTAssertTrue(passing.isEmpty, "\(rule) reported the passing document: \(passing.map(\.message))", file: file, line: line)
    }
}

/// One rule's pair of test documents.
public struct RuleFixture: Sendable {
    public var name: String
    public var failing: String
    public var passing: String
    /// A piece of the message the failing document must produce.
    public var expect: String

    public init(name: String, failing: String, passing: String, expect: String) {
        self.name = name
        self.failing = failing
        self.passing = passing
        self.expect = expect
    }
}

/// Where the tests find files.
public enum TestPaths {
    /// The repository root.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared reference folder (the published CAISO specs, when present: CI has them).
    public static let published = repository.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi")

    /// The path of a file in the repository.
    public static func repository(_ path: String) -> String { repository.appendingPathComponent(path).path }
}

extension XCTestCase {
    /// A new empty folder under the system's temporary folder (`prefix-UUID`), removed when the
    /// test ends.
    public func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

extension String {
    /// The text with `old` replaced; fails the test when `old` is not there.
    public func with(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(contains(old), "fixture text not found: \(old)", file: file, line: line)
        return replacing(old, with: new)
    }
}
