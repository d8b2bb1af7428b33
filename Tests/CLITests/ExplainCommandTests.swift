import CRRRules
import Diff
import Foundation
import Lint
import XCTest

/// `crrspec explain` knows every lint rule and every change id, with the texts their definitions
/// hold (`RuleMeta`, `ChangeCatalog`), and SARIF output points at it.
final class ExplainCommandTests: XCTestCase {
    /// Runs of whitespace as one space, so that wrapped text compares with its source.
    func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    func testLintRuleExplanationIsTheRuleDefinition() throws {
        let meta = try XCTUnwrap(LintEngine.rule("schema-unknown-keyword", profiles: [CRRLint.profile])?.meta)
        let r = try CLI.run(["explain", "schema-unknown-keyword"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("schema-unknown-keyword (lint rule)\n\n\(meta.summary)\n\n"), r.stdout)
        let text = flat(r.stdout)
        XCTAssertTrue(text.contains(flat(meta.why)), r.stdout)
        XCTAssertTrue(text.contains("Severity error by default"), r.stdout)
        XCTAssertTrue(r.stdout.contains(#"crrspec: error: unknown keyword "maxLenth"; did you mean "maxLength"? [schema-unknown-keyword]"#), r.stdout)
        XCTAssertTrue(text.contains("Fix: " + flat(meta.fix)), r.stdout)
    }

    func testChangeExplanationIsTheCatalogMeaning() throws {
        let meaning = try XCTUnwrap(ChangeCatalog.schemaKinds.first { $0.kind == "enum-value-removed" }?.meaning)
        let r = try CLI.run(["explain", "request-enum-value-removed"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("request-enum-value-removed (spec change)\n\n"
                                         + meaning.prefix(1).uppercased() + meaning.dropFirst() + " (in a request body).\n\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("The schema is in a request body: what clients send."), r.stdout)
        XCTAssertTrue(r.stdout.contains("crrspec: breaking request-enum-value-removed: Removed PREP from enum of request body of POST /auction/v1.0/portfolio.windowStatus"),
                      r.stdout)
        XCTAssertTrue(r.stdout.contains("(needs a MAJOR bump)"), r.stdout)

        let other = try CLI.run(["explain", "error-code-replaced"])
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertTrue(other.stdout.hasPrefix("error-code-replaced (spec change)\n\nAn error code replaced by another with the same text (SER0018 → GEN0003).\n\n"),
                      other.stdout)
        XCTAssertTrue(other.stdout.contains("crrspec: warning error-code-replaced: Replaced error code SER0018 with GEN0003"), other.stdout)
    }

    /// The index lists every id once, under its kind; an id in the index is one `explain ID` finds.
    func testEveryLintRuleAndChangeIDResolves() throws {
        let r = try CLI.run(["explain"])
        XCTAssertEqual(r.status, 0, r.stderr)
        var section = ""
        var listed: [String: [String]] = [:]
        for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix(":") && !line.hasPrefix(" ") { section = String(line.dropLast()); continue }
            guard line.hasPrefix("  "), let id = line.split(separator: " ").first else { continue }
            listed[section, default: []].append(String(id))
        }
        XCTAssertEqual(listed["Lint rules"], LintEngine.rules(with: [CRRLint.profile]).map(\.meta.id))
        XCTAssertEqual(listed["Spec changes"], ChangeCatalog.allIDs(with: CRRDiff.configuration))
        XCTAssertEqual(listed["Version rules"], VersionRule.allCases.map(\.rawValue))
        XCTAssertEqual(LintEngine.rules(with: [CRRLint.profile]).count, 68)
        XCTAssertEqual(ChangeCatalog.allIDs(with: CRRDiff.configuration).count, 237)
        for meta in LintEngine.rules(with: [CRRLint.profile]).map(\.meta) {
            XCTAssertTrue(meta.example.contains("crrspec: \(meta.severity.rawValue): ") && meta.example.contains("[\(meta.id)]"),
                          "\(meta.id): the example shows no \(meta.severity.rawValue) finding of the rule")
        }
        // A few ids, any case, through the binary.
        for id in ["crr-cpg-2024-11", "OAS-PATH-AMBIGUOUS", "schema-definition-added", "definition-added", "response-nullable-added", "service-major-version-added", "Declared-Bump-Too-Low"] {
            let one = try CLI.run(["explain", id])
            if id == "schema-definition-added" {
                XCTAssertEqual(one.status, 2, "not a change id")
                XCTAssertTrue(one.stderr.contains("did you mean"), one.stderr)
            } else {
                XCTAssertEqual(one.status, 0, "\(id): \(one.stderr)")
                XCTAssertTrue(one.stdout.hasPrefix(id.lowercased() + " ("), one.stdout)
            }
        }
    }

    func testLintSARIFPointsAtExplain() throws {
        let dir = try CLI.scratch(["typo.schema.json": Array(#"{"type": "string", "maxLenth": 4}"#.utf8)])
        let r = try CLI.run(["lint", "--format", "sarif", "typo.schema.json"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let rule = try XCTUnwrap(rules.first { $0["id"] as? String == "schema-unknown-keyword" })
        let help = try XCTUnwrap((rule["help"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(help.hasSuffix("(crrspec explain schema-unknown-keyword)"), help)
    }
}
