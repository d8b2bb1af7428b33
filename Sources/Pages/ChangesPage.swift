import CRR
import Diff
import Document

/// The "changes from the previous version" page of a version pair, from the Diff library:
/// incompatible changes first, each linked to where it is on the new (or, for what was
/// removed, the old) version's page.
public enum ChangesPage {
    /// - Parameters:
    ///   - oldPage, newPage: the spec pages of the two versions (links to where each change is).
    public static func render(_ result: DiffResult, old: PageSpec, new: PageSpec, oldPage: String, newPage: String,
                              indexPage: String? = "index.html") -> String {
        let declared = old.version.flatMap { a in new.version.flatMap { a.bump(to: $0) } }
        let required = result.requiredBump
        var body = "<p>From <a href=\"" + HTML.href(oldPage) + "\">" + HTML.escape(old.versionText) + "</a> to <a href=\"" + HTML.href(newPage) + "\">"
            + HTML.escape(new.versionText) + "</a>: " + String(result.changes.count) + " changes.</p>\n"
        body += "<p>Required bump: <span class=\"badge bump-" + required.description + "\">" + required.description + "</span>"
        if let declared {
            body += " · declared bump: <span class=\"badge bump-" + declared.description + "\">" + declared.description + "</span>"
            if declared < required { body += " <strong class=\"c-breaking\">the declared bump is lower than required</strong>" }
        }
        body += "</p>\n"
        if result.changes.isEmpty { body += "<p>No change between the two versions.</p>\n" }
        let ranked = Compatibility.allCases.sorted { $0.rank < $1.rank }
        for compatibility in ranked {
            let changes = result.changes.filter { $0.compatibility == compatibility }
            guard !changes.isEmpty else { continue }
            body += "<section id=\"" + HTML.anchor("c", compatibility.rawValue) + "\"><h2>" + HTML.escape(compatibility.heading)
                + " (" + String(changes.count) + ")</h2>\n"
            for change in changes { body += item(change, oldPage: oldPage, newPage: newPage) }
            body += "</section>\n"
        }
        if !result.findings.isEmpty {
            body += "<h2 id=\"notes\">Notes</h2><ul>" + result.findings.map { "<li>" + HTML.escape($0.message) + "</li>" }.joined() + "</ul>\n"
        }
        var crumbs: [(label: String, href: String)] = []
        if let indexPage { crumbs.append((label: "All services", href: HTML.href(indexPage))) }
        crumbs.append((label: new.service + " " + new.versionText, href: HTML.href(newPage)))
        return HTML.page(title: new.service + " " + new.versionText + ": changes from " + old.versionText, body: body, breadcrumbs: crumbs, filter: true)
    }

    static func item(_ change: Change, oldPage: String?, newPage: String?) -> String {
        let css = change.compatibility.isIncompatible ? "c-breaking" : change.compatibility == .warning ? "c-warning"
            : change.compatibility.isDocumentation ? "c-documentation" : "c-compatible"
        let filter = [change.id, change.message, change.new.pointer.description] + change.operations
        var out = "<div class=\"change " + css + "\" data-filter=\"" + HTML.escape(filter.joined(separator: " ")) + "\">"
        out += HTML.escape(change.message)
        out += " <span class=\"muted\">(<code>" + HTML.escape(change.id) + "</code>, " + HTML.escape(change.direction.rawValue) + ", " + change.bump.description + ")</span>"
        var links: [String] = []
        if change.new.value != nil || change.old.value == nil {
            links.append(link("new", change.new, page: newPage))
        }
        if change.old.value != nil { links.append(link("old", change.old, page: oldPage)) }
        out += "<br><span class=\"where\">" + links.joined(separator: " · ") + "</span>"
        if !change.operations.isEmpty {
            out += "<br><span class=\"muted\">via " + HTML.escape(change.operations.joined(separator: ", ")) + "</span>"
        }
        return out + "</div>\n"
    }

    /// A change's location: linked to the section of the version's page when there is one.
    static func link(_ side: String, _ location: ChangeLocation, page: String?) -> String {
        let position = location.line > 0 ? ":" + String(location.line) + ":" + String(location.column) : ""
        let label = page.map { "<a href=\"" + HTML.href($0, SpecPage.anchor(for: location.pointer)) + "\">" + side + "</a>" } ?? side
        return label + " <code>" + HTML.escape(location.pointer.description.isEmpty ? "/" : location.pointer.description)
            + "</code> <span class=\"muted\">" + HTML.escape(location.file + position) + "</span>"
    }
}
