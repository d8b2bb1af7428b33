import Document
import Foundation
import JSONSchema
import XCTest

/// Runs every case of one draft of the official JSON-Schema-Test-Suite (required, optional and
/// optional/format), fetched by `scripts/fetch-test-suite` into `.cache/`. Test schemas without
/// `$schema` are read in that draft (the registry's default dialect). Cases known to fail are
/// listed with a reason in `known-failures-<draft>.txt` beside this file (`known-failures.txt`
/// for draft7).
enum SuiteRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let suite = packageRoot.appendingPathComponent(".cache/JSON-Schema-Test-Suite")

    struct Tally {
        var passed = 0
        var failed: [String] = []
        var knownFailed = 0
        var total: Int { passed + failed.count + knownFailed }
    }

    /// Runs `tests/<draft>` and returns the tallies by category (required, optional, format).
    static func run(draft: String, dialect: Dialect, knownFailures: String) throws -> [String: Tally] {
        let tests = suite.appendingPathComponent("tests/\(draft)")
        guard FileManager.default.fileExists(atPath: tests.path) else {
            throw XCTSkip("JSON-Schema-Test-Suite \(draft) not found at \(tests.path): run scripts/fetch-test-suite (scripts/test does it)")
        }
        let known = try loadKnownFailures(knownFailures)
        var tallies: [String: Tally] = ["required": Tally(), "optional": Tally(), "format": Tally()]
        var stale: [String] = []
        let files = FileManager.default.enumerator(atPath: tests.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let category = file.hasPrefix("optional/format/") ? "format" : (file.hasPrefix("optional/") ? "optional" : "required")
            let document = try JSONReader.parse(contentsOfFile: tests.appendingPathComponent(file).path, name: file)
            for group in document.root.elements {
                let groupName = group["description"]?.string ?? "?"
                let registry = SchemaRegistry()
                registry.defaultDialect = dialect
                registry.addMapping(prefix: "http://localhost:1234/", directory: suite.appendingPathComponent("remotes").path)
                // Each schema stands alone, as if it were its own file.
                let schemaValue = document.extract(group["schema"]!.index).root
                let compiled: Schema?
                var compileError = ""
                do {
                    compiled = try Schema.compile(schemaValue, registry: registry)
                } catch {
                    compiled = nil
                    compileError = "\(error)"
                }
                for test in group["tests"]!.elements {
                    let name = "\(file) :: \(groupName) :: \(test["description"]?.string ?? "?")"
                    let expected = test["valid"]!.bool!
                    var outcome = "compile error: \(compileError)"
                    var ok = false
                    if let compiled {
                        let data = document.extract(test["data"]!.index).root
                        do {
                            let fast = try compiled.isValid(data)
                            let full = try compiled.validate(data)
                            if fast != full.valid {
                                outcome = "fast mode says \(fast), exhaustive says \(full.valid)"
                            } else if full.valid != full.errors.isEmpty {
                                outcome = "valid=\(full.valid) but \(full.errors.count) errors"
                            } else {
                                ok = fast == expected
                                outcome = "got \(fast ? "valid" : "invalid")"
                            }
                        } catch {
                            outcome = "stopped: \(error)"
                        }
                    }
                    if ok {
                        tallies[category]!.passed += 1
                        if known[name] != nil { stale.append(name) }
                    } else if known[name] != nil {
                        tallies[category]!.knownFailed += 1
                    } else {
                        tallies[category]!.failed.append("\(name): expected \(expected ? "valid" : "invalid"), \(outcome)")
                    }
                }
            }
        }
        for category in ["required", "optional", "format"] {
            let t = tallies[category]!
            print("\(draft) \(category): \(t.passed)/\(t.total) passed, \(t.knownFailed) known failures (\(knownFailures)), \(t.failed.count) unexpected failures")
            for failure in t.failed { print("  FAIL \(failure)") }
        }
        for name in stale { print("  note: listed in \(knownFailures) but passes now: \(name)") }
        return tallies
    }

    static func loadKnownFailures(_ name: String) throws -> [String: String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.components(separatedBy: " # ")
            result[parts[0].trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    /// Required cases must all pass (and be as many as the pinned suite has); optional and
    /// format cases may only fail when listed.
    static func check(_ tallies: [String: Tally], draft: String, required: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(tallies["required"]!.failed.count + tallies["required"]!.knownFailed, 0, "every required \(draft) case must pass", file: file, line: line)
        XCTAssertEqual(tallies["required"]!.passed, required, "the pinned suite has \(required) required \(draft) cases", file: file, line: line)
        XCTAssertTrue(tallies["optional"]!.failed.isEmpty, "unexpected optional \(draft) failures", file: file, line: line)
        XCTAssertTrue(tallies["format"]!.failed.isEmpty, "unexpected format \(draft) failures", file: file, line: line)
    }
}

final class DraftSevenSuiteTests: XCTestCase {
    func testDraft7Suite() throws {
        let tallies = try SuiteRunner.run(draft: "draft7", dialect: .draft7, knownFailures: "known-failures.txt")
        SuiteRunner.check(tallies, draft: "draft7", required: 913)
    }
}

final class DraftSixSuiteTests: XCTestCase {
    func testDraft6Suite() throws {
        let tallies = try SuiteRunner.run(draft: "draft6", dialect: .draft6, knownFailures: "known-failures-draft6.txt")
        SuiteRunner.check(tallies, draft: "draft6", required: 829)
    }
}

final class DraftFourSuiteTests: XCTestCase {
    func testDraft4Suite() throws {
        let tallies = try SuiteRunner.run(draft: "draft4", dialect: .draft4, knownFailures: "known-failures-draft4.txt")
        SuiteRunner.check(tallies, draft: "draft4", required: 610)
    }
}
