import Document
import Foundation
import Mock
import OpenAPI
import XCTest

/// Route templates with several variables in a segment, keyed on the contract model's
/// normalised path.
final class MockRouteTemplateTests: XCTestCase {
    static let templates = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /files/{name}.{ext}:
            get:
              operationId: fileByNameAndExt
              parameters:
                - {name: name, in: path, required: true, schema: {type: string, maxLength: 10}}
                - {name: ext, in: path, required: true, schema: {type: string, enum: [json, csv, gz]}}
              responses: {'200': {description: ok}}
          /files/{id}:
            get:
              operationId: fileById
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /files/readme.txt:
            get:
              operationId: readme
              responses: {'200': {description: ok}}
          /r/{a}-{b}:
            get:
              operationId: range
              parameters:
                - {name: a, in: path, required: true, schema: {type: integer, minimum: 1}}
                - {name: b, in: path, required: true, schema: {type: string, pattern: '^[a-z]+$'}}
              responses: {'200': {description: ok}}
        """

    func engine(_ yaml: String) throws -> MockEngine {
        try MockEngine(specs: [try MockEngineTests.spec(yaml)], options: MockEngineTests.options())
    }

    func get(_ engine: MockEngine, _ target: String, headers: [(name: String, value: String)] = []) -> MockResponse {
        engine.handle(MockRequest(method: "GET", target: target, headers: headers))
    }

    func testSegmentsWithSeveralVariablesMatchAndBindEachValue() throws {
        let engine = try engine(Self.templates)
        let file = get(engine, "/files/report.csv")
        XCTAssertEqual(file.status, 200, file.bodyText)
        XCTAssertEqual(file.record.operationId, "fileByNameAndExt")
        // The earlier variable takes as much as it can: name "a.tar", ext "gz".
        XCTAssertEqual(get(engine, "/files/a.tar.gz").status, 200)
        let badExt = get(engine, "/files/report.exe")
        XCTAssertEqual(badExt.status, 400, badExt.bodyText)
        XCTAssertEqual(badExt.record.violations.map(\.pointer), ["/path/ext"])
        XCTAssertEqual(badExt.record.violations.map(\.id), ["enum"])
        let longName = get(engine, "/files/abcdefghijkl.json")
        XCTAssertEqual(longName.record.violations.map(\.pointer), ["/path/name"])
        XCTAssertTrue(longName.record.violations[0].message.contains("\"abcdefghijkl\""), longName.record.violations[0].message)

        XCTAssertEqual(get(engine, "/r/12-abc").status, 200)
        XCTAssertEqual(get(engine, "/r/12-abc").record.operationId, "range")
        let bad = get(engine, "/r/0-ABC")
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.record.violations.map(\.pointer), ["/path/a", "/path/b"])
        XCTAssertEqual(bad.record.violations.map(\.id), ["minimum", "pattern"])
        // A variable is never empty; without the literal text between them the route does not match.
        XCTAssertEqual(get(engine, "/r/-abc").status, 404)
        XCTAssertEqual(get(engine, "/r/12abc").status, 404)
        XCTAssertEqual(get(engine, "/r/12-").status, 404)
    }

    func testLiteralPathsWinOverTemplatesAndMoreLiteralTextWins() throws {
        let engine = try engine(Self.templates)
        XCTAssertEqual(get(engine, "/files/readme.txt").record.operationId, "readme")
        XCTAssertEqual(get(engine, "/files/readme.json").record.operationId, "fileByNameAndExt")
        XCTAssertEqual(get(engine, "/files/readme").record.operationId, "fileById")
    }

    func testRouterKeysOnTheContractModelsNormalisedPath() throws {
        var router = MockRouter()
        try router.add(method: "get", template: "/x/{a}-{b}", operation: 0, location: "a.yaml:4")
        XCTAssertEqual(router.routes[0].normalized, ContractPath.normalize("/x/{a}-{b}"))
        XCTAssertEqual(router.routes[0].normalized, "/x/{}-{}")
        XCTAssertThrowsError(try router.add(method: "GET", template: "/x/{c}-{d}", operation: 1, location: "b.yaml:9")) { error in
            XCTAssertEqual("\(error)", "GET /x/{c}-{d} is claimed twice: by a.yaml:4 and by b.yaml:9; mount only one of them")
        }
        // Another method on the same route is no clash.
        XCTAssertNoThrow(try router.add(method: "POST", template: "/x/{c}-{d}", operation: 1, location: "b.yaml:12"))
        guard case .found(let route, let values) = router.match(method: "GET", path: "/x/7-8%2D9") else { return XCTFail("no match") }
        XCTAssertEqual(route.operation, 0)
        XCTAssertEqual(values, ["a": "7-8", "b": "9"])
        guard case .methodNotAllowed(let methods) = router.match(method: "PUT", path: "/x/7-8") else { return XCTFail("not 405") }
        XCTAssertEqual(methods, ["GET", "POST"])
    }

    func testAdjacentVariablesAndRepeatedLiteralsBindTheEarlierVariableLongest() throws {
        var router = MockRouter()
        try router.add(method: "GET", template: "/v/{a}{b}", operation: 0, location: "a.yaml:1")
        try router.add(method: "GET", template: "/w/{x}.{y}.{z}", operation: 1, location: "a.yaml:2")
        try router.add(method: "GET", template: "/p/pre{a}-{b}post", operation: 2, location: "a.yaml:3")
        guard case .found(_, let adjacent) = router.match(method: "GET", path: "/v/abc") else { return XCTFail("no match") }
        XCTAssertEqual(adjacent, ["a": "ab", "b": "c"])
        guard case .found(_, let dots) = router.match(method: "GET", path: "/w/a.b.c.d") else { return XCTFail("no match") }
        XCTAssertEqual(dots, ["x": "a.b", "y": "c", "z": "d"])
        guard case .found(_, let around) = router.match(method: "GET", path: "/p/pre1-2-3post") else { return XCTFail("no match") }
        XCTAssertEqual(around, ["a": "1-2", "b": "3"])
        for path in ["/v/a", "/w/a.b", "/w/a..c", "/p/pre-2post", "/p/pre1-post", "/p/pre1-2pos", "/p/re1-2post"] {
            guard case .notFound = router.match(method: "GET", path: path) else { return XCTFail("\(path) matched") }
        }
        // A long segment is bound without backtracking through every split.
        // (Trying each dot for x and then each position for y would be 10^10 steps.)
        try router.add(method: "GET", template: "/u/{x}.{y}-{z}", operation: 3, location: "a.yaml:4")
        let long = "/u/" + String(repeating: "a.", count: 100_000)
        guard case .notFound = router.match(method: "GET", path: long) else { return XCTFail("matched") }
        guard case .found(_, let many) = router.match(method: "GET", path: "/w/" + String(repeating: "a.", count: 50_000) + "b") else { return XCTFail("no match") }
        XCTAssertEqual(many["z"], "b")
        XCTAssertEqual(many["y"], "a")
        XCTAssertEqual(many["x"]?.count, 99_997)
    }

    func testTwoSpecsClaimingOneMultiVariableRouteFailWithBothLocations() throws {
        let a = try MockEngineTests.spec("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x/{a}-{b}:\n    get:\n      responses: {'200': {description: ok}}\n", name: "a.yaml")
        let b = try MockEngineTests.spec("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x/{c}-{d}:\n    get:\n      responses: {'200': {description: ok}}\n", name: "b.yaml")
        XCTAssertThrowsError(try MockEngine(specs: [a, b])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("a.yaml:6") && text.contains("b.yaml:6"), text)
        }
    }
}
