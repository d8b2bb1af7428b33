import Document

/// A MAJOR.MINOR.MINI version of an API file (`info.version`, the version in a file name), as
/// a layer's file conventions number them (the CRR layer's `CRRVersion` is this type).
public struct APIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var mini: Int

    public init(_ major: Int, _ minor: Int, _ mini: Int) {
        self.major = major
        self.minor = minor
        self.mini = mini
    }

    /// Parses `1.2.1` (a leading `v` is allowed). Leading zeros (`01.2.3`), a fourth number
    /// (`1.2.3.4`) and numbers too large to hold are not versions (see ``problem(_:)``).
    public init?(_ text: String) {
        let trimmed = text.hasPrefix("v") || text.hasPrefix("V") ? String(text.dropFirst()) : text
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.allSatisfy({ $0 == "0" || $0.first != "0" }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        self.init(a, b, c)
    }

    /// Why `text` is not a MAJOR.MINOR.MINI version, or nil when it is one. `family` names whose
    /// versions they are in the message ("CRR versions have exactly three numbers").
    public static func problem(_ text: String, family: String? = nil) -> String? {
        if APIVersion(text) != nil { return nil }
        let trimmed = text.hasPrefix("v") || text.hasPrefix("V") ? String(text.dropFirst()) : text
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let shown = "\"\(ControlEscape.line(String(text.prefix(80))))\""
        if parts.count != 3 {
            return "\(shown) is not MAJOR.MINOR.MINI (it has \(parts.count) part\(parts.count == 1 ? "" : "s"); \(family.map { $0 + " versions" } ?? "versions") have exactly three numbers)"
        }
        if !parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            return "\(shown) is not MAJOR.MINOR.MINI (each part must be a number)"
        }
        if let zero = parts.first(where: { $0 != "0" && $0.first == "0" }) {
            return "\(shown) is not MAJOR.MINOR.MINI: \(zero) has a leading zero"
        }
        return "\(shown) is not MAJOR.MINOR.MINI: a number is larger than \(Int.max)"
    }

    public static func < (l: APIVersion, r: APIVersion) -> Bool {
        (l.major, l.minor, l.mini) < (r.major, r.minor, r.mini)
    }

    public var description: String { "\(major).\(minor).\(mini)" }
}
