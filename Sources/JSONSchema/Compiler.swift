import Document

/// Turns schema documents into the compiled ``SchemaNode`` tree: every keyword resolved
/// once (regexes compiled, property names hashed, formats looked up, `$ref`s linked).
struct Compiler {
    let registry: SchemaRegistry
    let options: CompileOptions
    var all: [SchemaNode] = []
    /// Keyword objects the compiled checks refer to without retaining.
    var retained: [AnyObject] = []
    /// The node compiled at each schema location: per document, one slot per document node,
    /// holding 1 + the node's place in ``all`` (0: not compiled). 4 bytes a node, where a
    /// dictionary of locations took ~50 bytes a compiled node.
    var compiled: [ObjectIdentifier: [Int32]] = [:]
    var regexCache: [CodePointKey: ECMARegex] = [:]
    /// String enums compiled so far, by their strings (see ``enumCheck(_:)``).
    var enumChecks: [[[UInt8]]: EnumCheck] = [:]
    /// Dialect of each document compiled from.
    var dialects: [ObjectIdentifier: Dialect] = [:]
    /// Nodes created but whose keywords are not compiled yet. Compilation works through this
    /// list instead of recursing, so a 100,000-hop `$ref` chain needs no deep stack.
    /// Only the nodes: each one's schema value is its document and index (a node and a value
    /// per entry cost three times the memory on schemas of many subschemas).
    var pending: [SchemaNode] = []
    /// Object checks whose `additionalProperties` may turn out to accept everything.
    var objectChecks: [ObjectCheck] = []


    init(registry: SchemaRegistry, options: CompileOptions) {
        self.registry = registry
        self.options = options
    }

    /// A `null` value for OpenAPI's `nullable` enums.
    var nullValue: Value? { try? JSONReader.parse(string: "null").root }

    mutating func compileRoot(_ value: Value) throws -> SchemaNode {
        try compileWithPending(value, firstNew: 0)
    }

    /// Compiles `value` and every subschema it reaches that is not compiled yet, then links
    /// the new nodes and marks the cycles among the nodes from `firstNew` on.
    private mutating func compileWithPending(_ value: Value, firstNew: Int) throws -> SchemaNode {
        if registry.uri(of: value.document) == nil {
            registry.add(value.document, uri: SchemaRegistry.defaultURI(for: value.document))
        }
        if registry.base(of: value.document, index: value.index) == nil {
            registry.index(value.document, at: value.index)
        }
        let root = try compile(value)
        while let node = pending.popLast() {
            let checks = try compileKeywords(Value(document: node.document, index: node.index))
            if checks.isEmpty { node.form = .alwaysTrue }
            node.install(checks)
        }
        finish()
        markCycles(from: firstNew)
        return root
    }

    /// Compiles one more root with the nodes of earlier calls at hand (``SchemaCompilation``):
    /// a location compiled before is reused, not compiled again. The nodes made by this call
    /// are frozen; when the call fails, everything it made is dropped again (a later call must
    /// not find a node whose keywords were never compiled).
    mutating func compileAnotherRoot(_ value: Value) throws -> SchemaNode {
        let firstNew = all.count, retainedBefore = retained.count
        do {
            return try compileWithPending(value, firstNew: firstNew)
        } catch {
            for node in all[firstNew...] { compiled[ObjectIdentifier(node.document)]?[node.index] = 0 }
            all.removeSubrange(firstNew...)
            retained.removeSubrange(retainedBefore...)
            pending = []
            objectChecks = []
            throw error
        }
    }

    /// The dialect a document is read in (OpenAPI 3.0 schema objects: draft-07 rules plus
    /// boolean exclusive bounds, whatever the default dialect).
    mutating func dialect(of document: Document) throws -> Dialect {
        if options.openAPI30 { return .draft7 }
        let id = ObjectIdentifier(document)
        if let known = dialects[id] { return known }
        let dialect = try registry.dialect(of: document)
        dialects[id] = dialect
        return dialect
    }

    /// Compiles a (sub)schema; `booleanAllowed` marks the draft-04 keywords whose value may be
    /// a boolean (`additionalProperties`, `additionalItems`) where boolean schemas do not exist.
    mutating func compile(_ value: Value, booleanAllowed: Bool = false) throws -> SchemaNode {
        let documentID = ObjectIdentifier(value.document)
        if let slots = compiled[documentID], slots[value.index] != 0 { return all[Int(slots[value.index]) - 1] }
        if value.kind == .true || value.kind == .false, !booleanAllowed {
            let dialect = try dialect(of: value.document)
            if !dialect.booleanSchemas {
                throw SchemaError("a schema must be an object in \(dialect.name) (boolean schemas came with draft-06), found \(ValueDescription.describe(value))", at: value)
            }
        }
        if registry.base(of: value.document, index: value.index) == nil {
            registry.index(value.document, at: value.index)
        }
        guard value.kind == .object || value.kind == .true || value.kind == .false else {
            throw SchemaError("a schema must be an object or a boolean, found \(ValueDescription.describe(value))", at: value)
        }
        let node = SchemaNode(document: value.document, index: value.index, serial: all.count,
                              documentURI: registry.uri(of: value.document) ?? value.document.name)
        compiled[documentID, default: [Int32](repeating: 0, count: value.document.nodes.count)][value.index] = Int32(all.count + 1)
        all.append(node)
        switch value.kind {
        case .true:
            node.form = .alwaysTrue
        case .false:
            node.form = .alwaysFalse
        default:
            // Compiled later by compileRoot's work list (never recursively).
            pending.append(node)
        }
        return node
    }

    // MARK: keywords

    mutating func compileKeywords(_ schema: Value) throws -> [Check] {
        // Only the keywords of the document's dialect count (`schema[d, "const"]` is nil in draft-04).
        let d = try dialect(of: schema.document)
        if let ref = schema[d, "$ref"] {
            // draft-07: `$ref` ignores every sibling keyword.
            guard let text = ref.string else { throw SchemaError("$ref must be a string", at: ref) }
            // A NUL or other control character (also percent-encoded: %00, %0A, %1b) has no
            // place in a reference; file systems would cut the name at it or log it raw.
            if ControlEscape.containsControl(text) || ControlEscape.containsControl(URIReference.percentDecode(text)) {
                throw SchemaError("$ref \(ValueDescription.quote(text, limit: 200)) contains a control character (raw or percent-encoded); references to such names are refused", at: ref)
            }
            let base = registry.base(of: schema.document, index: schema.index) ?? URIReference(registry.uri(of: schema.document) ?? "")
            let uri = URIReference(text).resolved(against: base)
            let target = try registry.resolve(uri, from: ref)
            let node = try compile(target.value)
            return [.ref(U(node))]
        }
        var checks: [Check] = []
        let nullable = options.openAPI30 && schema["nullable"]?.bool == true
        if let type = schema[d, "type"] {
            var mask = try typeMask(type) | (nullable ? TypeBits.null : 0)
            if d.lexicalIntegers, mask & TypeBits.integer != 0 { mask |= TypeBits.lexicalInteger }
            checks.append(.type(mask))
        }
        if let e = schema[d, "enum"] {
            guard e.kind == .array else { throw SchemaError("enum must be an array", at: e) }
            var values = Array(e.elements)
            if nullable, let null = nullValue { values.append(null) }
            checks.append(.enumeration(enumCheck(values)))
        }
        if let c = schema[d, "const"] { checks.append(.const(keep(ConstCheck(c)))) }
        // draft-04 (and OpenAPI 3.0): a boolean exclusiveMinimum/exclusiveMaximum makes its
        // minimum/maximum exclusive; draft-06 on: they are bounds of their own.
        let booleanBounds = d.booleanExclusiveBounds || options.openAPI30
        for kind in [NumberBound.Kind.minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum] {
            guard let limit = schema[d, kind.rawValue] else { continue }
            let modifier: NumberBound.Kind? = kind == .minimum ? .exclusiveMinimum : (kind == .maximum ? .exclusiveMaximum : nil)
            if modifier == nil, booleanBounds, limit.bool != nil { continue }  // read with its plain bound
            if modifier == nil, d.booleanExclusiveBounds {
                throw SchemaError("\(kind.rawValue) must be a boolean in \(d.name) (it makes \(kind == .exclusiveMinimum ? "minimum" : "maximum") exclusive), found \(ValueDescription.describe(limit))", at: limit)
            }
            guard limit.kind == .number else {
                let hint = limit.bool != nil ? " (a boolean \(kind.rawValue) is draft-04: declare \"$schema\": \"\(Dialect.draft4.uri)#\" or use --default-dialect draft-04)" : ""
                throw SchemaError("\(kind.rawValue) must be a number in \(d.name)\(hint)", at: limit)
            }
            var effective = kind
            if let modifier, booleanBounds, schema[modifier.rawValue]?.bool == true { effective = modifier }
            checks.append(.bound(keep(NumberBound(kind: effective, value: limit, keyword: kind.rawValue))))
        }
        if options.integerFormatRanges, let name = schema[d, "format"]?.string, let range = IntegerFormatRange.named(name) {
            checks.append(.bound(keep(NumberBound(kind: .minimum, value: range.minimum, keyword: "format", text: range.minimumText))))
            checks.append(.bound(keep(NumberBound(kind: .maximum, value: range.maximum, keyword: "format", text: range.maximumText))))
        }
        if let m = schema[d, "multipleOf"] {
            guard m.kind == .number, let d = m.decimal, !d.isNegative, !d.isZero else {
                throw SchemaError("multipleOf must be a number greater than 0", at: m)
            }
            checks.append(.multipleOf(keep(MultipleOfCheck(m))))
        }
        if let n = try count(schema, "minLength", d) { checks.append(.minLength(n)) }
        if let n = try count(schema, "maxLength", d) { checks.append(.maxLength(n)) }
        if let p = schema[d, "pattern"] {
            guard let text = p.string else { throw SchemaError("pattern must be a string", at: p) }
            checks.append(.pattern(keep(PatternCheck(try regex(text, at: p)))))
        }
        // A format outside the dialect's list is an unknown format there and passes.
        if options.assertFormats, let f = schema[d, "format"], let name = f.string, d.formats.contains(name) || options.openAPI30,
           let check = try formatCheck(name, at: f) {
            checks.append(.format(keep(check)))
        }
        if options.assertContent, schema[d, "contentEncoding"] != nil || schema[d, "contentMediaType"] != nil {
            let content = ContentCheck(encoding: schema[d, "contentEncoding"]?.string, mediaType: schema[d, "contentMediaType"]?.string)
            if content.base64 || content.json { checks.append(.content(keep(content))) }
        }
        // Arrays
        if let n = try count(schema, "minItems", d) { checks.append(.minItems(n)) }
        if let n = try count(schema, "maxItems", d) { checks.append(.maxItems(n)) }
        if let u = schema[d, "uniqueItems"] {
            guard let flag = u.bool else { throw SchemaError("uniqueItems must be a boolean", at: u) }
            if flag { checks.append(.uniqueItems) }
        }
        if let items = schema[d, "items"] {
            if items.kind == .array {
                let list = try items.elements.map { U(try compile($0)) }
                let additional = try schema[d, "additionalItems"].map { U(try compile($0, booleanAllowed: true)) }
                checks.append(.tupleItems(keep(TupleItemsCheck(list: list, additional: additional))))
            } else {
                checks.append(.items(U(try compile(items))))
            }
        }
        if let contains = schema[d, "contains"] { checks.append(.contains(U(try compile(contains)))) }
        // Objects
        if let object = try objectCheck(schema, d) { checks.append(.object(keep(object))) }
        // Combinators
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard let list = schema[d, keyword] else { continue }
            guard list.kind == .array, list.count > 0 else { throw SchemaError("\(keyword) must be a non-empty array of schemas", at: list) }
            let nodes = try list.elements.map { U(try compile($0)) }
            switch keyword {
            case "allOf": checks.append(.allOf(nodes))
            case "anyOf": checks.append(.anyOf(nodes))
            default: checks.append(.oneOf(nodes))
            }
        }
        if let not = schema[d, "not"] { checks.append(.not(U(try compile(not)))) }
        if let condition = schema[d, "if"] {
            let then = try schema[d, "then"].map { U(try compile($0)) }
            let otherwise = try schema[d, "else"].map { U(try compile($0)) }
            if then != nil || otherwise != nil {
                checks.append(.conditional(keep(ConditionalCheck(condition: U(try compile(condition)), then: then, otherwise: otherwise))))
            }
        }
        return checks
    }

    /// The check of an `enum`. Enums of strings only are shared: a spec repeats the same list
    /// (`[asc, desc]`, a status list) on many properties, and each check holds a hash table. A
    /// shared check says exactly what its own would: its messages name the strings, nothing else.
    mutating func enumCheck(_ values: [Value]) -> U<EnumCheck> {
        guard values.allSatisfy({ $0.kind == .string }) else { return keep(EnumCheck(values)) }
        let key = values.map { Array($0.utf8) }
        if let shared = enumChecks[key] { return U(shared) }
        let check = EnumCheck(values)
        enumChecks[key] = check
        return keep(check)
    }

    /// Keeps a keyword object alive for the schema's lifetime and returns an unretained link.
    mutating func keep<T: AnyObject>(_ object: T) -> U<T> {
        retained.append(object)
        return U(object)
    }

    func typeMask(_ type: Value) throws -> UInt8 {
        func bit(_ v: Value) throws -> UInt8 {
            guard let name = v.string, let entry = TypeBits.names.first(where: { $0.0 == name }) else {
                throw SchemaError("unknown type \(ValueDescription.describe(v)); expected one of null, boolean, object, array, number, string, integer", at: v)
            }
            return entry.1
        }
        if type.kind == .array {
            var mask: UInt8 = 0
            for element in type.elements { mask |= try bit(element) }
            return mask
        }
        return try bit(type)
    }

    func count(_ schema: Value, _ keyword: String, _ d: Dialect) throws -> Int? {
        guard let v = schema[d, keyword] else { return nil }
        guard v.isInteger, let d = v.double, d >= 0 else {
            throw SchemaError("\(keyword) must be a non-negative integer, found \(ValueDescription.describe(v))", at: v)
        }
        // Exact up to 18 digits; anything larger (1e400) is `Int.max`, "beyond any count", and
        // messages say so instead of naming a clamped number the schema never wrote.
        guard let exact = v.decimal, exact.digits.count + exact.exponent <= 18 else { return Int.max }
        var n = 0
        for digit in exact.digits { n = n * 10 + Int(digit) }
        for _ in 0..<max(0, exact.exponent) { n *= 10 }
        return n
    }

    mutating func regex(_ pattern: String, at value: Value) throws -> ECMARegex {
        if let cached = regexCache[CodePointKey(pattern)] { return cached }
        do {
            let compiled = try ECMARegex(pattern)
            regexCache[CodePointKey(pattern)] = compiled
            return compiled
        } catch {
            throw SchemaError("invalid ECMA-262 regular expression \(ValueDescription.quote(pattern)): \(error)", at: value)
        }
    }

    mutating func formatCheck(_ name: String, at value: Value) throws -> FormatCheck? {
        let rules = options.formatRules[name].map { [$0] } ?? []
        if name == "regex" {
            // A syntax check only: the instance's pattern is never compiled or run, so a hostile
            // pattern costs no more than its length (and one too large to compile is still valid).
            return FormatCheck(name: "regex", check: { bytes in
                ECMARegex.isValidPattern(String(decoding: bytes, as: UTF8.self))
            }, rules: rules)
        }
        guard let check = FormatChecker.checker(for: name) else {
            // A format the engine does not know passes, unless the caller gave a rule for it
            // (the mock's `uuid`): then the rule alone decides.
            return rules.isEmpty ? nil : FormatCheck(name: name, check: { _ in true }, rules: rules)
        }
        return FormatCheck(name: name, check: check, rules: rules)
    }

    /// Whether a property is out of `required` on this side (``CompileOptions/openAPIDirection``):
    /// `readOnly` in a request, `writeOnly` in a response (`$ref`s followed).
    func excludedByDirection(_ property: Value) -> Bool {
        guard let direction = options.openAPIDirection else { return false }
        guard case .success(let target) = registry.references.follow(property, limit: 16) else { return false }
        switch direction {
        case .request: return target["readOnly"]?.bool == true
        case .response: return target["writeOnly"]?.bool == true
        }
    }

    mutating func objectCheck(_ schema: Value, _ d: Dialect) throws -> ObjectCheck? {
        let properties = schema[d, "properties"]
        let patternProperties = schema[d, "patternProperties"]
        let additional = schema[d, "additionalProperties"]
        let required = schema[d, "required"]
        let dependencies = schema[d, "dependencies"]
        let propertyNames = schema[d, "propertyNames"]
        let minProperties = try count(schema, "minProperties", d)
        let maxProperties = try count(schema, "maxProperties", d)
        if properties == nil && patternProperties == nil && additional == nil && required == nil && dependencies == nil
            && propertyNames == nil && minProperties == nil && maxProperties == nil {
            return nil
        }
        var names: [[UInt8]] = []
        var slotOf: [[UInt8]: Int] = [:]
        func slot(_ name: [UInt8]) -> Int {
            if let s = slotOf[name] { return s }
            names.append(name)
            slotOf[name] = names.count - 1
            return names.count - 1
        }
        // `properties` schemas by slot (nil where a name comes only from `required` or
        // `dependencies`): an array, since slots are dense and start at 0.
        var bySlot: [U<SchemaNode>?] = []
        if let properties {
            guard properties.kind == .object else { throw SchemaError("properties must be an object", at: properties) }
            bySlot.reserveCapacity(properties.count)
            slotOf.reserveCapacity(properties.count)
            names.reserveCapacity(properties.count)
            for member in properties.members {
                let s = slot(Array(member.key.utf8))
                if s == bySlot.count { bySlot.append(nil) }
                bySlot[s] = U(try compile(member.value))
            }
        }
        var patterns: [(ECMARegex, U<SchemaNode>)] = []
        if let patternProperties {
            guard patternProperties.kind == .object else { throw SchemaError("patternProperties must be an object", at: patternProperties) }
            for member in patternProperties.members {
                patterns.append((try regex(member.name, at: member.key), U(try compile(member.value))))
            }
        }
        var requiredSlots: [Int] = []
        if let required {
            guard required.kind == .array else { throw SchemaError("required must be an array of strings", at: required) }
            for element in required.elements {
                guard element.kind == .string else { throw SchemaError("required must list strings", at: element) }
                if let name = element.string, let property = properties?[name], excludedByDirection(property) { continue }
                requiredSlots.append(slot(Array(element.utf8)))
            }
        }
        var deps: [ObjectCheck.Dependency] = []
        if let dependencies {
            guard dependencies.kind == .object else { throw SchemaError("dependencies must be an object", at: dependencies) }
            for member in dependencies.members {
                let s = slot(Array(member.key.utf8))
                if member.value.kind == .array {
                    var list: [Int] = []
                    for element in member.value.elements {
                        guard element.kind == .string else { throw SchemaError("dependencies arrays must list strings", at: element) }
                        list.append(slot(Array(element.utf8)))
                    }
                    deps.append(.init(slot: s, requiredSlots: list, schema: nil))
                } else {
                    deps.append(.init(slot: s, requiredSlots: [], schema: U(try compile(member.value))))
                }
            }
        }
        let additionalNode = try additional.map { U(try compile($0, booleanAllowed: true)) }
        let namesNode = try propertyNames.map { U(try compile($0)) }
        slotOf = [:]  // the table below indexes the names; let the dictionary go first
        let table = NameTable(names)
        names = []
        if bySlot.count < table.count { bySlot.append(contentsOf: repeatElement(nil, count: table.count - bySlot.count)) }
        let check = ObjectCheck(table: table, propertySchemas: bySlot, patterns: patterns, additional: additionalNode,
                                requiredSlots: requiredSlots, dependencies: deps, propertyNames: namesNode,
                                minProperties: minProperties, maxProperties: maxProperties)
        if additionalNode != nil { objectChecks.append(check) }
        return check
    }

    /// After every node is compiled: drops `additionalProperties` schemas that accept
    /// everything (known only once the work list is empty).
    mutating func finish() {
        for check in objectChecks {
            if let node = check.additional, case .alwaysTrue = node.ref.form { check.additional = nil }
        }
        objectChecks = []
    }

    // MARK: cycles

    /// Marks the nodes that lie on a `$ref` cycle through in-place keywords (`$ref`, `allOf`,
    /// `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, schema `dependencies`): such a cycle would
    /// recurse forever on the same value if an instance reached it. Nothing is refused here — the
    /// evaluator stops with an error naming the cycle when an instance actually comes back to a
    /// marked node at the same value (a branch that is never taken costs nothing).
    /// Linear in the number of nodes and links (Tarjan's strongly connected components).
    /// Only the nodes from `all[first]` on are looked at: earlier ones were marked by an earlier
    /// call, and they never link to later ones (a node's links are compiled with it).
    func markCycles(from first: Int = 0) {
        // The in-place links of the new nodes, by serial, as one flat list (child serials of node
        // k at edges[offsets[k - first] ..< offsets[k - first + 1]]): no array per node.
        let count = all.count - first
        var offsets = [Int32](repeating: 0, count: count + 1)
        var edges: [Int32] = []
        for k in 0..<count {
            func link(_ target: U<SchemaNode>) { edges.append(Int32(target.ref.serial)) }
            for check in all[first + k].run {
                switch check {
                case .ref(let target): link(target)
                case .allOf(let list), .anyOf(let list), .oneOf(let list): for target in list { link(target) }
                case .not(let sub): link(sub)
                case .conditional(let box):
                    let c = box.ref
                    link(c.condition); if let t = c.then { link(t) }; if let e = c.otherwise { link(e) }
                case .object(let o): for dependency in o.ref.dependencies { if let target = dependency.schema { link(target) } }
                default: break
                }
            }
            offsets[k + 1] = Int32(edges.count)
        }
        // Tarjan, by serial: -1 = not visited yet; nodes before `first` count as done and off the stack.
        var order = [Int32](repeating: -1, count: all.count)
        var low = [Int32](repeating: 0, count: all.count)
        var onStack = [Bool](repeating: false, count: all.count)
        for k in 0..<first { order[k] = 0 }
        var components: [Int32] = []
        var next: Int32 = 0
        // (node serial, next edge to follow)
        var work: [(Int, Int)] = []
        for start in first..<all.count where order[start] < 0 {
            work.append((start, Int(offsets[start - first])))
            order[start] = next; low[start] = next; next += 1
            components.append(Int32(start)); onStack[start] = true
            while let (id, position) = work.last {
                if position < Int(offsets[id - first + 1]) {
                    work[work.count - 1].1 += 1
                    let child = Int(edges[position])
                    if child == id { all[id].cyclic = true }
                    if order[child] >= 0 {
                        if onStack[child] { low[id] = min(low[id], order[child]) }
                    } else {
                        order[child] = next; low[child] = next; next += 1
                        components.append(Int32(child)); onStack[child] = true
                        work.append((child, Int(offsets[child - first])))
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.0] = min(low[parent.0], low[id]) }
                if low[id] == order[id] {
                    var members: [Int] = []
                    while let top = components.popLast() {
                        onStack[Int(top)] = false
                        members.append(Int(top))
                        if Int(top) == id { break }
                    }
                    if members.count > 1 { for member in members { all[member].cyclic = true } }
                }
            }
        }
    }
}

extension Value {
    /// The member `keyword` if the dialect defines it (an unknown keyword there is ignored).
    @inline(__always)
    subscript(_ dialect: Dialect, _ keyword: String) -> Value? {
        dialect.isDraft7 || dialect.has(keyword) ? self[keyword] : nil
    }
}
