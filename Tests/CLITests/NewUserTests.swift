import Foundation
import XCTest

/// What a new user hit (issue 14): baselines found from any folder, honest output on unusable
/// input, the man page from the binary, pasteable help, each command's own usage line.
final class NewUserTests: XCTestCase {
    static let failingSchema = #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"a": {"type": "string", "maxLenth": 3}}}"#

    func scratch(_ files: [String: String]) throws -> URL {
        let dir = try CLI.scratch([:])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Without a .crrspec.yaml the baseline lives in the linted root, so it is found from any
    /// working directory and for a file below that root.
    func testBaselineWithoutConfigIsFoundFromAnyWorkingDirectory() throws {
        let dir = try scratch(["specs/order.schema.json": Self.failingSchema])
        XCTAssertEqual(try CLI.run(["lint", "specs"], in: dir).status, 1)
        let write = try CLI.run(["lint", "--write-baseline", "specs"], in: dir)
        XCTAssertEqual(write.status, 0, write.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/.crrspec-baseline.json").path), write.stderr)
        // Another working directory, the same folder by its absolute path.
        let elsewhere = try CLI.run(["lint", dir.appendingPathComponent("specs").path])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stdout + elsewhere.stderr)
        XCTAssertTrue(elsewhere.stderr.contains("1 more in the baseline"), elsewhere.stderr)
        // From inside the folder, and one file of it from its parent.
        XCTAssertEqual(try CLI.run(["lint", "."], in: dir.appendingPathComponent("specs")).status, 0)
        XCTAssertEqual(try CLI.run(["lint", "specs/order.schema.json"], in: dir).status, 0)
    }

    /// With a config the baseline sits beside it, whatever the working directory.
    func testBaselineBesideTheConfigFromAnyWorkingDirectory() throws {
        let dir = try scratch(["specs/order.schema.json": Self.failingSchema, ".crrspec.yaml": "lint:\n  fail-on: error\n"])
        XCTAssertEqual(try CLI.run(["lint", "--write-baseline", "order.schema.json"], in: dir.appendingPathComponent("specs")).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".crrspec-baseline.json").path))
        let elsewhere = try CLI.run(["lint", dir.appendingPathComponent("specs/order.schema.json").path])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stdout + elsewhere.stderr)
    }
}
