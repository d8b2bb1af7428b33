#if canImport(FoundationEssentials)
import FoundationEssentials

/// The flag `FileManager.fileExists(atPath:isDirectory:)` fills: a `Bool` with
/// FoundationEssentials, `ObjCBool` with full Foundation; `boolValue` reads either.
package typealias DirectoryFlag = Bool

extension Bool {
    /// The value itself (what `ObjCBool.boolValue` gives with full Foundation).
    package var boolValue: Bool { self }
}
#else
import Foundation

/// The flag `FileManager.fileExists(atPath:isDirectory:)` fills.
package typealias DirectoryFlag = ObjCBool
#endif
