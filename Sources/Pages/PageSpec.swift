import CRR
import CRRRules
import Diff
import Document
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
import JSONSchema
import OpenAPI

/// Input that `docs` and `postman` cannot use (exit 2).
public struct PagesInputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One spec to render: its contract (the model every page reads), the diff input for version
/// pairs, and the names pages are filed under.
public final class PageSpec: @unchecked Sendable {
    /// The CRR service (`auction`), or the file name without extension for other specs.
    public let service: String
    /// The version from the file name, else from `info.version`.
    public let version: CRRVersion?
    /// The file as named (a path, or the catalog path `openapi/...`).
    public let file: String
    public let contract: Contract
    public let input: DiffInput
    /// Resolves `$ref`s of the spec for compiling its schemas (examples are checked with it).
    public let registry: SchemaRegistry

    public init(service: String, version: CRRVersion?, file: String, contract: Contract, input: DiffInput, registry: SchemaRegistry) {
        self.service = service
        self.version = version
        self.file = file
        self.contract = contract
        self.input = input
        self.registry = registry
    }

    /// `info.title`, else the service name.
    public var title: String { contract.title ?? service }
    /// `1.2.1`, or `info.version` as written, or `unversioned`.
    public var versionText: String {
        version?.description ?? contract.infoVersion ?? "unversioned"
    }
    /// The spec page's file name (`auction-1.2.1.html`).
    public var pageName: String { HTML.fileName(service, versionText) + ".html" }

    /// The spec as an ``OpenAPISpec`` (to compile its schemas).
    public var openAPI: OpenAPISpec { OpenAPISpec(document: contract.document, path: file) }

    /// Reads a spec file (`$ref`s to other files only inside its folder) or a catalog entry.
    public static func load(path: String) throws -> PageSpec {
        let input: DiffInput
        do { input = try SpecDiff.load(path, configuration: CRRDiff.configuration) } catch let error as DiffInputError { throw PagesInputError(error.message) }
        return try load(path: path, input: input)
    }

    /// A spec file already read (a folder's walk reads each file once: the document that told
    /// it is an API description is the one the contract is built from).
    public static func load(path: String, input: DiffInput) throws -> PageSpec {
        guard OpenAPIVersion.isAPIDescription(input.document) else { throw PagesInputError("\(path): not an OpenAPI 3.0 document") }
        let registry = SchemaRegistry()
        registry.allowedRoots = [URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path]
        registry.searchDirectories = registry.allowedRoots
        registry.add(input.document, uri: URIReference.file(SchemaRegistry.absolutePathOf(path)).description)
        let contract: Contract
        do {
            contract = try Contract(document: input.document, resolve: Contract.registryResolver(registry))
        } catch let error as UnsupportedSpecVersion {
            throw PagesInputError(error.description)
        }
        return make(path: path, input: input, contract: contract, registry: registry)
    }

    /// Reads a bundled catalog spec.
    public static func load(entry: CRRCatalog.Entry) throws -> PageSpec {
        let input = try SpecDiff.catalogInput(entry)
        let registry = SchemaRegistry()
        registry.add(input.document, uri: entry.uri)
        let contract = try Contract(document: input.document)
        return make(path: entry.path, input: input, contract: contract, registry: registry)
    }

    static func make(path: String, input: DiffInput, contract: Contract, registry: SchemaRegistry) -> PageSpec {
        let fileName = CRRFileName(path)
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let declared = contract.infoVersion.flatMap(CRRVersion.init)
        return PageSpec(service: fileName?.name ?? base, version: fileName?.version ?? declared, file: path,
                        contract: contract, input: input, registry: registry)
    }
}

/// Which specs the arguments name: files, folders (every OpenAPI document under them) and
/// bundled catalog services (`auction`: every version, or the newest with `newestOnly`;
/// `auction@1.2.0`: that one). No argument: the whole catalog.
public enum PageInputs {
    public static func collect(_ arguments: [String], newestOnly: Bool) throws -> [PageSpec] {
        var specs: [PageSpec] = []
        let services = CRRCatalog.entries.filter { !$0.isSchema }
        if arguments.isEmpty {
            let chosen = newestOnly ? Dictionary(grouping: services, by: \.name).values.compactMap { $0.max { $0.version < $1.version } } : services
            specs = try chosen.map { try PageSpec.load(entry: $0) }
        }
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: DirectoryFlag = false
            if manager.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let found = try folder(argument)
                    if found.isEmpty { throw PagesInputError("\(argument): no OpenAPI 3.0 document in this folder") }
                    specs += newestOnly ? newest(found) : found
                } else {
                    specs.append(try PageSpec.load(path: argument))
                }
                continue
            }
            if argument.contains("@") {
                guard let entry = CRRCatalog.find(argument), !entry.isSchema else { throw notFound(argument) }
                specs.append(try PageSpec.load(entry: entry))
                continue
            }
            let versions = services.filter { $0.name.lowercased() == argument.lowercased() }
            guard let newest = versions.max(by: { $0.version < $1.version }) else { throw notFound(argument) }
            specs += try (newestOnly ? [newest] : versions).map { try PageSpec.load(entry: $0) }
        }
        // Each file once, ordered by service and version.
        var seen: Set<String> = []
        specs = specs.filter { seen.insert($0.file).inserted }
        return specs.sorted { ($0.service, $0.version ?? CRRVersion(0, 0, 0), $0.file) < ($1.service, $1.version ?? CRRVersion(0, 0, 0), $1.file) }
    }

    static func notFound(_ argument: String) -> PagesInputError {
        var message = "no spec file, folder or catalog service named \(argument)"
        let near = CRRCatalog.suggestions(for: argument)
        if !near.isEmpty { message += "; did you mean \(near.prefix(5).joined(separator: ", "))?" }
        return PagesInputError(message + " (crrspec catalog lists the bundled services)")
    }

    /// Every OpenAPI document under a folder (recursive; hidden and build folders skipped).
    /// Each file is read once, by `read`: the document that shows it is an API description is
    /// the one its contract is built from.
    public static func folder(_ directory: String, read: (String) throws -> DiffInput = { try SpecDiff.load($0, configuration: CRRDiff.configuration) }) throws -> [PageSpec] {
        var out: [PageSpec] = []
        // Regular files only (FolderWalk): a FIFO named like a spec is never opened. A name that
        // is not valid UTF-8 cannot be read, and is an error rather than a page left out unsaid.
        let walk = FolderWalk.files(under: directory, extensions: [".yaml", ".yml", ".json"])
        if let name = walk.undecodable.first { throw PagesInputError("\(name): error: \(FolderWalk.undecodableMessage)") }
        for child in walk.files {
            // Files that are not API descriptions (schemas, data) are passed over; a Swagger 2.0
            // or OpenAPI 3.1 document is refused as it is when named on the command line.
            let input: DiffInput
            do { input = try read(child) } catch let error as DiffInputError where error.isUnsupportedSpec {
                throw PagesInputError(error.message)
            } catch {
                continue
            }
            guard OpenAPIVersion.isAPIDescription(input.document) else { continue }
            out.append(try PageSpec.load(path: child, input: input))
        }
        return out
    }

    static func newest(_ specs: [PageSpec]) -> [PageSpec] {
        Dictionary(grouping: specs, by: \.service).values.compactMap { group in
            group.max { ($0.version ?? CRRVersion(0, 0, 0)) < ($1.version ?? CRRVersion(0, 0, 0)) }
        }
    }
}
