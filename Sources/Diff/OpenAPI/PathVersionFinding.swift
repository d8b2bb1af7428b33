import OpenAPI
import Reporting

/// "A contract change to a service whose path version did not change": clients of
/// `/auction/v1.0/...` get the new contract at the same URLs. Reported once per service as a
/// finding (a warning when some change is incompatible, else a note); it does not fail
/// version-check, which judges the file version.
enum PathVersionFinding {
    /// The finding's rule id (explained by the CRR layer's version rules).
    static let rule = "contract-change-without-path-version"

    static func findings(_ changes: [Change], old: [SpecOperation], new: [SpecOperation], newFile: String) -> [Finding] {
        let oldServices = ServiceCheck.versions(old), newServices = ServiceCheck.versions(new)
        let single = newServices.count == 1 ? newServices.keys.first : nil
        // Each change's services, worked out once (a spec can have thousands of services).
        var byService: [String: [Int]] = [:]
        for (k, change) in changes.enumerated() {
            guard !change.compatibility.isDocumentation, change.businessRule == nil, !change.id.hasPrefix("service-") else { continue }
            if change.operations.isEmpty {
                if let single { byService[single, default: []].append(k) }
                continue
            }
            var services: Set<String> = []
            for operation in change.operations {
                services.insert(ServicePath(String(operation.split(separator: " ", maxSplits: 1).last ?? "")).service)
            }
            for service in services { byService[service, default: []].append(k) }
        }
        let firstOperation = ServiceCheck.firsts(new).service
        var out: [Finding] = []
        for (service, versions) in newServices.sorted(by: { $0.key < $1.key }) {
            guard oldServices[service] == versions else { continue }
            let mine = (byService[service] ?? []).map { changes[$0] }
            guard !mine.isEmpty else { continue }
            let incompatible = mine.filter { $0.bump == .major }.count
            let version = versions.sorted().map { $0.isEmpty ? "(none)" : "v" + $0 }.joined(separator: ", ")
            guard let first = firstOperation[service] else { continue }
            let position = first.node.value.position
            out.append(Finding(
                rule: rule, severity: incompatible > 0 ? .warning : .info, file: newFile, line: position.line, column: position.column,
                pointer: first.node.pointer.description,
                message: "service \(service) changed its contract (\(mine.count) change\(mine.count == 1 ? "" : "s"), \(incompatible) incompatible) while its path version stays \(version)",
                hint: incompatible > 0 ? "existing clients call the same URLs and get an incompatible contract; publish the new contract under a new major path version" : nil))
        }
        return out
    }
}
