import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A check a layer adds to the OpenAPI diff: it reads both documents and records the changes
/// of the part it knows (the CRR layer's: the error-code catalog and the release notes of
/// CAISO's HTML tables). The engine runs its own checks first, then the layer's, then applies
/// business-rule marks and sorts the changes.
///
/// A layer installs its checks once (``SpecDiff/install(_:)``; the `crrspec` command does it
/// at start-up) or passes them to one comparison (``DiffOptions/checks``).
///
/// ```swift
/// struct TitleLength: DiffCheck {
///     func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void) { ... }
/// }
/// SpecDiff.install([TitleLength()])
/// ```
public protocol DiffCheck: Sendable {
    /// Records the changes between two OpenAPI documents that this check finds.
    func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void)
}

extension SpecDiff {
    private static let checkLock = Lock()
    nonisolated(unsafe) private static var installedChecks: [any DiffCheck] = []

    /// Adds checks to every comparison whose ``DiffOptions/checks`` is nil; a check of a type
    /// already installed is not added again.
    public static func install(_ checks: [any DiffCheck]) {
        checkLock.lock(); defer { checkLock.unlock() }
        for check in checks where !installedChecks.contains(where: { type(of: $0) == type(of: check) }) {
            installedChecks.append(check)
        }
    }

    /// The installed checks, in installation order.
    public static var checks: [any DiffCheck] {
        checkLock.lock(); defer { checkLock.unlock() }
        return installedChecks
    }
}
