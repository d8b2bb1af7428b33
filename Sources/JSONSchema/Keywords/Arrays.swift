import Dispatch
import Document

/// What one chunk of a large array's elements gave when validated on its own thread.
struct ChunkResult {
    var valid = true
    var errors: [PendingError] = []
    var truncated = false
    var steps = 0
    var failure: ValidationLimitError?
}

extension Evaluator {
    /// Arrays at least this long near the top of the document are validated on all cores.
    static let parallelThreshold = 8_192

    /// `items` with one schema: every element.
    mutating func checkItems(_ items: SchemaNode, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.array.rawValue else { return true }
        if case .alwaysTrue = items.form { return true }
        if parallel, depth <= 4, Int(node.a) >= Evaluator.parallelThreshold, Evaluator.cores > 1 {
            return try checkItemsInParallel(items, i)
        }
        var valid = true
        var child = i + 1
        let stop = Int(node.b)
        var position = 0
        while child < stop {
            descend(position: position)
            let ok = try validate(items, child)
            ascend()
            if !ok {
                valid = false
                if !collect { return false }
            }
            child = end(child)
            position += 1
        }
        return valid
    }

    static let cores = ProcessInfoCores.count

    /// A download is one big array of records: split its elements into one chunk per core,
    /// validate the chunks on their own evaluators, and merge the results in document order.
    mutating func checkItemsInParallel(_ items: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        parallel = false
        let node = nodes[i]
        let count = Int(node.a)
        let chunks = min(Evaluator.cores, 8)
        // Chunk boundaries: first element index and position of each chunk.
        var starts: [(child: Int, position: Int)] = []
        var child = i + 1
        for position in 0..<count {
            if position % ((count + chunks - 1) / chunks) == 0 { starts.append((child, position)) }
            child = end(child)
        }
        starts.append((Int(node.b), count))
        let results = UnsafeMutableBufferPointer<ChunkResult>.allocate(capacity: starts.count - 1)
        results.initialize(repeating: ChunkResult())
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Shared read-only across the workers: the compiled schema and the document never change
        // after compilation and parsing; each worker writes only its own result slot.
        struct Shared: @unchecked Sendable {
            let template: Evaluator
            let items: U<SchemaNode>
            let starts: [(child: Int, position: Int)]
            let results: UnsafeMutableBufferPointer<ChunkResult>
        }
        let shared = Shared(template: self, items: U(items), starts: starts, results: results)
        WorkerThreads.perform(iterations: starts.count - 1, threads: Self.cores) { k in
            let starts = shared.starts
            var worker = shared.template
            worker.parallel = false
            worker.errors = []
            worker.steps = 0
            var result = ChunkResult()
            do throws(ValidationLimitError) {
                var child = starts[k].child
                var position = starts[k].position
                while child < starts[k + 1].child {
                    worker.descend(position: position)
                    let ok = try worker.validate(shared.items.ref, child)
                    worker.ascend()
                    if !ok {
                        result.valid = false
                        if !worker.collect { break }
                    }
                    child = worker.end(child)
                    position += 1
                }
            } catch {
                result.failure = error
            }
            result.errors = worker.errors
            result.truncated = worker.truncated
            result.steps = worker.steps
            shared.results[k] = result
        }
        var valid = true
        for result in results {
            if let failure = result.failure { throw failure }
            valid = valid && result.valid
            steps &+= result.steps
            truncated = truncated || result.truncated
            for error in result.errors {
                if errors.count >= limits.maxErrors { truncated = true; break }
                errors.append(error)
            }
        }
        return valid
    }

    /// `items` as an array (tuple form) plus `additionalItems`.
    mutating func checkTupleItems(_ list: [U<SchemaNode>], _ additionalLink: U<SchemaNode>?, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        let additional = additionalLink?.ref
        let node = nodes[i]
        guard node.kind == ValueKind.array.rawValue else { return true }
        var valid = true
        var child = i + 1
        let stop = Int(node.b)
        var position = 0
        while child < stop {
            if position < list.count {
                descend(position: position)
                let ok = try validate(list[position].ref, child)
                ascend()
                if !ok { valid = false; if !collect { return false } }
            } else if let additional {
                if case .alwaysFalse = additional.form {
                    if collect {
                        record(schema, ["additionalItems"], "additionalItems", i,
                               "the array has \(node.a) items, but only \(list.count) are allowed (additionalItems is false)")
                    }
                    return false
                }
                descend(position: position)
                let ok = try validate(additional, child)
                ascend()
                if !ok { valid = false; if !collect { return false } }
            } else {
                break
            }
            child = end(child)
            position += 1
        }
        return valid
    }

    mutating func checkContains(_ contains: SchemaNode, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.array.rawValue else { return true }
        var child = i + 1
        let stop = Int(node.b)
        while child < stop {
            let current = child
            if try quietly({ e throws(ValidationLimitError) in try e.validate(contains, current) }) { return true }
            child = end(child)
        }
        if collect {
            record(schema, ["contains"], "contains", i, "no item of \(describe(i)) matches the `contains` schema")
        }
        return false
    }

    mutating func checkItemCount(_ n: Int, isMin: Bool, _ schema: SchemaNode, _ i: Int) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.array.rawValue else { return true }
        let count = Int(node.a)
        let ok = isMin ? count >= n : count <= n
        if !ok && collect {
            let keyword = isMin ? "minItems" : "maxItems"
            record(schema, [keyword], keyword, i,
                   "the array has \(count) item\(count == 1 ? "" : "s"), \(isMin ? "fewer than the minimum" : "more than the maximum") of \(countText(n))")
        }
        return ok
    }

    mutating func checkUnique(_ schema: SchemaNode, _ i: Int) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.array.rawValue, node.a > 1 else { return true }
        let array = Value(document: document, index: i)
        let elements = Array(array.elements)
        var firstDuplicate: (Int, Int)?
        if elements.count <= 16 {
            outer: for x in 1..<elements.count {
                for y in 0..<x where JSONEquality.equal(elements[x], elements[y]) {
                    firstDuplicate = (y, x)
                    break outer
                }
            }
        } else {
            var seen: [Int: [Int]] = [:]
            outer: for (x, element) in elements.enumerated() {
                let h = JSONEquality.hashValue(element)
                for y in seen[h, default: []] where JSONEquality.equal(elements[y], element) {
                    firstDuplicate = (y, x)
                    break outer
                }
                seen[h, default: []].append(x)
            }
        }
        guard let (first, second) = firstDuplicate else { return true }
        if collect {
            record(schema, ["uniqueItems"], "uniqueItems", i,
                   "items \(first) and \(second) are equal (\(ValueDescription.describe(elements[second]))), but uniqueItems is true")
        }
        return false
    }
}

/// The number of cores validation may use.
enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
#endif
