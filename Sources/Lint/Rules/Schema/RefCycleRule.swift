import Document

/// `$ref`s that lead back to themselves without ever reaching a definition: `A → B → A`
/// among component schemas, a response or parameter that refers to itself, `allOf` branches
/// that come back to the schema holding them. Whatever reaches such a cycle can never be
/// resolved (validate refuses the value; generated code and docs recurse forever).
struct RefCycleRule: LintRule {
    let meta = RuleMeta(
        id: "ref-cycle", severity: .error, scope: .all,
        summary: "No $ref chain comes back to where it started without reaching a definition.",
        why: """
        A $ref replaces the object holding it by its target. When targets lead back to the start — A refers to B, B to A; a \
        response that refers to itself; an allOf branch that refers to the schema holding it — the chain never reaches a \
        definition: validate stops on any value that reaches it, and code and documentation generators loop. (A schema that \
        refers to itself below a property or items is recursion, and fine.)
        """,
        fix: "Make one member of the cycle a definition instead of a $ref, or point the $ref at the schema it meant.",
        example: """
        file:    components:
                   schemas:
                     A: {$ref: '#/components/schemas/B'}
                     B: {$ref: '#/components/schemas/A'}
        crrspec: error: $ref cycle #/components/schemas/A → #/components/schemas/B → #/components/schemas/A never reaches a definition [ref-cycle]
        """)

    /// The objects a `$ref` object or schema stands for in place: its `$ref` target (then its
    /// other members do not count), else its `allOf`/`anyOf`/`oneOf` branches, `not`, `if`,
    /// `then` and `else` — what is evaluated on the same value, never below it.
    static func inPlace(_ value: Value, _ context: LintContext) -> [Value] {
        guard value.kind == .object else { return [] }
        if let ref = value["$ref"] {
            guard let text = ref.string, case .success(let target) = context.resolve(ref: text),
                  target.document === value.document, target.kind == .object else { return [] }
            return [target]
        }
        var out: [Value] = []
        for key in ["allOf", "anyOf", "oneOf"] {
            guard let list = value[key], list.kind == .array else { continue }
            for branch in list.elements where branch.kind == .object { out.append(branch) }
        }
        for key in ["not", "if", "then", "else"] {
            if let sub = value[key], sub.kind == .object { out.append(sub) }
        }
        return out
    }

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let holders = context.references.map(\.holder)
        guard !holders.isEmpty else { return }
        // Tarjan's strongly connected components, iteratively, over the objects reachable in
        // place from a $ref holder: linear in objects and links.
        var values: [Int: Value] = [:]
        var edges: [Int: [Int]] = [:]
        func successors(_ index: Int) -> [Int] {
            if let known = edges[index] { return known }
            let next = RefCycleRule.inPlace(values[index]!, context)
            for value in next where values[value.index] == nil { values[value.index] = value }
            let list = next.map(\.index)
            edges[index] = list
            return list
        }
        var order: [Int: Int] = [:], low: [Int: Int] = [:]
        var onStack: Set<Int> = [], stack: [Int] = []
        var cycles: [[Int]] = []
        var counter = 0
        for holder in holders where order[holder.index] == nil {
            values[holder.index] = holder
            var work: [(node: Int, next: Int)] = [(holder.index, 0)]
            order[holder.index] = counter; low[holder.index] = counter; counter += 1
            stack.append(holder.index); onStack.insert(holder.index)
            while let (node, position) = work.last {
                let children = successors(node)
                if position < children.count {
                    work[work.count - 1].next += 1
                    let child = children[position]
                    if let seen = order[child] {
                        if onStack.contains(child) { low[node] = min(low[node]!, seen) }
                    } else {
                        order[child] = counter; low[child] = counter; counter += 1
                        stack.append(child); onStack.insert(child)
                        work.append((child, 0))
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node]!, low[node]!) }
                guard low[node] == order[node] else { continue }
                var members: [Int] = []
                while let top = stack.popLast() {
                    onStack.remove(top)
                    members.append(top)
                    if top == node { break }
                }
                if members.count > 1 || successors(node).contains(node) { cycles.append(members) }
            }
        }
        for members in cycles {
            let inCycle = Set(members)
            // The chain from the member first in the document, around the cycle.
            let start = members.min()!
            var chain = [start], current = start
            var seen: Set<Int> = [start]
            while let next = successors(current).first(where: { inCycle.contains($0) }) {
                chain.append(next)
                if !seen.insert(next).inserted { break }
                current = next
            }
            // A path that closes on a member after the start: show it from there.
            if let last = chain.last, last != start, let first = chain.firstIndex(of: last), first < chain.count - 1 {
                chain = Array(chain[first...])
            }
            let names = chain.map { "#" + (values[$0]?.pointer.description ?? "") }
            let holder = values[chain[0]]!
            let at = holder["$ref"] ?? holder
            out.add(at, "$ref cycle \(names.joined(separator: " → ")) never reaches a definition",
                    hint: "make one member of the cycle a definition, or point the $ref at the schema it meant")
        }
    }
}
