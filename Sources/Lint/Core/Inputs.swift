import Document
import Foundation

/// Which files `crrspec lint` looks at: named files as given, and in named folders (searched
/// recursively, hidden and build folders skipped) every `.yaml`, `.yml` or `.json` file that
/// is an OpenAPI spec or a JSON Schema (`openapi` or `$schema` at the top, or a
/// `.schema.json` name).
public enum LintInputs {
    public static func expand(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for relative in walk(base) where isLintable(base + "/" + relative) {
                files.append(base + "/" + relative)
            }
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0).inserted }, missing)
    }

    static func walk(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let next = enumerator.nextObject() as? String {
            let name = (next as NSString).lastPathComponent
            if name.hasPrefix(".") {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: directory + "/" + next, isDirectory: &isDirectory), isDirectory.boolValue {
                    enumerator.skipDescendants()
                }
                continue
            }
            let lower = name.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") { out.append(next) }
        }
        return out.sorted()
    }

    /// A cheap look at the top of a file found in a folder: is it a spec or a schema?
    static func isLintable(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".schema.json") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        return head.hasPrefix("openapi:") || head.contains("\nopenapi:") || head.contains("\"openapi\"")
            || head.contains("\"$schema\"") || head.hasPrefix("$schema:") || head.contains("\n$schema:")
    }
}
