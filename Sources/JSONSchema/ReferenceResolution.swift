import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a `$ref` leads nowhere.
public struct ReferenceFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No such document, member, element or `$id` anchor.
        case notFound
        /// The fragment is not a JSON Pointer.
        case invalid
        /// The file fence refused the read (outside the allowed roots, a FIFO, a device).
        case refused
        /// A read limit stopped the read.
        case limit
        /// A chain of `$ref`s comes back to itself or is longer than the limit.
        case loop
    }

    public var kind: Kind
    public var message: String
    /// The registry's error behind a refused or limited read (with the referrer's place).
    public var error: SchemaError?
    /// The `$ref` string that could not be followed (set when known).
    public var referrer: Value?

    public init(_ kind: Kind, _ message: String, error: SchemaError? = nil, referrer: Value? = nil) {
        self.kind = kind
        self.message = message
        self.error = error
        self.referrer = referrer
    }

    /// A refused or limited read: the input is unusable, not just a dangling reference.
    public var isFatal: Bool { kind == .refused || kind == .limit }

    public var description: String { message }
}

/// What a ``ReferenceResolver``'s document source is asked: the document (or resource inside
/// one) that the part of a `$ref` before `#` names.
public struct DocumentRequest: Sendable {
    /// The `$ref`'s text before `#`, as written (never empty: local references do not ask).
    public var reference: String
    /// That text resolved against the base URI (the text itself without a base), no fragment.
    public var uri: URIReference
    /// The document holding the `$ref`.
    public var origin: Document
    /// The `$ref`'s string value, where errors are reported (when known).
    public var referrer: Value?
}

/// The one routine that turns a `$ref` into the value it designates, for every command: the
/// document part is found by a document source (the ``SchemaRegistry``, with its `$id`s,
/// `--resource` folders, file fence and read limits; or a source given by the caller, e.g.
/// diff's git revisions and catalog), then the fragment is read here: a JSON Pointer
/// (percent-decoded, walked member by member, with a did-you-mean on a miss) or a plain-name
/// `$id` anchor (compared code point by code point). ``follow(_:limit:)`` follows chains with
/// one loop guard.
public struct ReferenceResolver: Sendable {
    /// Finds the value the URI part of a reference names (the root of a document, or a resource
    /// inside one), or why not.
    public typealias Source = @Sendable (DocumentRequest) -> Result<Value, ReferenceFailure>

    /// Where `$id` anchors are indexed and, without a ``source``, where documents are found.
    public let registry: SchemaRegistry?
    let source: Source?

    /// A resolver over `registry` (documents by URI through its fence and limits) or, when
    /// `source` is given, over the documents `source` finds. With neither, only references
    /// inside the referring document resolve.
    public init(registry: SchemaRegistry? = nil, source: Source? = nil) {
        self.registry = registry
        self.source = source
    }

    /// References inside the referring document only.
    public static let local = ReferenceResolver()

    // MARK: one reference

    /// The value the `$ref` object `holder` designates, the reference taken relative to the base
    /// URI in effect at `holder` (an enclosing `$id`, else its document's URI). With a registry,
    /// the holder's document is registered first when it is not known yet. A value that is not
    /// a `$ref` object is its own target.
    public func target(of holder: Value) -> Result<Value, ReferenceFailure> {
        guard holder.kind == .object, let ref = holder["$ref"]?.string else { return .success(holder) }
        return target(of: ref, in: holder.document, base: base(at: holder), baseNamesDocument: false, referrer: holder["$ref"])
    }

    /// The value `ref` designates, seen from `document`: relative URIs are taken against `base`,
    /// the URI of `document` itself (without one, the URI part is handed to the source as
    /// written); a reference to the document itself (`#...`, or `base` again) stays in it.
    public func target(of ref: String, in document: Document, base: URIReference? = nil, referrer: Value? = nil) -> Result<Value, ReferenceFailure> {
        target(of: ref, in: document, base: base, baseNamesDocument: true, referrer: referrer)
    }

    private func target(of ref: String, in document: Document, base: URIReference?, baseNamesDocument: Bool, referrer: Value?) -> Result<Value, ReferenceFailure> {
        let written = URIReference(ref)
        let uri = base.map { written.resolved(against: $0) } ?? written
        let reference = ref.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(ref[..<$0]) } ?? ref
        let start: Value
        if reference.isEmpty || (baseNamesDocument && base.map { uri.withoutFragment == $0.withoutFragment } ?? false) {
            start = document.root
        } else {
            switch find(DocumentRequest(reference: reference, uri: uri.withoutFragment, origin: document, referrer: referrer)) {
            case .success(let value): start = value
            case .failure(let failure): return .failure(failure)
            }
        }
        return fragment(uri.fragment ?? "", of: uri, in: start, origin: document)
    }

    /// The base URI in effect at a node: the registry's (an enclosing `$id`, else the URI its
    /// document was registered under); nil without a registry.
    public func base(at value: Value) -> URIReference? {
        guard let registry else { return nil }
        let document = value.document
        if registry.uri(of: document) == nil { registry.add(document, uri: SchemaRegistry.defaultURI(for: document)) }
        return registry.base(of: document, index: value.index) ?? URIReference(registry.uri(of: document) ?? SchemaRegistry.defaultURI(for: document))
    }

    private func find(_ request: DocumentRequest) -> Result<Value, ReferenceFailure> {
        if let source { return source(request) }
        if let registry { return registry.find(request) }
        return .failure(ReferenceFailure(.notFound, "\(request.reference) is another document: only references inside the document are followed here (bundle the spec or use a local reference)"))
    }

    /// Reads a fragment from `start`: empty (the value itself), a JSON Pointer, or a plain-name
    /// anchor (`"$id": "#name"`).
    private func fragment(_ fragment: String, of uri: URIReference, in start: Value, origin: Document) -> Result<Value, ReferenceFailure> {
        if fragment.isEmpty { return .success(start) }
        guard fragment.unicodeScalars.first == "/" else {  // (not hasPrefix: "/" and a combining mark are one Character)
            if let registry, let anchor = registry.anchor(uri, in: origin) { return .success(anchor) }
            // Anchors the registry did not index (schemas inside an OpenAPI document).
            let wanted = CodePointKey("#" + fragment)
            // The subtree is one run of the document's tape: every object in it, in document order.
            let document = start.document
            for i in start.index..<document.end(of: start.index) {
                let value = Value(document: document, index: i)
                if value.kind == .object, let id = value["$id"]?.string, CodePointKey(id) == wanted { return .success(value) }
            }
            return .failure(ReferenceFailure(.notFound, "no \"$id\": \"#\(fragment)\" in the target"))
        }
        guard let pointer = JSONPointer(URIReference.percentDecode(fragment)) else {
            return .failure(ReferenceFailure(.invalid, "\"#\(fragment)\" is not a valid JSON Pointer"))
        }
        switch ReferenceResolver.walk(pointer, from: start) {
        case .success(let value):
            return .success(value)
        case .failure(let miss):
            let reached = JSONPointer(tokens: Array(pointer.tokens.prefix(miss.depth)))
            var message = "nothing at \(pointer) (no \"\(miss.token)\" in \(reached.tokens.isEmpty ? "the root" : reached.description))"
            if miss.at.kind == .object, let near = Suggest.closest(miss.token, among: miss.at.members.map(\.name)) {
                message += "; did you mean \"\(near)\"?"
            }
            return .failure(ReferenceFailure(.notFound, message))
        }
    }

    /// Where a JSON Pointer walk stopped: the value it reached, the token that value lacks and
    /// how many tokens were followed.
    struct PointerMiss: Error {
        let at: Value
        let token: String
        let depth: Int
    }

    /// Follows a JSON Pointer from `start`, token by token. Members are looked up through the
    /// document's member index (``Value/subscript(_:)``): 40,000 `$ref`s into a `definitions` of
    /// 100,000 members cost a hash lookup each.
    static func walk(_ pointer: JSONPointer, from start: Value) -> Result<Value, PointerMiss> {
        var value = start
        for (depth, token) in pointer.tokens.enumerated() {
            guard let next = value.child(token) else { return .failure(PointerMiss(at: value, token: token, depth: depth)) }
            value = next
        }
        return .success(value)
    }

    // MARK: chains

    /// Follows `$ref`s from `value` to a value that is not a reference (`value` itself when it
    /// is not one); a chain that comes back to a value it passed, or takes more than `limit`
    /// hops, fails with ``ReferenceFailure/Kind/loop``.
    public func follow(_ value: Value, limit: Int = 64) -> Result<Value, ReferenceFailure> {
        ReferenceResolver.follow(value, limit: limit) { holder, _ in target(of: holder) }
    }

    /// The one loop guard: follows `$ref`s from `value`, each hop by `step` (given the `$ref`
    /// object and its text).
    public static func follow(_ value: Value, limit: Int = 64,
                              through step: (_ holder: Value, _ ref: String) throws -> Result<Value, ReferenceFailure>) rethrows -> Result<Value, ReferenceFailure> {
        struct Node: Hashable {
            let document: ObjectIdentifier
            let index: Int
        }
        var current = value
        var seen: Set<Node> = []
        while current.kind == .object, let ref = current["$ref"]?.string {
            guard seen.insert(Node(document: ObjectIdentifier(current.document), index: current.index)).inserted else {
                return .failure(ReferenceFailure(.loop, "$ref \(ref) loops", referrer: current["$ref"]))
            }
            guard seen.count <= limit else {
                return .failure(ReferenceFailure(.loop, "$ref \(ref) is more than \(limit) references away from a value", referrer: current["$ref"]))
            }
            switch try step(current, ref) {
            case .success(let next):
                current = next
            case .failure(var failure):
                if failure.referrer == nil { failure.referrer = current["$ref"] }
                return .failure(failure)
            }
        }
        return .success(current)
    }
}

extension SchemaRegistry {
    /// The one resolver over this registry (see ``ReferenceResolver``).
    public var references: ReferenceResolver { ReferenceResolver(registry: self) }

    /// A resolver whose documents come from `source` (git revisions, a catalog ...), with this
    /// registry's anchors.
    public func references(source: @escaping ReferenceResolver.Source) -> ReferenceResolver {
        ReferenceResolver(registry: self, source: source)
    }

    /// The registry as a document source: loaded resources and `$id`s, the bundled
    /// metaschemas, `--resource` folders and `file:` URIs, read through the file fence and
    /// read limits.
    func find(_ request: DocumentRequest) -> Result<Value, ReferenceFailure> {
        let uri = request.uri
        do {
            return .success(try resource(for: uri, from: request.referrer).value)
        } catch let error as SchemaError where error.isRefusal {
            return .failure(ReferenceFailure(.refused, error.message, error: error))
        } catch let error as SchemaError where error.isLimit {
            return .failure(ReferenceFailure(.limit, error.message, error: error))
        } catch let error as DocumentError where error.kind == .limit {
            let name = uri.scheme == "file" ? URIReference.percentDecode(uri.path) : uri.description
            var limit = SchemaError("cannot load referenced schema \(name): \(error.message)", at: request.referrer)
            limit.isLimit = true
            return .failure(ReferenceFailure(.limit, limit.message, error: limit))
        } catch {
            guard uri.scheme == "file" else {
                return .failure(ReferenceFailure(.notFound, "no schema with the URI \(uri) is known (crrspec resolves files and the bundled catalog, never the network)"))
            }
            let path = URIReference.percentDecode(uri.path)
            guard FileManager.default.fileExists(atPath: path) else { return .failure(ReferenceFailure(.notFound, "no file \(path)")) }
            let reason = (error as? SchemaError)?.message ?? "\(error)"
            return .failure(ReferenceFailure(.notFound, "\(path) cannot be read: \(reason)"))
        }
    }

    /// The node a plain-name `$id` anchor (`uri` with its fragment) names: the referring
    /// document's own first, then any registered one.
    func anchor(_ uri: URIReference, in origin: Document?) -> Value? {
        let key = CodePointKey(uri.description)
        return lock.withLock { () -> Value? in
            if let origin, let i = own[ObjectIdentifier(origin)]?[key] { return Value(document: origin, index: i) }
            return anchors[key]?.value
        }
    }
}
