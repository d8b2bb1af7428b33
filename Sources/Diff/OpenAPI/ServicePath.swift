/// A CRR path split into service, path version and the rest: `/auction/v1.0/portfolio` is
/// service `auction`, version `1.0`, tail `/portfolio`. Paths without a version segment
/// (`/status`) have a nil version.
struct ServicePath: Hashable {
    var service: String
    var version: String?
    var tail: String

    /// The version as services are keyed by it: `""` for paths without a version segment.
    var versionKey: String { version ?? "" }

    init(_ path: String) {
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
    static func isVersion(_ s: String) -> Bool {
        guard let first = s.first, first == "v" || first == "V" else { return false }
        let rest = s.dropFirst()
        return !rest.isEmpty && rest.first!.isNumber && rest.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The major number of a path version (`1.0` → 1).
    static func major(_ version: String) -> Int { Int(version.split(separator: ".").first ?? "") ?? 0 }
}
