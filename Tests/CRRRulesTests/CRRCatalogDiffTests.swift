import Diff
import EngineTestSupport
import XCTest

/// `$ref`s by `$id` into the bundled catalog, with the CRR layer's configuration.
final class CRRCatalogDiffTests: XCTestCase {
    func testReferencesAcrossFilesResolveInTheCatalog() throws {
        let old = ##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"TOU":{"$ref":"urn:crrspec:schema:CRRCommonDefinitions:1.0.0#/definitions/timeOfUse"}}}"##
        let new = ##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"TOU":{"type":"string","enum":["ON","OFF","PEAK"]}}}"##
        let result = try Fixture.diff(old, new)
        XCTAssertTrue(result.ids.contains("schema-enum-value-added"), "\(result.ids)")
        XCTAssertEqual(result.first("schema-enum-value-added")?.old.file, "schemas/CRRCommonDefinitions_v1.0.0.draft-07.schema.json")
    }
}
