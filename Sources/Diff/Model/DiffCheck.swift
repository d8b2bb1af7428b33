/// A check a layer adds to the OpenAPI diff: it reads both documents and records the changes
/// of the part it knows (the CRR layer's: the error-code catalog and the release notes of
/// CAISO's HTML tables). The engine runs its own checks first, then the layer's, then applies
/// business-rule marks and sorts the changes.
///
/// A layer hands its checks to the comparisons that want them in a ``DiffConfiguration``
/// (``DiffOptions/configuration``); the `crrspec` command passes the CRR layer's.
///
/// ```swift
/// struct TitleLength: DiffCheck {
///     func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void) { ... }
/// }
/// let options = DiffOptions(configuration: DiffConfiguration(checks: [TitleLength()]))
/// ```
public protocol DiffCheck: Sendable {
    /// Records the changes between two OpenAPI documents that this check finds.
    func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void)
}
