import Foundation
import XCTest

/// Issue 16 ("hostile input, round two"): each case crashed, hung, lost its result or printed
/// raw control characters before its fix. Inputs are generated here (nothing large is
/// committed). Every run goes through the real binary under `timeout`, so a regression fails
/// (exit 137) instead of hanging the suite; no case asserts a duration.
final class HostileRoundTwoTests: XCTestCase {
    /// Seconds after which a run is killed (a hang becomes exit status 137).
    static let killAfter = 120

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// Runs `crrspec ARGS` in `directory` through `/bin/sh`, with `redirect` appended to the
    /// command line (e.g. `> /dev/full`, `>&-`).
    func crrspec(_ arguments: [String], in directory: URL, redirect: String = "", file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "exec timeout -s KILL \(Self.killAfter) " + ([CLI.binary.path] + arguments).map(quote).joined(separator: " ") + " " + redirect
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so that a large report cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        while !reader.isFinished { usleep(1_000) }
        process.waitUntilExit()
        let run = Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
        XCTAssertNotEqual(run.status, 137, "crrspec \(arguments.joined(separator: " ")) was killed after \(Self.killAfter) s", file: file, line: line)
        XCTAssertFalse(run.output.contains("Program crashed") || run.output.contains("Fatal error"), run.output, file: file, line: line)
        return run
    }

    func scratch(_ files: [String: String]) throws -> URL {
        try CLI.scratch(files.mapValues { Array($0.utf8) })
    }

    // MARK: 1–2 crashes on empty sides of arguments

    func testEmptySidesOfResourceAndCatalogReferencesAreUsageErrors() throws {
        let dir = try scratch(["s.json": #"{"type": "object"}"#, "a.json": "{}"])
        for mapping in ["=vendor", "https://x/=", "="] {
            let r = try crrspec(["validate", "--resource", mapping, "--schema", "s.json", "a.json"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains("--resource takes URI=PATH with both sides non-empty"), r.output)
        }
        for reference in ["@", "@@", "@1.2.3"] {
            let r = try crrspec(["validate", "--schema", reference, "a.json"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains("no schema file or catalog schema named \(reference)"), r.output)
        }
        let spec = try crrspec(["validate", "--spec", "@", "--component", "A", "a.json"], in: dir)
        XCTAssertEqual(spec.status, 2, spec.output)
        XCTAssertTrue(spec.stderr.contains("no spec file or catalog service named @"), spec.output)
        for command in ["diff", "version-check", "changelog"] {
            let r = try crrspec([command, "@", "auction@1.2.1"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains("@: no such file"), r.output)
        }
    }

    // MARK: 17 write errors

    func testWriteErrorsOnStandardOutputExitTwo() throws {
        let dir = try scratch(["s.json": #"{"type": "object"}"#, "a.json": "{}", "b.json": "[]"])
        let cases: [[String]] = [
            ["validate", "--format", "sarif", "--schema", "s.json", "a.json"],
            ["validate", "--format", "json", "--schema", "s.json", "b.json"],
            ["validate", "--schema", "s.json", "a.json"],
            ["metaschema", "s.json"],
            ["lint", "--format", "json", "s.json"],
            ["catalog"],
            ["explain", "enum"],
            ["--help"],
        ]
        for arguments in cases {
            let full = try crrspec(arguments, in: dir, redirect: "> /dev/full")
            XCTAssertEqual(full.status, 2, "\(arguments) > /dev/full: \(full.output)")
            XCTAssertTrue(full.stderr.contains("could not write the report to standard output: No space left on device"), "\(arguments): \(full.output)")
            let closed = try crrspec(arguments, in: dir, redirect: ">&-")
            XCTAssertEqual(closed.status, 2, "\(arguments) >&-: \(closed.output)")
            XCTAssertTrue(closed.stderr.contains("standard output is closed"), "\(arguments): \(closed.output)")
        }
        // Nothing broken: the same runs to a pipe keep their verdicts.
        XCTAssertEqual(try crrspec(cases[0], in: dir).status, 0)
        XCTAssertEqual(try crrspec(cases[1], in: dir).status, 1)
    }

    // MARK: 19 control characters

    func testControlCharactersInKeysAndReferencesArePrintedEscaped() throws {
        let dir = try scratch([
            "s.json": #"{"type": "object", "additionalProperties": false}"#,
            "k.json": #"{"x\u001b[31m\n::error::forged\u0000": 1}"#,
        ])
        for format in ["text", "github"] {
            let r = try crrspec(["validate", "--format", format, "--schema", "s.json", "k.json"], in: dir)
            XCTAssertEqual(r.status, 1, r.output)
            XCTAssertTrue(r.stdout.contains(#"x\u001b[31m"#), r.output)
            XCTAssertTrue(r.stdout.contains(#"\u0000"#), r.output)
            XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character in: \(r.output)")
            // No line of the output starts with a forged workflow command.
            XCTAssertFalse(r.output.split(separator: "\n").contains { $0.hasPrefix("::error::forged") }, r.output)
        }
        // $refs holding NUL or control characters, raw or percent-encoded, are refused.
        for ref in [#"x.json%00.evil"#, #"x.json%0Aevil"#, #"x%1b.json"#, #"x.json\u0000"#, #"x\u001b.json"#] {
            let d = try scratch(["r.json": #"{"$ref": "\#(ref)"}"#, "x.json": "{}", "a.json": "{}"])
            let r = try crrspec(["validate", "--schema", "r.json", "a.json"], in: d)
            XCTAssertEqual(r.status, 2, "\(ref): \(r.output)")
            XCTAssertTrue(r.stderr.contains("contains a control character"), "\(ref): \(r.output)")
            XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character in: \(r.output)")
        }
        // A file name with a control character is escaped in reports and on stderr.
        let named = try scratch(["s.json": #"{"type": "string"}"#, "bad\u{1b}[2J.json": "{}"])
        let r = try crrspec(["validate", "--schema", "s.json", "bad\u{1b}[2J.json"], in: named)
        XCTAssertEqual(r.status, 1, r.output)
        XCTAssertTrue(r.stdout.contains(#"bad\u001b[2J.json"#), r.output)
        XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, r.output)
    }
}
