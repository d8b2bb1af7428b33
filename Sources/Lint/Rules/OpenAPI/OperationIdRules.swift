/// An operation without an operationId.
struct OperationIdMissingRule: LintRule {
    let meta = RuleMeta(
        id: "oas-operation-id-missing", severity: .warning, scope: .openAPI,
        summary: "Every operation has an operationId.",
        why: "Clients, SDK generators and crrspec validate --operation name operations by their operationId.",
        fix: "Add a unique operationId, e.g. getPortfolioStatus.",
        example: """
        file:    items-api.yaml
                   /items:
                     get:
                       responses: ...       (no operationId)
        crrspec: warning: GET /items has no operationId [oas-operation-id-missing]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for operation in context.contract?.operations ?? [] where operation.operationId == nil {
            out.add(operation.value, "\(operation.method.uppercased()) \(operation.path) has no operationId")
        }
    }
}

/// Two operations with the same operationId.
struct OperationIdDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "oas-operation-id-duplicate", severity: .error, scope: .openAPI,
        summary: "operationIds are unique in the spec.",
        why: "A repeated operationId makes generated clients collide and lookups by id pick the wrong operation.",
        fix: "Rename one of them.",
        example: """
        file:    items-api.yaml
                   /items/{id}:
                     get: {operationId: getItem, ...}
                   /items:
                     get: {operationId: getItem, ...}
        crrspec: error: operationId "getItem" is also used by GET /items/{id} [oas-operation-id-duplicate]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        var seen: [String: String] = [:]
        for operation in context.contract?.operations ?? [] {
            guard let id = operation.operationId, let value = operation.value["operationId"] else { continue }
            if let first = seen[id] {
                out.add(value, "operationId \"\(id)\" is also used by \(first)")
            } else {
                seen[id] = "\(operation.method.uppercased()) \(operation.path)"
            }
        }
    }
}

/// An operationId with characters that need escaping in a URL.
struct OperationIdURLSafeRule: LintRule {
    let meta = RuleMeta(
        id: "oas-operation-id-url-safe", severity: .warning, scope: .openAPI,
        summary: "operationIds use only URL-safe characters (letters, digits, - . _ ~).",
        why: "Documentation tools put operationIds in links and anchors; spaces and punctuation break them.",
        fix: "Use letters and digits, e.g. portfolioCreation.",
        example: """
        file:    items-api.yaml
                   operationId: list items
        crrspec: warning: operationId "list items" is not URL-safe (' ') [oas-operation-id-url-safe]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for operation in context.contract?.operations ?? [] {
            guard let id = operation.operationId, let value = operation.value["operationId"] else { continue }
            let bad = id.unicodeScalars.filter { !($0.isASCII && (("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-._~".unicodeScalars.contains($0))) }
            if id.isEmpty || !bad.isEmpty {
                out.add(value, "operationId \"\(id)\" is not URL-safe" + (bad.isEmpty ? "" : " (\(bad.map { "'\($0)'" }.joined(separator: " ")))"))
            }
        }
    }
}
