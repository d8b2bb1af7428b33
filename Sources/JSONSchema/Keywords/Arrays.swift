import Document

extension Evaluator {
    /// `items` with one schema: every element.
    mutating func checkItems(_ items: SchemaNode, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        let node = nodes[i]
        guard node.kind == ValueKind.array.rawValue else { return true }
        if case .alwaysTrue = items.form { return true }
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
                   "the array has \(count) item\(count == 1 ? "" : "s"), \(isMin ? "fewer than the minimum" : "more than the maximum") of \(n)")
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
