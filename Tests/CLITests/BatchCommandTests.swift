import Foundation
import XCTest

/// Folders, datasets, output formats, colours, the progress bar, --schema auto and explain.
final class BatchCommandTests: XCTestCase {
    let schema = #"{"type": "object", "required": ["TOU"], "properties": {"TOU": {"enum": ["ON", "OFF"]}}}"#

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try CLI.scratch(["s.json": Array(schema.utf8)])
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    func testFolderWalkOrderGlobsAndSummary() throws {
        var files: [String: String] = [:]
        for i in 0..<120 { files["data/\(i % 3)/f\(String(format: "%03d", i)).json"] = i % 40 == 5 ? #"{"TOU": "PEAK"}"# : #"{"TOU": "ON"}"# }
        files["data/archive/old.json"] = "{broken"
        files["data/notes.txt"] = "not checked"
        files["data/y.yaml"] = "TOU: OFF\n"
        let dir = try folder(files)
        let r = try CLI.run(["validate", "--schema", "s.json", "--exclude", "archive", "data"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "data/0/f000.json: valid")
        XCTAssertEqual(lines.last, "data/y.yaml: valid")
        let checked = lines.filter { $0.hasSuffix(": valid") || $0.contains(": error: ") }.map { String($0.split(separator: ":")[0]) }
        XCTAssertEqual(checked, checked.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "byte order, deterministic")
        XCTAssertTrue(r.stderr.hasPrefix("121 files: 118 valid, 3 invalid, 0 unusable ("), r.stderr)
        XCTAssertTrue(r.stderr.contains(" MB/s)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("\r"), "no progress bar when piped")

        let again = try CLI.run(["validate", "--schema", "s.json", "--jobs", "1", "--exclude", "archive", "data"], in: dir)
        XCTAssertEqual(again.stdout, r.stdout, "the same output on one job")
        let broken = try CLI.run(["validate", "--schema", "s.json", "--include", "*.json", "--quiet", "data"], in: dir)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains("data/archive/old.json:1:2: error:"), broken.stdout)
        XCTAssertEqual(broken.stderr, "", "--quiet prints no summary")
        let empty = try CLI.run(["validate", "--schema", "s.json", "--include", "*.csv", "data"], in: dir)
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stdout.contains("data: error: no file in this folder matches --include *.csv"), empty.stdout)
    }

    func testGzippedJSONLinesFromAFileAndFromStandardInput() throws {
        let dir = try folder(["d.jsonl": "{\"TOU\": \"ON\"}\n{\"TOU\": \"x\"}\n{oops\n"])
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -k d.jsonl"]
        gzip.currentDirectoryURL = dir
        try gzip.run()
        gzip.waitUntilExit()
        let r = try CLI.run(["validate", "--schema", "s.json", "d.jsonl.gz"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, """
        d.jsonl.gz:1: valid
        d.jsonl.gz:2:9: error: "x" is not one of the allowed values: "ON", "OFF"
          at instance /TOU, schema /properties/TOU/enum
        d.jsonl.gz:3:2: error: expected a member name in double quotes, found 'o'

        """)
        XCTAssertTrue(r.stderr.hasPrefix("1 file, 3 records: 1 valid, 1 invalid, 1 unusable ("), r.stderr)
        let piped = try CLI.run(["validate", "--schema", "s.json", "--input-format", "jsonl", "-"],
                                stdin: String(decoding: try Data(contentsOf: dir.appendingPathComponent("d.jsonl")), as: UTF8.self), in: dir)
        XCTAssertEqual(piped.status, 2)
    }

    func testGitHubAndSARIFFormats() throws {
        let dir = try folder(["a.json": #"{"TOU": "PEAK"}"#, "b.json": #"{"TOU": "ON"}"#, "c.json": "[1,]"])
        let gh = try CLI.run(["validate", "--schema", "s.json", "--format", "github", "a.json", "b.json", "c.json"], in: dir)
        XCTAssertEqual(gh.status, 2)
        XCTAssertEqual(gh.stdout.split(separator: "\n").map(String.init), [
            #"::error file=a.json,line=1,col=9,title=crrspec validate (enum)::"PEAK" is not one of the allowed values: "ON", "OFF"%0A  at instance /TOU, schema /properties/TOU/enum"#,
            "::error file=c.json,line=1,col=3,title=crrspec validate (malformed-input)::trailing comma before ']': remove the comma after the last element",
        ])
        XCTAssertTrue(gh.stderr.hasPrefix("3 files: 1 valid, 1 invalid, 1 unusable"), gh.stderr)

        let sarif = try CLI.run(["validate", "--schema", "s.json", "--format", "sarif", "a.json", "b.json"], in: dir)
        XCTAssertEqual(sarif.status, 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        let results = ((log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
        XCTAssertEqual(results.map { $0["ruleId"] as? String }, ["enum"])
        XCTAssertEqual(sarif.stderr, "", "no summary with a machine format")

        let typo = try CLI.scratch(["typo.json": Array(#"{"type": "strng"}"#.utf8)])
        let meta = try CLI.run(["metaschema", "--format", "github", "typo.json"], in: typo)
        XCTAssertEqual(meta.status, 1)
        XCTAssertTrue(meta.stdout.hasPrefix("::error file=typo.json,line=1,col=10,title=crrspec metaschema ("), meta.stdout)
        let catalog = try CLI.run(["metaschema", "schemas/"])
        XCTAssertEqual(catalog.status, 0, "catalog $refs (urn:crrspec:...) resolve: \(catalog.stdout)")
        XCTAssertTrue(catalog.stderr.hasPrefix("37 files: 37 valid, 0 invalid, 0 unusable"), catalog.stderr)
        let metaSarif = try CLI.run(["metaschema", "--format", "sarif", "typo.json"], in: typo)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(metaSarif.stdout.utf8)) as? [String: Any])
    }

    func testJUnitFormat() throws {
        let dir = try folder(["a.json": #"{"TOU": "PEAK"}"#, "b.json": #"{"TOU": "ON"}"#, "c.json": "[1,]"])
        let junit = try CLI.run(["validate", "--schema", "s.json", "--format", "junit", "a.json", "b.json", "c.json"], in: dir)
        XCTAssertEqual(junit.status, 2)
        XCTAssertEqual(junit.stderr, "", "no summary with a machine format")
        let xml = junit.stdout
        XCTAssertTrue(xml.contains(#"<testsuites name="crrspec validate" tests="3" failures="2" errors="0" skipped="0">"#), xml)
        XCTAssertTrue(xml.contains(#"<testcase classname="a.json" name="enum at /TOU">"#), xml)
        XCTAssertTrue(xml.contains(#"<testcase classname="b.json" name="validate"/>"#), "a valid file passes: \(xml)")
        XCTAssertTrue(xml.contains(#"<failure type="malformed-input""#), "an unusable file fails: \(xml)")
        XCTAssertTrue(xml.contains("c.json:1:3: error: trailing comma"), xml)
        let order = ["a.json", "b.json", "c.json"].map { xml.range(of: "<testsuite name=\"\($0)\"")!.lowerBound }
        XCTAssertEqual(order, order.sorted(), "suites in file order")
    }

    func testColours() throws {
        let dir = try folder(["a.json": #"{"TOU": "PEAK"}"#])
        let always = try CLI.run(["validate", "--schema", "s.json", "--color", "always", "a.json"], in: dir)
        XCTAssertTrue(always.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"), always.stdout)
        XCTAssertTrue(always.stderr.contains("\u{1B}["), always.stderr)
        let piped = try CLI.run(["validate", "--schema", "s.json", "a.json"], in: dir)
        XCTAssertFalse(piped.stdout.contains("\u{1B}") || piped.stderr.contains("\u{1B}"), "no colours when piped")
        let never = try terminal("cd '\(dir.path)' && '\(CLI.binary.path)' validate --schema s.json --color never a.json", environment: [:])
        XCTAssertFalse(never.contains("\u{1B}["), never)
        let noColor = try terminal("cd '\(dir.path)' && '\(CLI.binary.path)' validate --schema s.json a.json", environment: ["NO_COLOR": "1"])
        XCTAssertFalse(noColor.contains("\u{1B}["), noColor)
        let tty = try terminal("cd '\(dir.path)' && '\(CLI.binary.path)' validate --schema s.json a.json", environment: [:])
        XCTAssertTrue(tty.contains("\u{1B}[1;31merror:"), "colours on a terminal: \(tty)")
    }

    func testProgressBarOnlyOnATerminal() throws {
        var files: [String: String] = [:]
        for i in 0..<400 { files["d/f\(i).json"] = #"{"TOU": "ON"}"# }
        let dir = try folder(files)
        let command = "cd '\(dir.path)' && '\(CLI.binary.path)' validate --schema s.json d >/dev/null"
        let shown = try terminal(command, environment: ["CRRSPEC_PROGRESS_DELAY": "0"])
        XCTAssertTrue(shown.contains("/400 files"), "a bar once the delay has passed: \(shown.debugDescription)")
        XCTAssertTrue(shown.contains("400 files: ") && shown.contains("400 valid"), shown)
        let quiet = try terminal(command.replacingOccurrences(of: " d ", with: " --quiet d "), environment: ["CRRSPEC_PROGRESS_DELAY": "0"])
        XCTAssertFalse(quiet.contains("/400 files"), quiet)
        let short = try terminal(command, environment: [:])
        XCTAssertFalse(short.contains("/400 files"), "runs under a second draw no bar: \(short)")
    }

    func testSchemaAuto() throws {
        let r = try CLI.run(["validate", "--schema", "auto", "examples/downloads/CRRSourceSink_v1.0.1.invalid-factor-type.jsonl",
                             "examples/downloads/CRRSetAside_v1.1.1.valid.json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("schema auto: CRRSourceSink@1.0.1#/items for examples/downloads/CRRSourceSink_v1.0.1.invalid-factor-type.jsonl\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("schema auto: CRRSetAside@1.1.1 for examples/downloads/CRRSetAside_v1.1.1.valid.json\n"), r.stderr)
        let json = try CLI.run(["validate", "--schema", "auto", "--format", "json", "examples/downloads/CRRSetAside_v1.1.1.valid.json"])
        XCTAssertTrue(json.stdout.contains(#""schema": "CRRSetAside@1.1.1""#), json.stdout)
        let dir = try folder(["notes.json": #"[{"Comment": "x", "Author": "y"}]"#])
        let unknown = try CLI.run(["validate", "--schema", "auto", "notes.json"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stdout.contains("notes.json: error: --schema auto: no catalog download schema fits the fields Author, Comment"), unknown.stdout)
    }

    func testExplainVersionAndCompletions() throws {
        let enumText = try CLI.run(["explain", "enum"])
        XCTAssertEqual(enumText.status, 0)
        XCTAssertTrue(enumText.stdout.hasPrefix("enum (JSON Schema keyword)\n"), enumText.stdout)
        let rule = try CLI.run(["explain", "crr-date-time-seconds"])
        XCTAssertTrue(rule.stdout.contains("write \"2025-01-01T08:00:00Z\""), rule.stdout)
        let unknown = try CLI.run(["explain", "requird"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean required?"), unknown.stderr)
        XCTAssertTrue(try CLI.run(["explain"]).stdout.contains("CRR profile rules:\n  crr-date-time-seconds"))
        XCTAssertTrue(try CLI.run(["--version"]).stdout.contains(" (commit "))  // VersionTests checks it fully
        for shell in ["bash", "zsh", "fish"] {
            let script = try CLI.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0)
            for word in ["validate", "metaschema", "catalog", "parse", "explain", "include", "color", "auto"] {
                XCTAssertTrue(script.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }

    /// Runs a shell command under a pseudo-terminal (util-linux `script`) and returns what the
    /// terminal showed.
    func terminal(_ command: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
