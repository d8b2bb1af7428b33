import CRRRules
import EngineTestSupport
import XCTest
@testable import Diff

/// `x-crr-rule` marks in `diff`: the changes a mark covers are reported as CRR business rules and
/// need no bump, between files of the same version only.
final class BusinessRuleMarkTests: XCTestCase {

    static let marked = #"{"type":"string","x-crr-rule":{"keywords":["minLength"],"reason":"an empty name names nothing","code":"SER0030"},"minLength":1}"#

    func testAMarkedKeywordIsABusinessRuleAndNeedsNoBump() throws {
        let result = try Fixture.diff(Fixture.document(Self.marked, at: .request), Fixture.document(#"{"type":"string"}"#, at: .request))
        let change = try XCTUnwrap(result.first("request-min-length-loosened"), "\(result.ids)")
        XCTAssertEqual(change.businessRule?.reason, "an empty name names nothing")
        XCTAssertEqual(change.businessRule?.code, "SER0030")
        XCTAssertEqual(change.businessRule?.file, "old.json")
        XCTAssertEqual(change.bump, .none)
        XCTAssertTrue(change.message.hasSuffix("[CRR business rule, not in the published spec (an empty name names nothing; CAISO answers SER0030)]"), change.message)
        XCTAssertEqual(result.requiredBump, .none)
        XCTAssertEqual(change.businessRule?.name, "CRR business rule")
        let text = DiffTextRenderer.render(DiffReport(entries: [DiffReport.Entry(result: result)]), versionCheck: false)
        XCTAssertTrue(text.hasPrefix("old.json → new.json: 1 change (1 of them marked CRR business rules, which need no bump), required bump NONE"), text)
        // Without the layer's annotation the mark is an x- extension like any other.
        let general = try SpecDiff.compare(Fixture.input(Fixture.document(Self.marked, at: .request), name: "old.json"),
                                           Fixture.input(Fixture.document(#"{"type":"string"}"#, at: .request), name: "new.json"))
        XCTAssertNil(general.first("request-min-length-loosened")?.businessRule)
        XCTAssertTrue(general.ids.contains("annotation-changed"), "\(general.ids)")
        // The other way round the mark is on the new side: the same.
        let back = try Fixture.diff(Fixture.document(#"{"type":"string"}"#, at: .request), Fixture.document(Self.marked, at: .request))
        XCTAssertEqual(try XCTUnwrap(back.first("request-min-length-tightened")).businessRule?.file, "new.json")
        XCTAssertEqual(back.requiredBump, .none)
    }

    func testAMarkCoversOnlyTheKeywordsItNames() throws {
        let old = #"{"type":"string","x-crr-rule":{"keywords":["minLength"],"reason":"r"},"minLength":1,"maxLength":5}"#
        let result = try Fixture.diff(Fixture.document(old, at: .request), Fixture.document(#"{"type":"string","minLength":1}"#, at: .request))
        let change = try XCTUnwrap(result.first("request-max-length-loosened"), "\(result.ids)")
        XCTAssertNil(change.businessRule)
        XCTAssertEqual(result.requiredBump, .minor)
    }

    func testNodeMarksRequestBodiesCodeRowsAndAbsentMembers() throws {
        // A whole response, a request body's `required`, a code-table row and a member the
        // marked schema lacks (`properties`).
        let old = Fixture.openAPI(#""post":{"requestBody":{"required":true,"x-crr-rule":{"keywords":["required"],"reason":"body"},"content":{"application/json":{"schema":{"type":"object","x-crr-rule":{"keywords":["properties"],"reason":"props"}}}}},"responses":{"200":{"description":"ok"},"404":{"description":"no","x-crr-rule":{"reason":"common error contract"}}}}"#,
                                  extra: #","components":{"schemas":{"CRRServiceException":{"type":"object","x-crr-rule":{"keywords":["description"],"codes":["ABC0001"],"reason":"note"},"description":"<table><tr><th>Code</th><th>Text</th></tr><tr><td>ABC0001</td><td>a</td></tr><tr><td>ABC0002</td><td>b</td></tr></table>"}}}"#)
        let new = Fixture.openAPI(#""post":{"requestBody":{"content":{"application/json":{"schema":{"type":"object","properties":{"items":{"type":"string"}}}}}},"responses":{"200":{"description":"ok"}}}"#,
                                  extra: #","components":{"schemas":{"CRRServiceException":{"type":"object","description":"<table><tr><th>Code</th><th>Text</th></tr></table>"}}}"#)
        let result = try Fixture.diff(old, new)
        XCTAssertEqual(result.first("request-body-became-optional")?.businessRule?.reason, "body")
        XCTAssertEqual(result.first("response-status-removed")?.businessRule?.reason, "common error contract")
        let codes = result.changes.filter { $0.id == "error-code-removed" }
        XCTAssertEqual(codes.map { $0.businessRule?.reason }, ["note", nil], "only the row the mark names: \(codes.map(\.message))")
        XCTAssertEqual(result.changes.first { $0.id.hasSuffix("property-added") }?.businessRule?.reason, "props", "\(result.ids)")
    }

    func testBetweenVersionsAMarkChangesNothing() throws {
        let old = Fixture.document(Self.marked, at: .request)
        let new = Fixture.document(#"{"type":"string"}"#, at: .request).replacing(#""version":"1.0.0""#, with: #""version":"1.1.0""#)
        let result = try Fixture.diff(old, new)
        XCTAssertNil(try XCTUnwrap(result.first("request-min-length-loosened")).businessRule)
        XCTAssertEqual(result.requiredBump, .minor)
    }
}
