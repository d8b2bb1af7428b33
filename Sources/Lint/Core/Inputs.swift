import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which files `crrspec lint` looks at: named files as given, and in named folders (searched
/// recursively, hidden and build folders skipped) every `.yaml`, `.yml` or `.json` file that
/// is an OpenAPI spec or a JSON Schema (`openapi` or `$schema` at the top, or a
/// `.schema.json` name).
public enum LintInputs {
    public static func expand(_ paths: [String]) -> (files: [String], missing: [String]) {
        let all = expandReportingNames(paths)
        return (all.files, all.missing)
    }

    /// As ``expand(_:)``, plus the files found in folders whose names are not valid UTF-8
    /// (bytes escaped, e.g. `specs/bad\xFF.yaml`) and the FIFOs, sockets and devices found there
    /// with a spec's extension (opening one could block forever): they are not read and must be
    /// reported.
    public static func expandReportingNames(_ paths: [String]) -> (files: [String], missing: [String], undecodable: [String], special: [(path: String, reason: String)]) {
        var files: [String] = []
        var missing: [String] = []
        var undecodable: [String] = []
        var special: [(path: String, reason: String)] = []
        for path in paths {
            var isDirectory: DirectoryFlag = false
            guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let walk = FolderWalk.files(under: path, extensions: [".yaml", ".yml", ".json"])
            files += walk.files.filter(isLintable)
            undecodable += walk.undecodable
            special += walk.special.map { ($0.path, FolderWalk.notReadMessage($0.kind)) }
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0).inserted }, missing, undecodable, special)
    }

    /// A cheap look at the top of a file found in a folder: is it a spec (OpenAPI or Swagger) or a schema?
    static func isLintable(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".schema.json") { return true }
        guard let bytes = DocumentLoader.head(path: path, count: 4096) else { return false }
        let head = String(decoding: bytes, as: UTF8.self)
        // A Swagger 2.0 document is picked up too: lint refuses it (exit 2), never passes over it.
        return head.hasPrefix("openapi:") || head.contains("\nopenapi:") || head.contains("\"openapi\"")
            || head.hasPrefix("swagger:") || head.contains("\nswagger:") || head.contains("\"swagger\"")
            || head.contains("\"$schema\"") || head.hasPrefix("$schema:") || head.contains("\n$schema:")
    }
}
