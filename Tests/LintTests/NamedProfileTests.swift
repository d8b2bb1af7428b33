import Document
import Foundation
import JSONSchema
import Lint
import EngineTestSupport
import XCTest

/// Profiles are named by the layer that brings them: the engine knows `auto` and `none`, a
/// configuration may name a profile it is given, and `--profile NAME` turns it on.
final class NamedProfileTests: XCTestCase {
    static let acme = LintProfile(name: "acme", rules: [], decide: { selection, _, _ in
        ProfileDecision(active: selection.forcedProfile == "acme", reason: selection == .auto ? "acme decides" : "--profile \(selection)")
    })

    func config(_ text: String) throws -> String {
        let path = try temporaryDirectory("crrspec-profile").appendingPathComponent(".crrspec.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAConfigurationNamesOnlyTheProfilesItIsGiven() throws {
        let path = try config("lint:\n  profile: acme\n")
        let loaded = try LintConfig.load(path, profiles: [Self.acme])
        XCTAssertEqual(loaded.profile, .named("acme"))
        XCTAssertEqual(loaded.profile(for: "x.yaml"), true)
        XCTAssertThrowsError(try LintConfig.load(path)) { error in
            XCTAssertTrue("\(error)".contains("profile is auto or none"), "\(error)")
        }
        XCTAssertThrowsError(try LintConfig.load(try config("lint:\n  profile: other\n"), profiles: [Self.acme])) { error in
            XCTAssertTrue("\(error)".contains("profile is auto, acme or none"), "\(error)")
        }
        XCTAssertEqual(try LintConfig.load(try config("lint:\n  profile: none\n")).profile(for: "x.yaml"), false)
    }

    func testSelections() {
        XCTAssertNil(ProfileSelection.auto.forcedProfile)
        XCTAssertNil(ProfileSelection.none.forcedProfile)
        XCTAssertEqual(ProfileSelection.named("acme").forcedProfile, "acme")
        XCTAssertEqual(ProfileSelection(rawValue: "none"), .none)
        XCTAssertEqual("\(ProfileSelection.named("acme"))", "acme")
    }

    func testTheEngineReportsTheConfigurationsProfile() throws {
        let path = try config("lint:\n  profile: acme\n")
        let engine = LintEngine(config: try LintConfig.load(path, profiles: [Self.acme]), profiles: [Self.acme])
        let document = try JSONReader.parse(string: #"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{}}"#, name: "x.json")
        let result = engine.lint(document: document, file: "x.json")
        XCTAssertEqual(result.profile?.active, true)
        XCTAssertEqual(result.profile?.reason, "profile: acme in \(path)")
    }
}
