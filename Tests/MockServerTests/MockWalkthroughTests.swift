import Foundation
import XCTest

/// The walk-through of docs/mock.md, with the real binary: a valid and an invalid auction
/// portfolio sent with curl.
final class MockWalkthroughTests: XCTestCase {
    func testValidAndInvalidPortfolio() throws {
        let mock = try MockProcess(["auction"])
        defer { mock.stop() }
        XCTAssertTrue(mock.stdout.contains("mounted auction 1.2.1 (openapi/caiso_crr_auction_v1.2.1_openapi.yaml): 8 operations under /crr, CRR errors, CRR profile"), mock.stdout)
        let url = mock.url + "/crr/auction/v1.0/portfolioCreation"
        let headers = ["Content-Type: application/json", MockServerTests.requestID]
        let examples = MockProcess.packageRoot.appendingPathComponent("examples/submissions/auction").path
        let valid = try Curl.run(url, method: "POST", headers: headers, bodyFile: examples + "/portfolioCreation.valid.json")
        XCTAssertEqual(valid.status, 200, valid.body)
        XCTAssertEqual(valid.headers["content-type"], "application/json")
        let invalid = try Curl.run(url, method: "POST", headers: headers, bodyFile: examples + "/portfolioCreation.invalid-501-bids.json")
        XCTAssertEqual(invalid.status, 400)
        XCTAssertTrue(invalid.body.hasPrefix(#"{"errorList":[{"errorCode":"SER0030","errorDescription":"/newBids: CRR business rule, not in the published spec: the array has 501 items, more than the maximum of 500 (the 2024-11-21 CPG meeting notes limit one submission to 500 records; CAISO answers SER0030) (line 4, column 14)","severity":"ERROR"}],"creationTime":""#), invalid.body)
    }
}
