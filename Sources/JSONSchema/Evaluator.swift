import Document

/// A `$ref` followed during evaluation: where it was and where it led.
struct RefFrame {
    unowned(unsafe) let from: SchemaNode
    unowned(unsafe) let to: SchemaNode
}

/// A node on a `$ref` cycle being evaluated, with the instance value and mode it was entered with.
struct CycleEntry {
    unowned(unsafe) let node: SchemaNode
    let index: Int
    let collect: Bool
}

/// An error recorded during evaluation; turned into a ``ValidationError`` only at the end.
struct PendingError {
    var instanceIndex: Int
    var instancePath: [Int]
    unowned(unsafe) var schema: SchemaNode
    var keywordTokens: [String]
    var refFrames: [RefFrame]
    var keyword: String
    var message: String
    var isBranchDetail = false
    /// The ``FormatRule`` that failed, when a profile rule (not the keyword itself) failed.
    var rule: String? = nil
}

/// Walks a compiled schema over one instance. `collect == false` is the fast boolean mode.
struct Evaluator {
    let document: Document
    let nodes: UnsafeBufferPointer<Node>
    /// Base addresses of the instance's source and decoded-string buffers (no class access in the hot loop).
    let sourceBase: UnsafePointer<UInt8>?
    let extraBase: UnsafePointer<UInt8>?
    var collect: Bool
    let limits: ValidationLimits
    let options: CompileOptions
    var errors: [PendingError] = []
    var truncated = false
    /// Most errors held at once (branch errors held while an anyOf/oneOf is explained count).
    var peakErrors = 0
    /// Instance path: key node index (≥ 0) or -(array position + 1).
    var instancePath: [Int] = []
    var refFrames: [RefFrame] = []
    /// The cyclic nodes (``SchemaNode/cyclic``) being evaluated, outermost first. An instance
    /// only moves down, so the entries for one value are together at the top.
    var cycleStack: [CycleEntry] = []
    var rootPointer: [String] = []
    var steps = 0
    /// Most `steps` this validation may take (``ValidationLimits/stepBudget(values:)``).
    var maxSteps: Int
    var depth = 0
    /// Whether a large array may be split across cores (once per validation).
    var parallel = true

    init(document: Document, collect: Bool, limits: ValidationLimits, options: CompileOptions) {
        self.document = document
        self.nodes = document.nodes
        self.sourceBase = document.source.baseAddress
        self.extraBase = document.extra.baseAddress
        self.collect = collect
        self.limits = limits
        self.options = options
        self.parallel = limits.parallel
        self.maxSteps = limits.maxSteps
    }

    /// Sizes the step budget for the instance rooted at node `i`.
    mutating func budget(for i: Int) {
        maxSteps = limits.stepBudget(values: end(i) - i)
    }

    @inline(__always)
    func kind(_ i: Int) -> UInt8 { nodes[i].kind }

    /// The UTF-8 bytes of the string node at `i`.
    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[i]
        let base = node.flags & Node.inExtra != 0 ? extraBase : sourceBase
        return UnsafeBufferPointer(start: base.map { $0 + Int(node.a) }, count: Int(node.b))
    }

    @inline(__always)
    func end(_ i: Int) -> Int {
        let node = nodes[i]
        return node.kind >= ValueKind.array.rawValue ? Int(node.b) : i + 1
    }

    /// Validates instance node `i` against `schema`.
    mutating func validate(_ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        switch schema.form {
        case .alwaysTrue:
            return true
        case .alwaysFalse:
            if collect { record(schema, [], "false", i, "no value is allowed here (the schema is `false`)") }
            return false
        case .checks:
            break
        }
        if schema.cyclic { try enterCycle(schema, i) }
        defer { if schema.cyclic { cycleStack.removeLast() } }
        steps &+= 1
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxDepth || steps > maxSteps {
            throw limitError()
        }
        var valid = true
        let run = schema.run
        for k in 0..<run.count {
            if try !evaluate(run[k], schema, i) {
                valid = false
                if !collect { return false }
            }
        }
        return valid
    }

    /// Notes that evaluation entered a cyclic node; coming back to it at the same value in the
    /// same mode means the evaluation would repeat itself forever: stop, naming the cycle.
    mutating func enterCycle(_ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) {
        var k = cycleStack.count - 1
        while k >= 0, cycleStack[k].index == i {
            if cycleStack[k].node === schema, cycleStack[k].collect == collect {
                let loop = cycleStack[k...].map(\.node) + [schema]
                let acrossFiles = Set(loop.map(\.documentURI)).count > 1
                var names = loop.dropLast().map { node in
                    (acrossFiles ? String(node.documentURI.split(separator: "/").last ?? "") : "") + "#" + JSONPointer(tokens: node.pointer).description
                }
                // Start the cycle at its smallest location, whichever node the instance entered it by.
                let first = names.indices.min { names[$0] < names[$1] } ?? 0
                names = Array(names[first...] + names[..<first])
                names.append(names[0])
                let at = Value(document: document, index: i).pointer.description
                throw ValidationLimitError(
                    message: "the value at \(at.isEmpty ? "the root" : at) reaches the cyclic $ref \(names.joined(separator: " → ")), which never moves to a child value, so validation could never end (fix the schema)",
                    cycle: names)
            }
            k -= 1
        }
        cycleStack.append(CycleEntry(node: schema, index: i, collect: collect))
    }

    func limitError() -> ValidationLimitError {
        if depth > limits.maxDepth {
            return ValidationLimitError(message: "schema evaluation nested deeper than \(limits.maxDepth) levels (a $ref cycle that never consumes the instance?); raise it with --max-eval-depth")
        }
        let values = maxSteps == limits.maxSteps ? "" : " (\(limits.maxStepsPerValue) per value of the instance)"
        return ValidationLimitError(message: "validation took more than \(maxSteps) schema evaluations\(values) (pathological schema?); raise it with --max-steps or --max-steps-per-value")
    }

    @inline(__always)
    mutating func evaluate(_ check: Check, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        switch check {
        case .type(let mask):
            return checkType(mask, schema, i)
        case .ref(let target):
            #if DEBUG
            return try followRef(target.ref, schema, i)
            #else
            // Lent, not retained (as the object check below): a `$ref` hop costs no atomic
            // reference counting on the shared compiled schema.
            return try target.use { t throws(ValidationLimitError) in try followRef(t, schema, i) }
            #endif
        case .enumeration(let e):
            return e.use { e in checkEnum(e, schema, i) }
        case .const(let c):
            return c.use { c in checkConst(c, schema, i) }
        case .bound(let b):
            return b.use { b in checkBound(b, schema, i) }
        case .multipleOf(let m):
            return m.use { m in checkMultipleOf(m, schema, i) }
        case .minLength(let n):
            return checkLength(n, isMin: true, schema, i)
        case .maxLength(let n):
            return checkLength(n, isMin: false, schema, i)
        case .pattern(let p):
            return try p.use { p throws(ValidationLimitError) in try checkPattern(p, schema, i) }
        case .format(let f):
            return try f.use { f throws(ValidationLimitError) in try checkFormat(f, schema, i) }
        case .content(let c):
            return c.use { c in checkContent(c, schema, i) }
        case .items(let s):
            #if DEBUG
            return try checkItems(s.ref, schema, i)
            #else
            return try s.use { s throws(ValidationLimitError) in try checkItems(s, schema, i) }
            #endif
        case .tupleItems(let t):
            return try checkTupleItems(t.ref.list, t.ref.additional, schema, i)
        case .contains(let s):
            return try checkContains(s.ref, schema, i)
        case .minItems(let n):
            return checkItemCount(n, isMin: true, schema, i)
        case .maxItems(let n):
            return checkItemCount(n, isMin: false, schema, i)
        case .uniqueItems:
            return checkUnique(schema, i)
        case .object(let o):
            #if DEBUG
            return try checkObject(o.ref, schema, i)
            #else
            // Lent, not retained: no atomic reference counting on the shared compiled schema
            // per object (the debug build keeps one stack frame fewer per level instead).
            return try o.use { o throws(ValidationLimitError) in try checkObject(o, schema, i) }
            #endif
        case .allOf(let list):
            return try checkAllOf(list, schema, i)
        case .anyOf(let list):
            return try checkAnyOf(list, schema, i)
        case .oneOf(let list):
            return try checkOneOf(list, schema, i)
        case .not(let s):
            return try checkNot(s.ref, schema, i)
        case .conditional(let box):
            let c = box.ref
            return try checkConditional(c.condition, c.then, c.otherwise, schema, i)
        }
    }

    // MARK: errors

    mutating func record(_ schema: SchemaNode, _ keywordTokens: [String], _ keyword: String, _ i: Int, _ message: String, rule: String? = nil) {
        if errors.count >= limits.maxErrors {
            truncated = true
            return
        }
        keep(PendingError(instanceIndex: i, instancePath: instancePath, schema: schema, keywordTokens: keywordTokens,
                          refFrames: refFrames, keyword: keyword, message: message, rule: rule))
    }

    /// Holds one more error, keeping ``peakErrors`` current.
    mutating func keep(_ error: PendingError) {
        errors.append(error)
        if errors.count > peakErrors { peakErrors = errors.count }
    }

    /// Runs `body` in the fast mode (no errors recorded), restoring the mode afterwards.
    @inline(__always)
    mutating func quietly(_ body: (inout Evaluator) throws(ValidationLimitError) -> Bool) throws(ValidationLimitError) -> Bool {
        let saved = collect
        collect = false
        defer { collect = saved }
        return try body(&self)
    }

    @inline(__always)
    mutating func descend(key keyIndex: Int) { if collect { instancePath.append(keyIndex) } }
    @inline(__always)
    mutating func descend(position: Int) { if collect { instancePath.append(-(position + 1)) } }
    @inline(__always)
    mutating func ascend() { if collect { instancePath.removeLast() } }

    func materialize(_ e: PendingError) -> ValidationError {
        var instanceTokens: [String] = []
        for token in e.instancePath {
            if token >= 0 {
                instanceTokens.append(Value(document: document, index: token).string ?? "")
            } else {
                instanceTokens.append(String(-token - 1))
            }
        }
        var path: [String] = []
        var entered = rootPointer
        for frame in e.refFrames {
            let from = frame.from.pointer
            path += from.dropFirst(min(entered.count, from.count))
            path.append("$ref")
            entered = frame.to.pointer
        }
        let schemaPointer = e.schema.pointer
        path += schemaPointer.dropFirst(min(entered.count, schemaPointer.count))
        path += e.keywordTokens
        let absolute = e.schema.documentURI + "#" + JSONPointer(tokens: schemaPointer + e.keywordTokens).description
        return ValidationError(instanceLocation: JSONPointer(tokens: instanceTokens).description,
                               keywordLocation: JSONPointer(tokens: path).description,
                               absoluteKeywordLocation: absolute,
                               keyword: e.keyword,
                               message: options.businessRules.map { $0.message(e.message, keyword: e.keyword, schema: Value(document: e.schema.document, index: e.schema.index)) }
                                   ?? e.message,
                               file: document.name,
                               position: document.position(ofNode: e.instanceIndex), isBranchDetail: e.isBranchDetail, rule: e.rule)
    }

    // MARK: describing values

    /// A short rendering of an instance value for messages.
    func describe(_ i: Int) -> String {
        ValueDescription.describe(Value(document: document, index: i))
    }
}

/// Short renderings of values for messages: Document's ``ValueText``, the one renderer.
typealias ValueDescription = ValueText
