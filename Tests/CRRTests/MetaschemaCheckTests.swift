import CRR
import Document
import Foundation
import JSONSchema
import Reporting
import XCTest

/// `crrspec metaschema` is a library call: ``MetaschemaCheck`` gives each file's verdict in the
/// order given, with the catalog's schemas and the files' own `$id`s resolving.
final class MetaschemaCheckTests: XCTestCase {
    func testVerdictsInOrderWithReferencesBetweenTheFilesAndToTheCatalog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-metaschema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let entry = try XCTUnwrap(CRRCatalog.entries.first { $0.isSchema })
        let catalogID = try XCTUnwrap(CRRCatalog.document(entry).root["$id"]?.string)
        let files: [(String, String)] = [
            ("a.json", #"{"$id": "urn:test:a", "properties": {"b": {"$ref": "urn:test:b"}, "c": {"$ref": "\#(catalogID)"}}}"#),
            ("b.json", #"{"$id": "urn:test:b", "type": "string"}"#),
            ("bad.json", #"{"type": "strung"}"#),
            ("dangling.json", #"{"$ref": "urn:test:nowhere"}"#),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let check = MetaschemaCheck(readerLimits: .default, validationLimits: ValidationLimits())
        let results = try check.run(files.map { dir.appendingPathComponent($0.0).path })
        XCTAssertEqual(results.map { URL(fileURLWithPath: $0.report.file).lastPathComponent }, files.map(\.0))
        guard case .valid = results[0].report.outcome else { return XCTFail("a.json: \(results[0].report.outcome)") }
        guard case .valid = results[1].report.outcome else { return XCTFail("b.json: \(results[1].report.outcome)") }
        guard case .invalid(let errors, _) = results[2].report.outcome else { return XCTFail("bad.json: \(results[2].report.outcome)") }
        XCTAssertFalse(errors.isEmpty)
        guard case .unusable(let message, _, _) = results[3].report.outcome else { return XCTFail("dangling.json: \(results[3].report.outcome)") }
        XCTAssertTrue(message.contains("urn:test:nowhere"), message)
        XCTAssertEqual(results[1].bytes, files[1].1.utf8.count)
    }
}
