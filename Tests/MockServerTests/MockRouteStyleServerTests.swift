import Foundation
import XCTest

/// Route templates with several variables in a segment and parameter styles, through the real
/// binary on an ephemeral port.
final class MockRouteStyleServerTests: XCTestCase {
    func write(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-mock-routes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func testMultiVariableSegmentsAndStylesOverHTTP() throws {
        let dir = try write(["api.yaml": """
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            servers: [{url: "http://localhost/api"}]
            paths:
              /files/{name}.{ext}:
                get:
                  operationId: file
                  parameters:
                    - {name: name, in: path, required: true, schema: {type: string}}
                    - {name: ext, in: path, required: true, schema: {type: string, enum: [json, csv]}}
                  responses: {"200": {description: ok}}
              /files/index.json:
                get:
                  operationId: index
                  responses: {"200": {description: ok}}
              /r/{a}-{b}/{m}:
                get:
                  operationId: range
                  parameters:
                    - {name: a, in: path, required: true, schema: {type: integer}}
                    - {name: b, in: path, required: true, schema: {type: integer}}
                    - {name: m, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: integer}}}
                    - {name: where, in: query, style: deepObject, explode: true, schema: {type: object, properties: {lat: {type: number, maximum: 90}}}}
                  responses: {"200": {description: ok}}
            """])
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.jsonl").path
        let mock = try MockProcess([dir.appendingPathComponent("api.yaml").path, "--log", log, "--quiet"])
        defer { mock.stop() }

        XCTAssertEqual(try Curl.run(mock.url + "/api/files/report.csv").status, 200)
        let ext = try Curl.run(mock.url + "/api/files/report.exe")
        XCTAssertEqual(ext.status, 400, ext.body)
        XCTAssertTrue(ext.body.contains("/path/ext"), ext.body)
        XCTAssertEqual(try Curl.run(mock.url + "/api/r/1-2/;m=3;m=4?where[lat]=45", extra: ["-g"]).status, 200)
        let bad = try Curl.run(mock.url + "/api/r/1-x/;m=3;m=y?where%5Blat%5D=95", extra: ["-g"])
        XCTAssertEqual(bad.status, 400, bad.body)
        for pointer in ["/path/b", "/path/m/1", "/query/where/lat"] { XCTAssertTrue(bad.body.contains(pointer), "\(pointer): \(bad.body)") }
        XCTAssertEqual(try Curl.run(mock.url + "/api/r/1-2/3", extra: ["-g"]).status, 400)
        XCTAssertEqual(try Curl.run(mock.url + "/api/r/12/;m=3", extra: ["-g"]).status, 404)
        XCTAssertEqual(try Curl.run(mock.url + "/api/files/index.json").status, 200)

        mock.stop()
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let operations = lines.compactMap { line -> String? in
            let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return record?["operationId"] as? String ?? "-"
        }
        XCTAssertEqual(operations, ["file", "file", "range", "range", "range", "-", "index"])
    }

    func testMultiVariableRouteClaimedTwiceIsAStartupErrorNamingBothFiles() throws {
        let spec = { (a: String, b: String) in """
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            paths:
              /x/{\(a)}-{\(b)}:
                get:
                  responses: {"200": {description: ok}}
            """ }
        let dir = try write(["a.yaml": spec("a", "b"), "b.yaml": spec("c", "d")])
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try MockProcess([dir.appendingPathComponent("a.yaml").path, dir.appendingPathComponent("b.yaml").path])) { error in
            guard let e = error as? MockStartError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.status, 2)
            XCTAssertTrue(e.stderr.contains("a.yaml:6") && e.stderr.contains("b.yaml:6") && e.stderr.contains("/x/{c}-{d}"), e.stderr)
        }
    }
}
