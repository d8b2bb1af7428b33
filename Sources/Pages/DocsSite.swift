import CRR
import CRRRules
import Diff
import Foundation

/// A documentation site: a page per spec, a changes page per consecutive version pair of a
/// service (from the Diff library), and the index. Pages are returned as file name → HTML; the
/// command writes them.
public enum DocsSite {
    public struct Page: Sendable {
        public var name: String
        public var html: String
    }

    public static func build(_ specs: [PageSpec], options: DiffOptions = DiffOptions(configuration: CRRDiff.configuration)) throws -> [Page] {
        var pages: [Page] = []
        var services: [(name: String, versions: [IndexPage.Version])] = []
        let grouped = Dictionary(grouping: specs, by: \.service)
        for name in grouped.keys.sorted() {
            let versions = grouped[name]!.sorted { ($0.version ?? CRRVersion(0, 0, 0)) < ($1.version ?? CRRVersion(0, 0, 0)) }
            var entries: [IndexPage.Version] = []
            var versionPages: [CRRVersion: String] = [:]
            for spec in versions { if let v = spec.version { versionPages[v] = spec.pageName } }
            for (i, spec) in versions.enumerated() {
                var entry = IndexPage.Version(spec: spec, page: spec.pageName)
                if i > 0 {
                    let previous = versions[i - 1]
                    let result: DiffResult
                    do { result = try SpecDiff.compare(previous.input, spec.input, options: options) } catch let error as DiffInputError {
                        throw PagesInputError(error.message)
                    }
                    let changesName = HTML.fileName(name, "changes", previous.versionText, "to", spec.versionText) + ".html"
                    pages.append(Page(name: changesName, html: ChangesPage.render(result, old: previous, new: spec, oldPage: previous.pageName, newPage: spec.pageName)))
                    entry.changesPage = changesName
                    entry.requiredBump = result.requiredBump
                    entry.declaredBump = previous.version.flatMap { a in spec.version.flatMap { a.bump(to: $0) } }
                    entry.changeCount = result.changes.count
                }
                pages.append(Page(name: spec.pageName, html: SpecPage.render(spec, versionPages: versionPages, changesPage: entry.changesPage)))
                entries.append(entry)
            }
            services.append((name, entries))
        }
        pages.append(Page(name: "index.html", html: IndexPage.render(services: services)))
        return pages
    }
}
