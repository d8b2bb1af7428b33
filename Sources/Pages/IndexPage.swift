import CRR
import CRRRules
import Diff

/// The index of a documentation site: every service with its versions, and an SVG timeline per
/// service (one mark per version, coloured by the bump the change from the previous version
/// required, hollow where the declared bump was lower).
public enum IndexPage {
    /// One version of a service on the index.
    public struct Version: Sendable {
        public var spec: PageSpec
        public var page: String
        /// The changes page from the previous version, when there is one.
        public var changesPage: String?
        public var requiredBump: Bump?
        public var declaredBump: Bump?
        public var changeCount: Int?

        public init(spec: PageSpec, page: String, changesPage: String? = nil, requiredBump: Bump? = nil, declaredBump: Bump? = nil, changeCount: Int? = nil) {
            self.spec = spec
            self.page = page
            self.changesPage = changesPage
            self.requiredBump = requiredBump
            self.declaredBump = declaredBump
            self.changeCount = changeCount
        }

        /// Whether the declared bump is lower than the changes required.
        public var underDeclared: Bool {
            guard let requiredBump, let declaredBump else { return false }
            return declaredBump < requiredBump
        }
    }

    /// Mark colours by required bump (each ≥ 3:1 against the white page, as marks need).
    static func colour(_ bump: Bump?) -> String {
        switch bump {
        case .major?: "#b42318"
        case .minor?: "#a15c00"
        case .mini?: "#1d6b3a"
        case .none?: "#4a525c"
        case nil: "#4a525c"
        }
    }

    public static func render(services: [(name: String, versions: [Version])], title: String = "CRR B2B services") -> String {
        var body = "<p>" + String(services.count) + " services, " + String(services.reduce(0) { $0 + $1.versions.count }) + " versions. "
        body += "Each timeline has one mark per version, coloured by the bump its changes required; a hollow mark is a version whose declared bump was lower than required.</p>\n"
        body += "<p class=\"legend\"><span class=\"badge bump-MAJOR\">MAJOR</span><span class=\"badge bump-MINOR\">MINOR</span><span class=\"badge bump-MINI\">MINI</span><span class=\"badge bump-NONE\">first version / no change</span></p>\n"
        for service in services {
            let anchor = HTML.anchor("service", service.name)
            body += "<section class=\"service\" id=\"" + anchor + "\" data-filter=\"" + HTML.escape(service.name + " " + service.versions.map(\.spec.versionText).joined(separator: " ")) + "\">"
            body += "<h2>" + HTML.escape(service.name) + "</h2>\n"
            body += timeline(service.name, service.versions)
            body += HTML.table(["Version", "Title", "Operations", "Changes from the previous version", "Required bump", "Declared bump"], service.versions.map { v in
                [
                    "<a href=\"" + HTML.href(v.page) + "\">" + HTML.escape(v.spec.versionText) + "</a>",
                    HTML.escape(v.spec.title),
                    String(v.spec.contract.operations.count),
                    v.changesPage.map { "<a href=\"" + HTML.href($0) + "\">" + String(v.changeCount ?? 0) + " changes</a>" } ?? "<span class=\"muted\">first version</span>",
                    v.requiredBump.map { "<span class=\"badge bump-" + $0.description + "\">" + $0.description + "</span>" } ?? "",
                    (v.declaredBump.map { "<span class=\"badge bump-" + $0.description + "\">" + $0.description + "</span>" } ?? "")
                        + (v.underDeclared ? " <strong class=\"c-breaking\">too low</strong>" : ""),
                ]
            })
            body += "</section>\n"
        }
        return HTML.page(title: title, body: body, filter: true, filterLabel: "Filter services and versions")
    }

    /// The SVG timeline of one service.
    static func timeline(_ name: String, _ versions: [Version]) -> String {
        let step = 90, left = 30, width = max(200, left * 2 + step * max(0, versions.count - 1))
        var svg = "<svg class=\"timeline\" role=\"img\" aria-label=\"" + HTML.escape("Timeline of " + name) + "\" width=\"" + String(width) + "\" height=\"64\" viewBox=\"0 0 "
            + String(width) + " 64\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<line x1=\"" + String(left) + "\" y1=\"22\" x2=\"" + String(left + step * max(0, versions.count - 1)) + "\" y2=\"22\" stroke=\"#6b7380\" stroke-width=\"2\"/>"
        for (i, v) in versions.enumerated() {
            let x = left + step * i
            let colour = colour(v.requiredBump)
            let fill = v.underDeclared ? "#ffffff" : colour
            var label = v.spec.versionText
            if let bump = v.requiredBump { label += ": required " + bump.description }
            if let declared = v.declaredBump { label += ", declared " + declared.description }
            if v.underDeclared { label += " (declared bump too low)" }
            let target = v.changesPage ?? v.page
            svg += "<a href=\"" + HTML.href(target) + "\"><circle class=\"mark" + (v.underDeclared ? " hollow" : "") + "\" cx=\"" + String(x) + "\" cy=\"22\" r=\"9\" fill=\"" + fill
                + "\" stroke=\"" + colour + "\" stroke-width=\"3\"><title>" + HTML.escape(label) + "</title></circle>"
            svg += "<text x=\"" + String(x) + "\" y=\"52\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1f24\">" + HTML.escape(v.spec.versionText) + "</text></a>"
        }
        return svg + "</svg>\n"
    }
}
