import Document
import JSONSchema
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// The report formats: text with a code frame, JSON, SARIF (validated against a SARIF 2.1.0
/// subset schema with crrspec's own engine), GitHub annotations and JUnit XML.
final class RendererTests: XCTestCase {
    static let text = SchemaRuleTests.base.with(#""maxLength": 10"#, #""maxLenth": 10"#)
    static let findings = LintTest.lint(text, name: "order.schema.json")

    func testTextHasLocationRuleAndCodeFrame() throws {
        let out = FindingTextRenderer.render(Self.findings) { _ in Self.text }
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "order.schema.json:7:32: error: unknown keyword \"maxLenth\"; did you mean \"maxLength\"? [schema-unknown-keyword]")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  6 | ") }, out)
        let marked = try XCTUnwrap(lines.first { $0.hasPrefix("> 7 | ") }, out)
        XCTAssertTrue(marked.contains("\"maxLenth\": 10"))
        let caret = try XCTUnwrap(lines.first { $0.hasSuffix("^") }, out)
        // The caret sits under the key's opening quote: column 32 after the 6-character gutter.
        XCTAssertEqual(caret.count, 6 + 32)
        XCTAssertEqual(Array(marked)[caret.count - 1], "\"")
        XCTAssertTrue(out.contains("  hint: rename it to maxLength"))
    }

    func testJSON() throws {
        let document = try JSONReader.parse(string: FindingJSONRenderer.render(Self.findings), name: "out.json")
        let first = try XCTUnwrap(document.root["findings"]?[0])
        XCTAssertEqual(first["rule"]?.string, "schema-unknown-keyword")
        XCTAssertEqual(first["severity"]?.string, "error")
        XCTAssertEqual(first["line"]?.double, 7)
        XCTAssertEqual(first["pointer"]?.string, "/properties/name/maxLenth")
    }

    func testGitHubAnnotations() {
        let f = Finding(rule: "crr-x", severity: .warning, file: "a,b.yaml", line: 3, column: 4, pointer: "/x", message: "50% done\nnext", hint: nil)
        // A line break inside the message stays visible text: only the renderer's own lines
        // (hint, pointer) become lines of the annotation.
        XCTAssertEqual(GitHubAnnotations.render([f]), "::warning file=a%2Cb.yaml,line=3,col=4,title=crr-x::50%25 done\\u000anext%0Aat /x\n")
    }

    func testJUnit() {
        let out = JUnitRenderer.render(Self.findings, files: ["order.schema.json", "clean.json"])
        XCTAssertTrue(out.contains("<testsuite name=\"order.schema.json\" tests=\"1\" failures=\"1\""), out)
        XCTAssertTrue(out.contains("<failure type=\"schema-unknown-keyword\" message=\"unknown keyword &quot;maxLenth&quot;"), out)
        XCTAssertTrue(out.contains("<testcase classname=\"clean.json\" name=\"lint\"/>"), out)
    }

    /// A draft-07 schema for the part of SARIF 2.1.0 crrspec writes, written for this test from
    /// the SARIF 2.1.0 specification: the shapes and value sets GitHub code scanning reads. It is
    /// closed (additionalProperties: false) so that crrspec cannot drift outside the subset.
    static let sarifSubset = #"""
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "required": ["version", "runs"],
      "additionalProperties": false,
      "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/run"}}
      },
      "definitions": {
        "message": {"type": "object", "required": ["text"], "additionalProperties": false, "properties": {"text": {"type": "string", "minLength": 1}}},
        "level": {"enum": ["none", "note", "warning", "error"]},
        "run": {
          "type": "object", "required": ["tool", "results"], "additionalProperties": false,
          "properties": {
            "tool": {
              "type": "object", "required": ["driver"], "additionalProperties": false,
              "properties": {"driver": {"$ref": "#/definitions/driver"}}
            },
            "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            "results": {"type": "array", "items": {"$ref": "#/definitions/result"}}
          }
        },
        "driver": {
          "type": "object", "required": ["name"], "additionalProperties": false,
          "properties": {
            "name": {"type": "string", "minLength": 1},
            "version": {"type": "string"},
            "semanticVersion": {"type": "string", "pattern": "^\\d+\\.\\d+\\.\\d+"},
            "informationUri": {"type": "string", "format": "uri"},
            "rules": {"type": "array", "items": {"$ref": "#/definitions/rule"}}
          }
        },
        "rule": {
          "type": "object", "required": ["id"], "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "minLength": 1},
            "name": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9]*$"},
            "shortDescription": {"$ref": "#/definitions/message"},
            "fullDescription": {"$ref": "#/definitions/message"},
            "help": {"$ref": "#/definitions/message"},
            "defaultConfiguration": {
              "type": "object", "additionalProperties": false,
              "properties": {"level": {"$ref": "#/definitions/level"}}
            }
          }
        },
        "result": {
          "type": "object", "required": ["message", "ruleId", "locations"], "additionalProperties": false,
          "properties": {
            "ruleId": {"type": "string", "minLength": 1},
            "ruleIndex": {"type": "integer", "minimum": 0},
            "level": {"$ref": "#/definitions/level"},
            "message": {"$ref": "#/definitions/message"},
            "locations": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/location"}},
            "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}}
          }
        },
        "location": {
          "type": "object", "required": ["physicalLocation"], "additionalProperties": false,
          "properties": {
            "physicalLocation": {
              "type": "object", "required": ["artifactLocation", "region"], "additionalProperties": false,
              "properties": {
                "artifactLocation": {
                  "type": "object", "required": ["uri"], "additionalProperties": false,
                  "properties": {"uri": {"type": "string", "format": "uri-reference"}}
                },
                "region": {
                  "type": "object", "required": ["startLine"], "additionalProperties": false,
                  "properties": {"startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1}}
                }
              }
            },
            "logicalLocations": {
              "type": "array",
              "items": {
                "type": "object", "additionalProperties": false,
                "properties": {"fullyQualifiedName": {"type": "string"}, "kind": {"type": "string"}}
              }
            }
          }
        }
      }
    }
    """#

    func testSARIFValidatesAgainstTheSARIFSubsetSchema() throws {
        let extra = Finding(rule: "input-unreadable", severity: .info, file: "dir with space/ä.yaml", line: 0, column: 0, pointer: "", message: "x")
        let tool = SARIFRenderer.Tool(name: "crrspec", version: "0.1.0", informationURI: "https://example.org/crrspec",
                                      rules: LintEngine.rules.map(\.meta.descriptor))
        let out = SARIFRenderer.render(Self.findings + [extra], tool: tool, explanations: .builtIn.adding(LintEngine.explanations()))
        let registry = SchemaRegistry()
        let schemaDocument = try JSONReader.parse(string: Self.sarifSubset, name: "sarif-2.1.0-subset.schema.json")
        registry.add(schemaDocument, uri: "urn:test:sarif-subset")
        let schema = try Schema.compile(schemaDocument.root, registry: registry)
        let log = try JSONReader.parse(string: out, name: "crrspec.sarif")
        let result = try schema.validate(log.root)
        XCTAssertTrue(result.valid, result.errors.map(\.description).joined(separator: "\n"))
        let results = try XCTUnwrap(log.root["runs"]?[0]?["results"])
        XCTAssertEqual(results.count, 2)
        let driverRules = try XCTUnwrap(log.root["runs"]?[0]?["tool"]?["driver"]?["rules"])
        let index = try XCTUnwrap(results[0]?["ruleIndex"]?.double)
        XCTAssertEqual(driverRules[Int(index)]?["id"]?.string, results[0]?["ruleId"]?.string)
        XCTAssertEqual(results[1]?["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.string, "dir%20with%20space/%C3%A4.yaml")
    }
}
