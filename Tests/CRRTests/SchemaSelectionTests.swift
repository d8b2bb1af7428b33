import CRR
import Document
import JSONSchema
import XCTest

/// What `validate --schema/--spec` selects is a library type: the same selection compiles the
/// same schema and decides the profile the same way without the command line.
final class SchemaSelectionTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    func instance(_ relative: String) throws -> Value {
        try JSONReader.parse(contentsOfFile: Self.examples.appendingPathComponent(relative).path).root
    }

    /// The catalog is parsed once per process: every registry (validate's, lint's, a
    /// selection's) and every command gets the same document, and registering twice adds nothing.
    func testCatalogIsParsedOnceAndSharedByEveryRegistry() throws {
        let entry = try XCTUnwrap(CRRCatalog.entries.first { $0.isSchema })
        XCTAssertTrue(try CRRCatalog.document(entry) === CRRCatalog.document(entry))
        let a = SchemaRegistry(), b = SchemaRegistry()
        try CRRCatalog.register(into: a)
        try CRRCatalog.register(into: a)
        try CRRCatalog.register(into: b)
        let inA = try XCTUnwrap(a.resourceIfLoaded(entry.uri)), inB = try XCTUnwrap(b.resourceIfLoaded(entry.uri))
        XCTAssertTrue(inA.document === inB.document)
        XCTAssertTrue(inA.document === (try CRRCatalog.document(entry)))
    }

    func testCatalogOperationBodyJudgesTheExamples() throws {
        var selection = SchemaSelection(spec: "auction", operation: "portfolioCreation")
        let schema = try selection.compile(registry: SchemaRegistry())
        XCTAssertEqual(selection.decision, CRRProfile.Decision(active: true, reason: "a bundled catalog spec"))
        XCTAssertTrue(try schema.validate(instance("submissions/auction/portfolioCreation.valid.json")).valid)
        let invalid = try schema.validate(instance("submissions/auction/portfolioCreation.invalid-501-bids.json"))
        XCTAssertEqual(invalid.errors.map(\.instanceLocation), ["/newBids"])
    }

    func testCatalogSchemaWithPointerAndProfileNone() throws {
        var selection = SchemaSelection(schema: "CRRSetAside#/items", profile: .none)
        let schema = try selection.compile(registry: SchemaRegistry())
        XCTAssertFalse(selection.decision.active)
        let record = try YAMLReader.parse(Array("{}".utf8), name: "record.json").root
        XCTAssertFalse(try schema.validate(record).valid, "a record without its required fields")
    }

    func testUnknownNamesAreSelectionErrorsWithSuggestions() {
        var unknownSchema = SchemaSelection(schema: "CRRSetAsid")
        XCTAssertThrowsError(try unknownSchema.compile(registry: SchemaRegistry())) { error in
            let message = (error as? SchemaSelectionError)?.description ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("no schema file or catalog schema named CRRSetAsid; did you mean"), message)
            XCTAssertTrue(message.contains("CRRSetAside"), message)
        }
        var unknownOperation = SchemaSelection(spec: "auction", operation: "portfolioCreate")
        XCTAssertThrowsError(try unknownOperation.compile(registry: SchemaRegistry())) { error in
            let message = (error as? SchemaSelectionError)?.description ?? "\(error)"
            XCTAssertTrue(message.contains("no operation portfolioCreate in auction. Did you mean portfolioCreation?"), message)
        }
        var nothing = SchemaSelection()
        XCTAssertThrowsError(try nothing.compile(registry: SchemaRegistry())) { error in
            XCTAssertTrue(error is SchemaSelectionError, "\(error)")
        }
    }
}
