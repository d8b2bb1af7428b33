import OpenAPI

/// Two paths that are the same once their template variable names are ignored.
struct PathDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "oas-path-duplicate", severity: .error, scope: .openAPI,
        summary: "No two paths differ only in the names of their template variables.",
        why: "/a/{id} and /a/{name} are the same URL pattern; a server cannot tell which operation a request is for.",
        fix: "Merge the two path items into one.",
        example: """
        file:    items-api.yaml
                   paths:
                     /items/{id}: ...
                     /items/{key}: ...
        crrspec: error: path /items/{key} is the same as /items/{id} apart from variable names [oas-path-duplicate]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for repeated in context.contract?.pathRepeats ?? [] {
            guard let key = repeated.repeated.key else { continue }
            out.add(key, "path \(repeated.repeated.template) is the same as \(repeated.first.template) apart from variable names")
        }
    }
}

/// Two paths a single request could match, neither more specific than the other.
struct PathAmbiguousRule: LintRule {
    let meta = RuleMeta(
        id: "oas-path-ambiguous", severity: .warning, scope: .openAPI,
        summary: "No request URL matches two paths of which neither is more specific.",
        why: "For /a/{x} and /{y}/b the URL /a/b matches both, and which operation runs depends on the server's router.",
        fix: "Make one path literal where the other has a variable, or restructure the paths.",
        example: """
        file:    items-api.yaml
                   paths:
                     /items/{id}: ...
                     /{kind}/latest: ...
        crrspec: warning: path /{kind}/latest is ambiguous with /items/{id}: some URLs match both [oas-path-ambiguous]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let entries = context.root["paths"].entries
        let shapes = entries.map { PathShape.segments($0.name) }
        for i in entries.indices {
            for j in 0..<i where PathShape.ambiguous(shapes[i], shapes[j]) {
                out.add(entries[i].key, "path \(entries[i].name) is ambiguous with \(entries[j].name): some URLs match both")
            }
        }
    }
}

enum PathShape {
    struct Segment {
        var text: String
        var isTemplate: Bool
    }

    static func segments(_ path: String) -> [Segment] {
        path.split(separator: "/", omittingEmptySubsequences: false).map { Segment(text: String($0), isTemplate: $0.contains("{")) }
    }

    static func ambiguous(_ a: [Segment], _ b: [Segment]) -> Bool {
        guard a.count == b.count else { return false }
        var aMoreLiteral = false, bMoreLiteral = false
        for (x, y) in zip(a, b) {
            switch (x.isTemplate, y.isTemplate) {
            case (false, false): if x.text != y.text { return false }
            case (false, true): aMoreLiteral = true
            case (true, false): bMoreLiteral = true
            case (true, true): break
            }
        }
        return aMoreLiteral && bMoreLiteral
    }
}
