import ArgumentParser
import Document
import Diff
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pages

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write static HTML documentation of specs with their history: a page per version, changes pages, an index.",
        discussion: """
        SPEC is a spec file, a folder (every OpenAPI 3.0 document in it) or a bundled catalog \
        service (auction: every bundled version; auction@1.2.0: that one). Without SPEC: every \
        bundled service and version.

        Written to --output: a page per spec (operations by tag with parameters, request body \
        with an example checked against its schema, responses; schemas as nested tables with \
        every constraint and links between $refs; the error-code table; the revision history), \
        a page of changes from the previous version for each consecutive pair of a service \
        (from crrspec diff, breaking first, each change linked to where it is), and index.html \
        with a timeline per service (one mark per version, coloured by the bump it required, \
        hollow where the declared bump was lower). The pages load nothing from the network: \
        the stylesheet and the filter script are inside each page; open them from disk or \
        serve them over HTTP. A $ref that cannot be followed is marked on the page as an \
        unresolved reference and reported on standard error as a warning with its \
        file:line:column.

        Exit status: 0, or 2 on unusable input or an output folder that cannot be written.

        Examples:
          crrspec docs --output site
          crrspec docs auction nomination --output site
          crrspec docs openapi/ --output site
          crrspec docs openapi/caiso_crr_auction_v1.2.1_openapi.yaml --output out
        """
    )

    @Option(name: .long, help: ArgumentHelp("The folder to write the pages to (created when missing).", valueName: "DIR"))
    var output: String

    @Option(name: .customLong("error-codes"), help: "How error-code catalog changes count: contract (MINOR, the default) or documentation (MINI).")
    var errorCodes: ErrorCodePolicy = .contract

    @Argument(help: ArgumentHelp("Spec files, folders or catalog services.", valueName: "SPEC"), completion: Completions.specs)
    var specs: [String] = []

    func run() throws {
        let pages: [DocsSite.Page]
        do {
            let inputs = try PageInputs.collect(specs, newestOnly: false)
            PageWarnings.unresolvedReferences(inputs) { "\($0.pageName) marks it as unresolved" }
            pages = try DocsSite.build(inputs, options: errorCodes.options)
        } catch let error as PagesInputError {
            Output.err("crrspec: \(ControlEscape.keepingLines(error.message))\n")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Output.err(ControlEscape.keepingLines("crrspec: cannot create \(output): \(OutputFile.ioErrorText(error))") + "\n")
            throw ExitCode(2)
        }
        for page in pages { try PageWriter.write(page.html, to: output + "/" + page.name) }
        let shown = ControlEscape.line(output)
        Output.out("wrote \(pages.count) pages to \(shown) (open \(shown)/index.html)\n")
    }
}

/// Warnings of `docs` and `postman` on standard error.
enum PageWarnings {
    /// One warning per `$ref` that cannot be followed, with its file:line:column and what the
    /// output does about it.
    static func unresolvedReferences(_ specs: [PageSpec], consequence: (PageSpec) -> String) {
        for spec in specs {
            for u in SpecPage.unresolvedReferences(spec) {
                Output.err(ControlEscape.keepingLines("\(spec.file):\(u.position.line):\(u.position.column): warning: unresolved reference \(u.ref) (at \(u.pointer)); \(consequence(spec))") + "\n")
            }
        }
    }
}
