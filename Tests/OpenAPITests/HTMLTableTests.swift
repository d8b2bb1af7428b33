import OpenAPI
import XCTest

final class HTMLTableTests: XCTestCase {
    func testTablesAsPublishedAndAsBundled() {
        let published = "Intro.\\n <table><tr><td>OpenAPI Spec Revision</td><td>Date</td><td>Change Log</td></tr><tr><td>1.0.0</td><td>2024-01-10</td><td>Initial Version</td></tr></tr><tr><td>1.1.0</td><td>2024-06-12</td><td>Removed &amp; added</td></tr></table>"
        let rows = HTMLTable.rows(published)
        XCTAssertEqual(rows.map { $0.cells[0].text }, ["OpenAPI Spec Revision", "1.0.0", "1.1.0"])
        XCTAssertEqual(rows[2].cells[2].text, "Removed & added")
        let codes = "<table>\n  <tr>\n    <th>Error Code</th>\n  </tr>\n  <tr>\n    <td> SEC0001 </td>\n    <td> Access for {0} is denied. </td>\n  </tr>\n</table>"
        XCTAssertEqual(HTMLTable.rows(codes).last?.cells.map(\.text), ["SEC0001", "Access for {0} is denied."])
        XCTAssertEqual(HTMLTable.withoutTables("a <table><tr><td>x</td></tr></table> b"), "a  b")
    }

    func testCellsKeepTheirOffsetsAndInlineMarkupJoinsWords() {
        let text = "<table><tr><th>Code</th></tr><tr><td>SER<b>0001</b></td><td>a<br>b &lt;c&gt;</td></tr></table>"
        let rows = HTMLTable.rows(text)
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows[0].cells[0].header)
        XCTAssertEqual(rows[1].cells.map(\.text), ["SER0001", "a b <c>"])
        let offset = rows[1].cells[0].offset
        XCTAssertEqual(String(decoding: Array(text.utf8)[offset..<(offset + 3)], as: UTF8.self), "SER")
        XCTAssertEqual(HTMLTable.withoutTables("a <TABLE><tr><td>x</td></tr></table> b <table>never closed"), "a  b ")
    }

    func testNestingProblems() {
        let problems = HTMLTable.nestingProblems("<table><tr><td>x</tr></table></td><br>")
        XCTAssertEqual(problems.map(\.message), ["<td> is not closed before </tr>", "stray </td>: no <td> is open here"])
        XCTAssertTrue(HTMLTable.nestingProblems("<p>a<br/>b</p>").isEmpty)
    }
}
