import Document
import Foundation

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
    /// (bytes escaped, e.g. `specs/bad\xFF.yaml`): they cannot be opened and must be reported.
    public static func expandReportingNames(_ paths: [String]) -> (files: [String], missing: [String], undecodable: [String]) {
        var files: [String] = []
        var missing: [String] = []
        var undecodable: [String] = []
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
            let walked = walk(base)
            for relative in walked.files where isLintable(base + "/" + relative) {
                files.append(base + "/" + relative)
            }
            undecodable += walked.undecodable.map { base + "/" + $0 }
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0).inserted }, missing, undecodable)
    }

    /// The `.yaml`, `.yml` and `.json` files below `directory` (relative paths, sorted), hidden
    /// entries skipped, symbolic links to folders not followed; and the names that are not
    /// valid UTF-8 (escaped), whatever their extension.
    static func walk(_ directory: String) -> (files: [String], undecodable: [String]) {
        var out: [String] = []
        var undecodable: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory + "/" + relative
            guard let entries = DirectoryListing.entries(atPath: folder) else { continue }
            for entry in entries {
                guard let name = entry.name else {
                    undecodable.append(relative.isEmpty ? entry.displayName : relative + "/" + entry.displayName)
                    continue
                }
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                let type = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + path))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                    continue
                }
                let lower = name.lowercased()
                if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") { out.append(path) }
            }
        }
        return (out.sorted(), undecodable.sorted())
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
