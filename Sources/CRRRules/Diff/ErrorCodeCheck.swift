import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// Error-code catalog changes: `error-code-added`, `error-code-removed`, `error-code-replaced`
/// (a removed and an added code with the same text, as when SER0018 became GEN0003 or AUC0013
/// became POR0013) and `error-code-redescribed` (same code, new text: documentation).
///
/// Codes are what consumers switch on when a call fails, so additions, removals and
/// replacements are response changes that need at least a MINOR bump (a warning: a client that
/// maps every code must learn the new one). With `asDocumentation` (`--error-codes documentation`)
/// they count as documentation, as CAISO's own release notes treat them.
enum ErrorCodeCheck {
    static func run(old: [ErrorCodeCatalog.Entry], new: [ErrorCodeCatalog.Entry], oldAnchor: ChangeLocation,
                    newAnchor: ChangeLocation, record: (Change) -> Void, asDocumentation: Bool = false) {
        let oldCodes = Set(old.map(\.code)), newCodes = Set(new.map(\.code))
        let removed = old.filter { !newCodes.contains($0.code) }
        let added = new.filter { !oldCodes.contains($0.code) }
        let replacements = Similarity.pair(removed, added, match: { r, a in
            let t = ErrorCodeCatalog.normalized(r.text)
            return !t.isEmpty && t == ErrorCodeCatalog.normalized(a.text)
        }, score: { Similarity.score($0.code, $1.code) })
        let replacedOld = Set(replacements.map(\.0)), replacedNew = Set(replacements.map(\.1))
        func add(_ id: String, _ compatibility: Compatibility, _ o: ChangeLocation, _ n: ChangeLocation, _ message: String, _ summary: String? = nil) {
            record(Change(id: id, direction: .response, compatibility: asDocumentation ? .documentation : compatibility, old: o, new: n,
                                   message: message, summary: summary))
        }
        for (i, j) in replacements {
            add("error-code-replaced", .warning, removed[i].location, added[j].location,
                   "Replaced error code \(removed[i].code) with \(added[j].code)")
        }
        for (i, entry) in removed.enumerated() where !replacedOld.contains(i) {
            add("error-code-removed", .warning, entry.location, newAnchor,
                   "Removed error code \(entry.code)" + describe(entry.text), "Removed error code \(entry.code)")
        }
        for (j, entry) in added.enumerated() where !replacedNew.contains(j) {
            add("error-code-added", .warning, oldAnchor, entry.location,
                   "Added error code \(entry.code)" + describe(entry.text), "Added error code \(entry.code)")
        }
        for entry in old {
            guard let other = new.first(where: { $0.code == entry.code }),
                  ErrorCodeCatalog.normalized(entry.text) != ErrorCodeCatalog.normalized(other.text) else { continue }
            let message: String
            switch (entry.text, other.text) {
            case (nil, let b?): message = "Listed error code \(entry.code), known from an example, in the code table: \"\(ValueText.clip(b))\""
            case (let a?, nil): message = "Error code \(entry.code) left the code table (an example still shows it): was \"\(ValueText.clip(a))\""
            default: message = "Changed the description of error code \(entry.code): \"\(ValueText.clip(entry.text ?? ""))\" → \"\(ValueText.clip(other.text ?? ""))\""
            }
            add("error-code-redescribed", .documentation, entry.location, other.location, message,
                   "Updated the description of error code \(entry.code)")
        }
    }

    static func describe(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return " (\(ValueText.clip(text)))"
    }
}
