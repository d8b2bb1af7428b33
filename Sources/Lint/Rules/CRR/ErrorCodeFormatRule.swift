/// A code in the table not shaped like three or four capitals and four digits.
struct ErrorCodeFormatRule: LintRule {
    let meta = RuleMeta(
        id: "crr-error-code-format", severity: .error, scope: .openAPI, crr: true,
        summary: "Error codes match [A-Z]{3,4}[0-9]{4} (SER0017, LHFV0026).",
        why: "Clients match codes by this shape, and ErrorDetail.errorCode carries it.",
        fix: "Write the code as capitals and four digits, with no spaces.")

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let table = context.codeTable else { return }
        for entry in table.entries where !CodeScanner.isWellFormed(entry.code) {
            out.add(table.description, at: table.position(of: entry), "error code \"\(entry.code)\" does not match [A-Z]{3,4}[0-9]{4}")
        }
    }
}
