import Document
import OpenAPI

/// Security, from the contract model.
///
/// Schemes (`components/securitySchemes`, by name): `security-scheme-added` (compatible),
/// `security-scheme-removed` (breaking when an operation used it, else documentation),
/// `security-scheme-changed` (breaking: another type, an apiKey sent under another name or in
/// another place, another HTTP scheme, an OAuth flow or URL changed).
///
/// Requirements (what each operation demands, the document's `security` unless the operation has
/// its own; the list is a choice of alternatives): `security-requirement-added` (breaking when
/// the operation was open to anonymous callers, else compatible: one more way in),
/// `security-requirement-removed` (breaking: clients using that way are refused; compatible when
/// the operation becomes open), `security-scopes-changed` (breaking when an alternative needs
/// more scopes, compatible when fewer).
enum SecurityCheck {
    static func schemes(_ old: Contract, _ new: Contract, oldRoot: Located, newRoot: Located, _ spec: SpecContext) {
        let oldAnchor = oldRoot["components"]?["securitySchemes"] ?? oldRoot["components"] ?? oldRoot
        let newAnchor = newRoot["components"]?["securitySchemes"] ?? newRoot["components"] ?? newRoot
        let used = Set(old.operations.flatMap { $0.security.flatMap { $0.entries.map(\.schemeName) } })
        for s in new.securitySchemes where !old.securitySchemes.contains(where: { $0.name == s.name }) {
            spec.emit("security-scheme-added", .request, .compatible, old: oldAnchor.absent, new: Located(s.value).location(text: s.name),
                      message: "Added security scheme \(s.name) (\(describe(s)))")
        }
        for s in old.securitySchemes where !new.securitySchemes.contains(where: { $0.name == s.name }) {
            let inUse = used.contains(s.name)
            spec.emit("security-scheme-removed", .request, inUse ? .breaking : .documentation, old: Located(s.value).location(text: s.name),
                      new: newAnchor.absent,
                      message: "Removed security scheme \(s.name) (\(describe(s)))" + (inUse ? ", which operations require" : ", which no operation used"))
        }
        for o in old.securitySchemes {
            guard let n = new.securitySchemes.first(where: { $0.name == o.name }) else { continue }
            let a = Located(o.value), b = Located(n.value)
            if let difference = difference(o, n) {
                spec.emit("security-scheme-changed", .request, .breaking, old: a.present, new: b.present,
                          message: "Changed security scheme \(o.name): \(difference)")
            }
            spec.compareText("description", a, b, subject: "security scheme \(o.name)", direction: .request)
        }
    }

    /// What a client must do differently, or nil when nothing.
    static func difference(_ o: ContractSecurityScheme, _ n: ContractSecurityScheme) -> String? {
        if o.type != n.type { return "type \(o.type) → \(n.type)" }
        switch o.type {
        case "apiKey":
            if o.keyLocation != n.keyLocation || o.keyName != n.keyName {
                return "the key is now sent as \(n.keyLocation ?? "?") \(n.keyName ?? "?") (was \(o.keyLocation ?? "?") \(o.keyName ?? "?"))"
            }
        case "http":
            if o.scheme != n.scheme { return "HTTP scheme \(o.scheme ?? "none") → \(n.scheme ?? "none")" }
        case "oauth2":
            let oldFlows = o.flows.map(\.flow).sorted(), newFlows = n.flows.map(\.flow).sorted()
            if oldFlows != newFlows { return "OAuth flows \(oldFlows.joined(separator: ", ")) → \(newFlows.joined(separator: ", "))" }
            for flow in oldFlows {
                for key in ["authorizationUrl", "tokenUrl"] {
                    let a = o.value["flows"]?[flow]?[key]?.string, b = n.value["flows"]?[flow]?[key]?.string
                    if a != b { return "\(flow) \(key) \(a ?? "none") → \(b ?? "none")" }
                }
            }
        case "openIdConnect":
            if o.openIdConnectURL != n.openIdConnectURL { return "openIdConnectUrl \(o.openIdConnectURL ?? "none") → \(n.openIdConnectURL ?? "none")" }
        default:
            break
        }
        return nil
    }

    static func describe(_ s: ContractSecurityScheme) -> String {
        switch s.type {
        case "apiKey": "apiKey in \(s.keyLocation ?? "?") \(s.keyName ?? "?")"
        case "http": "http \(s.scheme ?? "")"
        default: s.type
        }
    }

    /// The requirements in effect for two versions of an operation.
    static func requirements(_ old: SpecOperation, _ new: SpecOperation, _ spec: SpecContext) {
        let o = old.contract.security, n = new.contract.security
        let oldOpen = o.isEmpty || o.contains(where: \.isAnonymous), newOpen = n.isEmpty || n.contains(where: \.isAnonymous)
        func anchor(_ operation: SpecOperation) -> Located {
            operation.node["security"] ?? operation.node
        }
        func name(_ r: ContractSecurityRequirement) -> String {
            r.isAnonymous ? "anonymous access ({})" : r.entries.map(\.schemeName).joined(separator: " + ")
        }
        let label = new.label
        for r in n where !r.isAnonymous && !o.contains(where: { $0.key == r.key }) {
            spec.emit("security-requirement-added", .request, oldOpen ? .breaking : .compatible, old: anchor(old).absent,
                      new: Located(r.value).present,
                      message: "Added security requirement \(name(r)) to \(label)"
                        + (oldOpen ? " (it was open: anonymous callers are now refused)" : " (one more way to authenticate)"))
        }
        for r in o where !r.isAnonymous && !n.contains(where: { $0.key == r.key }) {
            spec.emit("security-requirement-removed", .request, newOpen ? .compatible : .breaking, old: Located(r.value).present,
                      new: anchor(new).absent,
                      message: "Removed security requirement \(name(r)) from \(label)"
                        + (newOpen ? " (it is now open to anonymous callers)" : " (clients that authenticate that way are refused)"))
        }
        if oldOpen != newOpen, o.contains(where: \.isAnonymous) || n.contains(where: \.isAnonymous) {
            let nowOpen = newOpen
            // Anonymous access ({}) added or removed as an alternative.
            if !(o.isEmpty || n.isEmpty) {
                spec.emit(nowOpen ? "security-requirement-removed" : "security-requirement-added", .request, nowOpen ? .compatible : .breaking,
                          old: anchor(old).present, new: anchor(new).present,
                          message: nowOpen ? "Allowed anonymous access ({}) to \(label)" : "Removed anonymous access ({}) from \(label)")
            }
        }
        for a in o where !a.isAnonymous {
            guard let b = n.first(where: { $0.key == a.key }) else { continue }
            for entry in a.entries {
                guard let other = b.entries.first(where: { $0.schemeName == entry.schemeName }) else { continue }
                let was = Set(entry.scopes), now = Set(other.scopes)
                guard was != now else { continue }
                let added = now.subtracting(was).sorted(), removed = was.subtracting(now).sorted()
                var parts: [String] = []
                if !added.isEmpty { parts.append("now also needs \(added.joined(separator: ", "))") }
                if !removed.isEmpty { parts.append("no longer needs \(removed.joined(separator: ", "))") }
                spec.emit("security-scopes-changed", .request, added.isEmpty ? .compatible : .breaking,
                          old: Located(a.value).present, new: Located(b.value).present,
                          message: "Changed the scopes of \(entry.schemeName) for \(label): \(parts.joined(separator: "; "))")
            }
        }
    }
}
