import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

/// One lint run over files and folders, as `crrspec lint` makes it: gathers the files, lints
/// each with its configuration (``LintConfigurations``), applies mechanical fixes (`--fix`),
/// records or applies the baseline (``LintBaseline``) and decides the exit status
/// (``LintOutcome``). The command only parses its options into a session, calls ``run(note:)``
/// and prints the ``LintSessionResult``; a library user gets the same findings and status.
///
/// ```swift
/// let session = LintSession(paths: ["specs/"], profiles: [myProfile])
/// session.failOn = .warning
/// let result = try session.run()
/// for finding in result.outcome.reported { print(finding.message) }
/// exit(result.exitStatus)
/// ```
public final class LintSession {
    /// A document linted that is not a file on disk (a bundled catalog entry): its name (a URI
    /// such as `catalog:...`), its text (for code frames) and how to get it parsed.
    public struct Source {
        public var name: String
        public var text: String
        public var document: () throws -> Document

        public init(name: String, text: String, document: @escaping () throws -> Document) {
            self.name = name
            self.text = text
            self.document = document
        }
    }

    /// What `--fix` does: write the fixed files, or only say what it would change.
    public enum FixMode: Sendable {
        /// Write each fixed file in place, then lint and report what is left.
        case apply
        /// Write nothing; the result lists the changes and the run ends there (`--dry-run`).
        case dryRun
    }

    /// Spec or schema files and folders (`-`: standard input).
    public var paths: [String]
    /// Documents linted after the files (`--catalog`).
    public var sources: [Source] = []
    /// The profile selection (`--profile`); nil: the configuration's, else `auto`.
    public var profile: ProfileSelection?
    /// A configuration used for every file (`--config`) instead of the nearest `.crrspec.yaml`.
    public var configPath: String?
    /// Use no configuration file (`--no-config`).
    public var noConfig = false
    /// A Spectral ruleset whose rules every file gets (`--ruleset`).
    public var rulesetPath: String?
    /// The baseline file (`--baseline`): it must exist, unless ``writeBaseline`` writes it.
    public var baselinePath: String?
    /// Record the findings as the baseline instead of reporting them (`--write-baseline`).
    public var writeBaseline = false
    /// Apply the findings' mechanical fixes first (`--fix`, `--fix --dry-run`).
    public var fix: FixMode?
    /// The severity that fails the run (`--fail-on`); nil: the configuration's, else error.
    public var failOn: Severity?
    /// Read limits for every file.
    public var limits: ReaderLimits
    /// Limits for the validations the rules run.
    public var validationLimits: ValidationLimits
    /// The profiles the engine runs (a layer's, such as `CRRLint.profile`).
    public let profiles: [LintProfile]
    /// Writes a text file (the baseline): an atomic replacement by default; the command
    /// passes its own writer (one that writes through devices and FIFOs).
    public var writeFile: (_ text: String, _ path: String) throws -> Void = { text, path in
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public init(paths: [String], profiles: [LintProfile] = [], limits: ReaderLimits = .default,
                validationLimits: ValidationLimits = .default) {
        self.paths = paths
        self.profiles = profiles
        self.limits = limits
        self.validationLimits = validationLimits
    }

    /// Runs the session. `note` gets what custom rules cannot run, each note once, as it is met.
    /// - Throws: ``LintSessionError`` (exit status 2) when a configuration, ruleset or baseline
    ///   cannot be used or a file cannot be written; an error of a ``Source``'s `document`.
    ///   Files that cannot be read are not errors: they are ``LintOutcome/unusable`` findings.
    public func run(note: @escaping (String) -> Void = { _ in }) throws -> LintSessionResult {
        let engine = LintEngine(profile: profile ?? .auto, limits: limits, validationLimits: validationLimits, profiles: profiles)
        let configurations: LintConfigurations
        do {
            configurations = try LintConfigurations(configPath: configPath, noConfig: noConfig, rulesetPath: rulesetPath,
                                                    profileGiven: profile != nil, profiles: profiles)
        } catch {
            throw LintSessionError("\(error)")
        }
        var result = LintSessionResult(failOn: .error, registry: engine.registry)
        result.outcome.unusable = LintSession.unusableInputs(paths)
        let files = LintInputs.expandReportingNames(paths).files
        func configure(_ file: String) throws -> LintConfig? {
            do {
                return try configurations.config(for: file, note: note)
            } catch {
                throw LintSessionError("\(error)")
            }
        }
        // The baseline (read once, after the first file's configuration named it): --fix
        // fixes only what it leaves reported, and the report leaves out what it accepts.
        var baselineRead = false
        var baselineLoaded: LintBaseline?
        func baseline() throws -> LintBaseline? {
            if baselineRead { return baselineLoaded }
            baselineRead = true
            do {
                baselineLoaded = try LintBaseline.forRun(explicit: baselinePath, config: configurations.first, paths: paths)
            } catch {
                throw LintSessionError("\(error)")
            }
            return baselineLoaded
        }
        if let fix {
            var fixed = LintSessionResult.Fixes(dryRun: fix == .dryRun)
            for file in files {
                guard let config = try configure(file) else { continue }
                engine.config = config
                guard !file.hasSuffix(".gz"), let loaded = try? DocumentLoader.load(path: file, format: InputFormat.forPath(file) == .jsonl ? .json : nil,
                                                                                   limits: limits),
                      let document = loaded.documents.first?.document else { continue }
                let linted = engine.lint(document: document, file: file)
                guard !linted.fixes.isEmpty else { continue }
                // A finding the baseline accepts is not reported, so it is not fixed either.
                let reported = try baseline()?.filter(linted.findings).new ?? linted.findings
                let fixes = linted.fixes(for: reported)
                guard !fixes.isEmpty else { continue }
                let source = Array(document.source)
                let (bytes, applied) = LintFixer.apply(source, fixes)
                guard !applied.isEmpty else { continue }
                fixed.files.append(.init(file: file, source: source, applied: applied))
                if fix == .apply {
                    do {
                        try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
                    } catch {
                        throw LintSessionError("\(file): error: cannot write the fixed file: \(IOErrorText.describe(error))")
                    }
                }
            }
            result.fixes = fixed
            if fix == .dryRun { return result }
        }
        // What one linted file (or source) adds to the run.
        func record(_ linted: FileLintResult, file: String) {
            result.outcome.findings += linted.findings
            result.outcome.unusable += linted.limitHits
            result.outcome.suppressed += linted.suppressed
            if let decision = linted.profile { result.decisions.append(decision) }
            result.outcome.linted.append(file)
        }
        for file in files {
            guard let config = try configure(file) else { continue }
            engine.config = config
            do {
                record(try engine.lint(path: file), file: file)
            } catch {
                result.outcome.unusable.append(Finding(rule: "input-unreadable", severity: .error, file: error.file, line: error.line,
                                                       column: error.column, pointer: "", message: error.message))
            }
        }
        for source in sources {
            guard let config = try configure(source.name) else { continue }
            engine.config = config
            let linted = engine.lint(document: try source.document(), file: source.name)
            result.sources[source.name] = source.text
            record(linted, file: source.name)
        }
        result.customRules = configurations.customRules
        result.failOn = configurations.failOn(failOn)
        if writeBaseline {
            let path = baselinePath ?? LintBaseline.defaultPath(config: configurations.first, paths: paths, forWriting: true)
            let directory = PathText.parent(SchemaRegistry.absolutePathOf(path))
            do {
                try writeFile(LintBaseline.render(result.outcome.findings, directory: directory), path)
            } catch {
                throw LintSessionError("\(path): error: cannot write the baseline: \(error)")
            }
            result.baselineWritten = (path, result.outcome.findings.count)
            return result
        }
        if let baseline = try baseline() {
            (result.outcome.findings, result.outcome.accepted) = baseline.filter(result.outcome.findings)
        }
        return result
    }

    /// The paths that cannot be linted at all, as `input-unreadable` errors: missing, a name
    /// that is not UTF-8, a FIFO, socket or device.
    static func unusableInputs(_ paths: [String]) -> [Finding] {
        let (_, missing, undecodable, special) = LintInputs.expandReportingNames(paths)
        func unreadable(_ file: String, _ message: String) -> Finding {
            Finding(rule: "input-unreadable", severity: .error, file: file, line: 0, column: 0, pointer: "", message: message)
        }
        return missing.map { unreadable($0, "no such file or folder") }
            + undecodable.map { unreadable($0, "the file name is not valid UTF-8 (shown with its bytes escaped); crrspec cannot open it — rename it") }
            + special.map { unreadable($0.path, $0.reason) }
    }

}

/// A lint session that could not run to its end (exit status 2): the message names the file
/// and, where there is one, the position.
public struct LintSessionError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// What a ``LintSession`` produced: the findings and what they mean for the exit status, the
/// fixes applied, the baseline written, and what a report needs (the profile decisions, the
/// sources' texts, the custom rules).
public struct LintSessionResult {
    /// The files one `--fix` changed (or, with `--dry-run`, would change).
    public struct Fixes: Sendable {
        public struct File: Sendable {
            public var file: String
            /// The file's bytes before the fixes.
            public var source: [UInt8]
            /// The fixes applied, in file order.
            public var applied: [LintFix]
        }
        /// Nothing was written, and the session stopped after the fixes.
        public var dryRun: Bool
        public var files: [File] = []
        /// How many findings were fixed.
        public var count: Int { files.reduce(0) { $0 + $1.applied.count } }
    }

    /// The findings (after the baseline), the inputs that could not be linted, the counts.
    public var outcome = LintOutcome()
    /// The severity at which findings fail the run (`--fail-on`, else the configuration's).
    public var failOn: Severity
    /// The fixes, when the session fixed; with `dryRun` nothing was linted after them.
    public var fixes: Fixes?
    /// The baseline written (its path and how many findings it holds); nothing is reported then.
    public var baselineWritten: (path: String, count: Int)?
    /// Whether the profile applied to each file linted, and why, in file order.
    public var decisions: [ProfileDecision] = []
    /// The texts of the ``LintSession/Source``s linted, by name.
    public var sources: [String: String] = [:]
    /// The custom rules the configurations ran (for SARIF's rule list).
    public var customRules: [CustomRule] = []
    /// The run's registry: it still holds each file linted.
    public let registry: SchemaRegistry

    init(failOn: Severity, registry: SchemaRegistry) {
        self.failOn = failOn
        self.registry = registry
    }

    /// Whether the session ended with findings to report (not a dry run, not a baseline write).
    public var reports: Bool { baselineWritten == nil && fixes?.dryRun != true }

    /// The exit status: 0 when nothing is reported (a dry run, a baseline written), else
    /// ``LintOutcome/exitStatus(failOn:)``: 2 for an input that could not be linted, 1 for a
    /// finding at or above ``failOn``, else 0.
    public var exitStatus: Int32 { reports ? outcome.exitStatus(failOn: failOn) : 0 }

    /// The bytes of a file as linted: its document is still held by the run's registry (the
    /// file is not read again for the code frames). Nil for standard input, compressed files
    /// and the sources.
    public func lintedSource(file: String) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: file), !file.lowercased().hasSuffix(".gz"),
              let document = registry.resourceIfLoaded(URIReference.file(SchemaRegistry.absolutePathOf(file)).description)?.document,
              document.name == file else { return nil }
        return Array(document.source)
    }
}

extension LintFix {
    /// What `--fix --dry-run` prints for the fixes of one file: each change with its line
    /// before (`- `) and after (`+ `), under `file:line:column: summary`.
    public static func describe(_ fixes: [LintFix], in source: [UInt8], file: String) -> String {
        var out = ""
        for fix in fixes {
            var lineStart = fix.start
            while lineStart > 0, source[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = fix.end
            while lineEnd < source.count, source[lineEnd] != 0x0A { lineEnd += 1 }
            let line = source[..<fix.start].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let old = String(decoding: source[lineStart..<lineEnd], as: UTF8.self)
            let new = String(decoding: source[lineStart..<fix.start], as: UTF8.self) + fix.replacement + String(decoding: source[fix.end..<lineEnd], as: UTF8.self)
            out += "\(file):\(line):\(fix.start - lineStart + 1): \(fix.summary)\n- \(old)\n+ \(new)\n"
        }
        return out
    }
}
