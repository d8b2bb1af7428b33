import JSONSchema

extension InstanceReport {
    /// The report as findings, for the formats every command shares (GitHub annotations,
    /// SARIF): one per error (an `anyOf`/`oneOf` summary carries its closest branch's errors as
    /// detail lines), one for a `--fast` failure without errors (rule `invalid`), one warning when
    /// `--max-errors` cut the list (rule `limit`), one per unusable file or record (rule
    /// `malformed-input`, `limit` or `schema-auto`). A valid instance has none. `command` names
    /// the command in the titles (`crrspec validate (enum)`).
    public func findings(command: String = "validate") -> [Finding] {
        let title = "crrspec \(command)"
        switch outcome {
        case .valid:
            return []
        case .invalid(let errors, let truncated):
            var out: [Finding] = []
            if errors.isEmpty {
                out.append(Finding(rule: "invalid", severity: .error, file: file, line: line ?? 0, column: 0, pointer: "",
                                   message: "invalid (--fast stops at the first failure; run without --fast to list the errors)", title: title))
            }
            var index = 0
            while index < errors.count {
                let e = errors[index]
                var details = [Finding.locationDetail(instance: e.instanceLocation, schema: e.keywordLocation)]
                index += 1
                while index < errors.count, errors[index].isBranchDetail {
                    let d = errors[index]
                    details.append(Finding.branchDetail(line: d.position.line, column: d.position.column, message: d.message,
                                                        instance: d.instanceLocation, schema: d.keywordLocation))
                    index += 1
                }
                var properties = [Finding.Property("instanceLocation", e.instanceLocation), Finding.Property("keywordLocation", e.keywordLocation),
                                  Finding.Property("absoluteKeywordLocation", e.absoluteKeywordLocation)]
                if let schema {
                    details.append("  (schema \(schema), chosen by --schema auto)")
                    properties.append(Finding.Property("schema", schema))
                }
                out.append(Finding(rule: e.ruleID, severity: .error, file: e.file, line: e.position.line, column: e.position.column,
                                   pointer: e.instanceLocation, message: e.message, title: "\(title) (\(e.ruleID))", details: details,
                                   properties: properties))
            }
            if truncated {
                out.append(Finding(rule: "limit", severity: .warning, file: file, line: line ?? 0, column: 0, pointer: "",
                                   message: "more errors were found than --max-errors allows; only the first are shown", title: title))
            }
            return out
        case .unusable(let message, let line, let column):
            let rule = ProblemKind.ruleID(for: message)
            return [Finding(rule: rule, severity: .error, file: file, line: line ?? 0, column: column ?? 0, pointer: "",
                            message: message, title: "\(title) (\(rule))")]
        }
    }
}

extension Finding {
    /// The detail line of a schema validation finding: `  at instance /TOU, schema
    /// /properties/TOU/enum` (`(root)` for an empty location).
    public static func locationDetail(instance: String, schema: String) -> String {
        "  at instance \(instance.isEmpty ? "(root)" : instance), schema \(schema.isEmpty ? "(root)" : schema)"
    }

    /// The detail line of one error of an `anyOf`/`oneOf` summary's closest branch:
    /// `    1:7: expected string, found boolean true (at instance /v, schema /properties/v/anyOf/0/type)`.
    public static func branchDetail(line: Int, column: Int, message: String, instance: String, schema: String) -> String {
        "    \(line):\(column): \(message) (at instance \(instance.isEmpty ? "(root)" : instance), schema \(schema))"
    }
}

extension ValidationReportRenderer {
    /// Validation reports as a SARIF log (``InstanceReport/findings(command:)`` through
    /// ``SARIFRenderer``): the run is successful when no input was unusable, and each unusable
    /// input is also a notification. `explanations` describes the rules (keywords, CRR rules,
    /// input problems: ``ExplanationCatalog/builtIn`` knows them all).
    public static func sarif(_ reports: [InstanceReport], command: String = "validate", toolVersion: String,
                             explanations: ExplanationCatalog = .builtIn) -> String {
        var notifications: [String] = []
        for report in reports {
            if case .unusable(let message, _, _) = report.outcome { notifications.append("\(report.file): \(message)") }
        }
        let invocation = SARIFRenderer.Invocation(executionSuccessful: notifications.isEmpty, notifications: notifications)
        return SARIFRenderer.render(reports.flatMap { $0.findings(command: command) }, tool: SARIFRenderer.Tool(version: toolVersion),
                                    explanations: explanations, invocation: invocation)
    }

    /// Validation reports as JUnit XML (``JUnitRenderer``): a test suite per file, a failing test
    /// case per error, a passing one for a file whose instances are all valid. Unusable files
    /// fail with their input problem.
    public static func junit(_ reports: [InstanceReport], command: String = "validate") -> String {
        var files: [String] = []
        var seen = Set<String>()
        for report in reports where seen.insert(report.file).inserted { files.append(report.file) }
        return JUnitRenderer.render(reports.flatMap { $0.findings(command: command) }, files: files,
                                    suiteName: "crrspec \(command)", passingCase: command)
    }

    /// Validation reports as GitHub annotations (valid instances print nothing).
    public static func github(_ reports: [InstanceReport], command: String = "validate") -> String {
        GitHubAnnotations.render(reports.flatMap { $0.findings(command: command) })
    }
}

/// Which input-problem explanation an unusable report's message belongs to.
public enum ProblemKind {
    public static func ruleID(for message: String) -> String {
        if message.contains("--schema auto") { return "schema-auto" }
        if message.contains("--max-") || message.contains("limit") { return "limit" }
        return "malformed-input"
    }
}
