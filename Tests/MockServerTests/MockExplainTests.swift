import Foundation
import Mock
import XCTest

final class MockExplainTests: XCTestCase {
    /// `crrspec explain` lists every id the mock logs under its own heading, and each resolves.
    func testExplainListsAndResolvesEveryMockLogID() throws {
        let process = Process()
        process.executableURL = MockProcess.binary
        process.arguments = ["explain"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let section = try XCTUnwrap(text.components(separatedBy: "Mock server log ids:\n").dropFirst().first, text)
        let ids = section.split(separator: "\n").prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(ids, MockLogID.all)
        for id in ids {
            let one = Process()
            one.executableURL = MockProcess.binary
            one.arguments = ["explain", id]
            let pipe = Pipe()
            one.standardOutput = pipe
            try one.run()
            let body = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            one.waitUntilExit()
            XCTAssertEqual(one.terminationStatus, 0, id)
            XCTAssertTrue(body.hasPrefix("\(id) (mock server log id)"), body)
        }
    }
}
