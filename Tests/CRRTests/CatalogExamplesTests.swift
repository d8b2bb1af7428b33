import CRR
import Document
import Foundation
import JSONSchema
import OpenAPI
import XCTest

/// Every file in examples/ validates, or fails exactly as examples/manifest.json says, with
/// the expected keyword, JSON Pointer and line:column.
final class CatalogExamplesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Finding: Hashable, CustomStringConvertible {
        var instanceLocation: String
        var keyword: String
        var line: Int
        var column: Int
        var description: String { "\(instanceLocation) \(keyword) @\(line):\(column)" }
    }

    func compile(_ entry: [String: Any], profile: Bool) throws -> Schema {
        let registry = SchemaRegistry()
        let options = profile ? CRRProfile.options() : CompileOptions()
        if let schemaFile = entry["schema"] as? String {
            let catalogEntry = try XCTUnwrap(CRRCatalog.entries.first { $0.path == "schemas/" + schemaFile }, schemaFile)
            return try CRRCatalog.compileSchema(catalogEntry, pointer: (entry["schemaPointer"] as? String).flatMap(JSONPointer.init) ?? JSONPointer(),
                                                registry: registry, options: options)
        }
        let specFile = try XCTUnwrap(entry["openapi"] as? String)
        let catalogEntry = try XCTUnwrap(CRRCatalog.entries.first { $0.path == "openapi/" + specFile }, specFile)
        let spec = try CRRCatalog.spec(catalogEntry)
        let operation = try XCTUnwrap(spec.operation(id: entry["operationId"] as! String))
        return try spec.compileSchema(try XCTUnwrap(spec.requestBodySchema(operation)), registry: registry, options: options)
    }

    func findings(_ schema: Schema, file: String) throws -> (valid: Bool, findings: Set<Finding>, errors: [ValidationError]) {
        let path = Self.root.appendingPathComponent("examples/" + file).path
        let loaded = try DocumentLoader.load(path: path)
        XCTAssertTrue(loaded.failures.isEmpty, "\(file) parses")
        var all: Set<Finding> = []
        var errors: [ValidationError] = []
        var valid = true
        for item in loaded.documents {
            let result = try schema.validate(item.document.root)
            valid = valid && result.valid
            for error in result.errors where !error.isBranchDetail {
                var location = error.instanceLocation
                if let line = item.line { location = "/\(line - 1)" + location }
                all.insert(Finding(instanceLocation: location, keyword: error.keyword, line: error.position.line, column: error.position.column))
                errors.append(error)
            }
        }
        return (valid, all, errors)
    }

    func testEveryExampleValidatesOrFailsAsTheManifestSays() throws {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.root.appendingPathComponent("examples/manifest.json"))) as! [String: Any]
        let examples = manifest["examples"] as! [[String: Any]]
        XCTAssertGreaterThan(examples.count, 60)
        var checked = 0
        for entry in examples {
            let file = entry["file"] as! String
            let schema = try compile(entry, profile: false)
            let outcome = try findings(schema, file: file)
            XCTAssertEqual(outcome.valid, entry["valid"] as? Bool, "\(file): \(outcome.errors)")
            let expected = Set(((entry["findings"] as? [[String: Any]]) ?? []).map {
                Finding(instanceLocation: $0["instanceLocation"] as! String, keyword: $0["keyword"] as! String,
                        line: $0["line"] as! Int, column: $0["column"] as! Int)
            })
            XCTAssertEqual(outcome.findings, expected, file)
            checked += 1
        }
        print("catalog examples: \(checked) files checked against the manifest")
    }

    func testTheCRRProfileNamesTheCorrectedDateTime() throws {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.root.appendingPathComponent("examples/manifest.json"))) as! [String: Any]
        let millis = (manifest["examples"] as! [[String: Any]]).filter { ($0["file"] as! String).contains("millis") }
        XCTAssertFalse(millis.isEmpty)
        for entry in millis {
            let outcome = try findings(try compile(entry, profile: true), file: entry["file"] as! String)
            let messages = outcome.errors.filter { $0.keyword == "format" }.map(\.message)
            XCTAssertTrue(messages.contains { $0.contains("has fractional seconds") && $0.contains(":00Z\"") }, "\(entry["file"]!): \(messages)")
        }
    }

    func testEveryBundledSchemaPassesTheMetaschemaAndCompiles() throws {
        let meta = try Schema.compile(MetaschemaDocument.draft07(), registry: SchemaRegistry())
        let schemas = CRRCatalog.entries.filter(\.isSchema)
        XCTAssertGreaterThanOrEqual(schemas.count, 37)
        for entry in schemas {
            let document = try CRRCatalog.document(entry)
            let result = try meta.validate(document.root)
            XCTAssertTrue(result.valid, "\(entry.path): \(result.errors)")
            XCTAssertNoThrow(try CRRCatalog.compileSchema(entry, registry: SchemaRegistry(), options: CRRProfile.options()), entry.path)
            XCTAssertEqual(document.root["$id"]?.string, "urn:crrspec:schema:\(entry.name):\(entry.version)", entry.path)
            XCTAssertTrue(document.root["description"]?.string?.contains("not") ?? false, "\(entry.path) says it is not official")
        }
    }

    func testBundledSpecsAreNamedAndVersionedConsistently() throws {
        let specs = CRRCatalog.entries.filter { !$0.isSchema }
        XCTAssertEqual(Set(specs.map(\.name)).count, 10)
        for entry in specs {
            let spec = try CRRCatalog.spec(entry)
            XCTAssertEqual(spec.infoVersion, entry.version.description, entry.path)
            XCTAssertTrue(entry.path.hasSuffix("_openapi.yaml"))
            let registry = SchemaRegistry()
            for name in spec.componentSchemaNames {
                XCTAssertNoThrow(try spec.compileSchema(spec.componentSchema(name)!, registry: registry), "\(entry.path) \(name)")
            }
            let failures = try spec.checkExamples()
            let current = CRRCatalog.find(entry.name) == entry
            if current { XCTAssertEqual(failures.map(\.description), [], "current \(entry.path) has only valid examples") }
        }
    }

    func testEmbeddedCatalogMatchesTheFiles() throws {
        for entry in CRRCatalog.entries {
            var onDisk = try String(contentsOf: Self.root.appendingPathComponent(entry.path), encoding: .utf8)
            if onDisk.hasSuffix("\n") { onDisk.removeLast() }
            XCTAssertEqual(CRRCatalog.text(entry), onDisk, "\(entry.path) changed: run scripts/embed-catalog")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("schemas").path).count
            + FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("openapi").path).count
        XCTAssertEqual(CRRCatalog.entries.count, files, "a catalog file was added or removed: run scripts/embed-catalog")
    }

    func testFileNameConventions() {
        XCTAssertEqual(CRRFileName("caiso_crr_auction_v1.2.1.yaml")?.kind, .openAPI(service: "auction", conventionSuffix: false))
        XCTAssertEqual(CRRFileName("x/caiso_crr_historical_forecasted_load_v1.1.1_openapi.yaml")?.name, "historical_forecasted_load")
        XCTAssertEqual(CRRFileName("CRRPublicAuctionResult_v1.1.1.draft-07.schema.json")?.version, CRRVersion(1, 1, 1))
        XCTAssertNil(CRRFileName("auction.yaml"))
        XCTAssertNil(CRRFileName("caiso_crr_auction_v1.2.yaml"))
        XCTAssertEqual(CRRCatalog.find("CRRPublicAuctionResult")?.version, CRRVersion(1, 1, 1))
        XCTAssertEqual(CRRCatalog.find("CRRPublicAuctionResult@1.1.0")?.version, CRRVersion(1, 1, 0))
        XCTAssertEqual(CRRCatalog.find("auction")?.version, CRRVersion(1, 2, 1))
        XCTAssertNil(CRRCatalog.find("CRRPublicAuctionResult@9.9.9"))
    }
}
