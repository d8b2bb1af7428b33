/// One segment of a route template: literal text, or a template variable with literal text
/// around it (`{id}`, `{id}.json`).
public enum MockSegment: Sendable, Hashable {
    case literal(String)
    case variable(prefix: String, name: String, suffix: String)

    /// `{}` for every variable, as the contract model normalises templates.
    var normalized: String {
        switch self {
        case .literal(let text): text
        case .variable(let prefix, _, let suffix): prefix + "{}" + suffix
        }
    }

    static func parse(_ segment: Substring) -> MockSegment {
        guard let open = segment.firstIndex(of: "{"), let close = segment[open...].firstIndex(of: "}") else {
            return .literal(String(segment))
        }
        return .variable(prefix: String(segment[..<open]), name: String(segment[segment.index(after: open)..<close]),
                         suffix: String(segment[segment.index(after: close)...]))
    }
}

/// A route: an operation's method and its path under the mount prefix of its spec.
public struct MockRoute: Sendable {
    /// Upper-case method.
    public var method: String
    /// The full template, prefix included (`/crr/auction/v1.0/portfolio`).
    public var template: String
    public var segments: [MockSegment]
    /// Index of the operation in ``MockRouter/operations``.
    public var operation: Int
    /// Where the path is declared: `file:line`.
    public var location: String

    /// The template with variables written `{}`.
    public var normalized: String { "/" + segments.map(\.normalized).joined(separator: "/") }
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

    /// Adds a route; throws when the same method and normalised path is already taken.
    public mutating func add(method: String, template: String, operation: Int, location: String) throws {
        let segments = MockRouter.split(template).map(MockSegment.parse)
        let route = MockRoute(method: method.uppercased(), template: template, segments: segments, operation: operation, location: location)
        let key = route.normalized
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

    /// Finds the route of a request path (percent-encoded, as sent).
    public func match(method: String, path: String) -> Match {
        let parts = MockRouter.split(path)
        var decoded: [String] = []
        decoded.reserveCapacity(parts.count)
        for part in parts {
            guard let text = mockPercentDecode(part) else { return .notFound }
            decoded.append(text)
        }
        var best: (route: Int, values: [String: String], literals: Int)?
        var methods: Set<String> = []
        let upper = method.uppercased()
        // By index: copying each route out of the array cost more than comparing it.
        for k in routes.indices where routes[k].segments.count == decoded.count {
            guard let (values, literals) = MockRouter.bind(routes[k].segments, decoded) else { continue }
            let routeMethod = routes[k].method
            if routeMethod == upper || (upper == "HEAD" && routeMethod == "GET" && !routes.contains { $0.method == "HEAD" && $0.normalized == routes[k].normalized }) {
                if best == nil || literals > best!.literals { best = (k, values, literals) }
            } else {
                methods.insert(routeMethod)
            }
        }
        if let best { return .found(routes[best.route], best.values) }
        if !methods.isEmpty { return .methodNotAllowed(methods.sorted()) }
        return .notFound
    }

    /// Binds the segments of a template to decoded path segments; nil when they do not match.
    static func bind(_ segments: [MockSegment], _ parts: [String]) -> ([String: String], Int)? {
        var values: [String: String] = [:]
        var literals = 0
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard text == part else { return nil }
                literals += 1
            case .variable(let prefix, let name, let suffix):
                guard part.hasPrefix(prefix), part.hasSuffix(suffix), part.count >= prefix.count + suffix.count else { return nil }
                let value = String(part.dropFirst(prefix.count).dropLast(suffix.count))
                guard !value.isEmpty else { return nil }
                values[name] = value
            }
        }
        return (values, literals)
    }
}
