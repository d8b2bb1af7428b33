import CRR
import Document
import Foundation
import Reporting
import EngineTestSupport
import XCTest
import CRRRules
@testable import Diff

/// Output formats, pairing of files (directories, consecutive versions, git revisions) and the
/// readers underneath (HTML tables, error-code catalogs, revision tables).
final class OutputAndInputTests: XCTestCase {

    func auctionReport() throws -> DiffReport {
        let old = try Fixture.catalog("auction", "1.2.0"), new = try Fixture.catalog("auction", "1.2.1")
        let diff = try SpecDiff.compare(old, new, options: .crr)
        return DiffReport(entries: [DiffReport.Entry(result: diff, check: try VersionCheck.check(old: old, new: new, diff: diff).verdict)])
    }

    func testJSONHasTheDocumentedShape() throws {
        let report = try auctionReport()
        let json = try JSONReader.parse(Array(DiffJSONRenderer.render(report, versionCheck: true).utf8), name: "out.json").root
        XCTAssertEqual(json["requiredBump"]?.string, "MINOR")
        XCTAssertEqual(json["declaredBump"]?.string, "MINI")
        XCTAssertEqual(json["passed"]?.bool, false)
        let change = try XCTUnwrap(json["changes"]?[0])
        for key in ["id", "direction", "compatibility", "bump", "message"] { XCTAssertNotNil(change[key]?.string, key) }
        for side in ["old", "new"] {
            XCTAssertNotNil(change[side]?["pointer"]?.string)
            XCTAssertNotNil(change[side]?["line"]?.number)
            XCTAssertNotNil(change[side]?["column"]?.number)
            XCTAssertTrue(change[side]?.has("value") ?? false)
        }
        let codes = json["changes"]!.elements.filter { $0["id"]?.string == "error-code-added" }
        XCTAssertEqual(codes.count, 3)
        XCTAssertEqual(codes.first?["new"]?["value"]?.string?.hasPrefix("POR0011"), true)
        XCTAssertEqual(json["problems"]?[0]?["rule"]?.string, "declared-bump-too-low")
        let plain = try JSONReader.parse(Array(DiffJSONRenderer.render(DiffReport(entries: [DiffReport.Entry(result: report.entries[0].result)]), versionCheck: false).utf8), name: "d.json").root
        XCTAssertEqual(plain["declaredBump"]?.string, "MINI", "diff reads the declared bump from the file names")
        let two = DiffReport(entries: report.entries + report.entries)
        let multi = try JSONReader.parse(Array(DiffJSONRenderer.render(two, versionCheck: true).utf8), name: "m.json").root
        XCTAssertEqual(multi["pairs"]?.count, 2)
        XCTAssertEqual(multi["requiredBump"]?.string, "MINOR")
    }

    func testTextGitHubAndMarkdown() throws {
        let report = try auctionReport()
        let text = DiffTextRenderer.render(report, versionCheck: true)
        XCTAssertTrue(text.hasPrefix("openapi/caiso_crr_auction_v1.2.0_openapi.yaml → openapi/caiso_crr_auction_v1.2.1_openapi.yaml: 4 changes, required bump MINOR, declared MINI (1.2.0 → 1.2.1)\n"))
        XCTAssertTrue(text.contains("openapi/caiso_crr_auction_v1.2.1_openapi.yaml:476:21: warning error-code-added: Added error code POR0011"), text)
        XCTAssertTrue(text.contains("[declared-bump-too-low]"))
        XCTAssertTrue(text.contains("verdict: FAIL"))
        let github = GitHubAnnotations.render(DiffReport(entries: [DiffReport.Entry(result: report.entries[0].result)]).findings(versionCheck: false))
        XCTAssertTrue(github.contains("::warning file=openapi/caiso_crr_auction_v1.2.1_openapi.yaml,line=476,col=21,title=error-code-added (warning%2C MINOR)::Added error code POR0011"), github)
        let checks = GitHubAnnotations.render(report.findings(versionCheck: true))
        XCTAssertTrue(checks.hasPrefix("::error file=openapi/caiso_crr_auction_v1.2.1_openapi.yaml,line=4,col=12,title=declared-bump-too-low::"), checks)
        XCTAssertEqual(GitHubAnnotations.escapeData("a%b\nc"), "a%25b%0Ac")
        let markdown = DiffMarkdownRenderer.render(report, versionCheck: true)
        XCTAssertTrue(markdown.contains("Required bump: **MINOR** · declared: **MINI** (1.2.0 → 1.2.1) · verdict: **FAIL**"))
        XCTAssertTrue(markdown.contains("| warning | MINOR | `error-code-added` |"))
    }

    func testErrorCodeShape() {
        XCTAssertTrue(ErrorCodeCatalog.isCode("LHFV0032"))
        XCTAssertTrue(ErrorCodeCatalog.isCode("SER0001"))
        XCTAssertFalse(ErrorCodeCatalog.isCode("LMV023"))
        XCTAssertFalse(ErrorCodeCatalog.isCode("ser0001"))
    }

    func testPublishedCodeTablesAndRevisionTables() throws {
        let path = Fixture.publishedDirectory + "/caiso_crr_auction_v1.2.1.yaml"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("the published CAISO specs are not here") }
        let input = try SpecDiff.load(path, configuration: CRRDiff.configuration)
        let codes = ErrorCodeCatalog.entries(input.document)
        XCTAssertTrue(codes.contains { $0.code == "POR0011" && $0.text != nil })
        XCTAssertTrue(codes.allSatisfy { ErrorCodeCatalog.isCode($0.code) && $0.location.line > 0 })
        let revisions = ReleaseNoteTable.entries(in: input.document)
        XCTAssertEqual(revisions.map(\.version.description), ["1.0.0", "1.1.0", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "1.2.0", "1.2.1"])
        XCTAssertTrue(revisions[10].log.contains("NOM0129"))
    }

    func testDirectoriesPairByNameAndConsecutiveVersions() throws {
        let root = try temporaryDirectory("crrspec-diff")
        for (dir, files) in [("old", ["openapi/caiso_crr_auction_v1.2.0_openapi.yaml", "schemas/CRRResource_v1.0.1.draft-07.schema.json"]),
                             ("new", ["openapi/caiso_crr_auction_v1.2.1_openapi.yaml", "schemas/CRRResource_v1.0.2.draft-07.schema.json",
                                      "schemas/CRRSetAside_v1.1.1.draft-07.schema.json"])] {
            let target = root.appendingPathComponent(dir)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in files {
                let name = String(file.split(separator: "/").last!)
                try Data(CRRCatalog.text(CRRCatalog.entries.first { $0.path == file }!).utf8).write(to: target.appendingPathComponent(name))
            }
        }
        let matching = try InputPairing.pairs(old: root.appendingPathComponent("old").path, new: root.appendingPathComponent("new").path, configuration: CRRDiff.configuration)
        XCTAssertEqual(matching.pairs.map { (CRRDiff.naming.read($0.new.name)?.name ?? $0.new.name) }.sorted(), ["CRRResource", "auction"])
        XCTAssertEqual(matching.notes.count, 1)
        XCTAssertTrue(matching.notes[0].contains("CRRSetAside_v1.1.1.draft-07.schema.json: new"))
        XCTAssertThrowsError(try InputPairing.pairs(old: root.path, new: Fixture.repository("README.md"), configuration: CRRDiff.configuration))
        let consecutive = try InputPairing.consecutive(in: Fixture.repository("openapi"), configuration: CRRDiff.configuration)
        XCTAssertEqual(consecutive.pairs.count, 20)
        XCTAssertEqual(try InputPairing.consecutive(in: Fixture.repository("schemas"), configuration: CRRDiff.configuration).pairs.count, 15)
    }

    func testGitPairingMatchesRenamedVersions() throws {
        let old = "openapi/caiso_crr_auction_v1.2.0_openapi.yaml", new = "openapi/caiso_crr_auction_v1.2.1_openapi.yaml"
        let text = { (path: String) in Data(CRRCatalog.text(CRRCatalog.entries.first { $0.path == path }!).utf8) }
        let matching = try GitPairing.match(revision: "main", baseFiles: [old, "README.md"], workFiles: [new, "README.md", "schemas/CRRSetAside_v1.1.1.draft-07.schema.json"],
                                            readBase: { text($0) }, readWork: { $0.hasPrefix("schemas/") || $0.hasPrefix("openapi/") ? text($0) : Data() },
                                            baseLibrary: SpecDiff.catalogLibrary(CRRDiff.catalog), workLibrary: SpecDiff.catalogLibrary(CRRDiff.catalog),
                                            naming: CRRDiff.naming)
        XCTAssertEqual(matching.pairs.count, 1)
        XCTAssertEqual(matching.pairs.first?.old.name, "main:" + old)
        XCTAssertEqual(matching.notes, ["schemas/CRRSetAside_v1.1.1.draft-07.schema.json: new (not in main)"])
        let pair = try XCTUnwrap(matching.pairs.first)
        let check = try VersionCheck.check(old: pair.old, new: pair.new, diff: SpecDiff.compare(pair.old, pair.new, options: .crr))
        XCTAssertEqual(check.declaredBump, .mini)
        XCTAssertEqual(check.requiredBump, .minor)
        XCTAssertEqual(DocumentLibrary.directory(of: "HEAD~1:openapi/a.yaml"), "openapi")
    }

    func testGitBaseOnThisRepository() throws {
        guard FileManager.default.fileExists(atPath: Fixture.repository(".git")) else { throw XCTSkip("not a git checkout") }
        let matching = try GitPairing.pairs(base: "HEAD", paths: [Fixture.repository("openapi")], from: Fixture.repository(""), configuration: CRRDiff.configuration)
        XCTAssertTrue(matching.pairs.allSatisfy { $0.old.name.hasPrefix("HEAD:openapi/") })
        XCTAssertThrowsError(try GitPairing.pairs(base: "no-such-revision-\(UUID().uuidString)", paths: [], from: Fixture.repository(""), configuration: CRRDiff.configuration)) { error in
            XCTAssertTrue("\(error)".contains("is not a commit"))
        }
    }
}

/// The process runner behind `--git-base` reads standard output and standard error together.
final class ProcessDrainTests: XCTestCase {
    func testLargeStandardErrorDoesNotBlock() throws {
        // 1 MiB on stderr before anything on stdout: reading stdout to its end first would wait
        // for ever while the child waits for its full stderr pipe to drain.
        let out = try GitPairing.run(["sh", "-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o"], label: "sh")
        XCTAssertEqual(out.count, 1_048_576)
        XCTAssertThrowsError(try GitPairing.run(["sh", "-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; exit 3"], label: "sh")) { error in
            XCTAssertTrue("\(error)".hasPrefix("sh: eee"), String("\(error)".prefix(40)))
        }
    }
}
