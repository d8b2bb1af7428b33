import Foundation
import XCTest

/// `crrspec --version`: the version from CHANGELOG.md's latest release heading and the git commit
/// the binary was built from, generated at build time (scripts/build-info via Plugins/BuildInfo).
final class VersionTests: XCTestCase {
    /// CHANGELOG.md's first `## [X.Y.Z]` heading, or 0.0.0 before the first release.
    private func changelogVersion() throws -> String {
        let changelog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        for line in changelog.split(separator: "\n") where line.hasPrefix("## [") {
            let name = line.dropFirst(4).prefix { $0 != "]" }
            if let first = name.first, first.isNumber { return String(name) }
        }
        return "0.0.0"
    }

    private func git(_ arguments: [String]) -> (status: Int32, out: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", CLI.packageRoot.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testVersionIsTheChangelogReleaseAndTheCommit() throws {
        let result = try CLI.run(["--version"])
        XCTAssertEqual(result.status, 0)
        let line = result.stdout
        let version = try changelogVersion()
        XCTAssertTrue(line.hasPrefix("\(version) (commit "), "expected \(version) (commit …), got \(line)")
        XCTAssertTrue(line.hasSuffix(")\n"), line)
        let commit = String(line.dropFirst("\(version) (commit ".count).dropLast(2))
        if commit == "unknown" || commit.isEmpty {
            XCTFail("the binary does not know its commit although it was built from \(CLI.packageRoot.path): \(line)")
            return
        }
        let sha = commit.hasSuffix("-dirty") ? String(commit.dropLast("-dirty".count)) : commit
        XCTAssertEqual(sha.count, 12, line)
        XCTAssertTrue(sha.allSatisfy { $0.isHexDigit }, line)
        guard let inside = git(["rev-parse", "--is-inside-work-tree"]), inside.status == 0 else {
            throw XCTSkip("no git checkout at \(CLI.packageRoot.path): cannot check that \(sha) is a commit")
        }
        // The commit exists in this repository (HEAD may have moved on since the build).
        XCTAssertEqual(git(["cat-file", "-e", "\(sha)^{commit}"])?.status, 0, "\(sha) is not a commit of this repository")
    }

    func testManPageAndSARIFCarryTheReleaseVersionAlone() throws {
        let version = try changelogVersion()
        let man = try CLI.run(["man"]).stdout
        XCTAssertTrue(man.contains("crrspec \(version):"), String(man.prefix(200)))
        XCTAssertFalse(man.contains("(commit "), "the man page must not change with every commit")
    }
}
