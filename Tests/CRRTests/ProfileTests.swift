import CRR
import Document
import XCTest

/// The CRR profile is recognised by file name, catalog origin and content, and says why.
final class ProfileTests: XCTestCase {
    func root(_ yaml: String) throws -> Value {
        try YAMLReader.parse(Array(yaml.utf8), name: "spec.yaml").root
    }

    static let plain = "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths: {}\n"

    func testContentMakesAFileCRR() throws {
        let exception = try root(Self.plain + "components:\n  schemas:\n    CRRServiceException: {type: object}\n")
        XCTAssertEqual(CRRProfile.decide(.auto, path: "lm.yaml", document: exception),
                       CRRProfile.Decision(active: true, reason: "it defines CRRServiceException"))
        let server = try root(Self.plain + "servers:\n  - url: https://mapstage-api.caiso.com/crr\n")
        XCTAssertEqual(CRRProfile.decide(.auto, path: "x.yaml", document: server).reason,
                       "its server https://mapstage-api.caiso.com/crr is a CAISO CRR server")
        let table = try root("openapi: 3.0.3\ninfo:\n  title: T\n  version: 1.0.0\n  description: '<table><tr><td>SER0001</td><td>Internal error</td></tr></table>'\npaths: {}\n")
        XCTAssertEqual(CRRProfile.decide(.auto, path: "x.yaml", document: table).reason, "it holds CAISO's CRR error-code table")
    }

    func testOtherFilesAndOverrides() throws {
        let other = try root(Self.plain + "servers:\n  - url: https://api.example.com/crr\n  - url: https://caiso.com.evil.example/crr\n")
        let decision = CRRProfile.decide(.auto, path: "x.yaml", document: other)
        XCTAssertFalse(decision.active)
        XCTAssertEqual(decision.summary, "CRR profile off (neither the file name nor the content is CRR's; --profile crr turns it on)")
        XCTAssertEqual(CRRProfile.decide(.crr, path: "x.yaml", document: other).summary, "CRR profile on (--profile crr)")
        let crr = try root(Self.plain + "components:\n  schemas:\n    CRRServiceException: {type: object}\n")
        XCTAssertEqual(CRRProfile.decide(.none, path: "caiso_crr_auction_v1.2.1.yaml", document: crr).summary, "CRR profile off (--profile none)")
        XCTAssertEqual(CRRProfile.decide(.auto, path: "specs/caiso_crr_auction_v1.2.1.yaml", document: nil).reason, "the file name follows CRR naming")
    }
}
