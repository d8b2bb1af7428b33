import Foundation
import XCTest

/// The example output in docs/*.md and README.md is the real binary's: every ```console block
/// holds `$ command` lines, each followed by what it prints (standard output, then standard
/// error). This test runs each command in the repository root (crrspec on PATH, no colours,
/// 100 columns) and compares. Throughput figures of summary lines (`(1.2 KB in 0.01 s,
/// 0.1 MB/s)`, and `crrspec parse`'s `0.001 s (3 MB/s)`) are compared by shape only.
///
/// To refresh the blocks after a deliberate change: `CRRSPEC_UPDATE_DOCS=1 swift test --skip-build --filter DocsTests`.
final class DocsTests: XCTestCase {
    struct Example {
        var file: String
        var line: Int
        var command: String
        var expected: [String]
    }

    static var pages: [URL] {
        let docs = CLI.packageRoot.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [CLI.packageRoot.appendingPathComponent("README.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// Blocks of one page: (range of body lines, examples).
    static func examples(in text: String, file: String) -> [(body: Range<Int>, examples: [Example])] {
        let lines = text.components(separatedBy: "\n")
        var blocks: [(Range<Int>, [Example])] = []
        var i = 0
        while i < lines.count {
            guard lines[i].trimmingCharacters(in: .whitespaces) == "```console" else { i += 1; continue }
            let start = i + 1
            var end = start
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
            var examples: [Example] = []
            for j in start..<end {
                if lines[j].hasPrefix("$ ") {
                    examples.append(Example(file: file, line: j + 1, command: String(lines[j].dropFirst(2)), expected: []))
                } else if !examples.isEmpty {
                    examples[examples.count - 1].expected.append(lines[j])
                }
            }
            blocks.append((start..<end, examples))
            i = end + 1
        }
        return blocks
    }

    static func normalize(_ lines: [String]) -> [String] {
        var out = lines.map { line -> String in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line.replacingOccurrences(of: #"\([0-9.]+ (KB|MB) in [0-9.]+ s, [0-9.]+ MB/s\)"#, with: "(… in … s, … MB/s)",
                                             options: .regularExpression)
                .replacingOccurrences(of: #", [0-9.]+ s \([0-9]+ MB/s\)"#, with: ", … s (… MB/s)", options: .regularExpression)
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    func run(_ command: String) throws -> [String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "100"
        let result = try CLI.execute(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: CLI.packageRoot, environment: environment)
        let text = result.stdout + result.stderr
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func testDocumentedOutputIsTheBinarysOutput() throws {
        let update = ProcessInfo.processInfo.environment["CRRSPEC_UPDATE_DOCS"] != nil
        var checked = 0
        var pagesWithExamples = Set<String>()
        for page in Self.pages {
            let text = try String(contentsOf: page, encoding: .utf8)
            var lines = text.components(separatedBy: "\n")
            let name = page.lastPathComponent
            var rewritten = false
            for (body, examples) in Self.examples(in: text, file: name).reversed() {
                var newBody: [String] = []
                for example in examples {
                    let actual = try run(example.command)
                    if update {
                        newBody += ["$ " + example.command] + actual
                    } else {
                        XCTAssertEqual(Self.normalize(actual), Self.normalize(example.expected),
                                       "\(name):\(example.line): $ \(example.command)\n--- actual:\n\(actual.joined(separator: "\n"))")
                    }
                    checked += 1
                    pagesWithExamples.insert(name)
                }
                if update {
                    lines.replaceSubrange(body, with: newBody)
                    rewritten = true
                }
            }
            if rewritten { try lines.joined(separator: "\n").write(to: page, atomically: true, encoding: .utf8) }
        }
        for page in ["validate.md", "metaschema.md", "lint.md", "diff.md", "catalog.md", "parse.md", "explain.md"] {
            XCTAssertTrue(pagesWithExamples.contains(page), "docs/\(page) has no checked example")
        }
        print("docs: \(checked) documented commands checked against the binary")
    }
}
