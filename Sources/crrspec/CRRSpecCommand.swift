import ArgumentParser

/// The `crrspec` command line: thin commands over the library.
@main
struct CRRSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crrspec",
        abstract: "Keep CAISO CRR B2B files and specs correct: draft-07 validation, spec linting and version diffs.",
        discussion: """
        Exit status: 0 when everything checked is valid, 1 when something is invalid, 2 on a usage \
        error or an input that could not be read or fully checked.

        Examples:
          crrspec validate --schema schemas/CRRPublicAuctionResult_v1.1.1.draft-07.schema.json results.json
          crrspec metaschema schemas/*.schema.json
        """,
        version: CRRSpecVersion.current,
        subcommands: [ValidateCommand.self, MetaschemaCommand.self, ParseCommand.self]
    )
}

enum CRRSpecVersion {
    static let current = "0.1.0"
}
