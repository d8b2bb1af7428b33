import Foundation
import XCTest

/// Completions and the man page (scripts/generate-completions writes them into .build-docs/ during
/// scripts/test) match the binary's argument parser; and the CI integrations run for real.
final class GeneratedFilesTests: XCTestCase {
    func testCompletionsAndManPageAreGeneratedFromTheParser() throws {
        let out = CLI.packageRoot.appendingPathComponent(".build-docs")
        let files = ["bash": "completions/crrspec.bash", "zsh": "completions/_crrspec", "fish": "completions/crrspec.fish"]
        let generated = FileManager.default.fileExists(atPath: out.appendingPathComponent("man/man1/crrspec.1").path)
        for (shell, file) in files.sorted(by: { $0.key < $1.key }) {
            let fromBinary = try CLI.run(["--generate-completion-script", shell]).stdout
            XCTAssertTrue(fromBinary.contains("validate") && fromBinary.contains("explain"), shell)
            if generated {
                let onDisk = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
                XCTAssertEqual(onDisk, fromBinary, "\(file) is stale: run scripts/generate-completions")
            }
        }
        guard generated else {
            throw XCTSkip("no .build-docs/ yet: scripts/test (or scripts/generate-completions) generates the completions and the man page")
        }
        let man = try String(contentsOf: out.appendingPathComponent("man/man1/crrspec.1"), encoding: .utf8)
        XCTAssertEqual(man, try CLI.run(["man"]).stdout, "crrspec.1 is stale: run scripts/generate-completions")
        for word in ["validate", "metaschema", "catalog", "parse", "explain", "include", "exclude", "color", "max-depth"] {
            XCTAssertTrue(man.contains(word), "the man page lacks \(word)")
        }
    }

    /// scripts/ci/test-integrations: pre-commit hooks and the GitHub Action against scratch git
    /// repositories. Skips (with the reason) when pre-commit cannot be installed from PyPI.
    func testPreCommitHooksAndGitHubActionInScratchRepositories() throws {
        if ProcessInfo.processInfo.environment["CRRSPEC_SKIP_INTEGRATION"] != nil {
            throw XCTSkip("CRRSPEC_SKIP_INTEGRATION is set")
        }
        let (status, text) = try CLI.runCIScript("test-integrations")
        XCTAssertEqual(status, 0, text)
        print(text.split(separator: "\n").filter { $0.hasPrefix("PASS") || $0.hasPrefix("crrspec-") || $0.hasPrefix("pre-commit ") }.joined(separator: "\n"))
    }
}
