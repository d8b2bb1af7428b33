import JSONSchema
import XCTest

/// The one keyword table: its classes cover draft-07's keywords (read from the metaschema).
final class KeywordTableTests: XCTestCase {
    func testClassesPartitionDraft07() {
        let all = Dialect.draft7.keywords
        XCTAssertEqual(all.count, 46)
        XCTAssertEqual(KeywordTable.validation.union(KeywordTable.annotations), all)
        XCTAssertTrue(KeywordTable.validation.isDisjoint(with: KeywordTable.annotations))
        XCTAssertTrue(KeywordTable.subschema.union(KeywordTable.subschemaArrays).union(KeywordTable.subschemaMaps).isSubset(of: all))
        XCTAssertTrue(Set(KeywordTable.instanceType.keys).isSubset(of: KeywordTable.validation))
        XCTAssertEqual(KeywordTable.instanceType["maxLength"], "string")
        XCTAssertEqual(KeywordTable.instanceType["propertyNames"], "object")
        XCTAssertNil(KeywordTable.instanceType["enum"])
    }
}
