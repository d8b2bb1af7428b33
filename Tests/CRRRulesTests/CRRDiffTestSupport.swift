import CRR
import CRRRules
import Diff
import EngineTestSupport

/// The diff with the CRR layer's configuration (checks, file naming, catalog), as the CLI
/// compares: these tests compare CRR catalog files and CAISO-shaped fixtures.
enum CRRDiffLayer: DiffLayer {
    static var configuration: DiffConfiguration { CRRDiff.configuration }
}

typealias Fixture = DiffFixtures<CRRDiffLayer>

extension DiffFixtures where Layer == CRRDiffLayer {
    /// A bundled catalog entry.
    static func catalog(_ name: String, _ version: String) throws -> DiffInput {
        guard let entry = CRRCatalog.find("\(name)@\(version)") else { throw DiffInputError("no catalog entry \(name)@\(version)") }
        return try SpecDiff.catalogInput(entry)
    }
}

extension DiffOptions {
    /// The CLI's options: the CRR layer's configuration.
    static var crr: DiffOptions { DiffOptions(configuration: CRRDiff.configuration) }
}
