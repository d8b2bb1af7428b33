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
        for path in context.contract?.paths ?? [] where path.template.count > 1 && path.template.hasSuffix("/") {
            var trimmed = Substring(path.template)
            while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            out.add(path.key ?? path.value, "path \"\(path.template)\" ends with a slash", hint: "write \(trimmed)")
        }
    }
}
