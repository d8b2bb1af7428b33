import CRR

/// The version in a CRR file name, with any `REV:` prefix of a git name ignored.
enum CRRFileNameVersion {
    static func of(_ name: String) -> CRRVersion? {
        CRRFileName(name.split(separator: ":").last.map(String.init) ?? name)?.version
    }
}
