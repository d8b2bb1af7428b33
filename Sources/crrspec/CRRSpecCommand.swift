import ArgumentParser
import CRRRules
import Document
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `crrspec` command line: thin commands over the library.
@main
struct CRRSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crrspec",
        abstract: "Keep CAISO CRR B2B files and specs correct: draft-07 validation, spec linting and version diffs.",
        discussion: """
        Exit status: 0 when everything checked is valid, 1 when something is invalid, 2 on a usage \
        error or an input that could not be read or fully checked.

        Files: validate (downloads and submissions against a schema), parse. Schemas and specs: \
        metaschema, lint. Versions: diff, version-check, changelog. The bundled CRR catalog: \
        catalog. A mock of the CRR APIs for client tests: mock. What a finding means: explain. The \
        manual page: man. Pages people read: docs (HTML documentation with the history of each \
        service), postman (a Postman collection).

        Examples:
          crrspec validate --schema auto downloads/
          crrspec validate --spec auction --operation portfolioCreation portfolio.json
          crrspec metaschema schemas/*.schema.json
          crrspec lint openapi/ schemas/
          crrspec version-check old/caiso_crr_auction_v1.2.0.yaml \\
              caiso_crr_auction_v1.2.1.yaml
          crrspec mock auction --port 4010
          crrspec explain enum

        Shell completions: crrspec --generate-completion-script bash|zsh|fish
        """,
        version: CRRSpecVersion.full,
        subcommands: [ValidateCommand.self, MetaschemaCommand.self, LintCommand.self, DiffCommand.self, VersionCheckCommand.self,
                      DocsCommand.self, PostmanCommand.self,
                      ChangelogCommand.self, CatalogCommand.self, ExplainCommand.self, ParseCommand.self, MockCommand.self, ManCommand.self]
    )
}

extension CRRSpecCommand {
    /// Runs the command with crrspec's exit-status contract: usage errors and unusable input
    /// exit 2 (ArgumentParser's own default for usage errors is 64).
    static func main() {
        // On a thread with a large stack: compiling and validating recurse once per level of
        // nesting, and with the 8 MiB main stack a user who raises --max-depth or
        // --max-eval-depth could crash crrspec instead of getting an error.
        Output.guardStandardDescriptors()
        WorkerThreads.run { runCommand() }
    }

    static func runCommand() {
        var parsed: ParsableCommand.Type?
        do {
            var command = try parseAsRoot()
            parsed = type(of: command)
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(Output.exitStatus(exit.rawValue))
        } catch let error as ValidationError where parsed.map({ ObjectIdentifier($0) != ObjectIdentifier(CRRSpecCommand.self) }) ?? false {
            // A usage problem found while running (an unknown schema, operation or option value):
            // it ends with the subcommand's own usage line, as parse-time errors do.
            Output.err(ControlEscape.keepingLines(subcommandUsageError(error.message, parsed!)) + "\n")
            Glibc.exit(Output.exitStatus(2))
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --help, --version, completion scripts: written (and checked) like any report.
                if !message.isEmpty { Output.out(message + "\n") }
                Glibc.exit(Output.exitStatus(0))
            }
            if !message.isEmpty { Output.err(ControlEscape.keepingLines(message) + "\n") }
            Glibc.exit(Output.exitStatus(2))
        }
        Glibc.exit(Output.exitStatus(0))
    }
}

extension CRRSpecCommand {
    /// "Error: …", the subcommand's usage line and where its help is, for an error of `command`.
    static func subcommandUsageError(_ message: String, _ command: ParsableCommand.Type) -> String {
        let usage = usageString(for: command)
        let name = usage.split(separator: " ").prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") }.joined(separator: " ")
        return "Error: \(message)\nUsage: \(usage)\n  See '\(name) --help' for more information."
    }
}

/// crrspec's version: CHANGELOG.md's latest release heading, generated at build time
/// (scripts/build-info through Plugins/BuildInfo).
enum CRRSpecVersion {
    /// The release version alone (man page, SARIF `tool.driver.version`).
    static let current = BuildInfo.version
    /// What `crrspec --version` prints: the version and the commit it was built from.
    static let full = "\(BuildInfo.version) (commit \(BuildInfo.commit))"
}
