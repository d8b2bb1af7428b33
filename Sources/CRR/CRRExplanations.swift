import Reporting

extension CRRProfile {
    /// What `crrspec explain` says about the profile's own validation rules (the ones
    /// ``options(_:)`` adds on top of JSON Schema), for a caller to add to the
    /// `ExplanationCatalog` it passes to the renderers:
    ///
    /// ```swift
    /// let catalog = ExplanationCatalog.builtIn.adding(CRRProfile.explanations)
    /// ```
    public static let explanations: [Explanation] = [
        Explanation(
            id: "crr-date-time-seconds", kind: .rule,
            title: "A CRR date-time carries fractional seconds.",
            description: """
            CAISO's CRR interfaces write date-times to the second, in UTC or with an offset: 2025-01-01T08:00:00Z. \
            Fractional seconds (2025-01-01T08:00:00.000Z) are valid RFC 3339, but CAISO removed them from every \
            example of its CRR specs in late 2024 and its files carry none. The CRR profile (on by default for catalog schemas \
            and files named like CRR specs, or with --profile crr) adds this rule on top of the date-time format.
            """,
            example: """
            file:    {"StartDate": "2025-01-01T08:00:00.000Z"}
            crrspec: file.json:1:15: error: "2025-01-01T08:00:00.000Z" has fractional seconds; CRR date-times carry none: write "2025-01-01T08:00:00Z"
            """,
            fix: "Drop the fraction, as the message shows. When you format times in code, use a pattern without milliseconds (e.g. yyyy-MM-dd'T'HH:mm:ss'Z'). To check a non-CRR file with the same schema, use --profile none.",
            profile: "CRR"
        ),
    ]
}
