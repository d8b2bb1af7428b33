import Document
import Foundation
@testable import JSONSchema
import XCTest

/// The one `$ref` routine (``ReferenceResolver``): pointers, anchors, files, the fence, loops.
final class ReferenceResolutionTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inside/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try #"{"definitions": {"count": {"type": "integer"}}}"#.write(to: folder.appendingPathComponent("inside/sub/other.json"), atomically: true, encoding: .utf8)
        try #"{"type": "string"}"#.write(to: folder.appendingPathComponent("outside/secret.json"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A schema file in `inside/`, registered under its file URI, in a registry fenced to `inside/`.
    private func fixture(_ text: String) throws -> (registry: SchemaRegistry, document: Document) {
        let path = folder.appendingPathComponent("inside/main.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let registry = SchemaRegistry()
        registry.allowedRoots = [folder.appendingPathComponent("inside").path]
        let added = try registry.addFile(path)
        return (registry, added.resource.document)
    }

    private func failure(_ result: Result<Value, ReferenceFailure>, file: StaticString = #filePath, line: UInt = #line) -> ReferenceFailure? {
        guard case .failure(let failure) = result else {
            XCTFail("expected a failure", file: file, line: line)
            return nil
        }
        return failure
    }

    func testPointerIsPercentDecodedAndAMissSuggestsTheNearestName() throws {
        let (registry, document) = try fixture(#"{"definitions": {"a b": {"type": "integer"}, "name": {"type": "string"}}}"#)
        let resolver = registry.references
        XCTAssertEqual(try resolver.target(of: "#/definitions/a%20b", in: document).get()["type"]?.string, "integer")
        XCTAssertEqual(try resolver.target(of: "#", in: document).get().index, document.root.index)
        let miss = failure(resolver.target(of: "#/definitions/nmae", in: document))
        XCTAssertEqual(miss?.kind, .notFound)
        XCTAssertEqual(miss?.message, #"nothing at /definitions/nmae (no "nmae" in /definitions); did you mean "name"?"#)
        XCTAssertEqual(failure(resolver.target(of: "#/nothing", in: document))?.message, #"nothing at /nothing (no "nothing" in the root)"#)
        XCTAssertEqual(failure(resolver.target(of: "#/definitions/~2", in: document))?.kind, .invalid)
    }

    func testPlainNameAnchorsCompareCodePoints() throws {
        // "é" precomposed and decomposed are canonically equivalent, but different identifiers.
        let (registry, document) = try fixture(##"{"definitions": {"d": {"$id": "#e\u0301", "type": "string"}, "p": {"$id": "#\u00e9", "type": "integer"}}}"##)
        let resolver = registry.references
        XCTAssertEqual(try resolver.target(of: "#\u{E9}", in: document).get()["type"]?.string, "integer")
        XCTAssertEqual(try resolver.target(of: "#e\u{301}", in: document).get()["type"]?.string, "string")
        XCTAssertEqual(failure(resolver.target(of: "#missing", in: document))?.message, ##"no "$id": "#missing" in the target"##)
        // Without a registry the anchor is found by scanning the document.
        XCTAssertEqual(try ReferenceResolver.local.target(of: "#\u{E9}", in: document).get()["type"]?.string, "integer")
    }

    func testRelativeFileIsReadThroughTheRegistry() throws {
        let (registry, document) = try fixture(#"{"properties": {"n": {"$ref": "sub/other.json#/definitions/count"}}}"#)
        let holder = try XCTUnwrap(document.root["properties"]?["n"])
        let target = try registry.references.target(of: holder).get()
        XCTAssertEqual(target["type"]?.string, "integer")
        XCTAssertTrue(target.document.name.hasSuffix("other.json"), target.document.name)
        XCTAssertEqual(failure(registry.references.target(of: "sub/none.json", in: document, base: URIReference(registry.uri(of: document)!)))?.message,
                       "no file \(folder.appendingPathComponent("inside/sub/none.json").standardizedFileURL.path)")
        // Only local references without a registry or a source.
        XCTAssertEqual(failure(ReferenceResolver.local.target(of: holder))?.kind, .notFound)
    }

    func testFileOutsideTheFenceIsRefusedWithTheRegistrysMessage() throws {
        let (registry, document) = try fixture(#"{"$ref": "../outside/secret.json"}"#)
        let refusal = failure(registry.references.target(of: document.root))
        XCTAssertEqual(refusal?.kind, .refused)
        XCTAssertTrue(refusal?.isFatal ?? false)
        XCTAssertTrue(refusal?.message.hasPrefix("refusing to read ") ?? false, refusal?.message ?? "")
        XCTAssertTrue(refusal?.message.contains("outside the schema's directory") ?? false, refusal?.message ?? "")
        XCTAssertEqual(refusal?.error?.isRefusal, true)
        XCTAssertEqual(refusal?.error?.file, document.name)
        // The same refusal as schema compilation gives.
        XCTAssertThrowsError(try Schema.compile(document.root, registry: registry)) { error in
            XCTAssertEqual((error as? SchemaError)?.message, refusal?.message)
        }
    }

    func testLoopsAndLongChainsStop() throws {
        let (registry, document) = try fixture(##"{"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}, "c": {"$ref": "#/definitions/d"}, "d": {"$ref": "#/definitions/e"}, "e": {"type": "null"}}}"##)
        let definitions = try XCTUnwrap(document.root["definitions"])
        let loop = failure(registry.references.follow(try XCTUnwrap(definitions["a"])))
        XCTAssertEqual(loop?.kind, .loop)
        XCTAssertEqual(loop?.message, "$ref #/definitions/b loops")
        XCTAssertEqual(try registry.references.follow(try XCTUnwrap(definitions["c"])).get()["type"]?.string, "null")
        XCTAssertEqual(failure(registry.references.follow(try XCTUnwrap(definitions["c"]), limit: 1))?.kind, .loop)
        // A value that is not a reference is its own end.
        XCTAssertEqual(try registry.references.follow(document.root).get().index, document.root.index)
    }

    func testASourceProvidesDocumentsByTheirWrittenName() throws {
        let main = try JSONReader.parse(string: #"{"$ref": "lib/x.json#/definitions/v"}"#, name: "HEAD:api/main.json")
        let other = try JSONReader.parse(string: #"{"definitions": {"v": {"const": 1}}}"#, name: "HEAD:api/lib/x.json")
        let resolver = ReferenceResolver(source: { request in
            request.reference == "lib/x.json" && request.origin === main ? .success(other.root) : .failure(ReferenceFailure(.notFound, "no \(request.reference)"))
        })
        XCTAssertEqual(try resolver.follow(main.root).get()["const"]?.numberText, "1")
        XCTAssertEqual(failure(resolver.target(of: "y.json", in: main))?.message, "no y.json")
    }
}
