import Document

extension Evaluator {
    mutating func checkAllOf(_ list: [U<SchemaNode>], _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        var valid = true
        for sub in list where try !validate(sub.ref, i) {
            valid = false
            if !collect { return false }
        }
        return valid
    }

    /// `anyOf`: a fast pass first; errors are gathered only when no branch matches, and
    /// then only the best-matching branch's errors are reported.
    mutating func checkAnyOf(_ list: [U<SchemaNode>], _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        for sub in list {
            if try quietly({ e throws(ValidationLimitError) in try e.validate(sub.ref, i) }) { return true }
        }
        if collect { try explainBranches(list, schema, "anyOf", i, matched: 0) }
        return false
    }

    mutating func checkOneOf(_ list: [U<SchemaNode>], _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        var matches: [Int] = []
        for (n, sub) in list.enumerated() {
            if try quietly({ e throws(ValidationLimitError) in try e.validate(sub.ref, i) }) {
                matches.append(n)
                if matches.count > 1 && !collect { return false }
            }
        }
        if matches.count == 1 { return true }
        if collect {
            if matches.isEmpty {
                try explainBranches(list, schema, "oneOf", i, matched: 0)
            } else {
                record(schema, ["oneOf"], "oneOf", i,
                       "\(describe(i)) matches \(matches.count) of the oneOf alternatives (\(matches.map(String.init).joined(separator: ", "))), but must match exactly one")
            }
        }
        return false
    }

    /// Records a summary error, then the errors of the branch that came closest.
    mutating func explainBranches(_ list: [U<SchemaNode>], _ schema: SchemaNode, _ keyword: String, _ i: Int, matched: Int) throws(ValidationLimitError) {
        var best: [PendingError]?
        var bestScore = Int.max
        for sub in list {
            let mark = errors.count
            _ = try validate(sub.ref, i)
            let branch = Array(errors[mark...])
            errors.removeSubrange(mark...)
            // Prefer branches whose type fits (errors deeper than a top-level type mismatch), then fewer errors.
            let typeMismatch = branch.contains { $0.keyword == "type" && $0.instanceIndex == i }
            let score = (typeMismatch ? 1_000_000 : 0) + branch.count
            if score < bestScore {
                bestScore = score
                best = branch
            }
        }
        record(schema, [keyword], keyword, i,
               "\(describe(i)) does not match any of the \(list.count) \(keyword) alternatives" + ((best?.isEmpty ?? true) ? "" : "; closest match:"))
        for var detail in best ?? [] where errors.count < limits.maxErrors {
            detail.isBranchDetail = true
            keep(detail)
        }
    }

    mutating func checkNot(_ sub: SchemaNode, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        if try !quietly({ e throws(ValidationLimitError) in try e.validate(sub, i) }) { return true }
        if collect { record(schema, ["not"], "not", i, "\(describe(i)) must not match the `not` schema") }
        return false
    }

    mutating func checkConditional(_ condition: U<SchemaNode>, _ then: U<SchemaNode>?, _ otherwise: U<SchemaNode>?,
                                   _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        let holds = try quietly { e throws(ValidationLimitError) in try e.validate(condition.ref, i) }
        if holds, let then { return try validate(then.ref, i) }
        if !holds, let otherwise { return try validate(otherwise.ref, i) }
        return true
    }
}
