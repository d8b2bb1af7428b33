import ArgumentParser
import Document
import Pages

struct PostmanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postman",
        abstract: "Write a Postman Collection v2.1 of specs: a folder per service, a request per operation with a status test.",
        discussion: """
        SPEC is a spec file, a folder (every OpenAPI 3.0 document in it, the newest version of \
        each service) or a bundled catalog service (auction, or auction@1.2.0). Without SPEC: \
        the newest version of every bundled service.

        Each request starts with its service's base-URL collection variable, set to the first \
        server of its spec: {{baseUrl}} in a collection of one service, else one variable per \
        service ({{auctionBaseUrl}}, {{marketDataBaseUrl}}, ...). It carries the operation's header parameters (a uuid header gets {{$guid}}), its \
        query parameters (optional ones disabled) and path variables, and for a JSON request \
        body the operation's example, or one built from the schema; crrspec validates the body \
        against the schema and picks one that is valid. A test script checks the status code \
        of the operation's 2XX response. A $ref that cannot be followed is reported on \
        standard error as a warning with its file:line:column.

        Exit status: 0, or 2 on unusable input.

        Examples:
          crrspec postman auction > auction.postman_collection.json
          crrspec postman openapi/caiso_crr_nomination_v1.3.1_openapi.yaml
          crrspec postman --output crr.postman_collection.json
        """
    )

    @Option(name: .long, help: ArgumentHelp("Write the collection to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The collection's name (default: the service's title, or CRR B2B services).", valueName: "NAME"))
    var name: String?

    @Argument(help: ArgumentHelp("Spec files, folders or catalog services.", valueName: "SPEC"), completion: Completions.specs)
    var specs: [String] = []

    func run() throws {
        let inputs: [PageSpec]
        do {
            inputs = try PageInputs.collect(specs, newestOnly: true)
        } catch let error as PagesInputError {
            Output.err("crrspec: \(ControlEscape.keepingLines(error.message))\n")
            throw ExitCode(2)
        }
        PageWarnings.unresolvedReferences(inputs) { _ in "example bodies built from the schema leave it out" }
        let json = PostmanCollection.render(inputs, name: name)
        if let output {
            try PageWriter.write(json, to: output)
        } else {
            Output.out(json)
        }
    }
}

/// Writes a page or collection to a file, turning a failure into exit 2 with the reason.
enum PageWriter {
    static func write(_ text: String, to path: String) throws {
        do {
            try OutputFile.write(text, to: path)
        } catch {
            Output.err(ControlEscape.keepingLines("crrspec: cannot write \(path): \(error)") + "\n")
            throw ExitCode(2)
        }
    }
}
