import Document

/// An unquoted ON, OFF, YES, NO, Y or N in a YAML file.
struct YAMLBooleanWordRule: LintRule {
    let meta = RuleMeta(
        id: "yaml-boolean-word", severity: .warning, scope: .all,
        summary: "YAML values ON, OFF, YES, NO, Y and N (any case) are quoted.",
        why: "YAML 1.2 reads them as strings, but YAML 1.1 readers — still the default of many code generators and parsers — read them as booleans, so an enum of ON/OFF turns into true/false there. CRR's time-of-use values are exactly ON and OFF.",
        fix: "Quote the value ('ON'); crrspec lint --fix does it.",
        example: """
        file:    items-api.yaml
                   tou: {type: string, enum: [ON, OFF]}
        crrspec: warning: unquoted ON is read as a boolean by YAML 1.1 tools [yaml-boolean-word]
                 hint: quote it: 'ON'
        """)

    static let words: Set<String> = ["on", "off", "yes", "no", "y", "n"]

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let source = context.document.source
        // Only values (object keys are not visited), each once.
        for value in context.root.subtree where value.kind == .string {
            guard let text = value.string, text.count <= 3, YAMLBooleanWordRule.words.contains(text.lowercased()) else { continue }
            let offset = Int(context.document.nodes[value.index].offset)
            // Quoted (JSON, or a quoted YAML scalar) and block scalars are fine.
            guard offset < source.count, let (range, quoted) = LintFixer.literalSpan(value), !quoted, range.lowerBound == offset else { continue }
            out.add(value, "unquoted \(text) is read as a boolean by YAML 1.1 tools", hint: "quote it: '\(text)'",
                    fix: LintFix(start: range.lowerBound, end: range.upperBound, replacement: "'\(text)'", summary: "quote \(text)"))
        }
    }
}
