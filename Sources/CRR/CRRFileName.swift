import Document
import OpenAPI
/// A MAJOR.MINOR.MINI version, as CAISO numbers its CRR spec and schema files (the general
/// type is OpenAPI's ``APIVersion``).
public typealias CRRVersion = APIVersion

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
            guard let range = stem.ranges(of: "_v").last, let version = CRRVersion(String(stem[range.upperBound...])) else { return nil }
            let service = String(stem[stem.index(stem.startIndex, offsetBy: "caiso_crr_".count)..<range.lowerBound])
            guard !service.isEmpty, service.allSatisfy({ $0.isLowercase || $0 == "_" || $0.isNumber }) else { return nil }
            kind = .openAPI(service: service, conventionSuffix: suffix)
            self.version = version
            return
        }
        let marker = ".draft-07.schema.json"
        guard file.hasSuffix(marker) else { return nil }
        let stem = String(file.dropLast(marker.count))
        guard let range = stem.ranges(of: "_v").last, let version = CRRVersion(String(stem[range.upperBound...])) else { return nil }
        let name = String(stem[..<range.lowerBound])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        kind = .schema(name: name)
        self.version = version
    }
}
