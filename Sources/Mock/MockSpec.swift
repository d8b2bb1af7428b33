import CRR
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import OpenAPI

/// One spec the mock serves: where it came from, the path its routes are mounted under, and
/// which error layout it answers with.
public struct MockSpec: Sendable {
    /// How the spec is shown (`auction 1.2.1`, or the file name).
    public var label: String
    /// The file (a catalog path such as `openapi/caiso_crr_auction_v1.2.1_openapi.yaml` for
    /// bundled specs).
    public var file: String
    public var spec: OpenAPISpec
    /// The path of the first server URL (`/crr`), without a trailing `/`; empty for none.
    public var prefix: String
    /// Whether the CRR profile applies (date-times without fractional seconds).
    public var crrProfile: Bool
    /// The spec's `CRRServiceException` schema (the contract model's component), when it has
    /// one: errors are answered in it.
    public var errorSchema: Value?
    /// The error codes the spec's own table lists (``CRRErrorCodeTable``; empty without a table).
    public var errorCodes: Set<String>

    public init(label: String, spec: OpenAPISpec, crrProfile: Bool) {
        self.label = label
        self.file = spec.path
        self.spec = spec
        self.crrProfile = crrProfile
        let contract = (try? spec.contract()) ?? nil
        self.prefix = MockSpec.serverPath(contract?.servers.first?.url)
        let schema = contract?.component(.schemas, named: "CRRServiceException")?.value
        self.errorSchema = schema
        self.errorCodes = CRRErrorCodeTable.codes(in: schema?["description"]?.string ?? "")
    }

    /// The path part of a server URL: `https://host/crr/` → `/crr`; `/crr` → `/crr`; server
    /// variables keep their text.
    public static func serverPath(_ url: String?) -> String {
        guard var url, !url.isEmpty else { return "" }
        if let scheme = url.firstRange(of: "://") {
            url = String(url[scheme.upperBound...])
            if let slash = url.firstIndex(of: "/") { url = String(url[slash...]) } else { url = "" }
        }
        if let q = url.firstIndex(where: { $0 == "?" || $0 == "#" }) { url = String(url[..<q]) }
        while url.hasSuffix("/") { url.removeLast() }
        if !url.isEmpty && !url.hasPrefix("/") { url = "/" + url }
        return url
    }

    /// The code for a kind of problem: the spec's own when its table has it, else the CRR default.
    public func code(_ preferred: String, fallback: String = "SER0017") -> String {
        if errorCodes.isEmpty || errorCodes.contains(preferred) { return preferred }
        return errorCodes.contains(fallback) ? fallback : preferred
    }
}

/// The text without leading and trailing whitespace (header values, table cells; the proxy's
/// forwarder too).
package func mockTrim(_ text: Substring) -> String {
    var s = text
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
}

/// An argument of `crrspec mock` that names no spec.
public struct MockSpecError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Finds the specs `crrspec mock` serves.
public enum MockSpecLoader {
    /// The newest version of every service in the bundled catalog.
    public static func currentCatalogServices() throws -> [MockSpec] {
        var newest: [String: CRRCatalog.Entry] = [:]
        for entry in CRRCatalog.entries where !entry.isSchema {
            if let old = newest[entry.name], old.version > entry.version { continue }
            newest[entry.name] = entry
        }
        return try newest.values.sorted { $0.name < $1.name }.map(catalogSpec)
    }

    static func catalogSpec(_ entry: CRRCatalog.Entry) throws -> MockSpec {
        MockSpec(label: "\(entry.name) \(entry.version)", spec: try CRRCatalog.spec(entry), crrProfile: true)
    }

    /// The specs `crrspec mock`'s arguments name, read from the file system: each argument as
    /// ``load(_:isDirectory:listDirectory:fileExists:profile:limits:)`` reads it, the newest
    /// version of every catalog service without one. A folder's FIFOs and devices named like
    /// specs are passed over (they would block the start-up) and named to `warning`.
    public static func load(arguments: [String], profile: CRRProfile.Selection, limits: ReaderLimits = .default,
                            warning: (String) -> Void = { _ in }) throws -> [MockSpec] {
        if arguments.isEmpty { return try currentCatalogServices() }
        let fm = FileManager.default
        var specs: [MockSpec] = []
        for argument in arguments {
            specs += try load(
                argument,
                isDirectory: { var d: DirectoryFlag = false; return fm.fileExists(atPath: $0, isDirectory: &d) && d.boolValue },
                listDirectory: { folder in
                    // Regular files only: a FIFO or device named like a spec would block
                    // the start-up forever; it is named instead.
                    try fm.contentsOfDirectory(atPath: folder).filter { name in
                        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                        guard case .special(let what) = FolderWalk.kind(of: path) else { return true }
                        if [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) {
                            warning("\(path): \(what), not a regular file; not read")
                        }
                        return false
                    }
                },
                fileExists: { fm.fileExists(atPath: $0) },
                profile: profile, limits: limits)
        }
        return specs
    }

    /// Loads one argument: a spec file, a folder (every `.yaml`, `.yml` and `.json` spec in it,
    /// not recursive), or a catalog service `NAME[@VERSION]`. `isDirectory` tells folders
    /// apart (the caller knows the file system).
    public static func load(_ argument: String, isDirectory: (String) -> Bool, listDirectory: (String) throws -> [String],
                            fileExists: (String) -> Bool, profile: CRRProfile.Selection, limits: ReaderLimits = .default) throws -> [MockSpec] {
        if isDirectory(argument) {
            let names = try listDirectory(argument).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
            var out: [MockSpec] = []
            for name in names {
                let path = argument.hasSuffix("/") ? argument + name : argument + "/" + name
                let spec = try OpenAPISpec.load(path, limits: limits)
                guard spec.openapiVersion != nil else { continue }
                out.append(fileSpec(spec, profile: profile))
            }
            if out.isEmpty { throw MockSpecError("\(argument): no OpenAPI spec (a .yaml, .yml or .json file with an openapi field) in this folder") }
            return out
        }
        if fileExists(argument) {
            let spec = try OpenAPISpec.load(argument, limits: limits)
            guard spec.openapiVersion != nil else { throw MockSpecError("\(argument): not an OpenAPI spec (no openapi field)") }
            return [fileSpec(spec, profile: profile)]
        }
        if let entry = CRRCatalog.find(argument), !entry.isSchema {
            return [try catalogSpec(entry)]
        }
        let near = CRRCatalog.suggestions(for: argument)
        throw MockSpecError("\(argument): no such file, folder or catalog service" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                            + " (crrspec catalog lists the services)")
    }

    static func fileSpec(_ spec: OpenAPISpec, profile: CRRProfile.Selection) -> MockSpec {
        let name = spec.path.split(separator: "/").last.map(String.init) ?? spec.path
        return MockSpec(label: name, spec: spec, crrProfile: CRRProfile.applies(profile, schemaPath: spec.path))
    }
}
