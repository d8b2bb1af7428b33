import CRR
import CRRRules
import Diff
import Foundation
import Lint
import Mock
import Reporting
import XCTest

/// Every id a command can emit has its own `crrspec explain` entry and a SARIF rule text. The
/// ids are collected from the code (the keywords the evaluator records, the `rule:`/`ruleID:`
/// literals, the CRR format rules, the problem kinds of the GitHub renderer) and from the lint,
/// change and version-rule catalogs, so a new id without an explanation fails here.
final class ExplainCoverageTests: XCTestCase {
    static let sources = CLI.packageRoot.appendingPathComponent("Sources")

    /// id → the file that emits it.
    static func idsInCode() throws -> [String: String] {
        var found: [String: String] = [:]
        let patterns = [
            #"record\([^,\n]+, \[[^\]\n]*\], "([^"]+)""#,              // the evaluator's keyword
            #"let keyword = [^?\n]+\? "([^"]+)" : "([^"]+)""#,        // minItems/maxItems, minLength/maxLength
            #"explainBranches\([^,\n]+, [^,\n]+, "([^"]+)""#,         // anyOf, oneOf
            #"enum Kind: String \{ case ([^}]+)\}"#,                   // the numeric bounds
            #"(?<![\w-])rule: "([a-z][a-z0-9-]*)""#,                     // Finding(rule: ...), not x-crr-rule: "..."
            #"\bruleID: "([a-z][a-z0-9-]*)""#,                         // SARIF results
            #"FormatRule\(name: "([^"]+)""#,                           // CRR profile rules
        ]
        let regexes = try patterns.map { try NSRegularExpression(pattern: $0) }
        let problemKind = try NSRegularExpression(pattern: #"return "([a-z][a-z0-9-]*)""#)
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasSuffix("CatalogFiles.swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            var matches: [String] = []
            for regex in regexes {
                for match in regex.matches(in: text, range: range) {
                    for group in 1..<match.numberOfRanges {
                        guard let r = Range(match.range(at: group), in: text) else { continue }
                        matches += text[r].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                }
            }
            // The problem kinds GitHub annotations and SARIF results name.
            if let body = text.range(of: "public enum ProblemKind") {
                let tail = String(text[body.lowerBound...])
                for match in problemKind.matches(in: tail, range: NSRange(tail.startIndex..., in: tail)) {
                    matches.append(String(tail[Range(match.range(at: 1), in: tail)!]))
                }
            }
            for id in matches where !id.isEmpty { found[id] = found[id] ?? relative }
        }
        return found
    }

    static func allEmittedIDs() throws -> [String: String] {
        var ids = try idsInCode()
        for id in LintEngine.rules(with: [CRRLint.profile]).map(\.meta.id) { ids[id] = ids[id] ?? "lint rule" }
        for id in ChangeCatalog.allIDs(with: CRRDiff.configuration) { ids[id] = ids[id] ?? "change catalog" }
        for id in VersionRule.allCases.map(\.rawValue) { ids[id] = ids[id] ?? "version rule" }
        return ids
    }

    /// What the binary explains (`ExplanationCatalog.crrspec` in the CLI).
    static let catalog: ExplanationCatalog = {
        ExplanationCatalog.builtIn.adding(CRRProfile.explanations + LintEngine.explanations(with: [CRRLint.profile]) + ChangeCatalog.explanations(with: CRRDiff.configuration)
                                                 + VersionRule.explanations + MockLogID.explanations)
    }()

    func testEveryEmittedIDExplainsItself() throws {
        let ids = try Self.allEmittedIDs()
        // The scan must see what it is meant to see, or it proves nothing.
        for expected in ["maxLength", "minLength", "maxItems", "exclusiveMaximum", "maximum", "anyOf", "oneOf", "false", "contentMediaType",
                         "input-unreadable", "limit", "invalid", "malformed-input", "schema-auto", "crr-date-time-seconds"] {
            XCTAssertNotNil(ids[expected], "the scan of Sources/ no longer finds \(expected)")
        }
        for (id, origin) in ids.sorted(by: { $0.key < $1.key }) {
            let explanation = Self.catalog.lookup(id)
            XCTAssertNotNil(explanation, "\(id) (emitted in \(origin)) has no crrspec explain entry")
            XCTAssertEqual(explanation?.id, id, "crrspec explain \(id) prints \(explanation?.id ?? "-")'s entry, not its own")
        }
    }

    /// SARIF (one renderer for lint, validate and metaschema) describes every id with its
    /// explanation, never with the id itself as placeholder text.
    func testEveryEmittedIDHasASARIFRuleText() throws {
        let ids = try Self.allEmittedIDs().keys.sorted()
        let findings = ids.map { Finding(rule: $0, severity: .error, file: "a.yaml", line: 1, column: 1, pointer: "", message: "m") }
        let tool = SARIFRenderer.Tool(name: "crrspec", version: "0", informationURI: "https://example.invalid", rules: LintEngine.rules(with: [CRRLint.profile]).map(\.meta.descriptor))
        let rendered = SARIFRenderer.render(findings, tool: tool, explanations: Self.catalog)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        var described: [String: [String: Any]] = [:]
        for rule in rules { described[rule["id"] as! String] = rule }
        for id in ids {
            let rule = try XCTUnwrap(described[id], "\(id) has no SARIF rule")
            let summary = (rule["shortDescription"] as? [String: Any])?["text"] as? String
            let help = (rule["help"] as? [String: Any])?["text"] as? String ?? ""
            XCTAssertNotEqual(summary, id, "\(id): the SARIF rule text is a placeholder")
            XCTAssertTrue(help.contains("crrspec explain \(id)"), "\(id): \(help)")
        }
    }

    func testKeywordsAndInputProblemsThroughTheBinary() throws {
        let maxLength = try CLI.run(["explain", "maxLength"])
        XCTAssertEqual(maxLength.status, 0, maxLength.stderr)
        XCTAssertTrue(maxLength.stdout.hasPrefix("maxLength (JSON Schema keyword)\n\nThe string is longer than the schema allows."), maxLength.stdout)
        let minLength = try CLI.run(["explain", "minLength"])
        XCTAssertTrue(minLength.stdout.hasPrefix("minLength (JSON Schema keyword)\n\nThe string is shorter"), minLength.stdout)
        let unreadable = try CLI.run(["explain", "input-unreadable"])
        XCTAssertEqual(unreadable.status, 0, unreadable.stderr)
        XCTAssertTrue(unreadable.stdout.hasPrefix("input-unreadable (input problem)"), unreadable.stdout)
    }
}
