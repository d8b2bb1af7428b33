import Document
import JSONSchema

/// The CRR profile: rules CAISO's CRR interfaces add on top of JSON Schema.
///
/// - A `date-time` carries no fractional seconds: `2021-09-01T07:00:00Z`, never
///   `2021-09-01T07:00:00.000Z` (CAISO removed milliseconds from every example in late 2024).
public enum CRRProfile {
    /// Which profile applies (`auto`, `crr`, `none`).
    public typealias Selection = ProfileSelection

    /// The CRR profile's name, `crr`.
    public static let name = "crr"

    /// Whether the CRR profile applies to a schema or spec file under `selection`.
    public static func applies(_ selection: Selection, schemaPath: String?) -> Bool {
        switch selection {
        case .crr: return true
        case .auto:
            guard let schemaPath else { return false }
            return CRRFileName(schemaPath) != nil || schemaPath.hasPrefix("catalog:")
        default: return false
        }
    }

    /// Whether the profile is on for one file, and why.
    public typealias Decision = ProfileDecision

    /// Decides the profile for a file: `--profile crr|none` wins; under `auto` a bundled catalog
    /// entry, a CRR file name (`caiso_crr_<service>_vX.Y.Z.yaml`, `<Name>_vX.Y.Z.draft-07.schema.json`)
    /// or CRR content (see ``contentReason(_:)``) turns it on.
    public static func decide(_ selection: Selection, path: String?, document: Value?) -> Decision {
        switch selection {
        case .crr: return Decision(active: true, reason: "--profile crr")
        case .auto:
            if let path, path.hasPrefix("catalog:") { return Decision(active: true, reason: "a bundled catalog file") }
            if let path, CRRFileName(path) != nil { return Decision(active: true, reason: "the file name follows CRR naming") }
            if let document, let reason = contentReason(document) { return Decision(active: true, reason: reason) }
            return Decision(active: false, reason: "neither the file name nor the content is CRR's; --profile crr turns it on")
        default: return Decision(active: false, reason: "--profile \(selection.rawValue)")
        }
    }

    /// Why a document is CRR by its content, or nil: it defines `CRRServiceException` (the error
    /// body of every CRR service), names a CAISO CRR server (`https://…caiso.com/crr`), or holds
    /// CAISO's error-code table (a `<td>` cell with a SER/SEC code). A copy of a published spec
    /// under another name (`lm.yaml`) is still recognised.
    public static func contentReason(_ root: Value) -> String? {
        if root["components"]?["schemas"]?["CRRServiceException"] != nil || root["definitions"]?["CRRServiceException"] != nil {
            return "it defines CRRServiceException"
        }
        if let servers = root["servers"], servers.kind == .array {
            for server in servers.elements {
                if let url = server["url"]?.string, isCRRServer(url) { return "its server \(url) is a CAISO CRR server" }
            }
        }
        var descriptions: [String] = []
        if let text = root["info"]?["description"]?.string { descriptions.append(text) }
        if let text = root["description"]?.string { descriptions.append(text) }
        if let schemas = root["components"]?["schemas"], schemas.kind == .object {
            for schema in schemas.members {
                if let text = schema.value["description"]?.string { descriptions.append(text) }
            }
        }
        if descriptions.contains(where: holdsErrorCodeTable) { return "it holds CAISO's CRR error-code table" }
        return nil
    }

    static func isCRRServer(_ url: String) -> Bool {
        guard let components = URLParts(url) else { return false }
        return (components.host == "caiso.com" || components.host.hasSuffix(".caiso.com")) && components.path.lowercased().hasPrefix("/crr")
    }

    static func holdsErrorCodeTable(_ text: String) -> Bool {
        for prefix in ["<td>SER0", "<td>SEC0", "<td>GEN0"] where text.contains(prefix) { return true }
        return false
    }

    /// Compile options with the CRR rules added.
    public static func options(_ base: CompileOptions = .init()) -> CompileOptions {
        var options = CRRBusinessRule.options(base)
        options.formatRules["date-time"] = dateTimeRule
        return options
    }

    /// The date-time rule: no fractional seconds; the message shows the corrected value.
    public static let dateTimeRule = FormatRule(name: "crr-date-time-seconds") { bytes in
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        var end = dot + 1
        while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
        let original = String(decoding: bytes, as: UTF8.self)
        let corrected = String(decoding: Array(bytes[..<dot]) + Array(bytes[end...]), as: UTF8.self)
        return "\"\(original)\" has fractional seconds; CRR date-times carry none: write \"\(corrected)\""
    }
}

/// Host and path of an http(s) URL, without Foundation's URL parsing quirks.
struct URLParts {
    var host: String
    var path: String

    init?(_ url: String) {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = url.dropFirst(scheme.count)
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == ":" || $0 == "?" } ?? rest.endIndex
        host = rest[..<hostEnd].lowercased()
        let afterHost = rest[hostEnd...]
        let pathStart = afterHost.firstIndex(of: "/") ?? afterHost.endIndex
        path = String(afterHost[pathStart...])
    }
}

extension ProfileSelection {
    /// The CRR profile on for every file (`--profile crr`, `profile: crr`).
    public static let crr = ProfileSelection.named(CRRProfile.name)
}

extension ProfileDecision {
    /// "CRR profile on (reason)" or "CRR profile off (reason)", as validate and lint say it once.
    public var summary: String { "CRR profile \(active ? "on" : "off") (\(reason))" }
}
