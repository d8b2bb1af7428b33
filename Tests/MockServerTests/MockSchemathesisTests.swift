import Foundation
import XCTest

/// schemathesis (installed by scripts/install-deps into .build/schemathesis-venv, pinned) runs
/// against the real `crrspec mock` on an ephemeral port: every operation of every bundled
/// current service, then the published CAISO specs in ../shared/reference/caiso-crr-openapi/.
/// The checks are those the issue names; the example budget and seed are fixed so that a run
/// is repeatable. Each service's summary is printed to the test log.
final class MockSchemathesisTests: XCTestCase {
    static let checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection"
    /// Test cases per operation and the seed: fixed, so every run sends the same requests.
    static let maxExamples = 30
    static let seed = 20261203

    static var schemathesis: String {
        if let path = ProcessInfo.processInfo.environment["CRRSPEC_SCHEMATHESIS"] { return path }
        return MockProcess.packageRoot.appendingPathComponent(".build/schemathesis-venv/bin/st").path
    }

    static let publishedDirectory = MockProcess.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/reference/caiso-crr-openapi")

    /// Checks that a published spec cannot pass through no fault of the mock, with the reason.
    static let publishedExclusions: [String: (checks: [String], reason: String)] = [
        "caiso_crr_app_status_v1.0.1.yaml": (["status_code_conformance"],
            "the published app_status 1.0.1 documents only 200 for GET /status, so the mock's 400 for a request without its required caiso-request-id header is undocumented there (the bundled 1.0.1 declares the error responses)"),
    ]

    func requireSchemathesis() throws -> String {
        let st = MockSchemathesisTests.schemathesis
        if FileManager.default.isExecutableFile(atPath: st) { return st }
        let reason = "schemathesis is not installed at \(st) (scripts/install-deps installs it)"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail(reason + "; under CI it must be there")
            throw XCTSkip(reason)
        }
        print("MockSchemathesisTests: skipped: \(reason)")
        throw XCTSkip(reason)
    }

    func testBundledCurrentServices() throws {
        let st = try requireSchemathesis()
        let mock = try MockProcess(["--quiet", "--seed", "1"])
        defer { mock.stop() }
        let files = MockSchemathesisTests.mountedFiles(mock.stdout)
        XCTAssertGreaterThanOrEqual(files.count, 10, mock.stdout)
        for file in files {
            let path = file.hasPrefix("/") ? file : MockProcess.packageRoot.appendingPathComponent(file).path
            try run(st, spec: path, name: file, origin: mock.url, excluded: [])
        }
        XCTAssertTrue(mock.process.isRunning, "the mock stopped during the run:\n\(mock.stderr)")
    }

    func testPublishedSpecs() throws {
        let st = try requireSchemathesis()
        let folder = MockSchemathesisTests.publishedDirectory.path
        guard FileManager.default.fileExists(atPath: folder) else {
            print("MockSchemathesisTests.testPublishedSpecs: skipped: \(folder) does not exist")
            throw XCTSkip("\(folder) does not exist")
        }
        let mock = try MockProcess([folder, "--quiet", "--seed", "1"])
        defer { mock.stop() }
        let files = MockSchemathesisTests.mountedFiles(mock.stdout)
        XCTAssertFalse(files.isEmpty, mock.stdout)
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let exclusion = MockSchemathesisTests.publishedExclusions[name]
            if let exclusion { print("schemathesis \(name): without \(exclusion.checks.joined(separator: ", ")): \(exclusion.reason)") }
            try run(st, spec: file, name: name, origin: mock.url, excluded: exclusion?.checks ?? [])
        }
        XCTAssertTrue(mock.process.isRunning, "the mock stopped during the run:\n\(mock.stderr)")
    }

    /// The spec files of the "mounted NAME (FILE): ..." lines.
    static func mountedFiles(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("mounted "), let open = line.firstIndex(of: "("), let close = line.range(of: "): ") else { return nil }
            return String(line[line.index(after: open)..<close.lowerBound])
        }
    }

    /// Runs schemathesis on one spec (the spec's own server path appended to the mock's origin)
    /// and prints its summary; a failing run fails the test with the whole output.
    func run(_ st: String, spec: String, name: String, origin: String, excluded: [String]) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-schemathesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let checks = MockSchemathesisTests.checks.split(separator: ",").map(String.init).filter { !excluded.contains($0) }
        // One worker: several threads trip a recursion check inside hypothesis's lambda
        // descriptions (a runtime error of the tool, not of the server).
        let arguments = ["run", spec, "--origin", origin, "--checks", checks.joined(separator: ","),
                         "--max-examples", String(MockSchemathesisTests.maxExamples), "--seed", String(MockSchemathesisTests.seed),
                         "--workers", "1", "--generation-database", "none", "--no-color", "--request-timeout", "30"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: st)
        process.arguments = arguments
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        environment["SCHEMATHESIS_HOOKS"] = nil
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let output = work.appendingPathComponent("output.txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        print("schemathesis \(name):\n" + MockSchemathesisTests.summary(text))
        XCTAssertEqual(process.terminationStatus, 0, "schemathesis found problems with \(name):\n\(text)")
    }

    /// The part from the SUMMARY rule to the end.
    static func summary(_ text: String) -> String {
        guard let start = text.range(of: "SUMMARY") else { return text }
        let lineStart = text[..<start.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return String(text[lineStart...]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + $0 }.joined(separator: "\n")
    }
}
