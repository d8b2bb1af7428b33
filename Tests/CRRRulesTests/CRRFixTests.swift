import CRR
@testable import CRRRules
import Document
import Foundation
@testable import Lint
import Reporting
import XCTest

/// `crrspec lint --fix`: each mechanical fix removes its finding and changes no other byte.
final class CRRFixTests: XCTestCase {
    /// Lints `text`, applies every fix, and returns the new text with the findings before and after.
    func fix(_ text: String, name: String) throws -> (fixed: String, before: [Finding], after: [Finding], applied: [LintFix]) {
        let engine = LintEngine(profile: .crr, profiles: [CRRLint.profile])
        let format: InputFormat = name.hasSuffix(".json") ? .json : .yaml
        let document = try DocumentLoader.load(bytes: Array(text.utf8), name: name, format: format).documents[0].document
        let result = engine.lint(document: document, file: name)
        let (bytes, applied) = LintFixer.apply(Array(document.source), result.fixes)
        let fixedText = String(decoding: bytes, as: UTF8.self)
        let again = try DocumentLoader.load(bytes: bytes, name: name, format: format).documents[0].document
        return (fixedText, result.findings, engine.lint(document: again, file: name).findings, applied)
    }

    static let yaml = """
    openapi: 3.0.3
    # a comment that must stay
    info: {title: Items, version: "1.0.0"}
    paths: {}
    components:
      schemas:
        Item:
          type: object
          properties:
            at: {type: string, format: date-time, example: "2021-09-01T07:00:00.000Z"}   # keep me
            tou:
              type: string
              enum: [ON, 'OFF', "on"]
              maxLenth: 3
            when: {type: string, format: date-time, example: 2021-09-01T07:00:00.5Z}
            mixed: {type: string, minLenght: 1, maxLength: 4}
    """

    func testYAMLFixesAndNothingElseChanges() throws {
        let (fixed, before, after, applied) = try fix(Self.yaml, name: "items-api.yaml")
        XCTAssertEqual(applied.count, 5, "\(applied.map(\.summary))")
        let expected = Self.yaml
            .replacing(#""2021-09-01T07:00:00.000Z""#, with: #""2021-09-01T07:00:00Z""#)
            .replacing("enum: [ON, 'OFF'", with: "enum: ['ON', 'OFF'")
            .replacing("maxLenth: 3", with: "maxLength: 3")
            .replacing("example: 2021-09-01T07:00:00.5Z", with: "example: 2021-09-01T07:00:00Z")
            .replacing("minLenght: 1", with: "minLength: 1")
        XCTAssertEqual(fixed, expected)
        for rule in ["crr-date-time-fraction", "yaml-boolean-word", "schema-unknown-keyword"] {
            XCTAssertFalse(before.filter { $0.rule == rule }.isEmpty, rule)
            XCTAssertEqual(after.filter { $0.rule == rule }.map(\.message), [], rule)
        }
    }

    func testJSONFixes() throws {
        let json = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "name": {"type": "string",   "maxLenth": 10},
            "items": {"type": "array", "minItem": 1, "items": {"type": "string"}},
            "at": {"type": "string", "format": "date-time", "examples": ["2024-11-04T17:12:33.123Z"]}
          }
        }
        """
        let (fixed, _, after, applied) = try fix(json, name: "Order_v1.0.0.draft-07.schema.json")
        XCTAssertEqual(applied.count, 3, "\(applied.map(\.summary))")
        XCTAssertEqual(fixed, json.replacing(#""maxLenth""#, with: #""maxLength""#).replacing(#""minItem""#, with: #""minItems""#)
            .replacing("17:12:33.123Z", with: "17:12:33Z"))
        XCTAssertEqual(after.filter { ["schema-unknown-keyword", "crr-date-time-fraction"].contains($0.rule) }.map(\.message), [])
    }

    /// No fix without one clear correction, nor when it would repeat a keyword, nor for an
    /// escaped string whose source differs from its value.
    func testNoFixWhenUnclear() throws {
        let json = #"""
        {
          "type": "object",
          "properties": {
            "a": {"type": "string", "maxLenth": 10, "maxLength": 10},
            "b": {"type": "string", "foo": 1},
            "c": {"type": "string", "format": "date-time", "examples": ["2024-11-04T17:12:33.1\u0032Z"]}
          }
        }
        """#
        let (fixed, before, _, applied) = try fix(json, name: "Order_v1.0.0.draft-07.schema.json")
        XCTAssertEqual(applied.map(\.summary), [])
        XCTAssertEqual(fixed, json)
        XCTAssertFalse(before.filter { $0.rule == "schema-unknown-keyword" }.isEmpty)
    }

    func testClearCorrection() {
        XCTAssertTrue(LintFixer.isClearCorrection("maxLenth", "maxLength", among: SchemaKeywords.draft07))
        XCTAssertTrue(LintFixer.isClearCorrection("minItem", "minItems", among: SchemaKeywords.draft07))
        XCTAssertFalse(LintFixer.isClearCorrection("maxLenth", "maxLength", among: ["maxLength", "maxLenths"]))
    }
}
