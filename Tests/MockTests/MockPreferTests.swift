import Foundation
import Mock
import XCTest

/// `Prefer: example=NAME` and `Prefer: code=NNN` (Prism's conventions): what is chosen, and the
/// `mock-prefer-unavailable` finding when the operation has no such example or status.
final class MockPreferTests: XCTestCase {
    /// A spec with two named examples on the 200 and a 404 with one of its own.
    static let yaml = """
        openapi: 3.0.3
        info: {title: t, version: "1.0.0"}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [name]
                        properties:
                          name: {type: string}
                      examples:
                        first:
                          value: {name: first one}
                        second:
                          value: {name: second one}
                "404":
                  description: missing
                  content:
                    application/json:
                      schema: {type: object, properties: {reason: {type: string}}}
                      examples:
                        gone:
                          value: {reason: gone away}
        """

    func engine() throws -> MockEngine {
        try MockEngine(specs: [try MockEngineTests.spec(Self.yaml, name: "prefer.yaml")], options: MockEngineTests.options())
    }

    func name(_ response: MockResponse) throws -> String? {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], response.bodyText)
        return json["name"] as? String
    }

    func testWithoutPreferTheFirstNamedExampleIsSent() throws {
        let response = try engine().handle(MockRequest(method: "GET", target: "/items"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try name(response), "first one")
        XCTAssertEqual(response.record.violations, [])
    }

    func testPreferExampleChoosesThatNamedExample() throws {
        let engine = try engine()
        let second = engine.handle(MockRequest(method: "GET", target: "/items", headers: [("Prefer", "example=second")]))
        XCTAssertEqual(second.status, 200)
        XCTAssertEqual(try name(second), "second one")
        XCTAssertEqual(second.record.violations, [])
        // Quoted, and beside another preference.
        let quoted = engine.handle(MockRequest(method: "GET", target: "/items", headers: [("Prefer", "dynamic=false, example=\"second\"")]))
        XCTAssertEqual(try name(quoted), "second one")
        XCTAssertEqual(quoted.record.violations, [])
        // With code=: the example of that response.
        let gone = engine.handle(MockRequest(method: "GET", target: "/items", headers: [("Prefer", "code=404, example=gone")]))
        XCTAssertEqual(gone.status, 404)
        XCTAssertEqual(gone.bodyText, #"{"reason":"gone away"}"#)
        XCTAssertEqual(gone.record.violations, [])
    }

    func testPreferExampleThatDoesNotExistSendsTheDefaultAndLogsPreferUnavailable() throws {
        let response = try engine().handle(MockRequest(method: "GET", target: "/items", headers: [("Prefer", "example=third")]))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try name(response), "first one")
        XCTAssertEqual(response.record.violations.count, 1, "\(response.record.violations)")
        let violation = try XCTUnwrap(response.record.violations.first)
        XCTAssertEqual(violation.id, MockLogID.preferUnavailable)
        XCTAssertEqual(violation.side, "request")
        XCTAssertEqual(violation.pointer, "/header/Prefer")
        XCTAssertEqual(violation.message, "Prefer: example=third: no such example (known: first, second)")
        // The log line carries it.
        let line = response.record.jsonLine
        XCTAssertTrue(line.contains(#""id":"mock-prefer-unavailable""#), line)
    }

    func testPreferCodeThatDoesNotExistSendsTheDefaultAndLogsPreferUnavailable() throws {
        let response = try engine().handle(MockRequest(method: "GET", target: "/items", headers: [("Prefer", "code=418")]))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try name(response), "first one")
        let violation = try XCTUnwrap(response.record.violations.first)
        XCTAssertEqual(response.record.violations.count, 1, "\(response.record.violations)")
        XCTAssertEqual(violation.id, MockLogID.preferUnavailable)
        XCTAssertEqual(violation.pointer, "/header/Prefer")
        XCTAssertEqual(violation.message, "Prefer: code=418: the operation declares no such response (it has 200, 404); sent the default response")
    }

    func testPreferCodeWithAnExampleOnlyTheDefaultResponseHas() throws {
        // code=404 exists, example=second belongs to the 200: the 404's own body and a finding.
        let response = try engine().handle(MockRequest(method: "GET", target: "/items", headers: [("Prefer", "code=404, example=second")]))
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.bodyText, #"{"reason":"gone away"}"#)
        XCTAssertEqual(response.record.violations.map(\.id), [MockLogID.preferUnavailable])
        XCTAssertEqual(response.record.violations.first?.message, "Prefer: example=second: no such example (known: gone)")
    }
}
