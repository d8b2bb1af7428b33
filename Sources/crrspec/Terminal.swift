import Document
import ArgumentParser
import CRR
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Reporting

/// When to colour output: `auto` (on a terminal, unless NO_COLOR is set), `always`, `never`.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// What the process is attached to.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns of the terminal on `fd` (80 when unknown).
    static func width(_ fd: Int32 = 2) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// The colour style for a stream under `mode`.
    static func style(_ mode: ColorMode, fd: Int32) -> TextStyle {
        TextStyle.resolve(mode: mode.rawValue, isTerminal: isTerminal(fd), environment: ProcessInfo.processInfo.environment)
    }
}

/// Completion candidates computed when the user presses Tab.
enum Completions {
    /// `auto`, the catalog schema names (plain and `@version`) and schema files below the word.
    static let schemas: CompletionKind = .custom { (_: [String], _: Int, prefix: String) -> [String] in
        var out = ["auto"]
        out += CatalogNames.schemas
        out += files(matching: prefix, extensions: ["json", "yaml", "yml"])
        return out.filter { $0.hasPrefix(prefix) }
    }

    /// The catalog services (plain and `@version`) and spec files below the word.
    static let specs: CompletionKind = .custom { (_: [String], _: Int, prefix: String) -> [String] in
        (CatalogNames.services + files(matching: prefix, extensions: ["yaml", "yml", "json"])).filter { $0.hasPrefix(prefix) }
    }

    /// Files (with the given extensions) and folders next to the word being completed.
    static func files(matching prefix: String, extensions: [String]) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return names.sorted().compactMap { name in
            if name.hasPrefix(".") { return nil }
            var isDirectory: DirectoryFlag = false
            if FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDirectory), isDirectory.boolValue { return folder + name + "/" }
            return extensions.contains(where: { name.lowercased().hasSuffix("." + $0) }) ? folder + name : nil
        }
    }
}

/// Catalog names for completions: `Name` and `Name@X.Y.Z`.
enum CatalogNames {
    static var schemas: [String] { names(schemas: true) }
    static var services: [String] { names(schemas: false) }

    static func names(schemas: Bool) -> [String] {
        var out: [String] = []
        for entry in CRRCatalog.entries where entry.isSchema == schemas && entry.fileName.name != "CRRCommonDefinitions" {
            if !out.contains(entry.name) { out.append(entry.name) }
            out.append("\(entry.name)@\(entry.version)")
        }
        return out
    }
}
