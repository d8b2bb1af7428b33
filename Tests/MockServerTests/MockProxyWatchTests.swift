import Foundation
import XCTest

/// `--proxy URL` with a second `crrspec mock` as the upstream, and `--watch` on a spec file
/// edited while the mock runs: the real binary on ephemeral ports, spoken to with curl.
final class MockProxyWatchTests: XCTestCase {
    static let requestID = "caiso-request-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6"

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-mock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func logLines(_ file: URL) -> [[String: Any]] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func testProxyPassesTheUpstreamsAnswerThroughAndReportsRequestViolations() throws {
        let dir = try temporaryDirectory()
        let upstream = try MockProcess(["auction", "--quiet"])
        defer { upstream.stop() }
        let log = dir.appendingPathComponent("proxy.jsonl")
        let proxy = try MockProcess(["auction", "--quiet", "--proxy", upstream.url, "--log", log.path])
        defer { proxy.stop() }
        XCTAssertTrue(proxy.stdout.contains("proxying to \(upstream.url)"), proxy.stdout)
        let valid = MockProcess.packageRoot.appendingPathComponent("examples/submissions/auction/portfolioCreation.valid.json").path
        let headers = ["Content-Type: application/json", Self.requestID]
        let direct = try Curl.run(upstream.url + "/crr/auction/v1.0/portfolioCreation", method: "POST", headers: headers, bodyFile: valid)
        let proxied = try Curl.run(proxy.url + "/crr/auction/v1.0/portfolioCreation", method: "POST", headers: headers, bodyFile: valid)
        XCTAssertEqual(proxied.status, 200, proxied.body)
        XCTAssertEqual(proxied.body, direct.body)
        XCTAssertEqual(proxied.headers["content-type"], direct.headers["content-type"])
        XCTAssertNil(proxied.headers["x-crrspec-violations"], proxied.body)

        let invalid = MockProcess.packageRoot.appendingPathComponent("examples/submissions/auction/portfolioCreation.invalid-501-bids.json").path
        let rejected = try Curl.run(proxy.url + "/crr/auction/v1.0/portfolioCreation", method: "POST", headers: headers, bodyFile: invalid)
        // The upstream's own 400 comes back unchanged; the proxy names what it saw.
        XCTAssertEqual(rejected.status, 400, rejected.body)
        XCTAssertTrue(rejected.body.contains("SER0030"), rejected.body)
        XCTAssertEqual(rejected.headers["x-crrspec-violations"], "1; request maxItems /newBids")
        proxy.stop()
        let records = logLines(log)
        XCTAssertEqual(records.count, 2, "\(records)")
        let last = try XCTUnwrap(records.last)
        XCTAssertEqual(last["status"] as? Int, 400)
        XCTAssertEqual(last["operationId"] as? String, "portfolioCreation")
        let violation = try XCTUnwrap((last["violations"] as? [[String: Any]])?.first)
        XCTAssertEqual(violation["side"] as? String, "request")
        XCTAssertEqual(violation["pointer"] as? String, "/newBids")
    }

    func testProxyChecksTheUpstreamsAnswerAgainstTheSpec() throws {
        let dir = try temporaryDirectory()
        // The upstream answers {"id":"x"} and knows a 418; the spec the proxy holds wants an
        // integer id and no 418.
        let loose = dir.appendingPathComponent("loose.yaml")
        try """
            openapi: 3.0.3
            info: {title: loose, version: "1.0.0"}
            paths:
              /items:
                get:
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {type: object}, example: {id: x}}}}
                    "418": {description: teapot, content: {text/plain: {schema: {type: string}, example: short and stout}}}
            """.write(to: loose, atomically: true, encoding: .utf8)
        let strict = dir.appendingPathComponent("strict.yaml")
        try """
            openapi: 3.0.3
            info: {title: strict, version: "1.0.0"}
            paths:
              /items:
                get:
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}}
            """.write(to: strict, atomically: true, encoding: .utf8)
        let upstream = try MockProcess([loose.path, "--quiet"])
        defer { upstream.stop() }
        let proxy = try MockProcess([strict.path, "--quiet", "--proxy", upstream.url])
        defer { proxy.stop() }
        let wrongType = try Curl.run(proxy.url + "/items")
        XCTAssertEqual(wrongType.status, 200)
        XCTAssertEqual(wrongType.body, #"{"id":"x"}"#)
        XCTAssertEqual(wrongType.headers["x-crrspec-violations"], "1; response type /id")
        let teapot = try Curl.run(proxy.url + "/items", headers: ["Prefer: code=418"])
        XCTAssertEqual(teapot.status, 418)
        XCTAssertTrue(teapot.body.contains("short and stout"), teapot.body)
        XCTAssertEqual(teapot.headers["x-crrspec-violations"], "1; response mock-undeclared-status (root)")
    }

    func testProxyAnswers502WhenTheUpstreamIsDown() throws {
        // Port 1 on the loopback: nothing listens there.
        let proxy = try MockProcess(["auction", "--quiet", "--proxy", "http://127.0.0.1:1", "--proxy-timeout", "20"])
        defer { proxy.stop() }
        let answer = try Curl.run(proxy.url + "/crr/auction/v1.0/portfolioList?marketName=AUC_MN_2025_M01&participantName=CISO",
                                  headers: [Self.requestID])
        XCTAssertEqual(answer.status, 502, answer.body)
        XCTAssertTrue(answer.body.contains("the upstream http://127.0.0.1:1 did not answer"), answer.body)
        XCTAssertEqual(answer.headers["x-crrspec-violations"], "1; response mock-upstream-unavailable (root)")
    }

    func testProxyRejectsAURLThatIsNotHTTP() throws {
        XCTAssertThrowsError(try MockProcess(["auction", "--proxy", "ftp://example.com"])) { error in
            let start = error as? MockStartError
            XCTAssertEqual(start?.status, 2)
            XCTAssertTrue(start?.stderr.contains("--proxy ftp://example.com: not an http:// or https:// URL") == true, "\(error)")
        }
    }

    func testWatchReloadsAChangedSpecAndKeepsTheOldOneOnABrokenEdit() throws {
        let dir = try temporaryDirectory()
        let spec = dir.appendingPathComponent("api.yaml")
        func write(_ paths: [String]) throws {
            var text = "openapi: 3.0.3\ninfo: {title: t, version: \"1.0.0\"}\npaths:\n"
            for path in paths { text += "  \(path):\n    get:\n      responses: {\"204\": {description: none}}\n" }
            try text.write(to: spec, atomically: true, encoding: .utf8)
        }
        try write(["/a"])
        let log = dir.appendingPathComponent("log.jsonl")
        let mock = try MockProcess([spec.path, "--watch", "--quiet", "--log", log.path])
        defer { mock.stop() }
        XCTAssertEqual(try Curl.run(mock.url + "/a").status, 204)
        XCTAssertEqual(try Curl.run(mock.url + "/b").status, 404)

        try write(["/a", "/b"])
        // The watcher polls twice a second; wait up to 60 s on a loaded machine.
        var status = 0
        for _ in 0..<240 {
            status = try Curl.run(mock.url + "/b").status
            if status == 204 { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTAssertEqual(status, 204, mock.stderr)
        XCTAssertTrue(mock.stderr.contains("changed: reloaded, 2 operations mounted"), mock.stderr)

        // A broken edit: the version with /a and /b stays.
        try "openapi: 3.0.3\npaths: [unclosed\n".write(to: spec, atomically: true, encoding: .utf8)
        for _ in 0..<240 where !mock.stderr.contains("cannot be used") { Thread.sleep(forTimeInterval: 0.25) }
        XCTAssertTrue(mock.stderr.contains("changed but cannot be used, still serving the previous version: "), mock.stderr)
        XCTAssertTrue(mock.stderr.contains("api.yaml:"), mock.stderr)
        XCTAssertEqual(try Curl.run(mock.url + "/a").status, 204)
        XCTAssertEqual(try Curl.run(mock.url + "/b").status, 204)
        mock.stop()
        let events = logLines(log).compactMap { $0["event"] as? String }
        XCTAssertEqual(events, ["mock-reloaded", "mock-reload-failed"])
    }

    func testWatchNeedsASpecFile() throws {
        XCTAssertThrowsError(try MockProcess(["--watch"])) { error in
            XCTAssertEqual((error as? MockStartError)?.status, 2)
        }
    }
}
