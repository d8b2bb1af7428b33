import Foundation
import XCTest

/// Every command that reads a spec refuses Swagger 2.0 and OpenAPI 3.1, and every command that
/// follows `$ref`s reads files only through the schema registry's fence: a `$ref` to a FIFO, a
/// device or a file outside the input's folder is refused with exit 2 and validate's message.
final class ContractInputTests: XCTestCase {
    func run(_ arguments: [String], in directory: URL) throws -> CLI.Result {
        try CLI.runBounded(arguments, in: directory)
    }

    func spec(parameterRef: String, version: String = "1.0.0") -> String {
        """
        openapi: 3.0.3
        info: {title: Items, version: \(version)}
        paths:
          /items:
            get:
              parameters:
                - $ref: '\(parameterRef)'
              responses:
                '200': {description: ok}
        """
    }

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try CLI.scratch(files.mapValues { Array($0.utf8) })
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testReferenceToDevZeroIsRefusedByLintDiffAndValidate() throws {
        let dir = try folder(["old.yaml": spec(parameterRef: "common.yaml#/Limit"), "new.yaml": spec(parameterRef: "/dev/zero"),
                              "common.yaml": "Limit: {name: limit, in: query, schema: {type: integer}}\n"])
        let expected = "refusing to read /dev/zero for $ref"
        let lint = try run(["lint", "--no-config", "new.yaml"], in: dir)
        XCTAssertEqual(lint.status, 2, lint.stdout + lint.stderr)
        XCTAssertTrue(lint.stdout.contains(expected) && lint.stdout.contains("it is not a regular file"), lint.stdout)
        let diff = try run(["diff", "old.yaml", "new.yaml"], in: dir)
        XCTAssertEqual(diff.status, 2, diff.stdout + diff.stderr)
        XCTAssertTrue(diff.stderr.contains(expected) && diff.stderr.contains("it is not a regular file"), diff.stderr)
        XCTAssertTrue(diff.stderr.contains("new.yaml:7:"), "the position of the $ref: \(diff.stderr)")
        let changelog = try run(["changelog", "old.yaml", "new.yaml"], in: dir)
        XCTAssertEqual(changelog.status, 2, changelog.stdout + changelog.stderr)
        XCTAssertTrue(changelog.stderr.contains(expected), changelog.stderr)
        let good = try run(["diff", "old.yaml", "old.yaml"], in: dir)
        XCTAssertEqual(good.status, 0, good.stderr)
    }

    func testReferenceToAFIFOIsRefusedNotWaitedOn() throws {
        let dir = try folder(["old.yaml": spec(parameterRef: "#/components/parameters/X"), "new.yaml": spec(parameterRef: "pipe.yaml#/Limit")])
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("pipe.yaml").path, 0o600), 0)
        let lint = try run(["lint", "--no-config", "new.yaml"], in: dir)
        XCTAssertEqual(lint.status, 2, lint.stdout + lint.stderr)
        XCTAssertTrue(lint.stdout.contains("pipe.yaml for $ref") && lint.stdout.contains("it is not a regular file"), lint.stdout)
        let diff = try run(["diff", "old.yaml", "new.yaml"], in: dir)
        XCTAssertEqual(diff.status, 2, diff.stdout + diff.stderr)
        XCTAssertTrue(diff.stderr.contains("pipe.yaml for $ref") && diff.stderr.contains("it is not a regular file"), diff.stderr)
        let validate = try run(["validate", "--spec", "new.yaml", "--component", "X", "-"], in: dir)
        XCTAssertNotEqual(validate.status, 124, "validate must not block")
    }

    func testReferenceOutsideTheFolderIsRefusedWithValidatesMessage() throws {
        let outside = try folder(["secret.yaml": "Limit: {name: limit, in: query, schema: {type: integer}}\n"])
        let inside = outside.appendingPathComponent("api")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        let body = spec(parameterRef: "../secret.yaml#/Limit") + """

        components:
          schemas:
            Thing: {$ref: '../secret.yaml#/Limit'}
        """
        try body.write(to: inside.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        try spec(parameterRef: "#/components/parameters/X").write(to: inside.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
        let validate = try run(["validate", "--spec", "new.yaml", "--component", "Thing", "-"], in: inside)
        XCTAssertEqual(validate.status, 2, validate.stderr)
        let message = "it is outside the schema's directory and the --resource roots"
        XCTAssertTrue(validate.stderr.contains(message), validate.stderr)
        let lint = try run(["lint", "--no-config", "new.yaml"], in: inside)
        XCTAssertEqual(lint.status, 2, lint.stdout)
        XCTAssertTrue(lint.stdout.contains(message), lint.stdout)
        let diff = try run(["diff", "old.yaml", "new.yaml"], in: inside)
        XCTAssertEqual(diff.status, 2, diff.stdout + diff.stderr)
        XCTAssertTrue(diff.stderr.contains(message), diff.stderr)
        XCTAssertTrue(diff.stderr.contains(outside.appendingPathComponent("secret.yaml").standardizedFileURL.path), "no .. kept: \(diff.stderr)")
    }

    func testSwaggerAndOpenAPI31AreRefusedEverywhere() throws {
        let swagger = "swagger: \"2.0\"\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
        let v31 = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
        let v30 = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
        let dir = try folder(["swagger.yaml": swagger, "v31.yaml": v31, "v30.yaml": v30])
        for (file, message) in [("swagger.yaml", "Swagger 2.0 is not supported; convert to OpenAPI 3.0"), ("v31.yaml", "OpenAPI 3.1 is not supported")] {
            let runs: [[String]] = [
                ["validate", "--spec", file, "--component", "X", "-"],
                ["lint", "--no-config", file],
                ["diff", "v30.yaml", file],
                ["diff", file, "v30.yaml"],
                ["version-check", "v30.yaml", file],
                ["version-check", file],
                ["changelog", "v30.yaml", file],
                ["docs", "--output", "site", file],
                ["postman", file],
                ["mock", "--port", "0", file],
            ]
            for arguments in runs {
                let r = try run(arguments, in: dir)
                XCTAssertEqual(r.status, 2, "\(arguments): \(r.stdout)\(r.stderr)")
                XCTAssertTrue((r.stdout + r.stderr).contains(message), "\(arguments): \(r.stdout)\(r.stderr)")
            }
        }
    }
}
