import ArgumentParser
import Document
import CRR
import Reporting

/// Output formats of `crrspec catalog`.
enum CatalogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the bundled CRR schemas and OpenAPI specs (names, versions, files).",
        discussion: """
        The catalog is crrspec's own reconstruction of the CAISO CRR download schemas and B2B \
        specs from public material; it is not CAISO's official set. Use a name with --schema \
        (newest version) or name@version, or a service with --spec.

        Examples:
          crrspec catalog
          crrspec catalog --format json
          crrspec catalog --show CRRPublicAuctionResult@1.1.1 > \\
              CRRPublicAuctionResult_v1.1.1.draft-07.schema.json
        """
    )

    @Option(name: .long, help: "Output format: text or json.")
    var format: CatalogFormat = .text

    @Option(name: .long, help: ArgumentHelp("Print one catalog file's contents.", valueName: "NAME[@VERSION]"))
    var show: String?

    func run() throws {
        if let show {
            guard let entry = CRRCatalog.find(show) else {
                Output.err("crrspec: no catalog entry \(ControlEscape.line(show)); did you mean \(CRRCatalog.suggestions(for: show).joined(separator: ", "))?\n")
                throw ExitCode(2)
            }
            Output.out(CRRCatalog.text(entry) + "\n")
            return
        }
        let entries = CRRCatalog.entries
        switch format {
        case .json:
            var w = JSONWriter(pretty: true)
            w.beginObject()
            w.key("entries")
            w.beginArray()
            for entry in entries {
                w.beginObject()
                w.field("name", entry.name)
                w.field("version", entry.version.description)
                w.field("kind", entry.isSchema ? "schema" : "openapi")
                w.field("file", entry.path)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Output.out(w.output + "\n")
        case .text:
            var out = "Bundled CRR catalog (reconstructed from public material by crrspec; not CAISO's official files)\n\n"
            for kind in [true, false] {
                out += kind ? "Download schemas (draft-07):\n" : "\nOpenAPI specs:\n"
                var byName: [(String, [CRRCatalog.Entry])] = []
                for entry in entries where entry.isSchema == kind {
                    if let i = byName.firstIndex(where: { $0.0 == entry.name }) { byName[i].1.append(entry) } else { byName.append((entry.name, [entry])) }
                }
                let width = byName.map(\.0.count).max() ?? 0
                for (name, versions) in byName {
                    out += "  " + name + String(repeating: " ", count: max(0, width + 2 - name.count))
                        + versions.map(\.version.description).joined(separator: ", ") + "    " + versions.last!.path + "\n"
                }
            }
            Output.out(out)
        }
    }
}
