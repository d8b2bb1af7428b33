import Document
import OpenAPI
import Reporting

/// Release notes in the style of the CAISO change notes ("Renamed endpoint X → Y", "Removed
/// PREP from enum of LoadSubmissionWindowStatus", "Replaced error code SER0018 with GEN0003"),
/// grouped by service (or schema) and release, incompatible items first. Changes with the same
/// release-note line are merged with a count.
public enum Changelog {
    public struct Item: Sendable {
        public var text: String
        public var count: Int
        public var compatibility: Compatibility
        public var bump: Bump
        /// The change ids behind the line.
        public var ids: [String]
    }

    public struct Release: Sendable {
        public var oldFile: String
        public var newFile: String
        public var oldVersion: APIVersion?
        public var newVersion: APIVersion?
        public var requiredBump: Bump
        public var declaredBump: Bump?
        public var items: [Item]
    }

    public struct Service: Sendable {
        public var name: String
        public var releases: [Release]
    }

    /// The release notes of `results`, per service; the change kinds of `configuration` that
    /// are not release-note material (the release notes themselves) are left out.
    public static func build(_ results: [DiffResult], configuration: DiffConfiguration = .general) -> [Service] {
        let omitted = Set(configuration.changeKinds.filter { !$0.inChangelog }.map(\.id))
        var services: [Service] = []
        for result in results {
            let name = serviceName(result)
            let oldVersion = result.oldDeclared?.version, newVersion = result.newDeclared?.version
            var items: [Item] = []
            var index: [String: Int] = [:]
            for change in result.changes where !omitted.contains(change.id) {
                let key = change.compatibility.rawValue + "\u{0}" + change.summary
                if let i = index[key] {
                    items[i].count += 1
                    if !items[i].ids.contains(change.id) { items[i].ids.append(change.id) }
                } else {
                    index[key] = items.count
                    items.append(Item(text: change.summary, count: 1, compatibility: change.compatibility, bump: change.bump, ids: [change.id]))
                }
            }
            let release = Release(oldFile: result.oldFile, newFile: result.newFile, oldVersion: oldVersion, newVersion: newVersion,
                                  requiredBump: result.requiredBump,
                                  declaredBump: oldVersion.flatMap { a in newVersion.flatMap { a.bump(to: $0) } },
                                  items: items)
            if let i = services.firstIndex(where: { $0.name == name }) {
                services[i].releases.append(release)
            } else {
                services.append(Service(name: name, releases: [release]))
            }
        }
        return services
    }

    /// The service or schema name of a file (`auction`, `CRRMEQResult`), else the file name.
    static func serviceName(_ result: DiffResult) -> String {
        let path = result.newFile.split(separator: ":").last.map(String.init) ?? result.newFile
        return result.newDeclared?.name ?? (path.split(separator: "/").last.map(String.init) ?? path)
    }

    static func title(_ release: Release) -> String {
        if let a = release.oldVersion, let b = release.newVersion { return "\(a) → \(b)" }
        return "\(release.oldFile) → \(release.newFile)"
    }

    static func line(_ item: Item) -> String {
        item.count > 1 ? "\(item.text) (\(item.count) places)" : item.text
    }

    static func bumps(_ release: Release) -> String {
        "required bump \(release.requiredBump)" + (release.declaredBump.map { ", declared \($0)" } ?? "")
    }

    /// Items by compatibility heading, in rank order.
    static func groups(_ release: Release) -> [(Compatibility, [Item])] {
        var out: [(Compatibility, [Item])] = []
        for compatibility in Compatibility.allCases.sorted(by: { $0.rank < $1.rank }) {
            let items = release.items.filter { $0.compatibility == compatibility }
            if !items.isEmpty { out.append((compatibility, items)) }
        }
        return out
    }

    public static func markdown(_ services: [Service]) -> String {
        var out = "# Changes\n"
        for service in services {
            out += "\n## \(ControlEscape.line(service.name))\n"
            for release in service.releases {
                out += "\n### \(ControlEscape.line(title(release))) (\(bumps(release)))\n"
                if release.items.isEmpty { out += "\nNo changes.\n" }
                for (compatibility, items) in groups(release) {
                    out += "\n#### \(compatibility.heading)\n\n"
                    for item in items { out += "- \(ControlEscape.line(line(item)))\n" }
                }
            }
        }
        return out
    }

    public static func text(_ services: [Service]) -> String {
        var out = ""
        for service in services {
            for release in service.releases {
                out += "\(ControlEscape.line(service.name)) \(ControlEscape.line(title(release))) (\(bumps(release)))\n"
                if release.items.isEmpty { out += "  No changes.\n" }
                for (compatibility, items) in groups(release) {
                    out += "  \(compatibility.heading):\n"
                    for item in items { out += "    - \(ControlEscape.line(line(item)))\n" }
                }
                out += "\n"
            }
        }
        return out
    }

    public static func json(_ services: [Service]) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("services")
        w.beginArray()
        for service in services {
            w.beginObject()
            w.field("name", service.name)
            w.key("releases")
            w.beginArray()
            for release in service.releases {
                w.beginObject()
                w.field("oldFile", release.oldFile)
                w.field("newFile", release.newFile)
                w.key("oldVersion"); if let v = release.oldVersion { w.string(v.description) } else { w.null() }
                w.key("newVersion"); if let v = release.newVersion { w.string(v.description) } else { w.null() }
                w.field("requiredBump", release.requiredBump.description)
                w.key("declaredBump"); if let b = release.declaredBump { w.string(b.description) } else { w.null() }
                w.key("items")
                w.beginArray()
                for item in release.items.sorted(by: { $0.compatibility.rank < $1.compatibility.rank }) {
                    w.beginObject()
                    w.field("text", item.text)
                    w.field("count", item.count)
                    w.field("compatibility", item.compatibility.rawValue)
                    w.field("bump", item.bump.description)
                    w.key("ids")
                    w.beginArray()
                    for id in item.ids { w.string(id) }
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}
