import Document
import OpenAPI
import JSONSchema

/// One operation of a spec as diff sees it: the contract model's operation, with its operation
/// and path-item objects as change locations.
/// A class, not a struct: the matching lists (matched and renamed pairs, removed, added) and
/// the checks pass operations around by reference instead of copying a contract operation
/// (hundreds of bytes) into each list.
final class SpecOperation {
    let contract: ContractOperation
    /// The path item (after `$ref`).
    let item: Located
    let node: Located

    init(contract: ContractOperation, item: Located, node: Located) {
        self.contract = contract
        self.item = item
        self.node = node
    }

    var method: String { contract.method }
    var path: String { contract.path }
    var label: String { contract.label }
    /// The path split into service, version and tail (the model's).
    var servicePath: ServicePath { contract.servicePath }

    /// Every operation of a contract, in document order.
    static func all(_ contract: Contract) -> [SpecOperation] {
        let paths = contract.document.root["paths"]
        return contract.operations.map { operation in
            // Written in place (not through a $ref): the pointer is known without a search.
            let inPlace = paths?[operation.path]?.index == operation.pathItem.index
            let item = inPlace ? Located(operation.pathItem, JSONPointer(tokens: ["paths", operation.path])) : Located(operation.pathItem)
            let node = inPlace ? Located(operation.value, JSONPointer(tokens: ["paths", operation.path, operation.method])) : Located(operation.value)
            return SpecOperation(contract: operation, item: item, node: node)
        }
    }
}

/// Pairs the operations of two specs: same method and path (templates normalised: `/items/{id}`
/// and `/items/{itemId}` are the same URLs); then the same operation under
/// another path version (`/auction/v1.0/x` → `/auction/v2.0/x`); then renames, an endpoint
/// removed and one added with the same method and the same content (parameters, request body
/// and success responses, documentation and error responses aside), closest paths first.
enum OperationMatching {
    struct Result {
        var matched: [(SpecOperation, SpecOperation)] = []
        var renamed: [(SpecOperation, SpecOperation)] = []
        var removed: [SpecOperation] = []
        var added: [SpecOperation] = []
    }

    static func match(old: [SpecOperation], new: [SpecOperation]) -> Result {
        var result = Result()
        // Indices of the new operations by key, in document order; each is taken at most once.
        // (Hashed, not searched: a spec with thousands of endpoints must not cost millions of
        // comparisons.)
        var taken = [Bool](repeating: false, count: new.count)
        func take(_ candidates: [Int]?) -> Int? {
            guard let j = candidates?.first(where: { !taken[$0] }) else { return nil }
            taken[j] = true
            return j
        }
        struct SamePath: Hashable { let method: String, path: String }
        struct OtherVersion: Hashable { let method: String, service: String, tail: String }
        var byPath: [SamePath: [Int]] = [:], byTail: [OtherVersion: [Int]] = [:]
        for (j, n) in new.enumerated() {
            byPath[SamePath(method: n.method, path: n.contract.normalizedPath), default: []].append(j)
            let servicePath = n.contract.normalizedServicePath
            byTail[OtherVersion(method: n.method, service: servicePath.service, tail: servicePath.tail), default: []].append(j)
        }
        var restOld: [SpecOperation] = []
        for o in old {
            if let j = take(byPath[SamePath(method: o.method, path: o.contract.normalizedPath)]) {
                result.matched.append((o, new[j]))
            } else {
                restOld.append(o)
            }
        }
        var stillOld: [SpecOperation] = []
        for o in restOld {
            let key = o.contract.normalizedServicePath
            if key.version != nil, let j = take(byTail[OtherVersion(method: o.method, service: key.service, tail: key.tail)]) {
                result.matched.append((o, new[j]))
            } else {
                stillOld.append(o)
            }
        }
        let restNew = new.indices.filter { !taken[$0] }.map { new[$0] }
        let oldPrints = stillOld.map(fingerprint)
        let newPrints = restNew.map(fingerprint)
        let pairs = Similarity.pair(Array(stillOld.indices), Array(restNew.indices), match: { i, j in
            stillOld[i].method == restNew[j].method && oldPrints[i] == newPrints[j]
        }, score: { i, j in Similarity.score(stillOld[i].path, restNew[j].path) })
        for (i, j) in pairs { result.renamed.append((stillOld[i], restNew[j])) }
        let renamedOld = Set(pairs.map(\.0)), renamedNew = Set(pairs.map(\.1))
        result.removed = stillOld.indices.filter { !renamedOld.contains($0) }.map { stillOld[$0] }
        result.added = restNew.indices.filter { !renamedNew.contains($0) }.map { restNew[$0] }
        return result
    }

    /// The content of an operation that a rename keeps: the model's parameters (path item's
    /// and operation's merged), request body and success responses, with `$ref`s to them
    /// followed (by the model) and schema references left as written.
    static func fingerprint(_ operation: SpecOperation) -> String {
        let model = operation.contract
        var parts: [String] = [operation.method]
        parts.append(model.parameters.map { Canonical.text(Located($0.value)) }.sorted().joined(separator: ","))
        if let body = model.requestBody { parts.append(Canonical.text(Located(body.value))) }
        for response in model.responses where response.status.hasPrefix("2") {
            parts.append(response.status + "=" + Canonical.text(Located(response.value)))
        }
        return parts.joined(separator: "|")
    }
}
