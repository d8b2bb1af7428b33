import Document
import OpenAPI

/// The parts of a spec outside `paths`: `info` (title, description prose, contact ...; the
/// version is the declared version, judged by version-check; release-note tables are the CRR
/// layer's), `servers` (`server-added`, `server-removed`:
/// breaking), `tags`, `externalDocs` and the `openapi` field.
enum InfoCheck {
    static func run(_ oldRoot: Located, _ newRoot: Located, _ oldContract: Contract, _ newContract: Contract, _ spec: SpecContext) {
        if let o = oldRoot["info"], let n = newRoot["info"] {
            spec.compareText("title", o, n, subject: "the API")
            spec.compareText("description", o, n, subject: "the API")
            spec.compareOtherKeys(o, n, handled: ["title", "description", "version"], subject: "info")
        }
        servers(oldRoot, newRoot, oldContract.servers, newContract.servers, spec)
        tags(oldRoot, newRoot, oldContract.tags, newContract.tags, spec)
        // `security` is judged per operation (the requirements in effect), see SecurityCheck.
        spec.compareOtherKeys(oldRoot, newRoot, handled: ["info", "servers", "tags", "paths", "components", "security"], subject: "the API")
    }

    static func servers(_ oldRoot: Located, _ newRoot: Located, _ old: [ContractServer], _ new: [ContractServer], _ spec: SpecContext) {
        for s in new where !old.contains(where: { $0.url == s.url }) {
            spec.emit("server-added", .none, .compatible, old: (oldRoot["servers"] ?? oldRoot).absent, new: Located(s.value).location(text: s.url),
                      message: "Added server \(s.url)")
        }
        for s in old where !new.contains(where: { $0.url == s.url }) {
            spec.emit("server-removed", .none, .breaking, old: Located(s.value).location(text: s.url), new: (newRoot["servers"] ?? newRoot).absent,
                      message: "Removed server \(s.url)")
        }
        for o in old {
            guard let n = new.first(where: { $0.url == o.url }) else { continue }
            spec.compareText("description", Located(o.value), Located(n.value), subject: "server \(o.url)")
        }
    }

    static func tags(_ oldRoot: Located, _ newRoot: Located, _ old: [ContractTag], _ new: [ContractTag], _ spec: SpecContext) {
        for t in new where !old.contains(where: { $0.name == t.name }) {
            spec.emit("tags-changed", .none, .documentation, old: (oldRoot["tags"] ?? oldRoot).absent, new: Located(t.value).location(text: t.name),
                      message: "Added tag \(t.name)")
        }
        for t in old where !new.contains(where: { $0.name == t.name }) {
            spec.emit("tags-changed", .none, .documentation, old: Located(t.value).location(text: t.name), new: (newRoot["tags"] ?? newRoot).absent,
                      message: "Removed tag \(t.name)")
        }
        for o in old {
            guard let n = new.first(where: { $0.name == o.name }) else { continue }
            spec.compareText("description", Located(o.value), Located(n.value), subject: "tag \(o.name)")
        }
    }
}
