import OpenAPI

/// One segment of a route template: literal text, or template variables with literal text
/// around and between them (`{id}`, `{id}.json`, `{name}.{ext}`, `{a}-{b}`).
public enum MockSegment: Sendable, Hashable {
    case literal(String)
    /// `texts` are the literal pieces around the variables, one more than `names`
    /// (`{name}.{ext}`: texts `["", ".", ""]`, names `["name", "ext"]`).
    case template(texts: [String], names: [String])

    /// The segments of a route, read from the contract model's normalised path (every variable
    /// `{}`, ``ContractPath/normalize(_:)``) with the variable names of the template in order
    /// (``ContractPath/templateNames(_:)``): the router has no normalisation of its own.
    static func segments(normalized: String, names: [String]) -> [MockSegment] {
        var names = names[...]
        return MockRouter.split(normalized).map { part in
            // The model writes each variable `{}` and drops everything else inside the braces,
            // so a `{` here is always the start of `{}`.
            var texts: [String] = []
            var current = ""
            var index = part.startIndex
            while index < part.endIndex {
                let c = part[index]
                let next = part.index(after: index)
                if c == "{", next < part.endIndex, part[next] == "}" {
                    texts.append(current)
                    current = ""
                    index = part.index(after: next)
                } else {
                    current.append(c)
                    index = next
                }
            }
            texts.append(current)
            if texts.count == 1 { return .literal(current) }
            var variables: [String] = []
            for _ in 1..<texts.count { variables.append(names.popFirst() ?? "") }
            return .template(texts: texts, names: variables)
        }
    }

    /// Literal characters of a template segment (a tie-break between templates).
    var literalLength: Int {
        switch self {
        case .literal(let text): text.count
        case .template(let texts, _): texts.reduce(0) { $0 + $1.count }
        }
    }

    /// Binds a decoded path segment to a template segment: each variable takes a non-empty
    /// value; when the literal text after a variable occurs more than once, the earlier
    /// variables take as much as they can (`{name}.{ext}` on `a.tar.gz`: `a.tar` and `gz`).
    /// Linear in the segment's length for each variable (no backtracking), so a long request
    /// path costs no more than reading it a few times.
    static func bind(texts: [String], names: [String], part: Substring, into values: inout [String: String]) -> Bool {
        guard part.hasPrefix(texts[0]) else { return false }
        if names.count == 1 {
            // One variable (`{id}`, `{id}.json`), the usual case: what the texts leave.
            let rest = part.dropFirst(texts[0].count)
            guard rest.count > texts[1].count, rest.hasSuffix(texts[1]) else { return false }
            if !names[0].isEmpty { values[names[0]] = String(rest.dropLast(texts[1].count)) }
            return true
        }
        let chars = Array(part.dropFirst(texts[0].count))
        let n = chars.count
        let count = names.count
        let literals = texts.dropFirst().map { Array($0) }
        func startsWith(_ literal: [Character], at e: Int) -> Bool {
            guard e + literal.count <= n else { return false }
            for (k, c) in literal.enumerated() where chars[e + k] != c { return false }
            return true
        }
        // ends[v][e]: variable v may end at e (its literal follows there and the variables after
        // it can take the rest); reachable[p]: the variables from v on can take chars[p...].
        var ends = Array(repeating: [Bool](), count: count)
        var reachable = [Bool](repeating: false, count: n + 1)
        reachable[n] = true
        for v in stride(from: count - 1, through: 0, by: -1) {
            var end = [Bool](repeating: false, count: n + 1)
            for e in stride(from: 1, through: n, by: 1) {
                let next = e + literals[v].count
                end[e] = next <= n && reachable[next] && startsWith(literals[v], at: e)
            }
            // A variable starting at p needs an end after p: any end at p + 1 or later.
            var next = [Bool](repeating: false, count: n + 1)
            var any = false
            for p in stride(from: n, through: 0, by: -1) {
                next[p] = any
                if end[p] { any = true }
            }
            ends[v] = end
            reachable = next
        }
        guard reachable[0] else { return false }
        // The earlier variables take as much as they can: the last possible end, each in turn.
        var start = 0
        var bound: [String] = []
        for v in 0..<count {
            var e = n
            while e > start, !ends[v][e] { e -= 1 }
            guard e > start else { return false }
            bound.append(String(chars[start..<e]))
            start = e + literals[v].count
        }
        for (name, value) in zip(names, bound) where !name.isEmpty { values[name] = value }
        return true
    }
}

/// A route: an operation's method and its path under the mount prefix of its spec.
public struct MockRoute: Sendable {
    /// Upper-case method.
    public var method: String
    /// The full template, prefix included (`/crr/auction/v1.0/portfolio`).
    public var template: String
    /// The template as the contract model normalises it, every variable `{}`: the route's key.
    public var normalized: String
    public var segments: [MockSegment]
    /// Index of the operation in ``MockRouter/operations``.
    public var operation: Int
    /// Where the path is declared: `file:line`.
    public var location: String
}

/// A start-up error: two operations claim the same method and path.
public struct MockRouteConflict: Error, Sendable, CustomStringConvertible {
    public var method: String
    public var path: String
    public var first: String
    public var second: String
    public var description: String {
        "\(method) \(path) is claimed twice: by \(first) and by \(second); mount only one of them"
    }
}

/// Matches request paths to routes. Literal segments win over template variables, as OpenAPI
/// asks ("concrete paths match before templated ones").
public struct MockRouter: Sendable {
    public private(set) var routes: [MockRoute] = []
    private var byNormalized: [String: [Int]] = [:]

    public init() {}

    /// Splits a template or path into segments (empty segments kept except a leading one).
    static func split(_ path: String) -> [Substring] {
        var parts = mockSplit(path[...], on: UInt8(ascii: "/"))
        if parts.first == "" { parts.removeFirst() }
        return parts
    }

    /// Adds a route keyed on the contract model's normalised path (``ContractPath/normalize(_:)``
    /// of the template, ``ContractOperation/normalizedPath`` under the mount prefix); throws when
    /// the same method and normalised path is already taken.
    public mutating func add(method: String, template: String, normalized: String? = nil, operation: Int, location: String) throws {
        let key = normalized ?? ContractPath.normalize(template)
        let segments = MockSegment.segments(normalized: key, names: ContractPath.templateNames(template))
        let route = MockRoute(method: method.uppercased(), template: template, normalized: key, segments: segments,
                              operation: operation, location: location)
        for index in byNormalized[key] ?? [] where routes[index].method == route.method {
            throw MockRouteConflict(method: route.method, path: template, first: routes[index].location, second: location)
        }
        byNormalized[key, default: []].append(routes.count)
        routes.append(route)
    }

    /// The outcome of matching a path.
    public enum Match: Sendable {
        /// The route and the decoded values of its template variables.
        case found(MockRoute, [String: String])
        /// The path exists with other methods (upper-case, sorted).
        case methodNotAllowed([String])
        case notFound
    }

    /// Finds the route of a request path (percent-encoded, as sent). Of several routes that
    /// match, the one with the most literal segments wins, then the one with the most literal
    /// characters in its template segments (`/files/{name}.json` before `/files/{name}`).
    public func match(method: String, path: String) -> Match {
        let parts = MockRouter.split(path)
        var decoded: [String] = []
        decoded.reserveCapacity(parts.count)
        for part in parts {
            guard let text = mockPercentDecode(part) else { return .notFound }
            decoded.append(text)
        }
        var best: (route: Int, values: [String: String], literals: Int, characters: Int)?
        var methods: Set<String> = []
        let upper = method.uppercased()
        // By index: copying each route out of the array cost more than comparing it.
        for k in routes.indices where routes[k].segments.count == decoded.count {
            guard let (values, literals, characters) = MockRouter.bind(routes[k].segments, decoded) else { continue }
            let routeMethod = routes[k].method
            if routeMethod == upper || (upper == "HEAD" && routeMethod == "GET" && !routes.contains { $0.method == "HEAD" && $0.normalized == routes[k].normalized }) {
                if best == nil || (literals, characters) > (best!.literals, best!.characters) { best = (k, values, literals, characters) }
            } else {
                methods.insert(routeMethod)
            }
        }
        if let best { return .found(routes[best.route], best.values) }
        if !methods.isEmpty { return .methodNotAllowed(methods.sorted()) }
        return .notFound
    }

    /// Binds the segments of a template to decoded path segments: the variables' values, the
    /// number of literal segments and of literal characters in template segments; nil when
    /// they do not match.
    static func bind(_ segments: [MockSegment], _ parts: [String]) -> ([String: String], Int, Int)? {
        var values: [String: String] = [:]
        var literals = 0
        var characters = 0
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
                literals += 1
            case .template(let texts, let names):
                guard MockSegment.bind(texts: texts, names: names, part: part[...], into: &values) else { return nil }
                characters += segment.literalLength
            }
        }
        return (values, literals, characters)
    }
}
