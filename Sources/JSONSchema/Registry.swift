import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a schema resource lives: a node of a loaded document.
public struct SchemaResource: Sendable {
    public let document: Document
    public let index: Int
    public var value: Value { Value(document: document, index: index) }
}

/// A problem found while loading or compiling a schema: an unresolvable `$ref`, an invalid
/// regex, a file outside the allowed roots, a keyword with a wrong-typed value.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Where in which schema file, when known.
    public var file: String?
    public var position: SourcePosition?
    public var pointer: String?
    /// A resource limit (rather than a defect of the schema).
    public var isLimit = false
    /// A read the file fence refused (outside the allowed roots, a FIFO or a device): the input
    /// is unusable, whichever command met it.
    public var isRefusal = false

    public init(_ message: String, at value: Value? = nil) {
        self.message = message
        if let value {
            file = value.document.name
            position = value.position
            pointer = value.pointer.description
        }
    }

    public var description: String {
        var out = ""
        if let file { out += ControlEscape.line(file) + ":" }
        if let position { out += "\(position.line):\(position.column):" }
        if !out.isEmpty { out += " " }
        out += "error: " + ControlEscape.line(message)
        if let pointer, !pointer.isEmpty { out += " (at \(ControlEscape.line(pointer)))" }
        return out
    }
}

/// The schema resources crrspec knows, by URI: loaded files, embedded `$id`s, the bundled
/// draft-07 metaschema, and directories that stand in for remote URIs (`--resource URI=PATH`).
///
/// Nothing is fetched from the network: a `$ref` to an unknown `http(s)` URI fails with a
/// message that names `--resource`.
public final class SchemaRegistry: @unchecked Sendable {
    /// Resources by absolute URI without fragment.
    var resources: [CodePointKey: SchemaResource] = [:]
    /// Location-independent identifiers (`"$id": "#name"`), by full URI with fragment.
    var anchors: [CodePointKey: SchemaResource] = [:]
    /// Base URI in effect at each scanned schema node: document identity → one slot per node of
    /// the document, 0 where nothing was scanned, else 1 + the base's place in ``baseList``.
    /// (A dictionary of URIs per node took ~240 bytes per subschema; this takes 4 per node.)
    var bases: [ObjectIdentifier: [UInt32]] = [:]
    /// The distinct base URIs met while scanning, numbered by ``baseNumber(_:)``.
    var baseList: [URIReference] = []
    private var baseNumbers: [URIReference: UInt32] = [:]

    /// The number of a base URI in ``baseList`` (added when new).
    private func baseNumber(_ uri: URIReference) -> UInt32 {
        if let known = baseNumbers[uri] { return known }
        baseList.append(uri)
        let number = UInt32(baseList.count)
        baseNumbers[uri] = number
        return number
    }
    /// Documents kept alive by the registry.
    var documents: [Document] = []
    /// Retrieval URI of each document.
    var documentURIs: [ObjectIdentifier: String] = [:]
    /// The identifiers each document declares itself (resource URIs and `#name` anchors) → node:
    /// a document's own `$ref`s resolve in the document even when another one claims the same `$id`.
    var own: [ObjectIdentifier: [CodePointKey: Int]] = [:]
    /// What each document's root `$schema` says about its dialect.
    var declarations: [ObjectIdentifier: Dialect.Declaration] = [:]
    /// The dialect of schema documents without `$schema` (`--default-dialect`); set it before
    /// adding documents, as their identifiers (`id` or `$id`) are indexed when they are added.
    public var defaultDialect: Dialect = .draft7
    /// URI prefix → local directory.
    public private(set) var mappings: [(prefix: String, directory: String)] = []
    /// Directories local `file:` references may read from. Empty: no restriction.
    public var allowedRoots: [String] = []
    /// Folders whose schema files are found by their `$id` when a `$ref` names a URI nothing
    /// else provides (read once, on the first such miss).
    public var searchDirectories: [String] = []
    private var searchedDirectories = false
    /// `$id`s that two different files of ``searchDirectories`` declare, with the message
    /// naming both: a `$ref` to one is refused, never resolved to whichever file came first.
    private var ambiguousIDs: [CodePointKey: String] = [:]

    /// Loads every `.json`/`.yaml`/`.yml` file of ``searchDirectories`` (not recursively) that
    /// parses and has a string `$id`, registering it by that id. Returns whether anything new was read.
    func indexSearchDirectories() -> Bool {
        let pending = lock.withLock { () -> Bool in
            if searchedDirectories || searchDirectories.isEmpty { return false }
            searchedDirectories = true
            return true
        }
        guard pending else { return false }
        var added = false
        // Root `$id` → the search file that declared it first.
        var declaredBy: [CodePointKey: (path: String, document: Document)] = [:]
        for directory in searchDirectories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where name.hasSuffix(".json") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = PathText.appending(directory, name)
                let uri = URIReference.file(SchemaRegistry.absolutePath(path)).description
                if lock.withLock({ resources[CodePointKey(uri)] != nil }) { continue }
                // The same fence as for $ref: no symlink out of the folder, no FIFO or device.
                if (try? checkAllowed(path, uri: uri, referrer: nil)) == nil { continue }
                guard let document = try? loader(path, limits), document.root.kind == .object,
                      let id = document.root["$id"], let idText = id.string else { continue }
                let key = CodePointKey(URIReference(idText).resolved(against: URIReference(uri)).withoutFragment.description)
                if let first = declaredBy[key] {
                    // The same bytes twice (a copy) answer the same; different files are ambiguous.
                    if !first.document.source.elementsEqual(document.source) {
                        let a = first.document.root["$id"]!.position, b = id.position
                        lock.withLock {
                            ambiguousIDs[key] = "the $id \(idText) is declared by two files, \(first.path):\(a.line):\(a.column) and \(path):\(b.line):\(b.column); "
                                + "crrspec cannot tell which one a $ref to it means (give each its own $id, or keep one of them out of the folder)"
                        }
                    }
                    continue
                }
                declaredBy[key] = (path, document)
                add(document, uri: uri)
                added = true
            }
        }
        return added
    }

    /// Read limits for documents the registry loads itself.
    public var limits: ReaderLimits = .default
    /// Loads a document from a path (JSON or YAML); replaceable for tests.
    public var loader: @Sendable (String, ReaderLimits) throws -> Document = SchemaRegistry.loadFile
    let lock = Lock()

    public init() {}

    /// A registry with read limits, the dialect of schemas without `$schema`, and URI prefixes
    /// mapped to folders (`--resource URI=PATH`), as the commands set one up.
    public convenience init(limits: ReaderLimits, defaultDialect: Dialect = .draft7, mappings: [(prefix: String, directory: String)] = []) {
        self.init()
        self.limits = limits
        self.defaultDialect = defaultDialect
        for mapping in mappings { addMapping(prefix: mapping.prefix, directory: mapping.directory) }
    }

    /// Reads a JSON or YAML file by its extension.
    public static func loadFile(_ path: String, limits: ReaderLimits) throws -> Document {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            return try YAMLReader.parse(contentsOfFile: path, limits: limits)
        }
        return try JSONReader.parse(contentsOfFile: path, limits: limits)
    }

    /// Maps a URI prefix (e.g. `http://localhost:1234/`) to a local directory.
    public func addMapping(prefix: String, directory: String) {
        mappings.append((prefix, directory))
        mappings.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
        if !allowedRoots.isEmpty { allowedRoots.append(SchemaRegistry.absolutePath(directory)) }
    }

    /// Registers a document under a retrieval URI and indexes the `$id`s inside it.
    @discardableResult
    public func add(_ document: Document, uri: String) -> SchemaResource {
        lock.withLock {
            documents.append(document)
            let base = URIReference(uri).withoutFragment
            if documentURIs[ObjectIdentifier(document)] == nil { documentURIs[ObjectIdentifier(document)] = base.description }
            if declarations[ObjectIdentifier(document)] == nil { declarations[ObjectIdentifier(document)] = Dialect.declared(by: document.root) }
            let resource = SchemaResource(document: document, index: 0)
            resources[CodePointKey(base.description)] = resource
            scanIdentifiers(document, index: 0, base: base)
            return resource
        }
    }

    /// Registers a file by path; its URI is `file://` plus the absolute path.
    @discardableResult
    public func addFile(_ path: String) throws -> (uri: String, resource: SchemaResource) {
        let absolute = SchemaRegistry.absolutePath(path)
        let document = try loader(path, limits)
        let uri = URIReference.file(absolute).description
        return (uri, add(document, uri: uri))
    }

    /// The absolute, standardised form of a path.
    public static func absolutePathOf(_ path: String) -> String { absolutePath(path) }

    static func absolutePath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path
    }

    /// The resource registered under a URI (without fragment), if any; never loads.
    public func resourceIfLoaded(_ uri: String) -> SchemaResource? {
        lock.withLock { resources[CodePointKey(URIReference(uri).withoutFragment.description)] }
    }

    /// The retrieval URI a document was registered under.
    public func uri(of document: Document) -> String? {
        lock.withLock { documentURIs[ObjectIdentifier(document)] }
    }

    /// A URI for a document that was never registered: `file://` plus its absolute path when its
    /// name is a path, else a `urn:`.
    static func defaultURI(for document: Document) -> String {
        let name = document.name
        if !name.isEmpty, !name.hasPrefix("<") {
            return URIReference.file(absolutePath(name)).description
        }
        return "urn:crrspec:document:\(UInt(bitPattern: ObjectIdentifier(document).hashValue))"
    }

    /// Indexes the schema at a node that is not below any scanned schema position (e.g. a
    /// schema inside an OpenAPI document), with the document's URI as its base.
    func index(_ document: Document, at index: Int) {
        lock.withLock {
            let base = URIReference(documentURIs[ObjectIdentifier(document)] ?? SchemaRegistry.defaultURI(for: document))
            scanIdentifiers(document, index: index, base: base)
        }
    }

    /// The dialect a document is read in: its root `$schema`, else ``defaultDialect``.
    /// Throws "dialect … is not supported" for a `$schema` crrspec does not implement.
    public func dialect(of document: Document) throws -> Dialect {
        let declaration = lock.withLock { () -> Dialect.Declaration in
            let id = ObjectIdentifier(document)
            if let known = declarations[id] { return known }
            let declared = Dialect.declared(by: document.root)
            declarations[id] = declared
            return declared
        }
        switch declaration {
        case .none: return defaultDialect
        case .known(let dialect): return dialect
        case .unsupported(let message, let value): throw SchemaError(message, at: value)
        }
    }

    /// The dialect used to index identifiers (an unsupported `$schema` is reported when compiling).
    private func scanDialect(_ document: Document) -> Dialect {
        let id = ObjectIdentifier(document)
        if declarations[id] == nil { declarations[id] = Dialect.declared(by: document.root) }
        if case .known(let dialect) = declarations[id]! { return dialect }
        return defaultDialect
    }

    /// The absolute URIs (without fragment) that the schema identifiers (`$id`, or `id` in
    /// draft-04) inside a document declare, each with the identifier's value, in document order;
    /// the document's retrieval URI is not included. Nothing is registered.
    public func identifiers(declaredIn document: Document, uri: String) -> [(uri: String, at: Value)] {
        lock.withLock {
            let dialect = scanDialect(document)
            var found: [(uri: String, at: Value)] = []
            walkIdentifiers(document, index: 0, base: URIReference(uri).withoutFragment, dialect: dialect) { index, resolved, isResource in
                let holder = document.value(at: index)
                if isResource { found.append((resolved.description, holder[dialect.idKeyword] ?? holder)) }
            }
            return found.sorted { $0.at.index < $1.at.index }
        }
    }

    /// The base URI in effect at a node, if it is a known schema position.
    func base(of document: Document, index: Int) -> URIReference? {
        lock.withLock { () -> URIReference? in
            guard let slots = bases[ObjectIdentifier(document)], index >= 0, index < slots.count, slots[index] != 0 else { return nil }
            return baseList[Int(slots[index]) - 1]
        }
    }

    // MARK: identifier scan

    /// Subschema-bearing keywords of draft-07: where `$id`s count (limited to the keywords of
    /// each document's dialect when scanning).
    static var schemaKeywords: Set<String> { KeywordTable.subschema }
    static var schemaArrayKeywords: Set<String> { KeywordTable.subschemaArrays }
    static var schemaMapKeywords: Set<String> { KeywordTable.subschemaMaps }

    private func scanIdentifiers(_ document: Document, index: Int, base: URIReference) {
        let docID = ObjectIdentifier(document)
        // Taken out, not copied: the map stays uniquely referenced, so adding to it does not copy
        // every base recorded so far (one copy per compiled root made linting a spec quadratic).
        var baseMap = bases.removeValue(forKey: docID) ?? [UInt32](repeating: 0, count: document.nodes.count)
        var mine = own.removeValue(forKey: docID) ?? [:]
        if index == 0 { mine[CodePointKey(base.withoutFragment.description)] = 0 }
        defer { own[docID] = mine }
        walkIdentifiers(document, index: index, base: base, dialect: scanDialect(document)) { i, resolved, isResource in
            mine[CodePointKey(resolved.description)] = i
            if isResource {
                resources[CodePointKey(resolved.description)] = SchemaResource(document: document, index: i)
            } else {
                anchors[CodePointKey(resolved.description)] = SchemaResource(document: document, index: i)
            }
        } bases: { i, number in
            baseMap[i] = number
        }
        bases[docID] = baseMap
    }

    /// Walks the schema positions below `index`, reporting each identifier (a resource URI, or a
    /// plain-name fragment when `isResource` is false) and, optionally, the base in effect at each node.
    private func walkIdentifiers(_ document: Document, index: Int, base: URIReference, dialect: Dialect,
                                 identifier: (Int, URIReference, Bool) -> Void,
                                 bases: ((Int, UInt32) -> Void)? = nil) {
        // Each entry: node, the base in effect and (when `bases` is wanted) its number.
        var stack: [(Int, URIReference, UInt32)] = [(index, base, bases == nil ? 0 : baseNumber(base))]
        let idKeyword = dialect.idKeyword
        let keywords = dialect.schemaKeywords(SchemaRegistry.schemaKeywords)
        let arrayKeywords = dialect.schemaKeywords(SchemaRegistry.schemaArrayKeywords)
        while let (i, inherited, inheritedNumber) = stack.popLast() {
            let value = document.value(at: i)
            guard value.kind == .object else {
                bases?(i, inheritedNumber)
                continue
            }
            var current = inherited
            var number = inheritedNumber
            if let id = value[idKeyword]?.string, value["$ref"] == nil {
                let resolved = URIReference(id).resolved(against: inherited)
                if let fragment = resolved.fragment, !fragment.isEmpty {
                    if fragment.unicodeScalars.first != "/" {
                        identifier(i, resolved, false)
                    }
                    let withoutFragment = resolved.withoutFragment
                    if withoutFragment != inherited.withoutFragment {
                        current = withoutFragment
                        identifier(i, current, true)
                    }
                } else {
                    current = resolved.withoutFragment
                    identifier(i, current, true)
                }
                if bases != nil { number = baseNumber(current) }
            }
            bases?(i, number)
            for member in value.members {
                let key = member.name
                if keywords.contains(key) {
                    stack.append((member.value.index, current, number))
                } else if key == "items" {
                    if member.value.kind == .array {
                        for element in member.value.elements { stack.append((element.index, current, number)) }
                    } else {
                        stack.append((member.value.index, current, number))
                    }
                } else if arrayKeywords.contains(key) {
                    for element in member.value.elements { stack.append((element.index, current, number)) }
                } else if SchemaRegistry.schemaMapKeywords.contains(key) || key == "dependencies" {
                    for entry in member.value.members where key != "dependencies" || entry.value.kind != .array {
                        stack.append((entry.value.index, current, number))
                    }
                }
            }
        }
    }

    // MARK: lookup

    /// Finds the resource for an absolute URI without fragment, loading it when a mapping,
    /// a `file:` URI or the bundled metaschema provides it.
    func resource(for uri: URIReference, from referrer: Value?) throws -> SchemaResource {
        let key = uri.withoutFragment.description
        let found = lock.withLock { () -> Result<SchemaResource, SchemaError>? in
            if let referrer, let i = own[ObjectIdentifier(referrer.document)]?[CodePointKey(key)] {
                return .success(SchemaResource(document: referrer.document, index: i))
            }
            if let ambiguous = ambiguousIDs[CodePointKey(key)] { return .failure(SchemaError(ambiguous, at: referrer)) }
            return resources[CodePointKey(key)].map { .success($0) }
        }
        if let found { return try found.get() }
        let trimmed = key.hasSuffix("#") ? String(key.dropLast()) : key
        if let dialect = Dialect.forSchemaURI(trimmed) {
            // The bundled metaschemas of the dialects crrspec implements (never fetched).
            let document = dialect.metaschemaDocument()
            add(document, uri: dialect.uri)
            if trimmed != dialect.uri { lock.withLock { resources[CodePointKey(key)] = SchemaResource(document: document, index: 0) } }
            return SchemaResource(document: document, index: 0)
        }
        for mapping in mappings where key.utf8.starts(with: mapping.prefix.utf8) {
            let rest = String(decoding: key.utf8.dropFirst(mapping.prefix.utf8.count), as: UTF8.self)
            let path = PathText.appending(mapping.directory, rest)
            try checkAllowed(path, uri: key, referrer: referrer)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let document = try loadReferenced(path, referrer: referrer)
            return add(document, uri: key)
        }
        if uri.scheme == "file" {
            let path = URIReference.percentDecode(uri.path)
            try checkAllowed(path, uri: key, referrer: referrer)
            let document = try loadReferenced(path, referrer: referrer)
            return add(document, uri: key)
        }
        if indexSearchDirectories() {
            if let ambiguous = lock.withLock({ ambiguousIDs[CodePointKey(key)] }) { throw SchemaError(ambiguous, at: referrer) }
            if let found = lock.withLock({ resources[CodePointKey(key)] }) { return found }
        }
        var hint = ""
        if uri.scheme == "http" || uri.scheme == "https" {
            hint = "; crrspec never fetches from the network: map it to a local folder with --resource \(uri.scheme!)://\(uri.authority ?? "")/=DIR"
        }
        throw SchemaError("cannot resolve $ref to \(key): no schema with that URI is loaded\(hint)", at: referrer)
    }

    private func loadReferenced(_ path: String, referrer: Value?) throws -> Document {
        do {
            return try loader(path, limits)
        } catch let error as DocumentError where error.kind == .io {
            throw SchemaError("cannot load referenced schema \(path): \(error.message)", at: referrer)
        }
    }

    /// A local file may be read for a `$ref` only when it is inside an allowed root, both as
    /// written (no `..` escape) and with every symbolic link resolved (no link pointing
    /// outside, whether the link is the file or a folder on its way), and only when it is a
    /// regular file (never a device or a FIFO, which could block or never end).
    func checkAllowed(_ path: String, uri: String, referrer: Value?) throws {
        let absolute = SchemaRegistry.absolutePath(path)
        let real = SchemaRegistry.realPath(absolute)
        // Never a FIFO or a device, fence or no fence: reading one could block or never end.
        if let real {
            var info = stat()
            if stat(real, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR {
                var error = SchemaError("refusing to read \(absolute) for $ref \(uri): it is not a regular file", at: referrer)
                error.isRefusal = true
                throw error
            }
        }
        guard !allowedRoots.isEmpty else { return }
        func inside(_ file: String, _ root: String) -> Bool {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            // Byte for byte: "é" and "e\u{301}" are different folders to the file system.
            return file.utf8.starts(with: prefix.utf8)
        }
        let allowed = allowedRoots.contains { root in
            let rootAbsolute = SchemaRegistry.absolutePath(root)
            guard inside(absolute, rootAbsolute) else { return false }
            guard let real else { return true }  // nothing there: loading reports it
            return inside(real, SchemaRegistry.realPath(rootAbsolute) ?? rootAbsolute)
        }
        guard allowed else {
            let via = real.map { $0 != absolute ? " (a symbolic link to \($0))" : "" } ?? ""
            var error = SchemaError("refusing to read \(absolute)\(via) for $ref \(uri): it is outside the schema's directory and the --resource roots (\(allowedRoots.joined(separator: ", ")))", at: referrer)
            error.isRefusal = true
            throw error
        }
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Resolves a full `$ref` URI (with fragment) to a schema node.
    func resolve(_ uri: URIReference, from referrer: Value?) throws -> SchemaResource {
        let resource = try self.resource(for: uri, from: referrer)
        guard let fragment = uri.fragment, !fragment.isEmpty else { return resource }
        if fragment.unicodeScalars.first == "/" {  // (not hasPrefix: "/" and a combining mark are one Character)
            guard let pointer = JSONPointer(URIReference.percentDecode(fragment)) else {
                throw SchemaError("invalid JSON Pointer in $ref fragment \"#\(fragment)\"", at: referrer)
            }
            switch ReferenceResolver.walk(pointer, from: resource.value) {
            case .success(let value):
                return SchemaResource(document: resource.document, index: value.index)
            case .failure(let miss):
                switch miss.at.kind {
                case .object: throw SchemaError("cannot resolve $ref \(uri): no member \"\(miss.token)\" at \(miss.at.pointer)", at: referrer)
                case .array: throw SchemaError("cannot resolve $ref \(uri): no element \(miss.token) at \(miss.at.pointer)", at: referrer)
                default: throw SchemaError("cannot resolve $ref \(uri): \(miss.at.pointer) is a \(miss.at.kind), not a container", at: referrer)
                }
            }
        }
        if let anchor = anchor(uri, in: referrer?.document) { return SchemaResource(document: anchor.document, index: anchor.index) }
        throw SchemaError("cannot resolve $ref \(uri): no \"$id\": \"#\(fragment)\" in that schema", at: referrer)
    }
}
