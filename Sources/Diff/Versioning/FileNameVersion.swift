import OpenAPI

/// What a file name declares under a naming convention (``DiffConfiguration/naming``), with
/// any `REV:` prefix of a git name ignored.
enum FileNameVersion {
    static func name(_ file: String, _ naming: FileNaming?) -> FileNaming.Name? {
        naming?.read(file.split(separator: ":").last.map(String.init) ?? file)
    }
}

extension APIVersion {
    /// The bump from `self` to `other` (nil when `other` is lower).
    public func bump(to other: APIVersion) -> Bump? {
        if other < self { return nil }
        if other.major != major { return .major }
        if other.minor != minor { return .minor }
        if other.mini != mini { return .mini }
        return Bump.none
    }

    /// Whether the numbers to the right of the bumped one are reset to 0.
    package func isReset(after bump: Bump) -> Bool {
        switch bump {
        case .major: minor == 0 && mini == 0
        case .minor: mini == 0
        default: true
        }
    }
}
