import OpenAPI

/// Whole services, named by the first path segment (`/auction/v1.0/...` is service `auction`
/// at path version 1.0, as the contract model splits paths: ``ServicePath``): `service-added` (MAJOR), `service-removed` (breaking),
/// `service-major-version-added` (MAJOR), `service-minor-version-added` (MINOR) and
/// `service-version-removed` (breaking). The operation changes are reported besides.
enum ServiceCheck {
    static func run(old: [SpecOperation], new: [SpecOperation], oldRoot: Located, newRoot: Located, _ spec: SpecContext) {
        let oldServices = versions(old), newServices = versions(new)
        // The first operation of each service and of each (service, version), found in one pass:
        // searching the list per service made a spec of 10,000 paths cost 10^8 path parses.
        let oldFirst = firsts(old), newFirst = firsts(new)
        for (service, versions) in newServices.sorted(by: { $0.key < $1.key }) {
            guard let first = newFirst.service[service] else { continue }
            guard let oldVersions = oldServices[service] else {
                spec.emit("service-added", .none, .compatible, old: (oldRoot["paths"] ?? oldRoot).absent, new: first.node.location(text: first.path),
                          message: "Added service \(service)", bump: .major)
                continue
            }
            let oldMajor = oldVersions.map(ServicePath.major).max() ?? 0
            for version in versions.subtracting(oldVersions).sorted() {
                guard let at = newFirst.version[[service, version]] else { continue }
                let major = ServicePath.major(version) > oldMajor
                spec.emit(major ? "service-major-version-added" : "service-minor-version-added", .none, .compatible,
                          old: (oldRoot["paths"] ?? oldRoot).absent, new: at.node.location(text: at.path),
                          message: "Added \(major ? "major" : "minor") version \(label(version)) of service \(service)",
                          bump: major ? .major : .minor)
            }
        }
        for (service, versions) in oldServices.sorted(by: { $0.key < $1.key }) {
            guard let first = oldFirst.service[service] else { continue }
            guard let newVersions = newServices[service] else {
                spec.emit("service-removed", .none, .breaking, old: first.node.location(text: first.path),
                          new: (newRoot["paths"] ?? newRoot).absent, message: "Removed service \(service)")
                continue
            }
            for version in versions.subtracting(newVersions).sorted() {
                guard let at = oldFirst.version[[service, version]] else { continue }
                spec.emit("service-version-removed", .none, .breaking, old: at.node.location(text: at.path),
                          new: (newRoot["paths"] ?? newRoot).absent, message: "Removed version \(label(version)) of service \(service)")
            }
        }
    }

    /// `v1.0`, or what stands for paths without a version.
    static func label(_ version: String) -> String {
        version.isEmpty ? "(the paths without a version)" : "v" + version
    }

    /// The first operation (in document order) of each service, and of each `[service, version]`.
    static func firsts(_ operations: [SpecOperation]) -> (service: [String: SpecOperation], version: [[String]: SpecOperation]) {
        var service: [String: SpecOperation] = [:], version: [[String]: SpecOperation] = [:]
        for operation in operations {
            let path = operation.servicePath
            if service[path.service] == nil { service[path.service] = operation }
            if version[[path.service, path.versionKey]] == nil { version[[path.service, path.versionKey]] = operation }
        }
        return (service, version)
    }

    /// Service name → its path versions (`""` for paths without one).
    static func versions(_ operations: [SpecOperation]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for operation in operations {
            let path = operation.servicePath
            out[path.service, default: []].insert(path.versionKey)
        }
        return out
    }
}
