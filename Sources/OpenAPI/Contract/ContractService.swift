/// A path split into service, path version and the rest: `/auction/v1.0/portfolio` is service
/// `auction`, version `1.0`, tail `/portfolio`. Paths without a version segment (`/status`) have
/// a nil version.
public struct ServicePath: Hashable, Sendable {
    /// The first path segment.
    public var service: String
    /// The path version without its `v` (`1.0`); nil when the second segment is not a version.
    public var version: String?
    /// The path after the service and version segments (`/portfolio`).
    public var tail: String

    /// The version as services are keyed by it: `""` for paths without a version segment.
    public var versionKey: String { version ?? "" }

    public init(_ path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        service = segments.first ?? ""
        if segments.count >= 2, ServicePath.isVersion(segments[1]) {
            version = String(segments[1].dropFirst())
            tail = "/" + segments.dropFirst(2).joined(separator: "/")
        } else {
            version = nil
            tail = "/" + segments.dropFirst().joined(separator: "/")
        }
    }

    /// `v1`, `v1.0`, `V2.1.3`.
    public static func isVersion(_ s: String) -> Bool {
        guard let first = s.first, first == "v" || first == "V" else { return false }
        let rest = s.dropFirst()
        return !rest.isEmpty && rest.first!.isNumber && rest.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The major number of a path version (`1.0` → 1).
    public static func major(_ version: String) -> Int { Int(version.split(separator: ".").first ?? "") ?? 0 }
}

/// A service at one path version: the paths that share a first segment and a version segment
/// (`/auction/v1.0/...`), in document order. Paths without a version segment form the service's
/// version `""`.
public struct ContractService: Sendable {
    /// The first path segment (`auction`).
    public var name: String
    /// The path version (`1.0`); nil for the paths without one.
    public var version: String?
    public var paths: [ContractPath]

    /// `""` for the paths without a version.
    public var versionKey: String { version ?? "" }
    /// The operations of its paths, in document order.
    public var operations: [ContractOperation] { paths.flatMap(\.operations) }

    /// Groups paths by service and version, in the order each group first appears.
    static func group(_ paths: [ContractPath]) -> [ContractService] {
        var out: [ContractService] = []
        var slot: [[String]: Int] = [:]
        for path in paths {
            let key = [path.servicePath.service, path.servicePath.versionKey]
            if let i = slot[key] {
                out[i].paths.append(path)
            } else {
                slot[key] = out.count
                out.append(ContractService(name: path.servicePath.service, version: path.servicePath.version, paths: [path]))
            }
        }
        return out
    }
}
