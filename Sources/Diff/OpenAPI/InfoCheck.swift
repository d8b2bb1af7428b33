import Document

/// The parts of a spec outside `paths`: `info` (title, description prose, contact ...; the
/// version is the declared version, judged by version-check), the release notes in
/// `info.description` (``ReleaseNoteCheck``), `servers` (`server-added`, `server-removed`:
/// breaking), `tags`, `externalDocs` and the `openapi` field.
enum InfoCheck {
    static func run(_ oldRoot: Located, _ newRoot: Located, _ spec: SpecContext) {
        if let o = oldRoot["info"], let n = newRoot["info"] {
            spec.compareText("title", o, n, subject: "the API")
            spec.compareText("description", o, n, subject: "the API")
            spec.compareOtherKeys(o, n, handled: ["title", "description", "version"], subject: "info")
            ReleaseNoteCheck.run(old: RevisionTable.entries(o["description"]), new: RevisionTable.entries(n["description"]),
                                 oldAnchor: (o["description"] ?? o).absent, newAnchor: (n["description"] ?? n).absent,
                                 recorder: spec.recorder)
        }
        servers(oldRoot, newRoot, spec)
        tags(oldRoot, newRoot, spec)
        spec.compareOtherKeys(oldRoot, newRoot, handled: ["info", "servers", "tags", "paths", "components", "security"], subject: "the API")
        if Canonical.text(oldRoot["security"] ?? oldRoot) != Canonical.text(newRoot["security"] ?? newRoot),
           oldRoot["security"] != nil || newRoot["security"] != nil {
            spec.emit("security-changed", .request, .warning, old: oldRoot["security"]?.present ?? oldRoot.absent,
                      new: newRoot["security"]?.present ?? newRoot.absent, message: "Changed the security requirements of the API")
        }
    }

    static func servers(_ oldRoot: Located, _ newRoot: Located, _ spec: SpecContext) {
        let old = oldRoot["servers"]?.elements ?? [], new = newRoot["servers"]?.elements ?? []
        func url(_ s: Located) -> String { s.value["url"]?.string ?? "" }
        for s in new where !old.contains(where: { url($0) == url(s) }) {
            spec.emit("server-added", .none, .compatible, old: (oldRoot["servers"] ?? oldRoot).absent, new: s.location(text: url(s)),
                      message: "Added server \(url(s))")
        }
        for s in old where !new.contains(where: { url($0) == url(s) }) {
            spec.emit("server-removed", .none, .breaking, old: s.location(text: url(s)), new: (newRoot["servers"] ?? newRoot).absent,
                      message: "Removed server \(url(s))")
        }
        for o in old {
            guard let n = new.first(where: { url($0) == url(o) }) else { continue }
            spec.compareText("description", o, n, subject: "server \(url(o))")
        }
    }

    static func tags(_ oldRoot: Located, _ newRoot: Located, _ spec: SpecContext) {
        let old = oldRoot["tags"]?.elements ?? [], new = newRoot["tags"]?.elements ?? []
        func name(_ t: Located) -> String { t.value["name"]?.string ?? "" }
        for t in new where !old.contains(where: { name($0) == name(t) }) {
            spec.emit("tags-changed", .none, .documentation, old: (oldRoot["tags"] ?? oldRoot).absent, new: t.location(text: name(t)),
                      message: "Added tag \(name(t))")
        }
        for t in old where !new.contains(where: { name($0) == name(t) }) {
            spec.emit("tags-changed", .none, .documentation, old: t.location(text: name(t)), new: (newRoot["tags"] ?? newRoot).absent,
                      message: "Removed tag \(name(t))")
        }
        for o in old {
            guard let n = new.first(where: { name($0) == name(o) }) else { continue }
            spec.compareText("description", o, n, subject: "tag \(name(o))")
        }
    }
}
