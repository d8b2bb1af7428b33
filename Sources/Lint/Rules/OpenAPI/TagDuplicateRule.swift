import Document

/// The same name twice in the top-level `tags`.
struct TagDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "oas-tag-duplicate", severity: .error, scope: .openAPI,
        summary: "The top-level tags list declares each tag name once.",
        why: "OpenAPI requires tag names to be unique; with a duplicate, documentation keeps one description at random and may show the group twice.",
        fix: "Remove the repeat, merging its description into the first.",
        example: """
        file:    items-api.yaml
                   tags:
                     - name: Read
                     - name: Read
        crrspec: error: tag "Read" is declared twice (first at line 6) [oas-tag-duplicate]
                 hint: remove the repeat
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        var first: [String: Value] = [:]
        for tag in context.contract?.tags ?? [] {
            guard let name = tag.value["name"], let text = name.string else { continue }
            if let earlier = first[text] {
                out.add(name, "tag \"\(text)\" is declared twice (first at line \(earlier.position.line))", hint: "remove the repeat")
            } else {
                first[text] = name
            }
        }
    }
}
