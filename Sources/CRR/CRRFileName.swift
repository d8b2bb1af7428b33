import Document
/// A MAJOR.MINOR.MINI version, as CAISO numbers its CRR spec and schema files.
public struct CRRVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
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

    /// Why `text` is not a MAJOR.MINOR.MINI version, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        if CRRVersion(text) != nil { return nil }
        let trimmed = text.hasPrefix("v") || text.hasPrefix("V") ? String(text.dropFirst()) : text
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let shown = "\"\(ControlEscape.line(String(text.prefix(80))))\""
        if parts.count != 3 {
            return "\(shown) is not MAJOR.MINOR.MINI (it has \(parts.count) part\(parts.count == 1 ? "" : "s"); CRR versions have exactly three numbers)"
        }
        if !parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            return "\(shown) is not MAJOR.MINOR.MINI (each part must be a number)"
        }
        if let zero = parts.first(where: { $0 != "0" && $0.first == "0" }) {
            return "\(shown) is not MAJOR.MINOR.MINI: \(zero) has a leading zero"
        }
        return "\(shown) is not MAJOR.MINOR.MINI: a number is larger than \(Int.max)"
    }

    public static func < (l: CRRVersion, r: CRRVersion) -> Bool {
        (l.major, l.minor, l.mini) < (r.major, r.minor, r.mini)
    }

    public var description: String { "\(major).\(minor).\(mini)" }
}

/// What a CRR file name says: an OpenAPI spec of a service, or a draft-07 download schema.
public struct CRRFileName: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `caiso_crr_<service>_vX.Y.Z.yaml` (as published) or `..._vX.Y.Z_openapi.yaml` (the convention slide).
        case openAPI(service: String, conventionSuffix: Bool)
        /// `<Name>_vX.Y.Z.draft-07.schema.json`.
        case schema(name: String)
    }

    public var kind: Kind
    public var version: CRRVersion

    /// The service or schema name.
    public var name: String {
        switch kind {
        case .openAPI(let service, _): service
        case .schema(let name): name
        }
    }

    /// Parses a file name (a path's last component is used). Nil when it follows neither convention.
    public init?(_ path: String) {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        if file.hasPrefix("caiso_crr_") {
            var stem = file
            var suffix = false
            for ext in [".yaml", ".yml", ".json"] where stem.hasSuffix(ext) { stem = String(stem.dropLast(ext.count)) }
            guard stem != file else { return nil }
            if stem.hasSuffix("_openapi") { stem = String(stem.dropLast("_openapi".count)); suffix = true }
            guard let range = stem.range(of: "_v", options: .backwards), let version = CRRVersion(String(stem[range.upperBound...])) else { return nil }
            let service = String(stem[stem.index(stem.startIndex, offsetBy: "caiso_crr_".count)..<range.lowerBound])
            guard !service.isEmpty, service.allSatisfy({ $0.isLowercase || $0 == "_" || $0.isNumber }) else { return nil }
            kind = .openAPI(service: service, conventionSuffix: suffix)
            self.version = version
            return
        }
        let marker = ".draft-07.schema.json"
        guard file.hasSuffix(marker) else { return nil }
        let stem = String(file.dropLast(marker.count))
        guard let range = stem.range(of: "_v", options: .backwards), let version = CRRVersion(String(stem[range.upperBound...])) else { return nil }
        let name = String(stem[..<range.lowerBound])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        kind = .schema(name: name)
        self.version = version
    }
}
