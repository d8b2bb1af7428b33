import CRR
import Document
import Foundation
import JSONSchema
import Mock
import OpenAPI
import Reporting
import XCTest

/// The mock's logic without sockets: requests in, responses out.
final class MockEngineTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let requestID = ("caiso-request-id", "3fa85f64-5717-4562-b3fc-2c963f66afa6")

    /// A fixed clock: 2026-12-03T07:36:13.250Z.
    static func options(seed: UInt64 = 0) -> MockOptions {
        var options = MockOptions()
        options.now = { 1_796_283_373.25 }
        options.seed = seed
        return options
    }

    static func auction(seed: UInt64 = 0) throws -> MockEngine {
        let entry = try XCTUnwrap(CRRCatalog.find("auction@1.2.1"))
        return try MockEngine(specs: [MockSpec(label: "auction", spec: try CRRCatalog.spec(entry), crrProfile: true)], options: options(seed: seed))
    }

    static func spec(_ yaml: String, name: String = "test.yaml", crr: Bool = false) throws -> MockSpec {
        let document = try DocumentLoader.load(bytes: Array(yaml.utf8), name: name, format: .yaml).documents[0].document
        return MockSpec(label: name, spec: OpenAPISpec(document: document, path: name), crrProfile: crr)
    }

    func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.root.appendingPathComponent("examples/submissions/auction/" + name)))
    }

    /// Validates a response body against a component schema of the auction spec.
    func assertValid(_ body: [UInt8], against component: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let entry = try XCTUnwrap(CRRCatalog.find("auction@1.2.1"))
        let spec = try CRRCatalog.spec(entry)
        let schema = try spec.compileSchema(try XCTUnwrap(spec.componentSchema(component)), registry: SchemaRegistry(), options: CRRProfile.options())
        let result = try schema.validate(try JSONReader.parse(body).root)
        XCTAssertTrue(result.valid, "\(String(decoding: body, as: UTF8.self)): \(result.errors.map(\.description))", file: file, line: line)
    }

    func errorList(_ response: MockResponse) throws -> [[String: Any]] {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], response.bodyText)
        return try XCTUnwrap(json["errorList"] as? [[String: Any]], response.bodyText)
    }

    func testValidPortfolioGetsTheFirst2xxResponseValidAgainstItsSchema() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioCreation",
                                                 headers: [Self.requestID, ("Content-Type", "application/json")],
                                                 body: try example("portfolioCreation.valid.json")))
        XCTAssertEqual(response.status, 200, response.bodyText)
        XCTAssertEqual(response.record.operationId, "portfolioCreation")
        XCTAssertEqual(response.record.violations.count, 0)
        try assertValid(response.body, against: "PortfolioStatus")
    }

    func testInvalidPortfolioIs400WithSER0030NamingPointerAndLineColumn() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioCreation",
                                                 headers: [Self.requestID, ("Content-Type", "application/json")],
                                                 body: try example("portfolioCreation.invalid-501-bids.json")))
        XCTAssertEqual(response.status, 400)
        try assertValid(response.body, against: "CRRServiceException")
        let list = try errorList(response)
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list[0]["errorCode"] as? String, "SER0030")
        let description = try XCTUnwrap(list[0]["errorDescription"] as? String)
        // examples/manifest.json: /newBids, maxItems, line 4, column 14.
        XCTAssertTrue(description.hasPrefix("/newBids: "), description)
        XCTAssertTrue(description.contains("(line 4, column 14)"), description)
        XCTAssertEqual(response.record.violations.first?.id, "maxItems")
        XCTAssertFalse(response.bodyText.contains(".25"), "creationTime has no fractional seconds: \(response.bodyText)")
        XCTAssertTrue(response.bodyText.contains("\"creationTime\":\"2026-12-03T07:36:13Z\""), response.bodyText)
    }

    /// The bundled auction spec marks its required request bodies as a CRR business rule (the
    /// published file leaves them optional): the mock's answer to a missing body says so.
    func testMissingRequiredBodyIsSER0017AndSaysItIsABusinessRule() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioCreation",
                                                 headers: [Self.requestID, ("Content-Type", "application/json")], body: []))
        XCTAssertEqual(response.status, 400, response.bodyText)
        let list = try errorList(response)
        XCTAssertEqual(list.first?["errorCode"] as? String, "SER0017", response.bodyText)
        let description = try XCTUnwrap(list.first?["errorDescription"] as? String)
        XCTAssertTrue(description.contains("CRR business rule, not in the published spec: the request body is required (application/json) (POST portfolioCreation acts on its body"), description)
        XCTAssertTrue(description.hasSuffix("; CAISO answers SER0017)"), description)
    }

    func testMalformedJSONIs400NamingLineAndColumn() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioCreation",
                                                 headers: [Self.requestID, ("Content-Type", "application/json")],
                                                 body: Array("{\n  \"marketName\": ,\n}".utf8)))
        XCTAssertEqual(response.status, 400)
        try assertValid(response.body, against: "CRRServiceException")
        let list = try errorList(response)
        XCTAssertEqual(list[0]["errorCode"] as? String, "SER0017")
        XCTAssertTrue((list[0]["errorDescription"] as? String ?? "").contains("line 2, column 17"), "\(list)")
    }

    func testMissingAndInvalidParametersAreSER0017() throws {
        let engine = try Self.auction()
        let missing = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolioList?marketName=AUC_2025"))
        XCTAssertEqual(missing.status, 400)
        let list = try errorList(missing)
        XCTAssertEqual(list.map { $0["errorCode"] as? String }, Array(repeating: "SER0017", count: list.count))
        let texts = list.compactMap { $0["errorDescription"] as? String }
        XCTAssertTrue(texts.contains { $0.hasPrefix("/header/caiso-request-id: ") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("/query/participantName: ") }, "\(texts)")

        let long = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolioList?marketName=AUC_2025&participantName=CISO%2FTOO%2FLONG",
                                             headers: [Self.requestID]))
        XCTAssertEqual(long.status, 400, long.bodyText)
        XCTAssertEqual(long.record.violations.map(\.id), ["maxLength", "pattern"])
        XCTAssertEqual(try errorList(long).first?["errorCode"] as? String, "SER0017")
        XCTAssertTrue((try errorList(long).first?["errorDescription"] as? String ?? "").hasPrefix("/query/participantName: query parameter participantName \"CISO/TOO/LONG\""), long.bodyText)
    }

    func testUnknownPathWrongMethodAndContentType() throws {
        let engine = try Self.auction()
        let missing = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/none"))
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(try errorList(missing).first?["errorCode"] as? String, "SER0029")
        try assertValid(missing.body, against: "CRRServiceException")

        let method = engine.handle(MockRequest(method: "PUT", target: "/crr/auction/v1.0/portfolioList"))
        XCTAssertEqual(method.status, 405)
        XCTAssertEqual(method.headers.first { $0.name == "Allow" }?.value, "GET")

        let type = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioCreation",
                                             headers: [Self.requestID, ("Content-Type", "text/plain")], body: Array("x".utf8)))
        XCTAssertEqual(type.status, 415, type.bodyText)
        XCTAssertEqual(type.record.violations.first?.id, MockLogID.unsupportedMediaType)
    }

    func testPreferCodeAnswersWithTheSpecsErrorBody() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolioList?marketName=AUC_2025&participantName=CISO",
                                                 headers: [Self.requestID, ("Prefer", "code=404")]))
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(try errorList(response).first?["errorCode"] as? String, "SER0029")
        try assertValid(response.body, against: "CRRServiceException")
    }

    func testGeneratedBodiesAreDeterministicPerSeed() throws {
        let target = "/crr/auction/v1.0/portfolio?marketName=AUC_2025&portfolioName=P1&participantName=CISO"
        let a = try Self.auction(seed: 7).handle(MockRequest(method: "GET", target: target, headers: [Self.requestID]))
        let b = try Self.auction(seed: 7).handle(MockRequest(method: "GET", target: target, headers: [Self.requestID]))
        XCTAssertEqual(a.status, 200, a.bodyText)
        XCTAssertEqual(a.bodyText, b.bodyText)
        try assertValid(a.body, against: "Portfolio")
        XCTAssertTrue(a.record.warnings.isEmpty, "\(a.record.warnings)")
        let dynamic = try Self.auction(seed: 7).handle(MockRequest(method: "GET", target: target, headers: [Self.requestID, ("Prefer", "dynamic=true")]))
        try assertValid(dynamic.body, against: "Portfolio")
    }

    func testInvalidSpecExampleIsReplacedByAGeneratedBodyWithAWarning() throws {
        let spec = try Self.spec("""
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            paths:
              /window:
                get:
                  operationId: getWindow
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [closeDate]
                            properties:
                              closeDate: {type: string, format: date-time}
                          examples:
                            published:
                              value: {closeDate: "2023-12-141T02:00:00Z"}
            """, name: "tor.yaml", crr: true)
        let engine = try MockEngine(specs: [spec], options: Self.options())
        let response = engine.handle(MockRequest(method: "GET", target: "/window"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.record.warnings.count, 1)
        XCTAssertTrue(response.record.warnings[0].hasPrefix("tor.yaml:19:"), response.record.warnings[0])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String])
        let date = try XCTUnwrap(json["closeDate"])
        XCTAssertNotNil(date.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression), date)
    }

    func testNonCRRSpecsAnswerWithPlainErrors() throws {
        let spec = try Self.spec("""
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            servers: [{url: "https://example.com/api/"}]
            paths:
              /items/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
                    - {name: tags, in: query, schema: {type: array, items: {type: string, enum: [a, b]}}}
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {type: object}, example: {id: 1}}}}
              /items/special:
                get:
                  responses: {"204": {description: none}}
            """)
        let engine = try MockEngine(specs: [spec], options: Self.options())
        XCTAssertEqual(engine.handle(MockRequest(method: "GET", target: "/api/items/5?tags=a&tags=b")).status, 200)
        XCTAssertEqual(engine.handle(MockRequest(method: "GET", target: "/api/items/5")).bodyText, "{\"id\":1}")
        // The literal path wins over the template.
        XCTAssertEqual(engine.handle(MockRequest(method: "GET", target: "/api/items/special")).status, 204)
        let bad = engine.handle(MockRequest(method: "GET", target: "/api/items/0?tags=c"))
        XCTAssertEqual(bad.status, 400)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bad.body)) as? [String: Any])
        let errors = try XCTUnwrap(json["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.count, 2, bad.bodyText)
        XCTAssertTrue((errors[0]["message"] as? String ?? "").hasPrefix("/path/id: "), bad.bodyText)
        XCTAssertTrue((errors[1]["message"] as? String ?? "").hasPrefix("/query/tags/0: "), bad.bodyText)
        XCTAssertEqual(engine.handle(MockRequest(method: "GET", target: "/api/items/x%20y")).status, 400)
    }

    func testTwoSpecsClaimingOneRouteFailWithBothLocations() throws {
        let a = try Self.spec("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x/{a}:\n    get:\n      responses: {'200': {description: ok}}\n", name: "a.yaml")
        let b = try Self.spec("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x/{b}:\n    get:\n      responses: {'200': {description: ok}}\n", name: "b.yaml")
        XCTAssertThrowsError(try MockEngine(specs: [a, b])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("a.yaml:6") && text.contains("b.yaml:6"), text)
        }
    }

    func testClientWithoutCertificateGets403SEC0001() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolioList", clientCertificateVerified: false))
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try errorList(response).first?["errorCode"] as? String, "SEC0001")
    }

    func testEveryCurrentCatalogOperationAnswersAValidBody() throws {
        let engine = try MockEngine(specs: try MockSpecLoader.currentCatalogServices(), options: Self.options())
        XCTAssertTrue(engine.startupWarnings.isEmpty, "\(engine.startupWarnings)")
        var checked = 0
        for operation in engine.operations {
            let spec = engine.specs[operation.spec]
            // Invalid on purpose (no parameters): a 400 that is a valid CRRServiceException.
            let response = engine.handle(MockRequest(method: operation.method, target: spec.prefix + operation.path))
            XCTAssertTrue([200, 400].contains(response.status), "\(operation.operationId ?? ""): \(response.status) \(response.bodyText)")
            XCTAssertTrue(response.record.warnings.isEmpty, "\(operation.operationId ?? ""): \(response.record.warnings)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testLogRecordIsOneJSONLine() throws {
        let engine = try Self.auction()
        let response = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/none"))
        let line = response.record.jsonLine
        XCTAssertFalse(line.contains("\n"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(json["time"] as? String, "2026-12-03T07:36:13Z")
        XCTAssertEqual(json["status"] as? Int, 404)
        XCTAssertEqual((json["violations"] as? [[String: Any]])?.first?["id"] as? String, MockLogID.unknownPath)
    }
}

/// readOnly and writeOnly per direction, and the short log lines.
final class MockDirectionAndLogTests: XCTestCase {
    func testReadOnlyIsNotRequiredInRequestsAndWriteOnlyNotInResponses() throws {
        let spec = try MockEngineTests.spec("""
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            paths:
              /users:
                post:
                  requestBody:
                    required: true
                    content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}
                  responses:
                    "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}}
            components:
              schemas:
                User:
                  type: object
                  required: [id, name, password]
                  properties:
                    id: {$ref: "#/components/schemas/Id"}
                    name: {type: string}
                    password: {type: string, writeOnly: true}
                Id: {type: integer, readOnly: true}
            """)
        let engine = try MockEngine(specs: [spec], options: MockEngineTests.options())
        func post(_ body: String) -> MockResponse {
            engine.handle(MockRequest(method: "POST", target: "/users", headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
        }
        // No id in the request (readOnly): valid. No password: still required in a request.
        let created = post(#"{"name":"a","password":"p"}"#)
        XCTAssertEqual(created.status, 201, created.bodyText)
        let missing = post(#"{"name":"a"}"#)
        XCTAssertEqual(missing.status, 400, missing.bodyText)
        XCTAssertTrue(missing.bodyText.contains("password"), missing.bodyText)
        // The response: id present, no password (writeOnly), and no warning about it.
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any], created.bodyText)
        XCTAssertNotNil(json["id"], created.bodyText)
        XCTAssertNil(json["password"], created.bodyText)
        XCTAssertTrue(created.record.warnings.isEmpty, "\(created.record.warnings)")
    }

    func testShortLinesAreColouredOnlyWhenAsked() {
        let record = MockLogRecord(time: "2026-12-03T07:36:13Z", method: "GET", path: "/x", operationId: "getX", status: 404,
                                   durationMilliseconds: 1.5,
                                   violations: [MockViolation(side: "request", id: MockLogID.unknownPath, pointer: "", message: "no such path")])
        XCTAssertEqual(record.shortText, "GET /x 404 getX 1.5 ms\n  request mock-unknown-path (root): no such path")
        let coloured = record.shortText(style: .ansi)
        XCTAssertTrue(coloured.contains("\u{1B}[33m404\u{1B}[0m"), coloured)
        XCTAssertTrue(coloured.contains("\u{1B}[36mmock-unknown-path\u{1B}[0m"), coloured)
        XCTAssertFalse(record.shortText(style: .plain).contains("\u{1B}"))
    }
}

/// What schemathesis found (MockSchemathesisTests), kept as unit tests of the engine.
final class MockSchemathesisFindingsTests: XCTestCase {
    /// Query strings and paths are split at their bytes (`&`, `=`, `/`) and decoded: empty
    /// pairs are skipped, a value keeps its own `=`, a name without `=` has the value "", and a
    /// percent-encoded segment or value matches its decoded text.
    /// Routes are mounted under the path of the first server (from the contract model's servers).
    func testPrefixIsThePathOfTheFirstServer() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        servers:
          - url: https://host.example/crr/
          - url: /other
        paths: {}
        """
        let withServers = try MockEngineTests.spec(yaml)
        let without = try MockEngineTests.spec(yaml.replacingOccurrences(of: "servers:\n  - url: https://host.example/crr/\n  - url: /other\n", with: ""))
        XCTAssertEqual(withServers.prefix, "/crr")
        XCTAssertEqual(without.prefix, "")
    }

    func testQueryAndPathSplitting() throws {
        let engine = try MockEngineTests.auction()
        let ok = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolio%4Cist?&marketName=AUC_2025&&participantName=CI%53O&extra=a=b&flag",
                                           headers: [MockEngineTests.requestID]))
        XCTAssertEqual(ok.status, 200, ok.bodyText)
        let plus = engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolioList?marketName=AUC_2025&participantName=CI+SO+TOO+LONG",
                                             headers: [MockEngineTests.requestID]))
        XCTAssertEqual(plus.status, 400, plus.bodyText)
        XCTAssertTrue(plus.bodyText.contains(#"\"CI SO TOO LONG\""#), plus.bodyText)
        XCTAssertEqual(engine.handle(MockRequest(method: "GET", target: "/crr//auction/v1.0/portfolioList?marketName=AUC_2025&participantName=CISO")).status, 404)
        XCTAssertEqual(engine.handle(MockRequest(method: "GET", target: "/crr/auction/v1.0/portfolioList/?marketName=AUC_2025&participantName=CISO")).status, 404)
    }

    func testHeaderThatIsNotAUUIDIs400() throws {
        let engine = try MockEngineTests.auction()
        for value in ["", "abc", "3fa85f64-5717-4562-b3fc-2c963f66afa", "3fa85f64x5717-4562-b3fc-2c963f66afa6"] {
            let response = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioSubmission",
                                                     headers: [("caiso-request-id", value), ("Content-Type", "application/json")],
                                                     body: Array(#"{"portfolioName":"P","marketName":"AUC_MN_2025_M01","participantName":"CISO"}"#.utf8)))
            XCTAssertEqual(response.status, 400, "\(value): \(response.bodyText)")
            XCTAssertTrue(response.bodyText.contains("/header/caiso-request-id"), response.bodyText)
        }
        let upper = engine.handle(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioSubmission",
                                              headers: [("caiso-request-id", "3FA85F64-5717-4562-B3FC-2C963F66AFA6"), ("Content-Type", "application/json")],
                                              body: Array(#"{"portfolioName":"P","marketName":"AUC_MN_2025_M01","participantName":"CISO"}"#.utf8)))
        XCTAssertEqual(upper.status, 200, upper.bodyText)
    }

    func testInt64AndInt32RangesAreChecked() throws {
        let spec = try MockEngineTests.spec("""
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            paths:
              /items:
                post:
                  requestBody:
                    required: true
                    content: {application/json: {schema: {type: object, properties: {big: {type: integer, format: int64}, small: {type: integer, format: int32}}}}}
                  responses: {"204": {description: none}}
            """)
        let engine = try MockEngine(specs: [spec], options: MockEngineTests.options())
        func post(_ body: String) -> MockResponse {
            engine.handle(MockRequest(method: "POST", target: "/items", headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
        }
        XCTAssertEqual(post(#"{"big":9223372036854775807,"small":2147483647}"#).status, 204)
        XCTAssertEqual(post(#"{"big":-9223372036854775808,"small":-2147483648}"#).status, 204)
        let big = post(#"{"big":9223372036854775808}"#)
        XCTAssertEqual(big.status, 400, big.bodyText)
        XCTAssertTrue(big.bodyText.contains("/big: 9223372036854775808 is greater than the maximum 9223372036854775807 (the largest int64)"), big.bodyText)
        XCTAssertEqual(post(#"{"small":2147483648}"#).status, 400)
        XCTAssertEqual(post(#"{"small":-2147483649}"#).status, 400)
    }

    func testRequiredPropertyWithoutASchemaIsGenerated() throws {
        let spec = try MockEngineTests.spec("""
            openapi: 3.0.3
            info: {title: t, version: "1.0.0"}
            paths:
              /windows:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [name, conversionApprovalWindow]
                            properties: {name: {type: string}, ConversionApprovalWindow: {type: string}}
            """)
        let engine = try MockEngine(specs: [spec], options: MockEngineTests.options())
        let response = engine.handle(MockRequest(method: "GET", target: "/windows"))
        XCTAssertEqual(response.status, 200)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], response.bodyText)
        XCTAssertNotNil(json["conversionApprovalWindow"], response.bodyText)
        XCTAssertTrue(response.record.warnings.isEmpty, "\(response.record.warnings)")
    }

    func testTooLargeRecordHasItsTime() throws {
        let engine = try MockEngineTests.auction()
        let response = engine.tooLarge(MockRequest(method: "POST", target: "/crr/auction/v1.0/portfolioCreation"), length: 1 << 30)
        XCTAssertEqual(response.status, 413)
        XCTAssertEqual(response.record.time, "2026-12-03T07:36:13Z")
        XCTAssertTrue(response.record.jsonLine.hasPrefix(#"{"time":"2026-12-03T07:36:13Z""#), response.record.jsonLine)
    }
}

final class MockExplanationTests: XCTestCase {
    /// Every id the mock logs has an explanation, and only those.
    func testEveryLogIDIsExplained() {
        XCTAssertEqual(Set(MockLogID.explanations.map(\.id)), Set(MockLogID.all))
        XCTAssertEqual(MockLogID.explanations.count, MockLogID.all.count)
        for explanation in MockLogID.explanations {
            XCTAssertFalse(explanation.description.isEmpty || explanation.example.isEmpty || explanation.fix.isEmpty, explanation.id)
        }
    }
}
