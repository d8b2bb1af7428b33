import Document
import OpenAPI

/// A server URL that ends in `/`.
struct ServerTrailingSlashRule: LintRule {
    let meta = RuleMeta(
        id: "oas-server-trailing-slash", severity: .warning, scope: .openAPI,
        summary: "Server URLs do not end with a slash.",
        why: "Paths start with a slash, so clients joining a server URL ending in / with a path request //items, which many servers reject or route differently.",
        fix: "Remove the trailing slash.",
        example: """
        file:    items-api.yaml
                   servers:
                     - url: https://api.example.com/crr/
        crrspec: warning: server URL "https://api.example.com/crr/" ends with a slash [oas-server-trailing-slash]
                 hint: write https://api.example.com/crr
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for server in ServerTrailingSlashRule.servers(context) {
            guard let url = server["url"], let text = url.string, text != "/", text.hasSuffix("/") else { continue }
            out.add(url, "server URL \"\(text)\" ends with a slash", hint: "write \(text.dropLast())")
        }
    }

    /// The Server Objects of the spec (top level, path items and operations), each once, from
    /// the contract model (an operation's servers are those in effect for it).
    static func servers(_ context: LintContext) -> [Value] { contractServers(context).map(\.value) }

    /// Every distinct server of the spec (document, path-item and operation ones), in document order.
    static func contractServers(_ context: LintContext) -> [ContractServer] {
        guard let contract = context.contract else { return [] }
        var seen: Set<Int> = []
        var out: [ContractServer] = []
        for server in contract.servers + contract.operations.flatMap(\.servers) where seen.insert(server.value.index).inserted {
            out.append(server)
        }
        return out.sorted { $0.value.index < $1.value.index }
    }
}
