import Foundation
import XCTest

/// The release binary stays free of ICU data (about 34 MB) only while no module links full
/// Foundation: a single bare `import Foundation` (or FoundationNetworking /
/// FoundationInternationalization) anywhere in `Sources/` brings it back. Every such import must be
/// the fallback branch of `#if canImport(FoundationEssentials)`.
final class FoundationImportTests: XCTestCase {
    private static let fullFoundation = ["Foundation", "FoundationNetworking", "FoundationInternationalization"]

    /// The module an `import` line names (`import Foundation`, `@preconcurrency import Foundation`,
    /// `import struct Foundation.Date`, `@_exported import Foundation`), or nil for other lines.
    static func importedModule(_ line: String) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
        guard words.first == "import", words.count >= 2 else { return nil }
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        let path = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        return String(path.split(separator: ".").first ?? "")
    }

    /// `file:line` of every full-Foundation import that is not the `#else` of a
    /// `#if canImport(FoundationEssentials)` in the given source text.
    static func unguardedImports(in text: String, file: String) -> [String] {
        var found: [String] = []
        // One entry per open #if: whether it tests canImport(FoundationEssentials), and whether
        // its #else has been reached.
        var stack: [(essentials: Bool, inElse: Bool)] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#if") {
                stack.append((line.contains("canImport(FoundationEssentials)"), false))
            } else if line.hasPrefix("#elseif") || line.hasPrefix("#else") {
                if !stack.isEmpty { stack[stack.count - 1].inElse = true }
            } else if line.hasPrefix("#endif") {
                if !stack.isEmpty { stack.removeLast() }
            } else if let module = importedModule(line), fullFoundation.contains(module) {
                let guarded = stack.last.map { $0.essentials && $0.inElse } ?? false
                if !guarded { found.append("\(file):\(index + 1): \(line)") }
            }
        }
        return found
    }

    func testNoModuleImportsFullFoundationUnguarded() throws {
        let sources = CLI.packageRoot.appendingPathComponent("Sources")
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var offenders: [String] = []
        var scanned = 0
        for case let url as URL in walker where url.pathExtension == "swift" {
            scanned += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            let relative = String(url.path.dropFirst(CLI.packageRoot.path.count + 1))
            offenders += Self.unguardedImports(in: text, file: relative)
        }
        XCTAssertGreaterThan(scanned, 100, "the walk found the sources")
        XCTAssertEqual(offenders, [], "import FoundationEssentials instead (the release binary would carry ICU again)")
    }

    func testPackageDoesNotAskHummingbirdForFullFoundation() throws {
        let manifest = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertFalse(manifest.contains("FullFoundation"), "Hummingbird's FullFoundation trait links Foundation")
    }

    func testTheScannerSeesEveryFormOfTheImport() {
        let bare = "import Foundation\nlet x = 1\n"
        XCTAssertEqual(Self.unguardedImports(in: bare, file: "a.swift"), ["a.swift:1: import Foundation"])
        let attributed = "@preconcurrency import FoundationNetworking\nimport struct Foundation.Date\n"
        XCTAssertEqual(Self.unguardedImports(in: attributed, file: "b.swift").count, 2)
        let guarded = "#if canImport(FoundationEssentials)\nimport FoundationEssentials\n#else\nimport Foundation\n#endif\n"
        XCTAssertEqual(Self.unguardedImports(in: guarded, file: "c.swift"), [])
        let wrongBranch = "#if canImport(FoundationEssentials)\nimport Foundation\n#endif\n"
        XCTAssertEqual(Self.unguardedImports(in: wrongBranch, file: "d.swift").count, 1)
        let otherCondition = "#if os(Linux)\n#else\nimport Foundation\n#endif\n"
        XCTAssertEqual(Self.unguardedImports(in: otherCondition, file: "e.swift").count, 1)
        XCTAssertEqual(Self.unguardedImports(in: "import FoundationEssentials\n", file: "f.swift"), [])
    }
}
