/// Which profile of extra rules applies to a file: decided per file (`auto`), forced on
/// (`crr`, the name of the profile crrspec ships, as `--profile crr` and `profile: crr` spell
/// it) or off (`none`). The profile itself (its rules, how it recognises its files) is a layer
/// on top of the engines: see `CRRProfile` and the CRR layer (`CRRRules`).
public enum ProfileSelection: String, Sendable, CaseIterable {
    /// On for the files the profile recognises (by name or content).
    case auto
    /// On for every file.
    case crr
    /// Off for every file.
    case none
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

    /// "CRR profile on (reason)" or "CRR profile off (reason)".
    public var summary: String { "CRR profile \(active ? "on" : "off") (\(reason))" }
}
