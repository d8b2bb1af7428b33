import CRR
import Document
import Foundation
import JSONSchema
import XCTest

/// `--schema auto` and the library API for upload services.
final class SchemaDetectorTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryDownloadExampleIsRecognised() throws {
        let folder = Self.root.appendingPathComponent("examples/downloads")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertGreaterThan(names.count, 40)
        for name in names {
            let loaded = try DocumentLoader.load(path: folder.appendingPathComponent(name).path)
            let detection = CRRSchemaDetector.detect(in: loaded.documents.map { $0.document.root })
            guard case .chosen(let best) = detection.outcome else { return XCTFail("\(name): \(detection.outcome)") }
            XCTAssertTrue(name.hasPrefix(best.shape.entry.name + "_v"), "\(name) detected as \(best.label)")
            XCTAssertEqual(best.shape.entry.version, CRRCatalog.find(best.shape.entry.name)?.version, "the newest version")
        }
    }

    func testLookalikesAreToldApart() throws {
        let meq = try JSONReader.parse(contentsOfFile: Self.root.appendingPathComponent("examples/downloads/CRRMEQResult_v1.2.0.valid.json").path)
        let seq = try JSONReader.parse(contentsOfFile: Self.root.appendingPathComponent("examples/downloads/CRRSEQResult_v1.2.0.valid.json").path)
        guard case .chosen(let a) = CRRSchemaDetector.detect(in: [meq.root]).outcome,
              case .chosen(let b) = CRRSchemaDetector.detect(in: [seq.root]).outcome else { return XCTFail() }
        XCTAssertEqual(a.shape.entry.name, "CRRMEQResult")
        XCTAssertEqual(b.shape.entry.name, "CRRSEQResult")
    }

    func testUnknownFilesGetTheClosestCandidates() throws {
        let notes = try JSONReader.parse(string: #"[{"Comment": "x", "Author": "y"}]"#)
        guard case .unknown(let message) = CRRSchemaDetector.detect(in: [notes.root]).outcome else { return XCTFail() }
        XCTAssertTrue(message.contains("no catalog download schema fits the fields Author, Comment"), message)
        let partial = try JSONReader.parse(string: #"[{"MarketName": "AUC_AN_2025", "TOU": "ON", "Foo": 1, "Bar": 2, "Baz": 3, "Qux": 4}]"#)
        guard case .unknown(let closest) = CRRSchemaDetector.detect(in: [partial.root]).outcome else { return XCTFail() }
        XCTAssertTrue(closest.contains("closest: CRR"), closest)
        let empty = try JSONReader.parse(string: "[]")
        guard case .unknown(let nothing) = CRRSchemaDetector.detect(in: [empty.root]).outcome else { return XCTFail() }
        XCTAssertTrue(nothing.contains("no records"), nothing)
    }

    func testAutoSchemasCompileOncePerSchemaAndJudgeRecordsAlone() throws {
        let auto = CRRAutoSchemas()
        let file = try JSONReader.parse(contentsOfFile: Self.root.appendingPathComponent("examples/downloads/CRRPublicAuctionResult_v1.1.1.valid.json").path)
        let first = try auto.choose(for: [file.root]).get()
        let again = try auto.choose(for: [file.root]).get()
        XCTAssertTrue(first.schema === again.schema)
        XCTAssertEqual(first.label, "CRRPublicAuctionResult@1.1.1")
        let record = try XCTUnwrap(file.root[0])
        let single = try auto.choose(for: [record]).get()
        XCTAssertEqual(single.label, "CRRPublicAuctionResult@1.1.1#/items")
        XCTAssertTrue(try single.schema.isValid(record))
    }

    func testValidatorForUploads() throws {
        let validator = try CRRValidator(catalogSchema: "CRRPublicAuctionResult")
        XCTAssertEqual(validator.schemaName, "CRRPublicAuctionResult@1.1.1")
        let good = try Data(contentsOf: Self.root.appendingPathComponent("examples/downloads/CRRPublicAuctionResult_v1.1.1.valid.json"))
        let ok = validator.validate(good, name: "good.json")
        XCTAssertTrue(ok.isValid)
        XCTAssertEqual(ok.records, 1)

        var text = String(decoding: good, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"TOU\": \"ON\"", with: "\"TOU\": \"PEAK\"")
            .replacingOccurrences(of: "2025-01-01T08:00:00Z", with: "2025-01-01T08:00:00.000Z")
        let bad = validator.validate(Data(text.utf8), name: "bad.json")
        XCTAssertFalse(bad.isValid)
        XCTAssertFalse(bad.hasUnusableInput)
        XCTAssertTrue(bad.problems.contains { $0.ruleID == "enum" && $0.instanceLocation == "/0/TOU" && $0.line == 9 && $0.column == 12 }, "\(bad.problems)")
        XCTAssertTrue(bad.problems.contains { $0.ruleID == "crr-date-time-seconds" }, "\(bad.problems)")
        XCTAssertEqual(bad.problems.first?.description.hasPrefix("bad.json:"), true)

        let malformed = validator.validate(Data("[1,]".utf8), name: "m.json")
        XCTAssertTrue(malformed.hasUnusableInput)
        XCTAssertEqual(malformed.problems.first?.ruleID, "malformed-input")
        XCTAssertEqual(malformed.problems.first?.description.hasPrefix("m.json:1:3: error: trailing comma"), true)

        let lines = try CRRValidator(catalogSchema: "CRRSourceSink@1.0.1", pointer: "/items")
        let jsonl = try Data(contentsOf: Self.root.appendingPathComponent("examples/downloads/CRRSourceSink_v1.0.1.invalid-factor-type.jsonl"))
        let result = lines.validate(jsonl, format: .jsonl, name: "s.jsonl")
        XCTAssertEqual(result.records, 4)
        XCTAssertEqual(result.problems.map(\.record), [3])

        XCTAssertThrowsError(try CRRValidator(catalogSchema: "CRRPublicAuctionResults")) { error in
            XCTAssertTrue("\(error)".contains("did you mean CRRPublicAuctionResult"), "\(error)")
        }
    }

    func testValidatorForSubmissionsAndDetection() throws {
        let validator = try CRRValidator(service: "auction", operation: "portfolioCreation")
        let good = try Data(contentsOf: Self.root.appendingPathComponent("examples/submissions/auction/portfolioCreation.valid.json"))
        XCTAssertTrue(validator.validate(good).isValid)
        let bad = try Data(contentsOf: Self.root.appendingPathComponent("examples/submissions/auction/portfolioCreation.invalid-501-bids.json"))
        XCTAssertEqual(validator.validate(bad).problems.first?.ruleID, "maxItems")

        let download = try Data(contentsOf: Self.root.appendingPathComponent("examples/downloads/CRRSetAside_v1.1.1.valid.json"))
        let detected = try CRRValidator.detecting(download)
        XCTAssertEqual(detected.schemaName, "CRRSetAside@1.1.1")
        XCTAssertTrue(detected.validate(download).isValid)
    }
}
