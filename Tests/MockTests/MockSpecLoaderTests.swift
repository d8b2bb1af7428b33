import CRR
import Foundation
import Mock
import EngineTestSupport
import XCTest

/// `MockSpecLoader.load(arguments:)`: what `crrspec mock`'s arguments name, from the file system.
final class MockSpecLoaderTests: XCTestCase {
    func testFolderFilesCatalogAndAFIFOThatIsNotRead() throws {
        let dir = try temporaryDirectory("crrspec-mock-specs")
        let spec = "openapi: 3.0.3\ninfo: {title: Items, version: 1.0.0}\nservers: [{url: /items-api}]\npaths: {}\n"
        try spec.write(to: dir.appendingPathComponent("items.yaml"), atomically: true, encoding: .utf8)
        try "not a spec: true\n".write(to: dir.appendingPathComponent("notes.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("pipe.yaml").path, 0o600), 0)
        var warnings: [String] = []
        let specs = try MockSpecLoader.load(arguments: [dir.path, "auction@1.2.1"], profile: .auto) { warnings.append($0) }
        XCTAssertEqual(specs.map(\.label), ["items.yaml", "auction 1.2.1"], "a folder's specs (files without openapi passed over), then the catalog service")
        XCTAssertEqual(specs.first?.prefix, "/items-api")
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.hasPrefix(dir.appendingPathComponent("pipe.yaml").path + ": ") ?? false, "\(warnings)")
        XCTAssertTrue(warnings.first?.hasSuffix(", not a regular file; not read") ?? false, "\(warnings)")

        XCTAssertEqual(try MockSpecLoader.load(arguments: [], profile: .auto).map(\.label), try MockSpecLoader.currentCatalogServices().map(\.label),
                       "no argument: the newest version of every catalog service")
        XCTAssertThrowsError(try MockSpecLoader.load(arguments: [dir.appendingPathComponent("gone.yaml").path], profile: .auto)) { error in
            XCTAssertTrue("\(error)".contains("no such file, folder or catalog service"), "\(error)")
        }
    }
}
