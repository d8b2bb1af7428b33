import Document

/// A compiled schema — draft-07, draft-06 or draft-04 as its `$schema` says (see ``Dialect``):
/// compile once, validate many instances, from any thread.
///
/// ```swift
/// let registry = SchemaRegistry()
/// let schema = try Schema.compile(file: "schemas/CRRPublicAuctionResult_v1.1.1.draft-07.schema.json", registry: registry)
/// let instance = try JSONReader.parse(contentsOfFile: "results.json")
/// let result = try schema.validate(instance.root)
/// for error in result.errors { print(error) }   // results.json:3:18: error: ...
/// ```
public final class Schema: @unchecked Sendable {
    let root: SchemaNode
    /// The root's location in its document (read by every exhaustive validation).
    let rootPointer: [String]
    /// Every compiled node and keyword object; the schema owns them (links between them are unowned).
    let nodes: [SchemaNode]
    let retained: [AnyObject]
    public let registry: SchemaRegistry
    public let options: CompileOptions
    /// The URI the schema was compiled from.
    public let uri: String

    init(root: SchemaNode, nodes: [SchemaNode], retained: [AnyObject], registry: SchemaRegistry, options: CompileOptions, uri: String) {
        self.root = root
        rootPointer = root.pointer
        self.nodes = nodes
        self.retained = retained
        self.registry = registry
        self.options = options
        self.uri = uri
    }

    /// Compiles the schema at `value` (a whole document or a node inside one, such as an
    /// OpenAPI component). The document must have been added to `registry` when it refers to
    /// itself by `$ref`; ``compile(file:registry:options:)`` does that for you.
    public static func compile(_ value: Value, registry: SchemaRegistry, options: CompileOptions = .init()) throws -> Schema {
        var compiler = Compiler(registry: registry, options: options)
        let root = try compiler.compileRoot(value)
        let uri = registry.base(of: value.document, index: value.index)?.description ?? value.document.name
        return Schema(root: root, nodes: compiler.all, retained: compiler.retained, registry: registry, options: options, uri: uri)
    }

    /// A schema compiled by a ``SchemaCompilation``: its nodes belong to the compilation.
    init(root: SchemaNode, compilation: SchemaCompilation, uri: String) {
        self.root = root
        rootPointer = root.pointer
        nodes = []
        retained = [compilation]
        registry = compilation.registry
        options = compilation.options
        self.uri = uri
    }

    /// Loads and compiles a schema file (JSON or YAML).
    public static func compile(file path: String, registry: SchemaRegistry, options: CompileOptions = .init()) throws -> Schema {
        let (_, resource) = try registry.addFile(path)
        return try compile(resource.value, registry: registry, options: options)
    }

    /// Whether the instance is valid; stops at the first failure (the fast mode).
    public func isValid(_ instance: Value, limits: ValidationLimits = .default) throws(ValidationLimitError) -> Bool {
        var evaluator = Evaluator(document: instance.document, collect: false, limits: limits, options: options)
        evaluator.budget(for: instance.index)
        return try evaluator.validate(root, instance.index)
    }

    /// Validates the instance and collects every error (the exhaustive mode).
    public func validate(_ instance: Value, limits: ValidationLimits = .default) throws(ValidationLimitError) -> ValidationResult {
        var evaluator = Evaluator(document: instance.document, collect: true, limits: limits, options: options)
        evaluator.rootPointer = rootPointer
        evaluator.budget(for: instance.index)
        let valid = try evaluator.validate(root, instance.index)
        let ordered = Schema.documentOrder(evaluator.errors.map { evaluator.materialize($0) })
        return ValidationResult(valid: valid, errors: ordered, truncated: evaluator.truncated)
    }

    /// Errors in the order they were found, put in document order; an anyOf/oneOf summary keeps
    /// its branch details after it.
    static func documentOrder(_ errors: [ValidationError]) -> [ValidationError] {
        var groups: [[ValidationError]] = []
        for error in errors {
            if error.isBranchDetail, !groups.isEmpty { groups[groups.count - 1].append(error) } else { groups.append([error]) }
        }
        return groups.enumerated().sorted { a, b in
            let (x, y) = (a.element[0].position.offset, b.element[0].position.offset)
            return x != y ? x < y : a.offset < b.offset
        }.flatMap(\.element)
    }
}

/// Compiles many schemas with the same registry and options, each schema location once: a
/// subschema or `$ref` target that several of the schemas contain is one shared node, not a copy
/// per schema (lint compiles the schema of every example and default of a spec: nested sites and
/// shared components were compiled again for each).
///
/// Each ``Schema`` it returns keeps the compilation (and so every node compiled so far) alive.
/// Not for concurrent use: compile from one thread at a time (the schemas themselves validate
/// from any thread).
public final class SchemaCompilation: @unchecked Sendable {
    public let registry: SchemaRegistry
    public let options: CompileOptions
    private var compiler: Compiler

    public init(registry: SchemaRegistry, options: CompileOptions = .init()) {
        self.registry = registry
        self.options = options
        compiler = Compiler(registry: registry, options: options)
    }

    /// Compiles the schema at `value`; the result is the same as ``Schema/compile(_:registry:options:)``'s.
    public func compile(_ value: Value) throws -> Schema {
        let root = try compiler.compileAnotherRoot(value)
        let uri = registry.base(of: value.document, index: value.index)?.description ?? value.document.name
        return Schema(root: root, compilation: self, uri: uri)
    }
}

/// Options fixed when a schema is compiled.
public struct CompileOptions: Sendable {
    /// Assert `format` (draft-07 makes it optional; crrspec asserts it by default).
    public var assertFormats = true
    /// Assert `contentEncoding` (base64) and `contentMediaType` (application/json).
    public var assertContent = true
    /// Extra checks run after a format's own check passes, e.g. the CRR rule that
    /// date-times carry no fractional seconds. Return a message to fail, nil to pass. A rule
    /// for a format the engine does not check itself (`uuid`) is that format's whole check.
    public var formatRules: [String: FormatRule] = [:]
    /// OpenAPI 3.0 schema objects: `nullable: true` also admits `null`.
    public var openAPI30 = false
    /// OpenAPI's `format: int32` and `format: int64` bound numbers to the signed 32- and
    /// 64-bit ranges (errors under `format`). Off by default (JSON Schema leaves them open);
    /// `crrspec mock` turns it on, as a server reading the value into such an integer would.
    public var integerFormatRanges = false
    /// OpenAPI 3.0: which side of an exchange the instance is. In a request, a property whose
    /// schema is `readOnly` is not required; in a response, a `writeOnly` one is not. nil
    /// (the default) applies `required` as written.
    public var openAPIDirection: OpenAPIDirection?
    /// The business-rule annotation whose marks prefix failure messages (the CRR layer's
    /// `x-crr-rule`); nil (the default): marks are not read.
    public var businessRules: BusinessRuleAnnotation?
    public init() {}
}

/// The side of an HTTP exchange a schema is read on (``CompileOptions/openAPIDirection``).
public enum OpenAPIDirection: Sendable, Hashable {
    case request, response
}

/// An extra rule on top of a standard `format`.
public struct FormatRule: Sendable {
    public var name: String
    public var check: @Sendable (UnsafeBufferPointer<UInt8>) -> String?
    public init(name: String, check: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> String?) {
        self.name = name
        self.check = check
    }
}

/// Limits applied during validation; hitting one stops validation with a ``ValidationLimitError``.
public struct ValidationLimits: Sendable {
    /// Most errors collected for one instance; the rest are counted as truncated.
    public var maxErrors = 1_000
    /// Schema evaluations one instance may take however small it is (guards pathological
    /// schemas such as nested `anyOf`s that double the work at each level). The budget is the
    /// larger of this and ``maxStepsPerValue`` times the instance's size (see ``stepBudget(values:)``).
    public var maxSteps = 10_000_000
    /// Schema evaluations allowed per value of the instance (object member names count as
    /// values), so that the budget grows with the file: ordinary schemas take at most 3 per value,
    /// and a pathological schema on a big file stops after work proportional to its size.
    public var maxStepsPerValue = 1_000
    /// Deepest nesting of schema evaluation.
    public var maxDepth = 2_000
    /// Validate the elements of a large array (a download's records) on all cores. Off by
    /// default: measured on 2 cores it costs more than it gains while reference counting on the
    /// shared compiled schema contends between threads (batch runs use all cores per file instead).
    public var parallel = false
    public init() {}
    public static let `default` = ValidationLimits()

    /// The schema evaluations allowed for an instance of `values` values (and member names):
    /// `max(maxSteps, maxStepsPerValue × values)`.
    public func stepBudget(values: Int) -> Int {
        let (scaled, overflow) = maxStepsPerValue.multipliedReportingOverflow(by: max(values, 0))
        return overflow ? .max : max(maxSteps, scaled)
    }
}

/// Validation stopped because a limit was hit (the result is unknown, never "valid").
public struct ValidationLimitError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// For a `$ref` cycle that makes no progress (a defect of the schema, met by this instance):
    /// the schema locations of the cycle, first and last the same; nil for a resource limit.
    public var cycle: [String]? = nil
    public var description: String { message }
    public init(message: String, cycle: [String]? = nil) {
        self.message = message
        self.cycle = cycle
    }
}

/// The outcome of validating one instance.
public struct ValidationResult: Sendable {
    public var valid: Bool
    public var errors: [ValidationError]
    /// More errors existed than ``ValidationLimits/maxErrors``.
    public var truncated: Bool
}

/// One validation error, in the JSON Schema "basic" output shape plus a source position.
public struct ValidationError: Sendable, CustomStringConvertible {
    /// JSON Pointer to the failing value in the instance.
    public var instanceLocation: String
    /// The evaluation path through the schema, `$ref`s included (e.g. `/items/$ref/properties/TOU/enum`).
    public var keywordLocation: String
    /// The failing keyword's canonical location: schema URI plus JSON Pointer fragment.
    public var absoluteKeywordLocation: String
    /// The failing keyword (`enum`, `required`, ...).
    public var keyword: String
    /// Plain-English message naming the expected and the actual value.
    public var message: String
    /// The instance file and the failing value's position in it.
    public var file: String
    public var position: SourcePosition
    /// Errors of the best-matching branch of an `anyOf`/`oneOf`, reported after this one.
    public var isBranchDetail = false
    /// The profile rule that failed (e.g. `crr-date-time-seconds`), when the value passed the
    /// keyword itself but failed a ``FormatRule`` added on top of it; nil otherwise.
    public var rule: String? = nil

    /// The identifier `crrspec explain` knows this error by: the rule, else the keyword.
    public var ruleID: String { rule ?? keyword }

    public var description: String {
        "\(ControlEscape.line(file)):\(position.line):\(position.column): error: \(ControlEscape.line(message))"
    }
}

// MARK: compiled form

/// One compiled (sub)schema.
final class SchemaNode {
    enum Form { case alwaysTrue, alwaysFalse, checks }
    var form: Form = .checks
    /// On a `$ref` cycle through in-place keywords (see ``Compiler/markCycles()``): the
    /// evaluator watches for an instance value coming back to it.
    var cyclic = false
    // Index and serial as 32 bits (a document's node offsets are 32 bits already): with the
    // fields below, a node fits malloc's 80-byte size class, not the 96-byte one; schemas of
    // tens of thousands of subschemas are made of little else.
    private let index32: Int32
    private let serial32: Int32
    /// The compiled keywords in plain memory (no array retain per visit), set once by
    /// ``install(_:)``.
    private(set) var run = UnsafeMutableBufferPointer<Check>(start: nil, count: 0)

    /// Sets the node's compiled keywords (once, when compilation reaches it).
    func install(_ checks: [Check]) {
        guard run.baseAddress == nil, !checks.isEmpty else { return }
        run = .allocate(capacity: checks.count)
        _ = run.initialize(from: checks)
    }

    deinit {
        if run.baseAddress != nil {
            run.deinitialize()
            run.deallocate()
        }
    }
    let document: Document
    /// The schema's node in ``document``.
    var index: Int { Int(index32) }
    /// The node's place in its compiler's list of nodes (``Compiler/all``).
    var serial: Int { Int(serial32) }
    let documentURI: String

    init(document: Document, index: Int, serial: Int, documentURI: String) {
        self.document = document
        self.index32 = Int32(index)
        self.serial32 = Int32(serial)
        self.documentURI = documentURI
    }

    /// Static location in its document, worked out when asked (only error messages ask): kept
    /// in every node, the tokens cost more than the node itself on schemas of many `$ref`s.
    var pointer: [String] { document.pointer(to: index).tokens }

    var value: Value { Value(document: document, index: index) }
}

/// An unretained reference to an object the ``Schema`` keeps alive: copying a ``Check`` then
/// costs no reference counting in the validator's inner loop.
///
/// ``use(_:)`` lends the object to a closure without retaining it: reading an `unowned(unsafe)`
/// reference as a strong one costs a retain and a release (atomic, on memory every worker of a
/// batch reads). The validator lends the leaf checks (enum, const, bounds, pattern, format, ...)
/// this way; subschemas it recurses into are still read through ``ref``: in a debug build the
/// lending closure is a stack frame of its own, and one more frame per level of a deep schema
/// overflowed an 8 MiB thread before the evaluation depth limit.
struct U<T: AnyObject> {
    let unmanaged: Unmanaged<T>
    init(_ ref: T) { unmanaged = .passUnretained(ref) }
    var ref: T { unmanaged.takeUnretainedValue() }

    @inline(__always)
    func use<R>(_ body: (T) -> R) -> R { unmanaged._withUnsafeGuaranteedRef(body) }

    @inline(__always)
    func use<R>(_ body: (T) throws(ValidationLimitError) -> R) throws(ValidationLimitError) -> R {
        do {
            return try unmanaged._withUnsafeGuaranteedRef(body)
        } catch {
            throw error as! ValidationLimitError  // the only error `body` throws
        }
    }
}

enum TypeBits {
    static let null: UInt8 = 1
    static let boolean: UInt8 = 2
    static let object: UInt8 = 4
    static let array: UInt8 = 8
    static let number: UInt8 = 16
    static let string: UInt8 = 32
    static let integer: UInt8 = 64
    /// With `integer`: only numbers written without a fraction or exponent (draft-04).
    static let lexicalInteger: UInt8 = 128

    static let names: [(String, UInt8)] = [
        ("null", null), ("boolean", boolean), ("object", object), ("array", array),
        ("number", number), ("string", string), ("integer", integer),
    ]
}

/// An `items` array with its `additionalItems` (boxed: see ``Check``).
final class TupleItemsCheck {
    let list: [U<SchemaNode>]
    let additional: U<SchemaNode>?
    init(list: [U<SchemaNode>], additional: U<SchemaNode>?) {
        self.list = list
        self.additional = additional
    }
}

/// `if` with its `then` and `else` (boxed: see ``Check``).
final class ConditionalCheck {
    let condition: U<SchemaNode>
    let then: U<SchemaNode>?
    let otherwise: U<SchemaNode>?
    init(condition: U<SchemaNode>, then: U<SchemaNode>?, otherwise: U<SchemaNode>?) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
    }
}

/// One compiled keyword (or group of object keywords evaluated in one pass). Every payload is
/// one word, so a check takes 16 bytes (a word and the case), not 32: the keywords with more
/// parts (`items` arrays, `if`/`then`/`else`) are boxed, and a node's checks stay small.
enum Check {
    case type(UInt8)
    case ref(U<SchemaNode>)
    case enumeration(U<EnumCheck>)
    case const(U<ConstCheck>)
    case bound(U<NumberBound>)
    case multipleOf(U<MultipleOfCheck>)
    case minLength(Int)
    case maxLength(Int)
    case pattern(U<PatternCheck>)
    case format(U<FormatCheck>)
    case content(U<ContentCheck>)
    case items(U<SchemaNode>)
    case tupleItems(U<TupleItemsCheck>)
    case contains(U<SchemaNode>)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case object(U<ObjectCheck>)
    case allOf([U<SchemaNode>])
    case anyOf([U<SchemaNode>])
    case oneOf([U<SchemaNode>])
    case not(U<SchemaNode>)
    case conditional(U<ConditionalCheck>)
}
