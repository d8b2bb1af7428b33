import Diff
import Reporting

/// `contract-change-without-path-version`: a contract change to a service whose path version
/// did not change — clients of `/auction/v1.0/...` get the new contract at the same URLs.
/// Reported once per service as a finding (a warning when some change is incompatible, else a
/// note); it does not fail version-check, which judges the file version. The CRR layer's
/// ``DiffFindingRule`` (in `CRRDiff.configuration`); explained by ``VersionRule``.
struct PathVersionRule: DiffFindingRule {
    /// The finding's rule id.
    static let rule = VersionRule.contractChangeWithoutPathVersion.rawValue

    func findings(_ comparison: ServiceComparison) -> [Finding] {
        let changes = comparison.changes
        let single = comparison.newServices.count == 1 ? comparison.newServices.keys.first : nil
        // Each change's services, worked out once (a spec can have thousands of services).
        var byService: [String: [Int]] = [:]
        for (k, change) in changes.enumerated() {
            guard !change.compatibility.isDocumentation, change.businessRule == nil, !change.id.hasPrefix("service-") else { continue }
            if change.operations.isEmpty {
                if let single { byService[single, default: []].append(k) }
                continue
            }
            let services = Set(change.operations.map(ServiceComparison.service(ofOperation:)))
            for service in services { byService[service, default: []].append(k) }
        }
        var out: [Finding] = []
        for (service, versions) in comparison.newServices.sorted(by: { $0.key < $1.key }) {
            guard comparison.oldServices[service] == versions else { continue }
            let mine = (byService[service] ?? []).map { changes[$0] }
            guard !mine.isEmpty else { continue }
            let incompatible = mine.filter { $0.bump == .major }.count
            let version = versions.sorted().map { $0.isEmpty ? "(none)" : "v" + $0 }.joined(separator: ", ")
            guard let first = comparison.firstOperation(ofService: service) else { continue }
            out.append(Finding(
                rule: Self.rule, severity: incompatible > 0 ? .warning : .info, file: comparison.new.name, line: first.line, column: first.column,
                pointer: first.pointer.description,
                message: "service \(service) changed its contract (\(mine.count) change\(mine.count == 1 ? "" : "s"), \(incompatible) incompatible) while its path version stays \(version)",
                hint: incompatible > 0 ? "existing clients call the same URLs and get an incompatible contract; publish the new contract under a new major path version" : nil))
        }
        return out
    }
}
