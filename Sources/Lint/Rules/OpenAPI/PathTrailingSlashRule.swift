/// A path that ends in `/`.
struct PathTrailingSlashRule: LintRule {
    let meta = RuleMeta(
        id: "oas-path-trailing-slash", severity: .warning, scope: .openAPI,
        summary: "Paths do not end with a slash (except the root path /).",
        why: "Many servers and gateways treat /items and /items/ as different resources: a trailing slash in the spec makes clients call a URL the service may not route.",
        fix: "Remove the trailing slash.",
        example: """
        file:    items-api.yaml
                   paths:
                     /items/:
        crrspec: warning: path "/items/" ends with a slash [oas-path-trailing-slash]
                 hint: write /items
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for entry in context.root["paths"].entries where entry.name.count > 1 && entry.name.hasSuffix("/") {
            var trimmed = Substring(entry.name)
            while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            out.add(entry.key, "path \"\(entry.name)\" ends with a slash", hint: "write \(trimmed)")
        }
    }
}
