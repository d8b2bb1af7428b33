import Document

/// Validates a document whose top-level value is an array while it is parsed, a run of
/// elements (an ``ArrayChunk`` of ``JSONArrayStream``) at a time, with the outcome
/// ``Schema/validate(_:limits:)`` or ``Schema/isValid(_:limits:)`` gives on the whole document:
/// the same verdict, the same errors (positions, pointers, messages, order, truncation).
///
/// Only a schema whose root checks the elements with one `items` schema, plus at most `type`
/// (allowing arrays), `minItems` and `maxItems`, can be streamed (every CRR download schema),
/// or one whose root is an object check (`type`, `properties`, `required`,
/// `additionalProperties`, `propertyNames`, `minProperties`, `maxProperties`, `dependencies`
/// that only require names) with exactly one property whose schema is such an array check
/// (directly or by one `$ref`): the array under that member is streamed
/// (``StreamedArrayLayout/member(_:)``, `{"records": [...]}`), and the rest of the object is
/// checked on the skeleton. The initializer returns nil for any other schema. When the outcome depends on the whole document
/// in a way the stream does not reproduce (a validation limit is hit; a `minItems` or `maxItems`
/// checked before `items` fails while the error limit binds the elements' errors), ``finish(_:skeleton:)`` says
/// ``Outcome/wholeDocumentNeeded`` and the caller validates the whole document instead.
///
/// Chunks must be added in document order, from one thread at a time.
///
/// ```swift
/// if let stream = JSONArrayStream(path: "results.json"),
///    let check = StreamedArrayValidation(schema: schema, fast: false, limits: .default, fileBytes: stream.byteCount) {
///     let totals = try stream.run(chunkNodes: 65_536) { check.add($0) }
///     if case .result(let result) = check.finish(totals, skeleton: stream.skeleton(totals)) { print(result.valid) }
/// }
/// ```
/// Where the array a schema lets be streamed lies in the document.
public enum StreamedArrayLayout: Sendable, Equatable {
    /// The document's root is the array.
    case topLevel
    /// The array is the value of this member of the root object.
    case member(String)

    /// The member's name, or nil for a top-level array.
    public var member: String? {
        if case .member(let name) = self { return name }
        return nil
    }
}

public final class StreamedArrayValidation: @unchecked Sendable {
    public enum Outcome: Sendable {
        case result(ValidationResult)
        /// Validate the whole document instead (see the type's description).
        case wholeDocumentNeeded
    }

    let schema: Schema
    /// Where the streamed array lies.
    public let layout: StreamedArrayLayout
    let items: SchemaNode
    /// The evaluation depth an element is validated at (1: the root's `items`; 2 or 3 under a
    /// member, 3 when the member's schema is a `$ref` to the array check).
    let elementDepth: Int
    /// The member's `$ref` hop to the array check, recorded in errors' schema locations as in one evaluation.
    let memberFrame: RefFrame?
    /// The root's array-count checks evaluated before and after `items`, in the root's order.
    let before: [Check]
    let after: [Check]
    let collect: Bool
    let limits: ValidationLimits
    /// A step budget at least the whole document's (a document has at most one value per byte).
    let stepCap: Int

    var errors: [ValidationError] = []
    var truncated = false
    /// Schema evaluations so far, the root's included.
    var steps = 1
    var itemsValid = true
    /// Most element errors held at once (see ``Evaluator/peakErrors``).
    var itemsPeak = 0
    /// Nothing more to learn from further elements (the fast mode met an invalid element, or a limit was hit).
    public private(set) var stopped = false
    var limitHit = false

    /// Nil when the schema's root is not an array check that can be streamed, nor an object
    /// check with one member that is (see the type's description).
    public init?(schema: Schema, fast: Bool, limits: ValidationLimits, fileBytes: Int) {
        guard let shape = Self.shape(of: schema, limits: limits) else { return nil }
        self.schema = schema
        layout = shape.layout
        items = shape.items
        before = shape.before
        after = shape.after
        elementDepth = shape.depth
        memberFrame = shape.frame
        collect = !fast
        self.limits = limits
        stepCap = limits.stepBudget(values: fileBytes)
        // The root's own evaluation step is counted by the skeleton's evaluation under a member.
        steps = shape.layout == .topLevel ? 1 : 0
    }

    /// Where the array lies that `schema` lets be validated while it is parsed; nil when it
    /// cannot be (see the type's description; `limits.parallel` also rules streaming out).
    public static func layout(of schema: Schema, limits: ValidationLimits) -> StreamedArrayLayout? {
        shape(of: schema, limits: limits)?.layout
    }

    struct Shape {
        var layout: StreamedArrayLayout
        var items: SchemaNode
        var before: [Check]
        var after: [Check]
        var depth: Int
        var frame: RefFrame?
    }

    static func shape(of schema: Schema, limits: ValidationLimits) -> Shape? {
        let root = schema.root
        guard case .checks = root.form, !root.cyclic, !limits.parallel, limits.maxDepth >= 1 else { return nil }
        if let array = arrayChecks(root) {
            return Shape(layout: .topLevel, items: array.items, before: array.before, after: array.after, depth: 1)
        }
        // An object whose one array-valued property is streamed.
        var object: ObjectCheck?
        for check in root.run {
            switch check {
            case .type(let mask):
                guard mask & TypeBits.object != 0 else { return nil }
            case .object(let o):
                guard object == nil else { return nil }
                object = o.ref
            default:
                return nil
            }
        }
        // Pattern and dependency schemas would read the member's array too.
        guard let object, object.patterns.isEmpty, object.dependencies.allSatisfy({ $0.schema == nil }) else { return nil }
        var found: Shape?
        for (slot, property) in object.propertySchemas.enumerated() {
            guard var array = property?.ref, case .checks = array.form, !array.cyclic else { continue }
            var frame: RefFrame?
            if array.run.count == 1, case .ref(let target) = array.run[0] {
                frame = RefFrame(from: array, to: target.ref)
                array = target.ref
                guard case .checks = array.form, !array.cyclic else { continue }
            }
            guard let checks = arrayChecks(array) else { continue }
            // Two candidates: which one holds the big array is not known before reading.
            guard found == nil else { return nil }
            found = Shape(layout: .member(object.name(slot)), items: checks.items, before: checks.before, after: checks.after,
                          depth: frame == nil ? 2 : 3, frame: frame)
        }
        return found
    }

    /// The node's checks when they are only `type` (allowing arrays), one `items` schema,
    /// `minItems` and `maxItems`: the counts split into those before and after `items`.
    static func arrayChecks(_ node: SchemaNode) -> (items: SchemaNode, before: [Check], after: [Check])? {
        var items: SchemaNode?
        var before: [Check] = []
        var after: [Check] = []
        for check in node.run {
            switch check {
            case .items(let s):
                guard items == nil else { return nil }
                items = s.ref
            case .type(let mask):
                guard mask & TypeBits.array != 0 else { return nil }
            case .minItems, .maxItems:
                if items == nil { before.append(check) } else { after.append(check) }
            default:
                return nil
            }
        }
        guard let items else { return nil }
        return (items, before, after)
    }

    /// Validates the chunk's elements (nothing once ``stopped``).
    public func add(_ chunk: ArrayChunk) {
        guard !stopped else { return }
        let document = chunk.document
        var chunkLimits = limits
        // The errors recorded so far count against the limit, as in one evaluation of the whole array.
        chunkLimits.maxErrors = max(0, limits.maxErrors - errors.count)
        var evaluator = Evaluator(document: document, collect: collect, limits: chunkLimits, options: schema.options)
        evaluator.parallel = false
        evaluator.rootPointer = schema.rootPointer
        evaluator.maxSteps = stepCap
        evaluator.steps = steps
        // Inside the root's evaluation (and the member's), as `items` validates each element.
        evaluator.depth = elementDepth
        if collect, layout != .topLevel {
            // The member's name is node 1 of the chunk's document.
            evaluator.instancePath = [1]
            if let memberFrame { evaluator.refFrames = [memberFrame] }
        }
        let stop = Int(document.nodes[chunk.arrayNode].b)
        var child = chunk.arrayNode + 1
        var position = chunk.firstPosition
        do throws(ValidationLimitError) {
            while child < stop {
                evaluator.descend(position: position)
                let ok = try evaluator.validate(items, child)
                evaluator.ascend()
                if !ok {
                    itemsValid = false
                    if !collect {
                        stopped = true
                        break
                    }
                }
                child = evaluator.end(child)
                position += 1
            }
        } catch {
            limitHit = true
            stopped = true
        }
        steps = evaluator.steps
        itemsPeak = max(itemsPeak, errors.count + evaluator.peakErrors)
        truncated = truncated || evaluator.truncated
        if collect, !evaluator.errors.isEmpty {
            errors += evaluator.errors.map { evaluator.materialize($0) }
        }
    }

    /// What the elements of one chunk gave in the fast mode, checked apart from the others
    /// (``check(_:)``); ``merge(_:)`` folds the verdicts in, in document order.
    public struct ChunkVerdict: Sendable {
        public var valid = true
        /// Schema evaluations the chunk took, up to its first invalid element.
        public var steps = 0
        public var limitHit = false
        /// A verdict with nothing found (also that of a chunk left unchecked).
        public init() {}
        /// Whether a later chunk can change nothing (this one is invalid or hit a limit).
        public var stops: Bool { !valid || limitHit }
    }

    /// Whether chunks may be checked apart (``check(_:)``): the fast mode, whose state after a
    /// chunk depends on the chunks before it only through the step count.
    public var checksChunksApart: Bool { !collect }

    /// Fast mode: checks a chunk's elements without touching the validation's state, so chunks
    /// can be checked on several threads at once and in any order. Each chunk counts its steps
    /// from zero; ``merge(_:)`` adds them up in document order and judges the step budget as
    /// ``add(_:)`` would have, so the outcome is the same.
    public func check(_ chunk: ArrayChunk) -> ChunkVerdict {
        precondition(!collect, "chunks are checked apart only in the fast mode")
        let document = chunk.document
        var evaluator = Evaluator(document: document, collect: false, limits: limits, options: schema.options)
        evaluator.parallel = false
        evaluator.maxSteps = stepCap
        evaluator.steps = 0
        // Inside the root's evaluation (and the member's), as `items` validates each element.
        evaluator.depth = elementDepth
        let stop = Int(document.nodes[chunk.arrayNode].b)
        var child = chunk.arrayNode + 1
        var verdict = ChunkVerdict()
        do throws(ValidationLimitError) {
            while child < stop {
                if try !evaluator.validate(items, child) {
                    verdict.valid = false
                    break
                }
                child = evaluator.end(child)
            }
        } catch {
            verdict.limitHit = true
        }
        verdict.steps = evaluator.steps
        return verdict
    }

    /// Folds in the verdict of the next chunk (document order): the state ``add(_:)`` would
    /// have left. A budget the chunks pass only together is a limit hit, as in one evaluation.
    public func merge(_ verdict: ChunkVerdict) {
        guard !stopped else { return }
        steps += verdict.steps
        if verdict.limitHit || steps > stepCap {
            limitHit = true
            stopped = true
        } else if !verdict.valid {
            itemsValid = false
            stopped = true
        }
    }

    /// The outcome, once every chunk is added; `skeleton` is ``JSONArrayStream/skeleton(_:)``.
    public func finish(_ totals: ArrayStreamTotals, skeleton: Document) -> Outcome {
        guard totals.streamed else { return .wholeDocumentNeeded }
        if layout != .topLevel { return finishMember(totals, skeleton: skeleton) }
        let budget = limits.stepBudget(values: totals.nodes)
        // The root's own evaluation step.
        if budget < 1 { return .wholeDocumentNeeded }
        var evaluator = Evaluator(document: skeleton, collect: collect, limits: limits, options: schema.options)
        evaluator.rootPointer = schema.rootPointer
        let root = schema.root
        var valid = true
        for check in before {
            // (These checks never throw: they only count.)
            if !((try? evaluator.evaluate(check, root, 0)) ?? false) {
                // Fast: the root fails here, before its elements are looked at.
                if !collect { return .result(ValidationResult(valid: false, errors: [], truncated: false)) }
                valid = false
            }
        }
        if limitHit || steps > budget { return .wholeDocumentNeeded }
        if !collect, !itemsValid { return .result(ValidationResult(valid: false, errors: [], truncated: false)) }
        // The errors of the checks before `items` came first and counted against the limit; the
        // elements' errors are the same only if the limit never bound them.
        let first = evaluator.errors.map { evaluator.materialize($0) }
        if !first.isEmpty, itemsPeak + first.count > limits.maxErrors { return .wholeDocumentNeeded }
        let firstTruncated = evaluator.truncated
        valid = valid && itemsValid
        var after = limits
        after.maxErrors = max(0, limits.maxErrors - first.count - errors.count)
        evaluator = Evaluator(document: skeleton, collect: collect, limits: after, options: schema.options)
        evaluator.rootPointer = schema.rootPointer
        for check in self.after {
            let ok = (try? evaluator.evaluate(check, root, 0)) ?? false
            if !ok {
                valid = false
                if !collect { break }
            }
        }
        if !collect { return .result(ValidationResult(valid: valid, errors: [], truncated: false)) }
        let all = first + errors + evaluator.errors.map { evaluator.materialize($0) }
        return .result(ValidationResult(valid: valid, errors: Schema.documentOrder(all),
                                        truncated: firstTruncated || truncated || evaluator.truncated))
    }

    /// ``finish(_:skeleton:)`` under a member: the whole schema is evaluated on the skeleton
    /// (the object with every other member, the array counting its elements but holding none),
    /// which checks everything but the elements. Its errors and the elements' come out as one
    /// evaluation's when no limit binds: the errors never reach the error limit together, and
    /// the steps together stay within the document's budget; else the whole document is needed.
    func finishMember(_ totals: ArrayStreamTotals, skeleton: Document) -> Outcome {
        let budget = limits.stepBudget(values: totals.nodes)
        if limitHit || steps > budget { return .wholeDocumentNeeded }
        var evaluator = Evaluator(document: skeleton, collect: collect, limits: limits, options: schema.options)
        evaluator.parallel = false
        evaluator.rootPointer = schema.rootPointer
        evaluator.maxSteps = budget - steps
        let valid: Bool
        do throws(ValidationLimitError) {
            valid = try evaluator.validate(schema.root, 0)
        } catch {
            return .wholeDocumentNeeded
        }
        if !collect { return .result(ValidationResult(valid: valid && itemsValid, errors: [], truncated: false)) }
        if truncated || evaluator.truncated || evaluator.peakErrors + itemsPeak > limits.maxErrors { return .wholeDocumentNeeded }
        let all = evaluator.errors.map { evaluator.materialize($0) } + errors
        return .result(ValidationResult(valid: valid && itemsValid, errors: Schema.documentOrder(all), truncated: false))
    }
}
