import OpenAPI
import XCTest

/// MAJOR.MINOR.MINI versions and what is said about text that is not one.
final class APIVersionTests: XCTestCase {
    func testParsingAndProblems() {
        XCTAssertEqual(APIVersion("v1.2.10"), APIVersion(1, 2, 10))
        XCTAssertLessThan(APIVersion(1, 2, 9), APIVersion(1, 2, 10))
        XCTAssertNil(APIVersion.problem("1.2.3"))
        XCTAssertEqual(APIVersion.problem("1.2"), #""1.2" is not MAJOR.MINOR.MINI (it has 2 parts; versions have exactly three numbers)"#)
        XCTAssertEqual(APIVersion.problem("1.2.3.4", family: "CRR"),
                       #""1.2.3.4" is not MAJOR.MINOR.MINI (it has 4 parts; CRR versions have exactly three numbers)"#, "a layer names its versions")
        XCTAssertEqual(APIVersion.problem("1.x.3"), #""1.x.3" is not MAJOR.MINOR.MINI (each part must be a number)"#)
        XCTAssertEqual(APIVersion.problem("1.02.3"), #""1.02.3" is not MAJOR.MINOR.MINI: 02 has a leading zero"#)
    }
}
