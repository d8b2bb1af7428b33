import Document
import Foundation
import JSONSchema
import Reporting
import XCTest

final class ReportingTests: XCTestCase {
    func errors(_ schema: String, _ instance: String, crr: Bool = false, name: String = "file.json") throws -> [ValidationError] {
        let schemaDocument = try JSONReader.parse(string: schema, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(schemaDocument, uri: "file:///s.json")
        var options = CompileOptions()
        if crr {
            options.formatRules["date-time"] = FormatRule(name: "crr-date-time-seconds") { bytes in
                bytes.contains(UInt8(ascii: ".")) ? "fractional" : nil
            }
        }
        let compiled = try Schema.compile(schemaDocument.root, registry: registry, options: options)
        return try compiled.validate(try JSONReader.parse(string: instance, name: name).root).errors
    }

    /// Every built-in keyword example that shows a schema, a file and crrspec's message is what
    /// the engine really says (a schema of property names is taken as `properties`).
    func testKeywordExamplesMatchTheEngine() throws {
        var checked = 0
        for explanation in ExplanationCatalog.builtIn.all where explanation.kind == .keyword {
            let lines = explanation.example.split(separator: "\n").map(String.init)
            guard let schemaLine = lines.first(where: { $0.hasPrefix("schema:") }),
                  let fileLine = lines.first(where: { $0.hasPrefix("file:") }),
                  let expected = lines.first(where: { $0.hasPrefix("crrspec:") }),
                  !fileLine.contains("...") else { continue }
            var schema = String(schemaLine.dropFirst("schema:".count)).trimmingCharacters(in: .whitespaces)
            let file = String(fileLine.dropFirst("file:".count)).trimmingCharacters(in: .whitespaces)
            let parsed = try JSONReader.parse(string: schema)
            // A schema line is either a schema (every top-level name a draft-07 keyword) or the
            // `properties` map of one.
            if parsed.root.kind == .object, !parsed.root.members.allSatisfy({ Dialect.draft7.has($0.name) }) {
                schema = #"{"properties": \#(schema)}"#
            }
            let found = try errors(schema, file)
            let message = String(expected.dropFirst("crrspec:".count)).trimmingCharacters(in: .whitespaces)
            XCTAssertEqual(found.first?.description, message, explanation.id)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 18)
    }

    func testCatalogLookupAliasesAndExtension() {
        let builtIn = ExplanationCatalog.builtIn
        XCTAssertEqual(builtIn.lookup("ENUM")?.id, "enum")
        XCTAssertEqual(builtIn.lookup("exclusiveMaximum")?.id, "exclusiveMaximum", "each keyword explains itself")
        XCTAssertNil(builtIn.lookup("crr-date-time-seconds"), "a profile's rules come from its layer")
        XCTAssertNil(builtIn.lookup("no-such-thing"))
        XCTAssertEqual(builtIn.suggestions(for: "requird"), ["required"])
        for id in ["enum", "required", "format", "pattern", "multipleOf", "maxItems", "additionalProperties", "type", "minimum"] {
            let text = Explanations.render(builtIn.lookup(id)!)
            XCTAssertTrue(text.contains("Example:") && text.contains("Fix:"), id)
        }
        let added = builtIn.adding([Explanation(id: "test-lint-rule", kind: .lint, title: "t", description: "d", example: "e", fix: "f", aliases: ["tlr"])])
        XCTAssertEqual(added.lookup("test-lint-rule")?.kind, .lint)
        XCTAssertEqual(added.lookup("TLR")?.id, "test-lint-rule", "aliases are looked up too")
        XCTAssertNil(builtIn.lookup("test-lint-rule"), "a catalog is a value: adding makes a new one")
        let replaced = added.adding([Explanation(id: "test-lint-rule", kind: .lint, title: "t2", description: "d", example: "e", fix: "f")])
        XCTAssertEqual(replaced.all.filter { $0.id == "test-lint-rule" }.map(\.title), ["t2"])
        XCTAssertEqual(replaced.all.count, added.all.count)
        XCTAssertTrue(replaced.renderIndex().contains("Lint rules:\n"))
        XCTAssertTrue(replaced.renderIndex().contains("\n  test-lint-rule "))
        XCTAssertFalse(builtIn.renderIndex().contains("Lint rules:"))
    }

    /// A profile's rules are headed with the profile's name, each profile in its own group.
    func testProfileRulesAreLabelledWithTheirProfile() {
        let rule = { (id: String, profile: String?) in Explanation(id: id, kind: .rule, title: id, description: "d", example: "e", fix: "f", profile: profile) }
        let catalog = ExplanationCatalog.builtIn.adding([rule("acme-a", "ACME"), rule("other-b", "Other"), rule("acme-c", "ACME"), rule("plain", nil)])
        XCTAssertTrue(Explanations.render(catalog.lookup("acme-a")!).hasPrefix("acme-a (ACME profile rule)\n"))
        XCTAssertTrue(Explanations.render(catalog.lookup("plain")!).hasPrefix("plain (profile rule)\n"))
        let index = catalog.renderIndex()
        XCTAssertTrue(index.contains("ACME profile rules:\n  acme-a  acme-a\n  acme-c  acme-c\n\nOther profile rules:\n  other-b  other-b\n\nProfile rules:\n  plain  plain\n"), index)
    }

    func testGitHubAnnotations() throws {
        XCTAssertEqual(GitHubAnnotations.line(file: "a,b:c.json", line: 3, column: 4, title: "t", message: "50% off\nnext"),
                       "::error file=a%2Cb%3Ac.json,line=3,col=4,title=t::50%25 off%0Anext\n")
        let found = try errors(#"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#, "true")
        let text = ValidationReportRenderer.github([InstanceReport(file: "file.json", outcome: .invalid(found, truncated: false)),
                                                 InstanceReport(file: "ok.json", outcome: .valid),
                                                 InstanceReport(file: "bad.json", outcome: .unusable("trailing comma", line: 1, column: 4))])
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "the anyOf branch detail folds into its summary's annotation: \(text)")
        XCTAssertTrue(lines[0].hasPrefix("::error file=file.json,line=1,col=1,title=crrspec validate (anyOf)::true does not match any"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("%0A    1:1: expected string, found boolean true"), String(lines[0]))
        XCTAssertEqual(String(lines[1]), "::error file=bad.json,line=1,col=4,title=crrspec validate (malformed-input)::trailing comma")
    }

    func testSARIF() throws {
        let found = try errors(#"{"properties": {"TOU": {"enum": ["ON"]}, "T": {"format": "date-time"}}}"#,
                               #"{"TOU": "OFF", "T": "2025-01-01T08:00:00.5Z"}"#, crr: true, name: "./dir/my file.json")
        let sarif = ValidationReportRenderer.sarif([InstanceReport(file: "./dir/my file.json", outcome: .invalid(found, truncated: false)),
                                                    InstanceReport(file: "x.json", outcome: .unusable("file is 3 bytes, more than the limit (raise it with --max-bytes)", line: nil, column: nil))],
                                                   toolVersion: "9.9.9")
        let json = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
        XCTAssertEqual(json["version"] as? String, "2.1.0")
        let run = (json["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        XCTAssertEqual(driver["version"] as? String, "9.9.9")
        let rules = (driver["rules"] as! [[String: Any]]).map { $0["id"] as! String }
        XCTAssertEqual(rules, ["crr-date-time-seconds", "enum", "limit"])
        let results = run["results"] as! [[String: Any]]
        XCTAssertEqual(results.map { $0["ruleIndex"] as! Int }, [1, 0, 2])
        XCTAssertEqual((rules.firstIndex(of: "enum")).map { ((driver["rules"] as! [[String: Any]])[$0]["help"] as! [String: Any])["text"] as? String },
                       "\(ExplanationCatalog.builtIn.lookup("enum")!.fix) (crrspec explain enum)", "rules are described from the explanations passed in")
        let location = ((results[0]["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
        XCTAssertEqual((location["artifactLocation"] as! [String: Any])["uri"] as? String, "dir/my%20file.json")
        XCTAssertEqual((location["region"] as! [String: Any])["startColumn"] as? Int, 9)
        XCTAssertEqual(((run["invocations"] as! [[String: Any]])[0])["executionSuccessful"] as? Bool, false)
    }

    func testSchemaChoicesLines() {
        var choices = SchemaChoices()
        XCTAssertEqual(choices.lines(), [])
        for file in ["a.json", "b.json", "c.json", "d.json"] { choices.record("CRRSourceSink@1.0.1#/items", file: file) }
        choices.record("CRRSetAside@1.1.1", file: "s.json")
        XCTAssertEqual(choices.lines(), ["schema auto: CRRSourceSink@1.0.1#/items for 4 files (a.json, b.json, c.json, ...)",
                                         "schema auto: CRRSetAside@1.1.1 for s.json"])
        XCTAssertEqual(choices.lines(style: .ansi).first?.hasPrefix("\u{1B}[36mschema auto:\u{1B}[0m "), true)
    }

    func testMarkdownCells() {
        XCTAssertEqual(Markdown.cell("a | b <service>\nnext"), "a \\| b &lt;service&gt; next")
        let finding = Finding(rule: "r", severity: .warning, file: "f.yaml", line: 2, column: 3, pointer: "", message: "x|y")
        XCTAssertEqual(FindingMarkdownRenderer.render([finding]), "- **warning** `r` (`f.yaml:2:3`): x\\|y\n")
    }

    func testColoursAndSummary() throws {
        let env = ["TERM": "xterm"]
        XCTAssertTrue(TextStyle.resolve(mode: "auto", isTerminal: true, environment: env).enabled)
        XCTAssertFalse(TextStyle.resolve(mode: "auto", isTerminal: false, environment: env).enabled)
        XCTAssertFalse(TextStyle.resolve(mode: "auto", isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        XCTAssertTrue(TextStyle.resolve(mode: "auto", isTerminal: true, environment: ["NO_COLOR": ""]).enabled, "an empty NO_COLOR does not count")
        XCTAssertFalse(TextStyle.resolve(mode: "auto", isTerminal: true, environment: ["TERM": "dumb"]).enabled)
        XCTAssertTrue(TextStyle.resolve(mode: "always", isTerminal: false, environment: ["NO_COLOR": "1"]).enabled)
        XCTAssertFalse(TextStyle.resolve(mode: "never", isTerminal: true, environment: env).enabled)

        let found = try errors(#"{"enum": [1]}"#, "2")
        let reports = [InstanceReport(file: "file.json", outcome: .invalid(found, truncated: false))]
        XCTAssertEqual(ValidationReportRenderer.text(reports), "file.json:1:1: error: 2 is not one of the allowed values: 1\n  at instance (root), schema /enum\n")
        let coloured = ValidationReportRenderer.text(reports, style: .ansi)
        XCTAssertTrue(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        XCTAssertEqual(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression), ValidationReportRenderer.text(reports))

        var summary = RunSummary()
        summary.add(file: reports, bytes: 2_500_000)
        summary.add(file: [InstanceReport(file: "d.jsonl", line: 1, outcome: .valid), InstanceReport(file: "d.jsonl", line: 2, outcome: .valid)], bytes: 0)
        summary.seconds = 0.5
        XCTAssertEqual(summary.line(), "2 files, 3 records: 2 valid, 1 invalid, 0 unusable (2.5 MB in 0.50 s, 5.0 MB/s)")
        XCTAssertEqual(summary.exitCode, 1)
    }

    /// Code frames come from the file's bytes: CRLF files get frames (a `\r` is not part of the
    /// line), a file that cannot be read gets none, an empty file has one empty line.
    func testCodeFramesFromBytes() {
        let finding = Finding(rule: "r", severity: .warning, file: "a.yaml", line: 2, column: 4, pointer: "", message: "m")
        let crlf = FindingTextRenderer.render([finding], sourceBytes: { _ in Array("a: 1\r\nb: [x\r\nc: 2\r\n".utf8) })
        XCTAssertEqual(crlf, "a.yaml:2:4: warning: m [r]\n  1 | a: 1\n> 2 | b: [x\n    |    ^\n")
        let lf = FindingTextRenderer.render([finding], source: { _ in "a: 1\nb: [x\nc: 2\n" })
        XCTAssertEqual(lf, crlf)
        XCTAssertEqual(FindingTextRenderer.render([finding], sourceBytes: { _ in nil }), "a.yaml:2:4: warning: m [r]\n")
        let first = Finding(rule: "r", severity: .warning, file: "e.yaml", line: 1, column: 1, pointer: "", message: "m")
        XCTAssertEqual(FindingTextRenderer.render([first], sourceBytes: { _ in [] }), "e.yaml:1:1: warning: m [r]\n> 1 | \n    | ^\n")
        // A control character in the shown line is escaped.
        let bell = FindingTextRenderer.render([first], sourceBytes: { _ in Array("x\u{7}y\n".utf8) })
        XCTAssertTrue(bell.contains("> 1 | x\\u0007y"), bell)
    }
}
