/// Which profile of extra rules applies to a file: decided per file (``auto``), forced off
/// (``none``) or forced on by the profile's name (``named(_:)``). The engines know no profile
/// by name: a layer registers its own (the CRR layer's `ProfileSelection.crr`, as
/// `--profile crr` and `profile: crr` spell it) and decides what it applies to.
public struct ProfileSelection: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// `auto`, `none`, or the name of the profile forced on.
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// On for the files the profile recognises (by name or content).
    public static let auto = ProfileSelection(rawValue: "auto")
    /// Off for every file.
    public static let none = ProfileSelection(rawValue: "none")
    /// The profile called `name` on for every file.
    public static func named(_ name: String) -> ProfileSelection { ProfileSelection(rawValue: name) }

    /// The name of the profile forced on; nil for ``auto`` and ``none``.
    public var forcedProfile: String? { self == .auto || self == .none ? nil : rawValue }

    public var description: String { rawValue }
}

/// Whether the profile is on for one file, and why (what text output says once).
public struct ProfileDecision: Sendable, Hashable {
    public var active: Bool
    /// Why: "--profile crr", "the file name follows CRR naming", "it defines CRRServiceException", ...
    public var reason: String

    public init(active: Bool, reason: String) {
        self.active = active
        self.reason = reason
    }

}
