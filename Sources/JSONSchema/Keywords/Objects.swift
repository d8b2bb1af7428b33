import Document

/// The object keywords of one schema, evaluated in a single pass over the members:
/// `properties`, `patternProperties`, `additionalProperties`, `required`, `dependencies`,
/// `propertyNames`, `minProperties`, `maxProperties`.
final class ObjectCheck {
    /// Every name the keywords mention, each with a slot.
    let table: NameTable
    /// `properties` schemas by slot (nil where the name comes only from `required`/`dependencies`).
    let propertySchemas: [U<SchemaNode>?]
    let patterns: [(regex: ECMARegex, schema: U<SchemaNode>)]
    /// With many patterns: which ones a key can match at all (see ``PatternIndex``).
    let patternIndex: PatternIndex?
    /// Dropped after compilation when it turns out to accept everything (see `Compiler.finish`).
    var additional: U<SchemaNode>?
    let requiredSlots: [Int]
    let dependencies: [Dependency]
    let propertyNames: U<SchemaNode>?
    let minProperties: Int?
    let maxProperties: Int?
    /// Whether evaluating members is needed at all (not just counting and `required`).
    let visitsMembers: Bool

    struct Dependency {
        let slot: Int
        let requiredSlots: [Int]
        let schema: U<SchemaNode>?
    }

    init(table: NameTable, propertySchemas: [U<SchemaNode>?], patterns: [(ECMARegex, U<SchemaNode>)], additional: U<SchemaNode>?,
         requiredSlots: [Int], dependencies: [Dependency], propertyNames: U<SchemaNode>?, minProperties: Int?, maxProperties: Int?) {
        self.table = table
        self.propertySchemas = propertySchemas
        self.patterns = patterns.map { (regex: $0.0, schema: $0.1) }
        patternIndex = patterns.count >= PatternIndex.minimumPatterns ? PatternIndex(patterns.map(\.0)) : nil
        self.additional = additional
        self.requiredSlots = requiredSlots
        self.dependencies = dependencies
        self.propertyNames = propertyNames
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        visitsMembers = !propertySchemas.allSatisfy { $0 == nil } || !patterns.isEmpty || additional != nil
            || propertyNames != nil || !requiredSlots.isEmpty || !dependencies.isEmpty
    }

    func name(_ slot: Int) -> String { table.name(slot) }
}

extension Evaluator {
    mutating func checkObject(_ o: ObjectCheck, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.object.rawValue else { return true }
        var valid = true
        let count = Int(node.a)
        if let min = o.minProperties, count < min {
            if !collect { return false }
            valid = false
            record(schema, ["minProperties"], "minProperties", i, "the object has \(count) propert\(count == 1 ? "y" : "ies"), fewer than the minimum of \(countText(min))")
        }
        if let max = o.maxProperties, count > max {
            if !collect { return false }
            valid = false
            record(schema, ["maxProperties"], "maxProperties", i, "the object has \(count) propert\(count == 1 ? "y" : "ies"), more than the maximum of \(countText(max))")
        }
        guard o.visitsMembers else { return valid }
        let slots = o.table.count
        let table = o.table
        let propertySchemas = o.propertySchemas
        let patterns = o.patterns
        let additionalLink = o.additional
        let propertyNames = o.propertyNames
        var presentBits: UInt64 = 0
        var presentArray: [Bool] = slots > 64 ? [Bool](repeating: false, count: slots) : []
        var k = i + 1
        let stop = Int(node.b)
        var candidates: [Int] = []
        while k < stop {
            let v = k + 1
            let key = bytes(k)
            let slot = slots > 0 ? table.lookup(key) : -1
            var matched = false
            if slot >= 0 {
                if slots <= 64 { presentBits |= 1 << UInt64(slot) } else { presentArray[slot] = true }
                if let propertySchema = propertySchemas[slot] {
                    matched = true
                    descend(key: k)
                    #if DEBUG
                    let ok = try validate(propertySchema.ref, v)
                    #else
                    let ok = try propertySchema.use { node throws(ValidationLimitError) in try validate(node, v) }
                    #endif
                    ascend()
                    if !ok { valid = false; if !collect { return false } }
                }
            }
            if let index = o.patternIndex { index.candidates(for: key, into: &candidates) }
            let tried = o.patternIndex == nil ? patterns.count : candidates.count
            for c in 0..<tried {
                let pattern = patterns[o.patternIndex == nil ? c : candidates[c]]
                let hit: Bool
                do { hit = try pattern.regex.matches(utf8: key) } catch {
                    throw ValidationLimitError(message: "patternProperties regex \(ValueDescription.quote(pattern.regex.pattern)) needs more than the regex budget of \(budgetSteps(error)) steps to match the property name \(ValueDescription.quote(String(decoding: key, as: UTF8.self))) (hostile regex?); raise it with --regex-budget")
                }
                if hit {
                    matched = true
                    descend(key: k)
                    let ok = try validate(pattern.schema.ref, v)
                    ascend()
                    if !ok { valid = false; if !collect { return false } }
                }
            }
            if !matched, let additionalLink {
                let additional = additionalLink.ref
                if case .alwaysFalse = additional.form {
                    if !collect { return false }
                    valid = false
                    descend(key: k)
                    var message = "property \(ValueDescription.quote(String(decoding: key, as: UTF8.self), limit: 200)) is not allowed (additionalProperties is false)"
                    let known = o.propertySchemas.indices.filter { o.propertySchemas[$0] != nil }.map { o.name($0) }
                    if let near = Suggest.closest(String(decoding: key, as: UTF8.self), among: known) {
                        message += "; did you mean \"\(near)\"?"
                    }
                    record(schema, ["additionalProperties"], "additionalProperties", k, message)
                    ascend()
                } else {
                    descend(key: k)
                    let ok = try validate(additional, v)
                    ascend()
                    if !ok { valid = false; if !collect { return false } }
                }
            }
            if let names = propertyNames {
                descend(key: k)
                let ok = try validate(names.ref, k)
                ascend()
                if !ok { valid = false; if !collect { return false } }
            }
            let vn = nodes[v]
            k = vn.kind >= ValueKind.array.rawValue ? Int(vn.b) : v + 1
        }
        @inline(__always) func present(_ slot: Int) -> Bool {
            slots <= 64 ? presentBits & (1 << UInt64(slot)) != 0 : presentArray[slot]
        }
        for slot in o.requiredSlots where !present(slot) {
            if !collect { return false }
            valid = false
            record(schema, ["required"], "required", i, "missing required property \"\(o.name(slot))\"")
        }
        for dependency in o.dependencies where present(dependency.slot) {
            for slot in dependency.requiredSlots where !present(slot) {
                if !collect { return false }
                valid = false
                record(schema, ["dependencies", o.name(dependency.slot)], "dependencies", i,
                       "property \"\(o.name(slot))\" is required when \"\(o.name(dependency.slot))\" is present")
            }
            if let dependentSchema = dependency.schema {
                if try !validate(dependentSchema.ref, i) {
                    valid = false
                    if !collect { return false }
                }
            }
        }
        return valid
    }
}


/// `patternProperties` with many patterns: each pattern filed under the bytes every match of it
/// contains (``ECMARegex/requiredBytes``), so a key is matched only against the patterns whose
/// bytes it holds (and those without such bytes). 1,000 patterns `(?<=kN)x` against 100,000 keys
/// are then a few hash lookups per key byte instead of 10^8 regex runs. The regex still decides:
/// the index only skips patterns that cannot match.
struct PatternIndex {
    static let minimumPatterns = 8
    /// Hash of the required bytes → patterns, for each length of required bytes present.
    let byLength: [(length: Int, patterns: [UInt64: [Int]])]
    /// Patterns without required bytes: tried on every key.
    let always: [Int]

    init(_ regexes: [ECMARegex]) {
        var tables: [Int: [UInt64: [Int]]] = [:]
        var always: [Int] = []
        for (i, regex) in regexes.enumerated() {
            let bytes = regex.requiredBytes
            if bytes.isEmpty {
                always.append(i)
            } else {
                let hash = bytes.withUnsafeBufferPointer { PatternIndex.hash($0, 0, $0.count) }
                tables[bytes.count, default: [:]][hash, default: []].append(i)
            }
        }
        byLength = tables.sorted { $0.key < $1.key }.map { (length: $0.key, patterns: $0.value) }
        self.always = always
    }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<(start + count) { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        return h
    }

    /// The indices of the patterns `key` may match, ascending (each once).
    func candidates(for key: UnsafeBufferPointer<UInt8>, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: always)
        for (length, patterns) in byLength where length <= key.count {
            for start in 0...(key.count - length) {
                if let hit = patterns[PatternIndex.hash(key, start, length)] { out.append(contentsOf: hit) }
            }
        }
        out.sortAndRemoveDuplicates()
    }
}
