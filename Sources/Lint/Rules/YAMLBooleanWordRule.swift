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
        let document = context.document
        let source = document.source
        let string = ValueKind.string.rawValue
        // One pass over the nodes: short plain strings only (quoted and block scalars, and
        // every JSON string, start with a quote, | or >).
        for index in 0..<document.nodes.count where document.nodes[index].kind == string {
            let value = Value(document: document, index: index)
            let bytes = value.utf8
            guard (1...3).contains(bytes.count) else { continue }
            let offset = Int(document.nodes[index].offset)
            guard offset < source.count, source[offset] | 0x20 == bytes[0] | 0x20 else { continue }
            guard let text = value.string, YAMLBooleanWordRule.words.contains(text.lowercased()),
                  let (range, quoted) = LintFixer.literalSpan(value), !quoted, range.lowerBound == offset else { continue }
            // A mapping key (`on:`) is not a value.
            var next = range.upperBound
            while next < source.count, source[next] == 0x20 { next += 1 }
            if next < source.count, source[next] == UInt8(ascii: ":") { continue }
            out.add(value, "unquoted \(text) is read as a boolean by YAML 1.1 tools", hint: "quote it: '\(text)'",
                    fix: LintFix(start: range.lowerBound, end: range.upperBound, replacement: "'\(text)'", summary: "quote \(text)"))
        }
    }
}
