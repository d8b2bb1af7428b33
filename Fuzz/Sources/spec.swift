// Fuzz target: lint and diff on arbitrary documents, as CI runs them on specs and schemas from
// pull requests. The input is OLD, a NUL byte, NEW (without a NUL, both are the input): each
// side is linted with the CRR profile, the two are diffed and version-checked, a document is
// diffed with itself (which must find nothing), and every report is rendered.
import CRR
import CRRRules
import Diff
import Document
import JSONSchema
import Lint
import Reporting

/// A lint engine whose registry never reads a file: `$ref`s outside the document fail.
private let engine: LintEngine = {
    let engine = LintEngine(profile: .crr, limits: FuzzLimits.reader, validationLimits: FuzzLimits.validation,
                            profiles: [CRRLint.profile])
    engine.registry.loader = { path, _ in
        throw DocumentError(kind: .io, file: path, message: "fuzzing: no file access", line: 0, column: 0, offset: 0)
    }
    engine.registry.allowedRoots = ["/nonexistent-fuzz-root"]
    return engine
}()

/// A library with no files: only the two documents themselves, and the CRR catalog.
private func library() -> DocumentLibrary {
    DocumentLibrary(loader: { _ in nil }, lister: { _ in [] }, catalog: CRRDiff.configuration.catalog)
}

/// The CRR layer's diff checks and file naming, as the CLI passes them.
private let options = DiffOptions(configuration: CRRDiff.configuration)

private func lint(_ document: Document, file: String) {
    let result = engine.lint(document: document, file: file)
    var sink = result.findings.count + result.limitHits.count
    for finding in result.findings + result.limitHits {
        precondition(finding.line >= 0 && finding.column >= 0, "finding without a sane position")
        sink &+= finding.message.utf8.count
    }
    sink &+= FindingTextRenderer.render(result.findings, frames: false).utf8.count
    blackHole(sink)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (oldBytes, newBytes) = split(Array(UnsafeBufferPointer(start: data, count: size)))
    guard let oldDocument = readDocument(oldBytes, name: "old"), let newDocument = readDocument(newBytes, name: "new") else { return 0 }
    let isSpec = SpecDiff.kind(of: newDocument) == .openAPI
    let oldName = isSpec ? "caiso_crr_auction_v1.2.0.yaml" : "CRRResource_v1.0.1.draft-07.schema.json"
    let newName = isSpec ? "caiso_crr_auction_v1.2.1.yaml" : "CRRResource_v1.0.2.draft-07.schema.json"
    lint(oldDocument, file: oldName)
    lint(newDocument, file: newName)

    let old = DiffInput(document: oldDocument, name: oldName, library: library())
    let new = DiffInput(document: newDocument, name: newName, library: library())
    guard let result = try? SpecDiff.compare(old, new, options: options) else { return 0 }
    let check = try? VersionCheck.check(old: old, new: new, diff: result)
    let report = DiffReport(entries: [DiffReport.Entry(result: result, check: check?.verdict)])
    var sink = 0
    for change in result.changes { sink &+= change.message.utf8.count &+ change.id.utf8.count }
    sink &+= DiffTextRenderer.render(report, versionCheck: check != nil).utf8.count
    sink &+= DiffJSONRenderer.render(report, versionCheck: check != nil).utf8.count
    sink &+= Changelog.markdown(Changelog.build([result], configuration: CRRDiff.configuration)).utf8.count
    _ = try? VersionCheck.history(new)
    blackHole(sink)

    // A document compared with itself has no changes.
    let again = DiffInput(document: newDocument, name: newName, library: library())
    if let same = try? SpecDiff.compare(new, again, options: options) {
        precondition(same.changes.isEmpty, "a document diffed with itself: \(same.changes.map(\.id))")
    }
    return 0
}
