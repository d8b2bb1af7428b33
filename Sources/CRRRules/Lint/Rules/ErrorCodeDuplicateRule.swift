import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A code listed twice, or two codes with one meaning.
struct ErrorCodeDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-duplicate", severity: .error, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Each error code has one meaning, and each meaning one code.",
        why: "A code with two texts cannot be handled reliably; two codes for one error (LHFV0032 and SER0002) split client handling for no reason.",
        fix: "Keep one row per code and drop the code that duplicates another.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   <tr><td>SER0017</td><td>Request {0} is not valid.</td><td>Service</td></tr>
                   <tr><td>POR0011</td><td>Request {0} is not valid.</td><td>Portfolio</td></tr>
        crrspec: error: error codes SER0017 and POR0011 have the same text "Request {0} is not valid.": one meaning, one code [crr-error-code-duplicate]
                 hint: keep one of them
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable else { return }
        var byCode: [String: ErrorCodeTable.Entry] = [:]
        var byText: [String: ErrorCodeTable.Entry] = [:]
        for entry in table.entries {
            let position = table.position(of: entry)
            if let first = byCode[entry.code] {
                let same = normalized(first.text) == normalized(entry.text)
                out.add(table.description, at: position, same ? "error code \(entry.code) is listed twice" :
                        "error code \(entry.code) has two meanings: \"\(first.text)\" and \"\(entry.text)\"")
            } else {
                byCode[entry.code] = entry
            }
            let key = normalized(entry.text)
            guard key.count > 3, key != "0" else { continue }
            if let first = byText[key], first.code != entry.code {
                out.add(table.description, at: position, "error codes \(first.code) and \(entry.code) have the same text \"\(entry.text)\": one meaning, one code",
                        hint: "keep one of them")
            } else if byText[key] == nil {
                byText[key] = entry
            }
        }
    }

    /// Lower case, letters, digits and placeholders only.
    func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
