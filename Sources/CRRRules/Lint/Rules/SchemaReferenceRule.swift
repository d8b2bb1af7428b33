import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A description naming a download schema that does not exist or is not the newest version.
struct SchemaReferenceRule: LintRule {
    let meta = RuleMeta(
        id: "crr-schema-reference", severity: .warning, scope: .openAPI, profile: CRRLint.ruleProfile,
        summary: "Download schemas named in descriptions (CRRMEQResult_v1.2.0) exist, spelt right, in their newest version.",
        why: "Participants pick the schema for a download from these descriptions; the 2024-11-21 update had to correct the version numbers in them.",
        fix: "Name the newest version of the schema, spelt as the catalog spells it.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   description: Portfolios of CRR bids; results in CRRMEQResult_v1.1.0.
        crrspec: warning: CRRMEQResult_v1.1.0 is not the newest version of CRRMEQResult: the catalog has 1.2.0 [crr-schema-reference]
                 hint: write CRRMEQResult_v1.2.0
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let schemas = CRRCatalog.entries.filter(\.isSchema)
        let names = Array(Set(schemas.map(\.name))).sorted()
        for value in context.texts {
            guard let text = value.string, text.contains("_v") else { continue }
            for (name, version, offset, token) in SchemaReferenceRule.references(in: text) {
                let position = SourceSearch.position(in: value, offset: offset, token: token)
                let versions = schemas.filter { $0.name == name }.map(\.version)
                guard let newest = versions.max() else {
                    let near = Suggest.closest(name, among: names)
                    out.add(value, at: position, "no download schema is named \(name)" + (near.map { "; did you mean \($0)?" } ?? ""),
                            hint: near.map { "write \($0)_v\(version)" })
                    continue
                }
                if version < newest {
                    out.add(value, at: position, "\(token) is not the newest version of \(name): the catalog has \(newest)", hint: "write \(name)_v\(newest)")
                } else if !versions.contains(version) {
                    out.add(value, at: position, "the catalog has no \(name) version \(version) (newest: \(newest))")
                }
            }
        }
    }

    /// `CRRName_vX.Y.Z` mentions: name, version, UTF-8 offset and the matched text.
    static func references(in text: String) -> [(String, CRRVersion, Int, String)] {
        var out: [(String, CRRVersion, Int, String)] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i + 3 < bytes.count {
            guard bytes[i] == 0x43, bytes[i + 1] == 0x52, bytes[i + 2] == 0x52, i == 0 || !isWord(bytes[i - 1]) else { i += 1; continue }
            var j = i
            while j < bytes.count, isWord(bytes[j]) && bytes[j] != 0x5F { j += 1 }
            guard j + 2 < bytes.count, bytes[j] == 0x5F, bytes[j + 1] == 0x76 else { i = j + 1; continue }
            var k = j + 2
            while k < bytes.count, (bytes[k] >= 0x30 && bytes[k] <= 0x39) || bytes[k] == 0x2E { k += 1 }
            var versionText = String(decoding: bytes[(j + 2)..<k], as: UTF8.self)
            while versionText.hasSuffix(".") { versionText.removeLast() }
            if let version = CRRVersion(versionText) {
                out.append((String(decoding: bytes[i..<j], as: UTF8.self), version, i, String(decoding: bytes[i..<(j + 2)], as: UTF8.self) + versionText))
            }
            i = k
        }
        return out
    }

    static func isWord(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
