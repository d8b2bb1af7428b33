/// Renders findings as JUnit XML: one `<testsuite>` per file, one failing `<testcase>` per
/// finding at or above the failure threshold (lower ones are recorded as skipped, so a CI test
/// view lists them without failing), and one passing test case for a file with no findings.
/// Lint, validate, diff and version-check all write their JUnit here.
public enum JUnitRenderer {
    /// - Parameters:
    ///   - files: every file the run checked, in order (files with findings but not listed come
    ///     after them, sorted).
    ///   - passingCase: the name of the one test case a file without findings gets (the command).
    public static func render(_ findings: [Finding], files: [String], failOn: Severity = .error, suiteName: String = "crrspec",
                              passingCase: String = "lint") -> String {
        var byFile: [String: [Finding]] = [:]
        for f in findings { byFile[f.file, default: []].append(f) }
        let allFiles = files + byFile.keys.filter { !files.contains($0) }.sorted()
        let failures = findings.filter { $0.severity >= failOn }.count
        let skipped = findings.count - failures
        let tests = allFiles.reduce(0) { $0 + max(1, byFile[$1]?.count ?? 0) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape(suiteName))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        for file in allFiles {
            let items = byFile[file] ?? []
            let fileFailures = items.filter { $0.severity >= failOn }.count
            out += "  <testsuite name=\"\(escape(file))\" tests=\"\(max(1, items.count))\" failures=\"\(fileFailures)\" errors=\"0\" skipped=\"\(items.count - fileFailures)\">\n"
            if items.isEmpty {
                out += "    <testcase classname=\"\(escape(file))\" name=\"\(escape(passingCase))\"/>\n"
            }
            for f in items {
                let place = f.line > 0 ? "\(f.file):\(f.line):\(f.column)" : f.file
                out += "    <testcase classname=\"\(escape(file))\" name=\"\(escape("\(f.rule) at \(f.pointer.isEmpty ? "/" : f.pointer)"))\">\n"
                var body = "\(place): \(f.severity.rawValue): \(f.message)"
                if let hint = f.hint { body += "\nhint: \(hint)" }
                if f.severity >= failOn {
                    out += "      <failure type=\"\(escape(f.rule))\" message=\"\(escape(f.message))\">\(escape(body))</failure>\n"
                } else {
                    out += "      <skipped message=\"\(escape("\(f.severity.rawValue): \(f.message)"))\"/>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(c.value);"
            default:
                if c.value >= 0x20 { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
