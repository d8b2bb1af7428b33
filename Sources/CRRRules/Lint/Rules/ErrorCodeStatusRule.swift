import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A code whose HTTP status differs between the code table, the revision notes and the
/// responses that use it.
struct ErrorCodeStatusRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-status", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "The HTTP status the code table gives a code agrees with the revision notes and with the responses that use it.",
        why: "The published specs contradict themselves (notes: SER0028 for 404 and SER0029 for 500; tables: the opposite); clients cannot know which to expect. crrspec reports the contradiction once (two swapped codes are one finding) and does not pick a side.",
        fix: "Decide which pairing is right and make the table, the notes and the response examples agree.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>1.2.1</td><td>2024-12-20</td><td>Error code SER0028 is used for response 404 and ...</td></tr>
                   ...
                   <tr><td>SER0028</td><td>...</td><td>500</td></tr>
        crrspec: error: the revision notes (1.2.1) pair SER0028 with HTTP 404, but the code table pairs it with HTTP 500 (line 63): the spec contradicts itself [crr-error-code-status]
                 hint: decide which is right and make the notes and the table agree
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable else { return }
        var statusOf: [String: (Int, ErrorCodeTable.Entry)] = [:]
        for entry in table.entries { if let status = entry.status, statusOf[entry.code] == nil { statusOf[entry.code] = (status, entry) } }
        if let revisions = context.revisions {
            var contradictions: [(event: RevisionTable.CodeEvent, said: Int, status: Int, line: Int)] = []
            var seen: Set<String> = []
            for event in revisions.codeEvents {
                guard let said = event.status, let (status, entry) = statusOf[event.code], said != status,
                      seen.insert("\(event.code) \(said)").inserted else { continue }
                contradictions.append((event, said, status, table.position(of: entry).line))
            }
            // Two codes whose statuses the notes and the table swap are one defect (SER0028/SER0029).
            var merged: Set<Int> = []
            for (i, a) in contradictions.enumerated() where !merged.contains(i) {
                let version = revisions.rows[a.event.row].versionText
                let position = revisions.position(offset: a.event.offset, token: a.event.code)
                if let j = contradictions.indices.first(where: { j in
                    let b = contradictions[j]
                    return j > i && !merged.contains(j) && b.event.code != a.event.code && b.said == a.status && b.status == a.said
                }) {
                    merged.insert(j)
                    let b = contradictions[j]
                    out.add(revisions.description, at: position,
                            "the revision notes (\(version)) pair \(a.event.code) with HTTP \(a.said) and \(b.event.code) with HTTP \(b.said), but the code table pairs them the other way round (line \(a.line) for \(a.event.code), line \(b.line) for \(b.event.code)): the spec contradicts itself",
                            hint: "decide which is right and make the notes and the table agree")
                    continue
                }
                out.add(revisions.description, at: position,
                        "the revision notes (\(version)) pair \(a.event.code) with HTTP \(a.said), but the code table pairs it with HTTP \(a.status) (line \(a.line)): the spec contradicts itself",
                        hint: "decide which is right and make the notes and the table agree")
            }
        }
        for operation in context.spec?.operations ?? [] {
            for response in operation.value["responses"].entries {
                guard let status = Int(response.name), status >= 400 else { continue }
                let resolved = (try? context.spec!.resolve(response.value)) ?? response.value
                for example in examples(of: resolved) {
                    for value in example.subtree where value.kind == .string {
                        guard let code = value.string, let (tableStatus, _) = statusOf[code], tableStatus != status else { continue }
                        out.add(value, "the \(status) response of \(operation.method.uppercased()) \(operation.path) uses \(code), which the code table gives HTTP \(tableStatus)")
                    }
                }
            }
        }
    }

    func examples(of response: Value) -> [Value] {
        response["content"].entries.flatMap { media -> [Value] in
            [media.value["example"]].compactMap { $0 } + media.value["examples"].entries.compactMap { $0.value["value"] }
        }
    }
}
