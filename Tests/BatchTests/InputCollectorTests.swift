import Batch
import Foundation
import XCTest

final class InputCollectorTests: XCTestCase {
    func testGlobs() {
        XCTAssertTrue(PathGlob("*.json").matches("a.json"))
        XCTAssertFalse(PathGlob("*.json").matches("a.jsonl"))
        XCTAssertFalse(PathGlob("*.json").matches("dir/a.json"), "* does not cross /")
        XCTAssertTrue(PathGlob("**/*.json").matches("a.json"), "**/ matches no folder too")
        XCTAssertTrue(PathGlob("**/*.json").matches("x/y/a.json"))
        XCTAssertTrue(PathGlob("archive/**").matches("archive/2024/a.json"))
        XCTAssertFalse(PathGlob("archive/**").matches("current/a.json"))
        XCTAssertTrue(PathGlob("file-?.json").matches("file-1.json"))
        XCTAssertFalse(PathGlob("file-?.json").matches("file-10.json"))
        XCTAssertTrue(PathGlob("[ab]*.yaml").matches("b1.yaml"))
        XCTAssertFalse(PathGlob("[!ab]*.yaml").matches("b1.yaml"))
        XCTAssertTrue(PathGlob("[a-c]x").matches("bx"))
        XCTAssertTrue(PathGlob("\\*.json").matches("*.json"))
        XCTAssertFalse(PathGlob("\\*.json").matches("a.json"))
        XCTAssertTrue(PathGlob("*.jsonl.gz").matches("d.jsonl.gz"))
        XCTAssertTrue(PathGlob("[unclosed").matches("[unclosed"))
    }

    func scratch(_ files: [String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-collect-\(UUID().uuidString)").path
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("[]".utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    func testWalksFoldersInByteOrderWithDefaultIncludes() throws {
        let root = try scratch(["b.json", "a.yaml", "B.yml", "sub/c.jsonl", "sub/d.jsonl.gz", "notes.txt", ".hidden/x.json", ".x.json", "z/deeper/e.json"])
        let found = InputCollector().collect([root]).files.map { String($0.dropFirst(root.count + 1)) }
        XCTAssertEqual(found, ["B.yml", "a.yaml", "b.json", "sub/c.jsonl", "sub/d.jsonl.gz", "z/deeper/e.json"])
    }

    func testIncludeAndExclude() throws {
        let root = try scratch(["keep/a.json", "keep/b.yaml", "archive/old.json", "archive/2024/older.json", "x.draft.json"])
        let onlyJSON = InputCollector(includes: ["*.json"], excludes: ["archive/**", "*.draft.json"]).collect([root]).files
        XCTAssertEqual(onlyJSON.map { String($0.dropFirst(root.count + 1)) }, ["keep/a.json"])
        let byName = InputCollector(excludes: ["archive"]).collect([root]).files
        XCTAssertEqual(byName.map { String($0.dropFirst(root.count + 1)) }, ["keep/a.json", "keep/b.yaml", "x.draft.json"])
    }

    func testFilesAreKeptAsGivenAndEmptyFoldersReported() throws {
        let root = try scratch(["only.txt"])
        let result = InputCollector().collect(["missing.json", "-", root])
        XCTAssertEqual(result.files, ["missing.json", "-"])
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertTrue(result.problems[0].isUnusable)
        XCTAssertEqual(result.problems[0].file, root)
    }
}
