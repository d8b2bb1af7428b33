import JSONSchema

/// The CRR profile: rules CAISO's CRR interfaces add on top of JSON Schema.
///
/// - A `date-time` carries no fractional seconds: `2021-09-01T07:00:00Z`, never
///   `2021-09-01T07:00:00.000Z` (CAISO removed milliseconds from every example in late 2024).
public enum CRRProfile {
    /// Which profile applies.
    public enum Selection: String, Sendable, CaseIterable {
        /// The CRR profile for catalog files and files named like CRR specs and schemas.
        case auto
        case crr
        case none
    }

    /// Whether the CRR profile applies to a schema or spec file under `selection`.
    public static func applies(_ selection: Selection, schemaPath: String?) -> Bool {
        switch selection {
        case .crr: return true
        case .none: return false
        case .auto:
            guard let schemaPath else { return false }
            return CRRFileName(schemaPath) != nil || schemaPath.hasPrefix("catalog:")
        }
    }

    /// Compile options with the CRR rules added.
    public static func options(_ base: CompileOptions = .init()) -> CompileOptions {
        var options = base
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
