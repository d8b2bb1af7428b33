import Document
import JSONSchema
import XCTest
@testable import Diff

/// Diff follows `$ref`s with the engine's one resolver over its document library.
final class DiffReferenceTests: XCTestCase {
    /// A plain-name `$id` anchor (`"$ref": "#code"`) is followed, as validate and lint follow it.
    func testPlainNameAnchorsAreFollowed() throws {
        func schema(_ type: String) -> String {
            ##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"c":{"$ref":"#code"}},"x-shared":{"code":{"$id":"#code","type":"\##(type)"}}}"##
        }
        let result = try SpecDiff.compare(SpecDiff.input(text: schema("integer"), name: "old.json", library: SpecDiff.catalogLibrary(nil)),
                                          SpecDiff.input(text: schema("string"), name: "new.json", library: SpecDiff.catalogLibrary(nil)))
        let change = try XCTUnwrap(result.changes.first { $0.id == "schema-type-changed" }, "\(result.changes.map(\.id))")
        XCTAssertTrue(change.old.pointer.description.hasPrefix("/x-shared/code"), change.old.pointer.description)
    }

    /// The library's resolver: a relative file of the same revision, and a loop.
    func testLibraryResolverReadsSiblingsAndStopsLoops() throws {
        let files = [
            "api/main.json": ##"{"a": {"$ref": "lib/x.json#/definitions/v"}, "l": {"$ref": "#/l"}}"##,
            "api/lib/x.json": ##"{"definitions": {"v": {"const": 1}}}"##,
        ]
        let library = DocumentLibrary(loader: { path in try files[path].map { try JSONReader.parse(string: $0, name: "REV:" + path) } },
                                      lister: { _ in [] })
        let main = try JSONReader.parse(string: files["api/main.json"]!, name: "REV:api/main.json")
        library.register(main, path: "REV:api/main.json")
        let resolver = library.references
        XCTAssertEqual(try resolver.follow(XCTUnwrap(main.root["a"])).get()["const"]?.numberText, "1")
        guard case .failure(let loop) = resolver.follow(try XCTUnwrap(main.root["l"])) else { return XCTFail("the loop resolved") }
        XCTAssertEqual(loop.kind, .loop)
    }
}
