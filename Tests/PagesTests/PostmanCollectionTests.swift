import CRR
import Document
import Foundation
import JSONSchema
import Pages
import XCTest

/// `crrspec postman`: the collection validates against a v2.1 collection schema with crrspec's
/// own engine (draft-04), and has a folder per service and a request per operation.
final class PostmanCollectionTests: XCTestCase {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    func compile(path: String) throws -> Schema {
        let document = try DocumentLoader.load(path: path).documents[0].document
        XCTAssertEqual(document.root["$schema"]?.string, "http://json-schema.org/draft-04/schema#")
        return try Schema.compile(document.root, registry: SchemaRegistry())
    }

    func parse(_ json: String) throws -> Value {
        try DocumentLoader.load(bytes: Array(json.utf8), name: "collection.json", format: .json).documents[0].document.root
    }

    func catalogCollection() throws -> (String, [PageSpec]) {
        let specs = try PageInputs.collect([], newestOnly: true)
        return (PostmanCollection.render(specs), specs)
    }

    func testCollectionValidatesAgainstOurDraft04CollectionSchema() throws {
        let schema = try compile(path: Self.here.appendingPathComponent("postman-collection-v2.1.test-schema.json").path)
        let (json, _) = try catalogCollection()
        let result = try schema.validate(try parse(json))
        XCTAssertTrue(result.valid, result.errors.prefix(5).map { "\($0.instanceLocation): \($0.message)" }.joined(separator: "\n"))
        // The schema is not a pass-everything: a request without a method of HTTP, an item
        // with both request and item, a collection without info.name are refused.
        let broken = [
            #"{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}"#,
            #"{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"request": {"method": "FETCH"}}]}"#,
            #"{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"request": "a", "item": []}]}"#,
            #"{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"item": [{"request": {"header": [{"key": "k"}]}}]}]}"#,
        ]
        for text in broken { XCTAssertFalse(try schema.validate(try parse(text)).valid, text) }
    }

    /// Postman's published schema file, where a machine has it (crrspec does not ship it).
    func testCollectionValidatesAgainstPostmansPublishedSchemaWhenPresent() throws {
        guard let path = ProcessInfo.processInfo.environment["CRRSPEC_POSTMAN_SCHEMA"], FileManager.default.fileExists(atPath: path) else {
            print("skipped: Postman's published v2.1 collection schema is not on this machine (set CRRSPEC_POSTMAN_SCHEMA to its path to run this test)")
            throw XCTSkip("Postman's published v2.1 collection schema is not on this machine (set CRRSPEC_POSTMAN_SCHEMA=path/to/collection.json)")
        }
        let schema = try compile(path: path)
        let (json, _) = try catalogCollection()
        let result = try schema.validate(try parse(json))
        XCTAssertTrue(result.valid, result.errors.prefix(5).map { "\($0.instanceLocation): \($0.message)" }.joined(separator: "\n"))
    }

    func testFolderPerServiceRequestPerOperationWithStatusTests() throws {
        let (json, specs) = try catalogCollection()
        let root = try parse(json)
        let folders = Array(root["item"]!.elements)
        let services = Set(CRRCatalog.entries.filter { !$0.isSchema }.map(\.name))
        XCTAssertEqual(folders.count, services.count)
        XCTAssertEqual(root["variable"]?[0]?["key"]?.string, "baseUrl")
        for (folder, spec) in zip(folders, specs) {
            XCTAssertEqual(folder["name"]?.string, spec.service + " " + spec.versionText)
            let requests = Array(folder["item"]!.elements)
            XCTAssertEqual(requests.count, spec.contract.operations.count, spec.file)
            for (request, operation) in zip(requests, spec.contract.operations) {
                XCTAssertEqual(request["request"]?["method"]?.string, operation.method.uppercased())
                let raw = request["request"]?["url"]?["raw"]?.string ?? ""
                XCTAssertTrue(raw.hasPrefix("{{baseUrl}}/"), raw)
                let exec = request["event"]?[0]?["script"]?["exec"]?.elements.compactMap(\.string).joined(separator: "\n") ?? ""
                XCTAssertEqual(request["event"]?[0]?["listen"]?.string, "test")
                if let ok = operation.responses.first(where: { $0.status.hasPrefix("2") && $0.status.count == 3 }) {
                    XCTAssertTrue(exec.contains("pm.response.to.have.status(\(ok.status))"), exec)
                }
                // Every query parameter of the operation is there.
                let keys = request["request"]?["url"]?["query"]?.elements.compactMap { $0["key"]?.string } ?? []
                XCTAssertEqual(keys, operation.parameters.filter { $0.location == .query }.map(\.name))
            }
        }
    }

    func testAuctionRequestsCarryHeadersAndAValidExampleBody() throws {
        let spec = try PageInputs.collect(["auction@1.2.1"], newestOnly: true)[0]
        let root = try parse(PostmanCollection.render([spec]))
        let requests = Array(root["item"]![0]!["item"]!.elements)
        let creation = try XCTUnwrap(requests.first { $0["name"]?.string?.hasPrefix("portfolioCreation") == true })
        let headers = creation["request"]?["header"]?.elements.map { ($0["key"]?.string ?? "", $0["value"]?.string ?? "") } ?? []
        XCTAssertTrue(headers.contains { $0 == ("caiso-request-id", "{{$guid}}") }, "\(headers)")
        XCTAssertTrue(headers.contains { $0 == ("Content-Type", "application/json") }, "\(headers)")
        let raw = try XCTUnwrap(creation["request"]?["body"]?["raw"]?.string)
        // The body validates against the operation's request body schema (checked again here).
        let operation = try XCTUnwrap(spec.contract.operation(id: "portfolioCreation"))
        let schema = try spec.openAPI.compileSchema(try XCTUnwrap(operation.requestBody?.jsonSchema), registry: spec.registry)
        let result = try schema.validate(try parse(raw))
        XCTAssertTrue(result.valid, result.errors.map(\.message).joined(separator: "; "))
        XCTAssertTrue(creation["request"]?["description"]?.string?.contains("valid against the request body schema") == true)
        // Operations without a body have none.
        let read = try XCTUnwrap(requests.first { $0["name"]?.string?.hasPrefix("getPortfolio:") == true })
        XCTAssertNil(read["request"]?["body"])
    }
}
