import Document

/// The counts of a validation run, for the summary line on standard error:
/// `2 files, 10 records: 8 valid, 1 invalid, 1 unusable (420.5 KB in 0.01 s, 42.0 MB/s)`.
///
/// Valid, invalid and unusable count instances: a JSON or YAML file is one, each record of a
/// JSON Lines file is one, and a file that could not be read is one unusable instance.
public struct RunSummary: Sendable, Equatable {
    public var files = 0
    public var records = 0
    public var valid = 0
    public var invalid = 0
    public var unusable = 0
    /// Whether any file held JSON Lines records (then records are counted apart from files).
    public var hasRecords = false
    /// Bytes parsed (decompressed size for `.gz`).
    public var bytes = 0
    public var seconds: Double = 0

    public init() {}

    /// Adds one file's reports.
    public mutating func add(file reports: [InstanceReport], bytes: Int) {
        files += 1
        self.bytes += bytes
        for report in reports {
            records += 1
            if report.line != nil { hasRecords = true }
            switch report.outcome {
            case .valid: valid += 1
            case .invalid: invalid += 1
            case .unusable: unusable += 1
            }
        }
    }

    /// Exit status: 0 all valid, 1 some invalid, 2 some unusable.
    public var exitCode: Int32 {
        if unusable > 0 { return 2 }
        return invalid > 0 ? 1 : 0
    }

    /// Megabytes (10^6 bytes) parsed per second.
    public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / max(seconds, 0.000_001) }

    /// The summary line (no newline).
    public func line(style: TextStyle = .plain) -> String {
        let counts = hasRecords
            ? "\(files) file\(files == 1 ? "" : "s"), \(records) record\(records == 1 ? "" : "s")"
            : "\(files) file\(files == 1 ? "" : "s")"
        let v = "\(valid) valid", i = "\(invalid) invalid", u = "\(unusable) unusable"
        let size = bytes >= 1_000_000 ? fixedPoint(Double(bytes) / 1_000_000, digits: 1) + " MB" : fixedPoint(Double(bytes) / 1_000, digits: 1) + " KB"
        let throughput = "(" + size + " in " + fixedPoint(seconds, digits: 2) + " s, " + fixedPoint(megabytesPerSecond, digits: 1) + " MB/s)"
        return "\(counts): \(valid > 0 ? style.green(v) : v), \(invalid > 0 ? style.red(i) : i), \(unusable > 0 ? style.yellow(u) : u) \(style.dim(throughput))"
    }
}
