import CRR
@testable import CRRRules
import Document
import Foundation
@testable import Lint
import EngineTestSupport
import XCTest

/// Every CRR profile rule against a document it must report and one it must accept.
final class CRRRuleTests: XCTestCase {
    static let name = "caiso_crr_auction_v1.2.1.yaml"

    static func response(_ status: String) -> String {
        """
                '\(status)':
                  description: Error.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/CRRServiceException'
        """
    }

    /// A CRR auction spec with no findings.
    static let base = """
    openapi: 3.0.3
    info:
      title: Auction
      version: "1.2.1"
      description: |-
        Portfolios of CRR bids.
        <table>
          <tr><th>Version</th><th>Date</th><th>Change Log</th></tr>
          <tr><td>1.2.0</td><td>2024-11-04</td><td>SER0030 added; errorMessage added to PortfolioCredit.</td></tr>
          <tr><td>1.2.1</td><td>2024-12-20</td><td>POR0010 added.</td></tr>
        </table>
    tags:
      - name: Read
    paths:
      /auction/v1.0/portfolioRequiredCredit:
        get:
          tags: [Read]
          operationId: getPortfolioRequiredCredit
          description: Answers 404 with SER0029 when the portfolio does not exist.
          responses:
            '200':
              description: The credit.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/PortfolioCredit'
            '400':
              description: Error.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/CRRServiceException'
            '403':
              description: Error.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/CRRServiceException'
            '404':
              description: Not found.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/CRRServiceException'
                  example:
                    errorList: [{severity: ERROR, errorCode: SER0029, errorDescription: Not found.}]
                    creationTime: '2024-11-04T17:12:33Z'
            '500':
              description: Error.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/CRRServiceException'
    components:
      schemas:
        CRRServiceException:
          description: |-
            <table>
              <tr><th>Code</th><th>Text</th><th>Category</th></tr>
              <tr><td>SEC0001</td><td>No privilege for {0}.</td><td>Security</td></tr>
              <tr><td>SER0001</td><td>Report the problem to CAISO.</td><td>Service</td></tr>
              <tr><td>SER0017</td><td>Request {0} is not valid.</td><td>Service</td></tr>
              <tr><td>SER0028</td><td>Internal service error.</td><td>Service (HTTP 500)</td></tr>
              <tr><td>SER0029</td><td>The resource was not found.</td><td>Service (HTTP 404)</td></tr>
              <tr><td>SER0030</td><td>{0}</td><td>Service</td></tr>
              <tr><td>POR0010</td><td>Portfolio {0} cannot be deleted.</td><td>Portfolio</td></tr>
            </table>
          type: object
          required: [errorList, creationTime]
          properties:
            errorList:
              type: array
              items:
                $ref: '#/components/schemas/ErrorDetail'
            creationTime:
              type: string
              format: date-time
              example: '2024-11-04T17:12:33Z'
        ErrorDetail:
          type: object
          required: [severity, errorCode, errorDescription]
          properties:
            severity: {type: string, enum: [FATAL, ERROR]}
            errorCode: {type: string, maxLength: 15, example: SER0017}
            errorDescription: {type: string, maxLength: 1000}
        PortfolioCredit:
          type: object
          required: [requiredCredit]
          properties:
            requiredCredit: {type: number, multipleOf: 0.01}
            errorMessage: {type: string}
            checkedAt: {type: string, format: date-time, example: '2024-11-04T17:12:33Z'}
    """

    func fixture(_ old: String, _ new: String, expect: String) -> RuleFixture {
        RuleFixture(name: Self.name, failing: Self.base.with(old, new), passing: Self.base, expect: expect)
    }

    /// Clean but for the one info every CRR spec gets: like the published specs it declares no
    /// security requirement (CAISO's mutual TLS cannot be declared in OpenAPI 3.0).
    func testBaseIsClean() {
        let findings = LintTest.lint(Self.base, name: Self.name)
        XCTAssertEqual(findings.filter { $0.rule != "oas-operation-security" }.map(\.message), [])
        XCTAssertEqual(findings.filter { $0.rule == "oas-operation-security" }.map(\.severity), [.info])
    }

    /// The profile follows the file name and the content: a CRR spec (it defines
    /// CRRServiceException) under another name keeps it; --profile none turns it off.
    func testProfileFollowsTheFileNameAndTheContent() {
        let failing = Self.base.with("'2024-11-04T17:12:33Z'\n    ErrorDetail", "'2024-11-04T17:12:33.000Z'\n    ErrorDetail")
        XCTAssertFalse(LintTest.lint(failing, name: "api.yaml").filter { $0.rule == "crr-date-time-fraction" }.isEmpty)
        XCTAssertTrue(LintTest.lint(failing, name: "api.yaml", profile: .none).filter { $0.rule.hasPrefix("crr-") }.isEmpty)
        XCTAssertFalse(LintTest.lint(failing, name: "api.yaml", profile: .crr).filter { $0.rule == "crr-date-time-fraction" }.isEmpty)
    }

    func testErrorResponses() {
        check("crr-error-responses", fixture(Self.response("403") + "\n", "", expect: "lacks the 403 response"))
        check("crr-error-responses", fixture("CRRServiceException'\n        '403':", "ErrorDetail'\n        '403':",
                                             expect: "carries ErrorDetail, not CRRServiceException"))
    }

    func testServiceExceptionShape() {
        check("crr-service-exception-shape", fixture("required: [errorList, creationTime]", "required: [creationTime]", expect: "does not require errorList"))
    }

    func testDateTimeFraction() {
        check("crr-date-time-fraction", fixture("example: '2024-11-04T17:12:33Z'\n    ErrorDetail", "example: '2024-11-04T17:12:33.000Z'\n    ErrorDetail",
                                                expect: "write \"2024-11-04T17:12:33Z\""))
    }

    func testDateTimeExample() {
        check("crr-date-time-example", fixture("format: date-time, example: '2024-11-04T17:12:33Z'}", "format: date-time}", expect: "\"checkedAt\" has no example"))
    }

    func testErrorCodeTable() {
        check("crr-error-code-table", fixture("      <tr><td>SER0030</td><td>{0}</td><td>Service</td></tr>\n", "", expect: "lacks SER0030"))
        check("crr-error-code-table", fixture("<td>Portfolio</td></tr>", "<td>Portfolio</td></tr></tr>", expect: "stray </tr>"))
    }

    func testErrorCodeFormat() {
        check("crr-error-code-format", fixture("<td>POR0010</td>", "<td>POR010</td>", expect: "\"POR010\" does not match"))
    }

    func testErrorCodeDuplicate() {
        check("crr-error-code-duplicate", fixture("<td>POR0010</td><td>Portfolio {0} cannot be deleted.</td>", "<td>POR0011</td><td>Request {0} is not valid.</td>",
                                                  expect: "SER0017 and POR0011 have the same text"))
        check("crr-error-code-duplicate", fixture("<td>POR0010</td><td>Portfolio {0} cannot be deleted.</td>", "<td>SER0017</td><td>Portfolio {0} cannot be deleted.</td>",
                                                  expect: "SER0017 has two meanings"))
    }

    func testErrorCodeUndefined() {
        check("crr-error-code-undefined", fixture("example: SER0017}", "example: SER0077}", expect: "SER0077 is not in the code table"))
    }

    func testErrorCodeStatus() {
        check("crr-error-code-status", fixture("POR0010 added.", "Error code SER0028 is used for response 404 and error code SER0029 for response 500",
                                               expect: "pair SER0028 with HTTP 404 and SER0029 with HTTP 500, but the code table pairs them the other way round"))
        check("crr-error-code-status", fixture("POR0010 added.", "Error code SER0028 is used for response 404",
                                               expect: "pair SER0028 with HTTP 404, but the code table pairs it with HTTP 500"))
        check("crr-error-code-status", fixture("errorCode: SER0029, errorDescription", "errorCode: SER0028, errorDescription",
                                               expect: "the 404 response of GET /auction/v1.0/portfolioRequiredCredit uses SER0028"))
    }

    func testRetiredErrorCode() {
        check("crr-retired-error-code", fixture("<td>SEC0001</td><td>No privilege", "<td>ATH0002</td><td>No privilege", expect: "use SEC0001"))
    }

    func testForeignErrorCode() {
        check("crr-error-code-foreign", fixture("<td>POR0010</td>", "<td>SMT0146</td>", expect: "does not apply to the auction service"))
    }

    func testRevisionTable() {
        check("crr-revision-table", fixture("<tr><td>1.2.1</td>", "<tr><td>1.1.9</td>", expect: "no row for the current version 1.2.1"))
        check("crr-revision-table", fixture("<tr><td>1.2.0</td>", "<tr><td>1.3.0</td>", expect: "must strictly increase"))
        check("crr-revision-table", fixture("SER0030 added; errorMessage", "SER0030 added;</tr> errorMessage", expect: "stray </tr>"))
    }

    func testRevisionCodes() {
        check("crr-revision-codes", fixture("POR0010 added.", "POR0010 and AOV0005 added.", expect: "add AOV0005, but the code table"))
        check("crr-revision-codes", fixture("POR0010 added.", "Removed error code SER0017.", expect: "remove SER0017, but the code table still lists it"))
    }

    func testRevisionNotesSchema() {
        check("crr-revision-notes-schema", fixture("SER0030 added; errorMessage added to PortfolioCredit", "SER0030 added; errorMessage and creditNote added to PortfolioCredit",
                                                   expect: "add property creditNote to PortfolioCredit"))
        // A property the 2024-11-21 update announced is crr-cpg-2024-11's finding: one defect, one finding.
        let missing = LintTest.lint(Self.base.with("        errorMessage: {type: string}\n", ""), name: Self.name).filter { $0.message.contains("errorMessage") }
        XCTAssertEqual(missing.map(\.rule), ["crr-cpg-2024-11"], "\(missing.map(\.message))")
    }

    func testFileName() {
        let rule = "crr-file-name"
        XCTAssertFalse(LintTest.lint(Self.base, name: "auction.yaml", profile: .crr).filter { $0.rule == rule }.isEmpty)
        let mismatch = LintTest.lint(Self.schema, name: "caiso_crr_resource_v1.0.2.yaml").filter { $0.rule == rule }
        XCTAssertTrue(mismatch.contains { $0.message.contains("named like an OpenAPI spec but holds a JSON Schema") }, "\(mismatch)")
        XCTAssertTrue(LintTest.lint(Self.base, name: "caiso_crr_auction_v1.2.1_openapi.yaml").filter { $0.rule == rule }.isEmpty)
        XCTAssertTrue(LintTest.lint(Self.base, name: "caiso_crr_auction_v1.2.1.yaml", profile: .crr).filter { $0.rule == rule }.isEmpty)
    }

    func testInfoVersion() {
        check("crr-info-version", fixture("version: \"1.2.1\"", "version: \"1.2.0\"", expect: "the file name says 1.2.1"))
    }

    func testSchemaReference() {
        check("crr-schema-reference", fixture("Portfolios of CRR bids.", "Portfolios of CRR bids; results in CRRMEQResult_v1.1.0.", expect: "the catalog has 1.2.0"))
        check("crr-schema-reference", fixture("Portfolios of CRR bids.", "Prices in CRRSourceSinkClearingPRice_v1.0.1.", expect: "did you mean CRRSourceSinkClearingPrice"))
    }

    func testUpdate2024() {
        check("crr-cpg-2024-11", fixture("required: [requiredCredit]", "required: [errorMessage]", expect: "PortfolioCredit does not require requiredCredit"))
        check("crr-cpg-2024-11", fixture("<td>POR0010</td><td>Portfolio {0} cannot be deleted.</td>", "<td>POR0013</td><td>Portfolio {0} cannot be deleted.</td>",
                                         expect: "lacks POR0010"))
    }

    /// The CRR rules on download schemas.
    static let schemaName = "CRRResource_v1.0.2.draft-07.schema.json"
    static let schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "$id": "urn:test:CRRResource:1.0.2",
      "type": "array",
      "items": {
        "type": "object",
        "required": ["ResourceID"],
        "properties": {
          "ResourceID": {"type": "string", "maxLength": 20, "examples": ["ALAMIT_7_UNIT 1"]},
          "PMax": {"type": "number", "examples": [750]},
          "StartDate": {"type": "string", "format": "date-time", "examples": ["2025-01-01T08:00:00Z"]}
        }
      }
    }
    """

    func testSchemaFileRules() {
        func fixture(_ old: String, _ new: String, expect: String) -> RuleFixture {
            RuleFixture(name: Self.schemaName, failing: Self.schema.with(old, new), passing: Self.schema, expect: expect)
        }
        XCTAssertEqual(LintTest.lint(Self.schema, name: Self.schemaName).map(\.message), [])
        check("crr-cpg-2024-11", fixture(#""required": ["ResourceID"]"#, #""required": ["ResourceID", "PMax"]"#, expect: "PMax is required"))
        check("crr-date-time-example", fixture(#""format": "date-time", "examples": ["2025-01-01T08:00:00Z"]"#, #""format": "date-time""#, expect: "\"StartDate\" has no example"))
        check("crr-info-version", fixture("CRRResource:1.0.2", "CRRResource:1.0.1", expect: "$id names version 1.0.1"))
        check("crr-date-time-fraction", fixture(#""2025-01-01T08:00:00Z""#, #""2025-01-01T08:00:00.000Z""#, expect: "fractional seconds"))
    }

    /// Each CRR rule's failing/passing pair lives in this file; this keeps the list complete.
    func testEveryCRRRuleHasAFailingAndAPassingTest() throws {
        let text = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let ids = CRRLint.rules.map(\.meta.id)
        XCTAssertEqual(Set(ids).subtracting(ids.filter { text.contains("check(\"\($0)\"") || text.contains("let rule = \"\($0)\"") }), [])
        XCTAssertTrue(CRRLint.rules.allSatisfy { $0.meta.profile == CRRLint.ruleProfile })
        let engineRules = LintTest.engine.rules
        XCTAssertEqual(engineRules.suffix(ids.count).map(\.meta.id), ids, "after the engine's own rules, once")
        XCTAssertEqual(engineRules.count, LintEngine.rules.count + ids.count)
    }
}
