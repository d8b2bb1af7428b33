import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// What crrspec knows about CAISO's CRR error codes from public material: the codes every
/// service returns, the codes the 2024-11-21 update retired, and which codes belong to which
/// service. Services are named as in the file names (`auction`, `tor_conversion` ...).
enum CRRKnowledge {
    /// Codes every CRR service documents since the 2024-11-21 update.
    static let sharedCodes = ["SEC0001", "SER0001", "SER0017", "SER0028", "SER0029", "SER0030"]

    struct Retired {
        var replacement: String?
        var reason: String
        /// Services it is retired in (nil: all).
        var services: Set<String>?
    }

    static let portfolioReason = "portfolio validations shared by the auction and nomination APIs use the POR prefix since the 2024-11-21 update"

    /// Codes the 2024-11-21 update replaced or removed.
    static let retired: [String: Retired] = {
        var table: [String: Retired] = [
            "SER0018": Retired(replacement: "GEN0003", reason: "\"system busy\" is GEN0003 since the 2024-11-21 update"),
            "ATH0002": Retired(replacement: "SEC0001", reason: "insufficient privilege is SEC0001 since the 2024-11-21 update"),
            "MKT0002": Retired(replacement: nil, reason: "CAISO markets have no rounds, so the 2024-11-21 update removed it"),
            "NOM0128": Retired(replacement: "AUC0037", reason: "the auction API checks the portfolio status on submission with AUC0037 since the 2024-11-21 update",
                               services: ["auction"]),
            "LHFV0032": Retired(replacement: "SER0002", reason: "it duplicated SER0002 and the 2024-11-21 update removed it"),
        ]
        for number in ["0010", "0013", "0023", "0038", "0051", "0100", "0101", "0103", "0215", "0306", "0308"] {
            table["AUC" + number] = Retired(replacement: "POR" + number, reason: portfolioReason)
        }
        return table
    }()

    /// Code families (prefix) and single codes that belong to some services only.
    static let owners: [(match: String, services: Set<String>, what: String)] = [
        ("SMT", ["secondary_market"], "secondary market"),
        ("TOR", ["tor_conversion"], "TOR conversion"),
        ("LHFV", ["historical_forecasted_load"], "historical and forecasted load"),
        ("LMV", ["load_migration"], "load migration"),
        ("DWL", ["market_data"], "market data download"),
        ("CAP", ["market_data"], "nomination cap"),
        ("POR", ["auction", "nomination"], "portfolio"),
        ("AUC", ["auction"], "auction"),
        ("NOM", ["nomination", "auction"], "nomination"),
        ("MKT0004", ["auction", "nomination"], "a closed submission window of a market"),
        ("MKT", ["auction", "nomination", "market_data", "market_status"], "market"),
        ("SER0022", ["auction", "nomination"], "portfolio names"),
        ("SER0005", ["market_data", "market_status"], "market type and term"),
        ("SER0006", ["messages"], "message date ranges"),
        ("SER0007", ["messages"], "message date ranges"),
    ]

    /// The services a code belongs to, when it is not shared, with what it is about.
    static func owner(of code: String) -> (services: Set<String>, what: String)? {
        owners.first { code == $0.match || (code.hasPrefix($0.match) && $0.match.count < 5) }.map { ($0.services, $0.what) }
    }

    /// Whether the code is retired for a service.
    static func retirement(_ code: String, service: String?) -> Retired? {
        guard let entry = retired[code] else { return nil }
        if let services = entry.services, let service, !services.contains(service) { return nil }
        if entry.services != nil && service == nil { return nil }
        return entry
    }
}
