import Document
import JSONSchema
import OpenAPI

/// Everything a rule may ask about the file being linted. Expensive facts (the schema sites,
/// a profile's tables, compiled schemas) are computed once, on first use.
public final class LintContext {
    public enum Kind: String, Sendable {
        case openAPI
        case schema
    }

    public let document: Document
    /// The file as named on the command line.
    public let file: String
    public let kind: Kind
    /// The name of the profile that applies to the file (`crr`); nil: none.
    public let profile: String?
    /// Shared by a lint run: the bundled catalog and every file linted so far.
    public let registry: SchemaRegistry
    /// The URI relative `$ref`s resolve against.
    public let baseURI: URIReference
    /// Limits for the validations rules run (see ``LintEngine/validationLimits``).
    public let validationLimits: ValidationLimits

    /// The compile options of the profile's rules (``compiled(_:profileRules:)``).
    public let profileOptions: CompileOptions

    /// The compile options of the other rules (``compiled(_:profileRules:)``).
    public let baseOptions: CompileOptions

    public init(document: Document, file: String, kind: Kind, profile: String? = nil, registry: SchemaRegistry,
                validationLimits: ValidationLimits = .default, profileOptions: CompileOptions = CompileOptions(),
                baseOptions: CompileOptions = CompileOptions()) {
        self.profileOptions = profileOptions
        self.baseOptions = baseOptions
        self.document = document
        self.validationLimits = validationLimits
        self.file = file
        self.kind = kind
        self.profile = profile
        self.registry = registry
        let fileURI = file.hasPrefix("catalog:") ? URIReference(file) : URIReference.file(SchemaRegistry.absolutePathOf(file))
        if registry.uri(of: document) == nil { registry.add(document, uri: fileURI.description) }
        if kind == .schema, let id = document.root["$id"]?.string, URIReference(id).isAbsolute {
            baseURI = URIReference(id).withoutFragment
        } else {
            baseURI = fileURI
        }
    }

    public var root: Value { document.root }

    /// The OpenAPI view of the document (OpenAPI files only).
    public private(set) lazy var spec: OpenAPISpec? = kind == .openAPI ? OpenAPISpec(document: document, path: file) : nil

    /// The contract model of an OpenAPI file (nil for schemas and for files the model refuses):
    /// what the OpenAPI rules read. `$ref`s to other files go through the registry's fence.
    public private(set) lazy var contract: Contract? =
        kind == .openAPI ? try? Contract(document: document, resolve: Contract.registryResolver(registry)) : nil

    /// Every schema object in the file, top-down in document order.
    public private(set) lazy var schemas: [SchemaSite] = {
        switch kind {
        case .schema: SchemaWalker.walk(roots: [root], dialect: .draft07)
        case .openAPI: SchemaWalker.walk(roots: SchemaWalker.openAPIRoots(root), dialect: .openAPI30)
        }
    }()

    // MARK: references

    private var resolved: [String: Result<Value, RefFailure>] = [:]

    /// The value a `$ref` of this file designates, or why it cannot be found: the engine's one
    /// resolver (``ReferenceResolver``) with this file's base URI. Each distinct reference text
    /// is resolved once per file (rules ask about the same `$ref`s over and over).
    public func resolve(ref: String) -> Result<Value, RefFailure> {
        if let hit = resolved[ref] { return hit }
        let result = registry.references.target(of: ref, in: document, base: baseURI)
        resolved[ref] = result
        return result
    }

    /// Every `$ref` string outside example and default values, with the object holding it, in
    /// document order (see ``RefUnresolvedRule/references(_:)``); computed once.
    public private(set) lazy var references: [(holder: Value, ref: Value)] = RefUnresolvedRule.references(root)

    /// Node indices (sorted) of the values in this file that some `$ref` of the file designates.
    private lazy var referencedIndices: [Int] = {
        var out: [Int] = []
        for (_, ref) in references {
            if case .success(let target) = resolve(ref: ref.string ?? ""), target.document === document { out.append(target.index) }
        }
        return Array(Set(out)).sorted()
    }()

    /// Whether a `$ref` of this file designates `value` or something inside it.
    public func isReferenced(_ value: Value) -> Bool {
        let start = value.index, end = document.end(of: value.index)
        var lo = 0, hi = referencedIndices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if referencedIndices[mid] < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < referencedIndices.count && referencedIndices[lo] < end
    }

    /// Follows `$ref`s from `value` (at most 32 hops, with the resolver's loop guard); nil when
    /// one does not resolve. References in this file resolve as ``resolve(ref:)``, those of
    /// other files against their own base.
    public func dereference(_ value: Value) -> Value? {
        let references = registry.references
        return try? ReferenceResolver.follow(value, limit: 32) { holder, ref in
            holder.document === document ? resolve(ref: ref) : references.target(of: holder)
        }.get()
    }

    /// The `format` a schema declares itself or through `$ref` and `allOf`.
    public func effectiveFormat(_ schema: Value, depth: Int = 0) -> String? {
        guard depth < 16, let schema = dereference(schema), schema.kind == .object else { return nil }
        if let format = schema["format"]?.string { return format }
        for part in schema["allOf"].list {
            if let format = effectiveFormat(part, depth: depth + 1) { return format }
        }
        return nil
    }

    /// Whether a schema carries an example (`example`, `examples`) itself or through `$ref`/`allOf`.
    public func hasExample(_ schema: Value, depth: Int = 0) -> Bool {
        guard depth < 16, let schema = dereference(schema), schema.kind == .object else { return false }
        if schema.has("example") || (schema["examples"]?.count ?? 0) > 0 { return true }
        return (schema["allOf"].list).contains { hasExample($0, depth: depth + 1) }
    }

    // MARK: compiled schemas

    private var compiledCache: [Int: Schema?] = [:]
    private var profileCompiledCache: [Int: Schema?] = [:]
    /// One compilation per set of options: the schemas of all the file's examples and defaults
    /// share their nodes (a component that many of them reach is compiled once, not per site).
    private var compilations: [Bool: SchemaCompilation] = [:]

    /// The schema at `value` compiled for validation (nil when it does not compile: other rules
    /// report why). With `profileRules`, with the profile's compile options (CRR's: date-times
    /// carry no fractional seconds).
    public func compiled(_ value: Value, profileRules: Bool = false) -> Schema? {
        if profileRules, let hit = profileCompiledCache[value.index] { return hit }
        if !profileRules, let hit = compiledCache[value.index] { return hit }
        let compilation: SchemaCompilation
        if let known = compilations[profileRules] {
            compilation = known
        } else {
            var options = profileRules ? profileOptions : baseOptions
            // As OpenAPISpec.compileSchema: schema objects of a spec are OpenAPI 3.0's (the spec
            // itself was registered under its file URI when the context was made).
            if spec != nil { options.openAPI30 = true }
            compilation = SchemaCompilation(registry: registry, options: options)
            compilations[profileRules] = compilation
        }
        let schema = try? compilation.compile(value)
        if profileRules { profileCompiledCache[value.index] = schema } else { compiledCache[value.index] = schema }
        return schema
    }

    /// Every example and default with the schema it illustrates (see ``Samples``).
    public private(set) lazy var samples: [(sample: Value, schema: Value)] = Samples.all(self)

    /// Every description, and every string inside an example or default.
    public private(set) lazy var texts: [Value] = Samples.texts(self)

    // MARK: facts of a profile

    private var memos: [String: Any] = [:]

    /// A fact about the file that a profile's rules share (the CRR layer's code and revision
    /// tables), computed once per file by `make` and kept under `key`.
    public func memo<T>(_ key: String, _ make: (LintContext) -> T) -> T {
        // Not `memos[key] as? T`: for an optional T, casting a missing entry succeeds (as nil).
        if let stored = memos[key] { return stored as! T }
        let value = make(self)
        memos[key] = value
        return value
    }

    /// A value for rules that need a place to report a whole-file finding.
    public var fileAnchor: Value {
        if kind == .openAPI, let info = root["info"] { return info }
        return root
    }
}


/// Why a `$ref` does not resolve (``ReferenceFailure/isFatal``: the file fence refused the read
/// or a read limit stopped it, so the input is unusable, not just a dangling reference).
public typealias RefFailure = ReferenceFailure
