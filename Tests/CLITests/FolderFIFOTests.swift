import Foundation
import XCTest

/// A FIFO named like a spec or a data file inside a folder given to a command is never opened
/// (opening it blocks until a writer comes, which never happens): every command that walks
/// folders finishes, and the ones that report inputs name it as not a regular file.
final class FolderFIFOTests: XCTestCase {
    /// A folder with one real catalog spec and a FIFO `stuck.yaml` (and `stuck.json`) beside it.
    func folderWithFIFO() throws -> URL {
        let spec = try String(contentsOf: CLI.packageRoot.appendingPathComponent("openapi/caiso_crr_app_status_v1.0.1_openapi.yaml"), encoding: .utf8)
        let dir = try CLI.scratch(["caiso_crr_app_status_v1.0.1_openapi.yaml": Array(spec.utf8)])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for name in ["stuck.yaml", "stuck.json"] {
            XCTAssertEqual(mkfifo(dir.appendingPathComponent(name).path, 0o600), 0, "mkfifo \(name)")
        }
        return dir
    }

    func run(_ arguments: [String], in directory: URL) throws -> CLI.Result {
        try CLI.runBounded(arguments, in: directory)
    }

    func testLintReportsTheFIFOAndLintsTheRest() throws {
        let dir = try folderWithFIFO()
        let lint = try run(["lint", "--no-config", "--format", "json", "."], in: dir)
        XCTAssertEqual(lint.status, 2, lint.stdout + lint.stderr)
        XCTAssertTrue(lint.stdout.contains("./stuck.yaml") && lint.stdout.contains("./stuck.json"), lint.stdout)
        XCTAssertTrue(lint.stdout.contains("a FIFO, not a regular file"), lint.stdout)
        XCTAssertTrue(lint.stdout.contains("input-unreadable"), lint.stdout)
    }

    func testValidateReportsTheFIFOAsUnusable() throws {
        let dir = try folderWithFIFO()
        let validate = try run(["metaschema", "."], in: dir)
        XCTAssertEqual(validate.status, 2, validate.stdout + validate.stderr)
        XCTAssertTrue(validate.stdout.contains("stuck.json: error: a FIFO, not a regular file"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("caiso_crr_app_status_v1.0.1_openapi.yaml: valid"), validate.stdout)
    }

    func testDiffVersionCheckDocsAndPostmanPassOverTheFIFO() throws {
        let dir = try folderWithFIFO()
        let versions = try run(["version-check", "."], in: dir)
        XCTAssertNotEqual(versions.status, 124, "version-check blocked on the FIFO")
        XCTAssertTrue(versions.status == 0 || versions.status == 1, versions.stdout + versions.stderr)
        let docs = try run(["docs", ".", "--output", dir.appendingPathComponent("site").path], in: dir)
        XCTAssertEqual(docs.status, 0, docs.stdout + docs.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/index.html").path))
        let postman = try run(["postman", "."], in: dir)
        XCTAssertEqual(postman.status, 0, postman.stdout + postman.stderr)
        XCTAssertTrue(postman.stdout.contains("\"item\""), postman.stdout)
    }
}

extension FolderFIFOTests {
    /// The mock server mounts the real spec, names the FIFO on standard error, and still stops
    /// cleanly on SIGINT (a FIFO opened at start-up would block it before it listens).
    func testMockStartsAndNamesTheFIFO() throws {
        let dir = try folderWithFIFO()
        let mock = try CLI.execute(URL(fileURLWithPath: "/usr/bin/timeout"),
                                   ["--preserve-status", "-s", "INT", "-k", "20", "15", CLI.binary.path, "mock", ".", "--port", "0"], in: dir)
        XCTAssertEqual(mock.status, 0, mock.stdout + mock.stderr)
        XCTAssertTrue(mock.stdout.contains("mounted") && mock.stdout.contains("listening on http://127.0.0.1:"), mock.stdout)
        XCTAssertTrue(mock.stderr.contains("./stuck.yaml: a FIFO, not a regular file; not read"), mock.stderr)
    }
}
