import Diff
import EngineTestSupport

/// The general diff engine alone: no layer's checks, naming convention or catalog.
enum GeneralDiff: DiffLayer {
    static let configuration = DiffConfiguration.general
}

typealias Fixture = DiffFixtures<GeneralDiff>
