import OpenAPI
import Reporting

/// A rule a layer adds that reads a finished OpenAPI comparison — its changes and each side's
/// services — and reports findings, not changes (the CRR layer's
/// `contract-change-without-path-version`). The engine runs these after its own checks, the
/// layer's ``DiffCheck``s and the business-rule marks; their findings are the result's
/// ``DiffResult/findings``.
///
/// A layer hands its rules over in a ``DiffConfiguration`` (`findingRules:`).
///
/// ```swift
/// struct NoServiceRemoved: DiffFindingRule {
///     func findings(_ comparison: ServiceComparison) -> [Finding] {
///         comparison.oldServices.keys.filter { comparison.newServices[$0] == nil }.map { ... }
///     }
/// }
/// ```
public protocol DiffFindingRule: Sendable {
    /// The findings of one comparison of two OpenAPI documents.
    func findings(_ comparison: ServiceComparison) -> [Finding]
}

/// A finished comparison of two OpenAPI documents as a ``DiffFindingRule`` reads it: both
/// inputs, the changes, and each side's services — the first path segment
/// (`/auction/v1.0/portfolio` is service `auction`) with the path versions it is served under.
public struct ServiceComparison {
    public let old: DiffInput
    public let new: DiffInput
    /// The changes, with business-rule marks applied, in the order they were recorded.
    public let changes: [Change]
    /// Service → its path versions (`1.0`; `""` for paths without a version segment), old side.
    public let oldServices: [String: Set<String>]
    /// The same for the new side.
    public let newServices: [String: Set<String>]
    /// The first operation (in document order) of each service of the new side.
    let newFirst: [String: SpecOperation]

    init(old: DiffInput, new: DiffInput, changes: [Change], oldOperations: [SpecOperation], newOperations: [SpecOperation]) {
        self.old = old
        self.new = new
        self.changes = changes
        oldServices = ServiceCheck.versions(oldOperations)
        newServices = ServiceCheck.versions(newOperations)
        newFirst = ServiceCheck.firsts(newOperations).service
    }

    /// Where a service of the new side first appears: its first operation in document order.
    public func firstOperation(ofService service: String) -> ChangeLocation? {
        newFirst[service]?.node.absent
    }

    /// The service an operation label (`GET /auction/v1.0/portfolio`) belongs to.
    public static func service(ofOperation label: String) -> String {
        ServicePath(String(label.split(separator: " ", maxSplits: 1).last ?? "")).service
    }
}
