import Foundation
import XCTest

/// `crrspec mock` started as a user would: the real binary on an ephemeral port of 127.0.0.1,
/// spoken to with curl.
final class MockServerTests: XCTestCase {
    static let requestID = "caiso-request-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6"

    func testServesEveryCurrentCatalogServiceAndStopsOnSIGTERM() throws {
        let mock = try MockProcess([])
        let mounted = mock.stdout.split(separator: "\n").filter { $0.hasPrefix("mounted ") }
        // One line per current service of the catalog (newest version of each).
        XCTAssertEqual(mounted.count, 10, mock.stdout)
        XCTAssertTrue(mounted.contains { $0.hasPrefix("mounted auction 1.2.1 (openapi/caiso_crr_auction_v1.2.1_openapi.yaml)") }, mock.stdout)
        XCTAssertTrue(mock.url.hasPrefix("http://127.0.0.1:"), mock.url)
        let response = try Curl.run(mock.url + "/crr/marketstatus/v1.0/activeAuctionMarkets?participantName=CISO", headers: [Self.requestID])
        XCTAssertEqual(response.status, 200, response.body)
        XCTAssertEqual(mock.stop(), 0)
    }

    func testSIGINTStopsWithStatusZero() throws {
        let mock = try MockProcess(["auction"])
        XCTAssertEqual(mock.stop(signal: SIGINT), 0, mock.stderr)
    }

    func testUnknownPathIs404WithSER0029AndWrongMethodIs405() throws {
        let mock = try MockProcess(["auction"])
        defer { mock.stop() }
        let missing = try Curl.run(mock.url + "/crr/auction/v1.0/nothingHere")
        XCTAssertEqual(missing.status, 404)
        let json = try XCTUnwrap(missing.json as? [String: Any], missing.body)
        let first = try XCTUnwrap((json["errorList"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["errorCode"] as? String, "SER0029")
        XCTAssertEqual(first["severity"] as? String, "ERROR")
        let time = try XCTUnwrap(json["creationTime"] as? String)
        XCTAssertNotNil(time.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression), time)

        let wrong = try Curl.run(mock.url + "/crr/auction/v1.0/portfolioList", method: "PATCH")
        XCTAssertEqual(wrong.status, 405, wrong.body)
        XCTAssertEqual(wrong.headers["allow"], "GET")
    }

    func testBodyOverMaxBodyIs413() throws {
        let mock = try MockProcess(["auction", "--max-body", "1000"])
        defer { mock.stop() }
        let big = "{\"x\":\"" + String(repeating: "a", count: 5000) + "\"}"
        let response = try Curl.run(mock.url + "/crr/auction/v1.0/portfolioCreation", method: "POST",
                                    headers: ["Content-Type: application/json", Self.requestID], body: big)
        XCTAssertEqual(response.status, 413, response.body)
        XCTAssertTrue(response.body.contains("--max-body 1000"), response.body)
    }

    func testLogWritesOneJSONLinePerRequest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-mock-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let logFile = dir.appendingPathComponent("requests.jsonl").path
        let mock = try MockProcess(["auction", "--log", logFile])
        _ = try Curl.run(mock.url + "/crr/auction/v1.0/portfolioList?marketName=AUC", headers: [Self.requestID])
        _ = try Curl.run(mock.url + "/crr/auction/v1.0/nope")
        XCTAssertEqual(mock.stop(), 0)
        let lines = try String(contentsOfFile: logFile, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let records = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records.first?["method"] as? String, "GET")
        XCTAssertEqual(records.last?["status"] as? Int, 404)
        let violations = try XCTUnwrap(records.last?["violations"] as? [[String: Any]])
        XCTAssertEqual(violations.first?["id"] as? String, "mock-unknown-path")
        XCTAssertNotNil(records.first?["durationMs"] as? Double)
    }

    func testRouteClaimedTwiceIsAStartupErrorNamingBothFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-mock-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = { (id: String) in """
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            servers: [{url: "http://localhost/api"}]
            paths:
              /items/{id}:
                get:
                  operationId: \(id)
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {"200": {description: ok}}
            """ }
        try spec("a").write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try spec("b").replacingOccurrences(of: "{id}", with: "{itemId}").replacingOccurrences(of: "name: id", with: "name: itemId")
            .write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try MockProcess([dir.appendingPathComponent("a.yaml").path, dir.appendingPathComponent("b.yaml").path])) { error in
            let e = error as! MockStartError
            XCTAssertEqual(e.status, 2)
            XCTAssertTrue(e.stderr.contains("a.yaml:7") && e.stderr.contains("b.yaml:7"), e.stderr)
        }
    }
}
