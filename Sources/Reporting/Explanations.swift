#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The long form of a finding: what a validation keyword, a profile rule, a lint rule or a diff
/// change means, an example that triggers it, and how to fix it. `crrspec explain ID` prints one.
public struct Explanation: Sendable, Hashable {
    /// What kind of finding the identifier names.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A JSON Schema draft-07 keyword that failed (`enum`, `required`, ...).
        case keyword
        /// A rule of a profile on top of JSON Schema (the CRR layer's `crr-date-time-seconds`);
        /// ``Explanation/profile`` names the profile.
        case rule
        /// A problem with the input itself (malformed, unreadable, over a limit).
        case input
        /// A spec lint rule (`crrspec lint`).
        case lint
        /// A change between two spec versions (`crrspec diff`, `crrspec version-check`).
        case change
        /// A rule on file versions (`crrspec version-check`: `declared-bump-too-low`, ...).
        case version
        /// What `crrspec mock` logs about a request or a spec (`mock-unknown-path`, ...).
        case mock

        /// The heading `crrspec explain` prints for the kind (``Explanation/label`` names a
        /// rule's profile).
        public var label: String {
            switch self {
            case .keyword: "JSON Schema keyword"
            case .rule: "profile rule"
            case .input: "input problem"
            case .lint: "lint rule"
            case .change: "spec change"
            case .version: "version rule"
            case .mock: "mock server log id"
            }
        }
    }

    /// The identifier findings carry: a keyword, a rule id, a lint rule id or a change id.
    public var id: String
    public var kind: Kind
    /// One line: what the finding says.
    public var title: String
    /// A paragraph or two: what is checked and why it matters.
    public var description: String
    /// A small failing example and crrspec's message for it.
    public var example: String
    /// How to make the finding go away (in the file, or in the schema).
    public var fix: String
    /// Other identifiers that lead here (e.g. `exclusiveMaximum` to `maximum`).
    public var aliases: [String]
    /// The name of the profile a ``Kind/rule`` belongs to, as prose says it (`CRR`).
    public var profile: String?

    public init(id: String, kind: Kind, title: String, description: String, example: String, fix: String, aliases: [String] = [],
                profile: String? = nil) {
        self.profile = profile
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.example = example
        self.fix = fix
        self.aliases = aliases
    }

    /// What kind of finding this is, in words: the kind's label, with the profile's name for a
    /// profile rule ("CRR profile rule").
    public var label: String {
        if kind == .rule, let profile { return "\(profile) profile rule" }
        return kind.label
    }
}

/// A set of explanations to look finding ids up in: what `crrspec explain` prints and what SARIF
/// rule descriptions are made of. A value, passed to what needs it; nothing is registered
/// process-wide. ``builtIn`` holds the draft-07 keywords and the input problems; the lint, diff
/// and mock modules and the layers (the CRR layer's profile rules) publish theirs (`LintEngine.explanations`,
/// `ChangeCatalog.explanations(with:)`, ...) for a caller to add. A later explanation of an id replaces
/// the earlier one.
///
/// ```swift
/// let catalog = ExplanationCatalog.builtIn.adding(LintEngine.explanations)
/// catalog.lookup("enum")?.title   // "The value is not one of the values the schema lists."
/// ```
public struct ExplanationCatalog: Sendable {
    private var byID: [String: Explanation] = [:]
    private var order: [String] = []
    /// Lower-cased id or alias → id.
    private var index: [String: String] = [:]

    public init(_ explanations: [Explanation] = []) {
        self.init(empty: ())
        self = adding(explanations)
    }

    private init(empty: Void) {}

    /// The explanations Reporting ships: draft-07 keywords, CRR profile rules, input problems.
    public static let builtIn = ExplanationCatalog(Explanations.builtIn)

    /// This catalog and `explanations` (an id already known is replaced).
    public func adding(_ explanations: [Explanation]) -> ExplanationCatalog {
        var copy = self
        for explanation in explanations {
            if copy.byID[explanation.id] == nil { copy.order.append(explanation.id) }
            copy.byID[explanation.id] = explanation
        }
        // Ids win over aliases; among aliases the first registered wins.
        copy.index = [:]
        for id in copy.order { copy.index[id.lowercased()] = id }
        for id in copy.order {
            for alias in copy.byID[id]!.aliases where copy.index[alias.lowercased()] == nil { copy.index[alias.lowercased()] = id }
        }
        return copy
    }

    /// Every explanation, in the order added.
    public var all: [Explanation] { order.compactMap { byID[$0] } }

    /// The explanation for an id or alias; case-insensitive.
    public func lookup(_ id: String) -> Explanation? {
        index[id.lowercased()].flatMap { byID[$0] }
    }

    /// Ids close to an unknown one, for a "did you mean" message.
    public func suggestions(for id: String, limit: Int = 3) -> [String] {
        let wanted = id.lowercased()
        let ids = all.flatMap { [$0.id] + $0.aliases }
        let contained = ids.filter { $0.lowercased().contains(wanted) || wanted.contains($0.lowercased()) }
        let threshold = Swift.max(2, wanted.count / 3)
        var scored: [(id: String, distance: Int)] = []
        for candidate in ids {
            let distance = Explanations.editDistance(candidate.lowercased(), wanted)
            if distance <= threshold { scored.append((candidate, distance)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }
        let ranked = scored.map(\.id)
        var seen = Set<String>()
        return (ranked + contained).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// The list `crrspec explain` prints without an id: one line per explanation, by kind.
    public func renderIndex() -> String {
        let everything = all
        var out = ""
        for kind in Explanation.Kind.allCases {
            // One group per label: a kind, or each profile's rules.
            var labels: [String] = []
            for item in everything where item.kind == kind && !labels.contains(item.label) { labels.append(item.label) }
            for label in labels {
                let items = everything.filter { $0.kind == kind && $0.label == label }
                out += (out.isEmpty ? "" : "\n") + label.prefix(1).uppercased() + label.dropFirst() + "s:\n"
                let width = items.map(\.id.count).max() ?? 0
                for item in items {
                    out += "  " + item.id + String(repeating: " ", count: max(0, width + 2 - item.id.count)) + item.title + "\n"
                }
            }
        }
        return out
    }
}

/// The texts of explanations: the built-in ones and how `crrspec explain ID` prints one.
public enum Explanations {
    /// The text `crrspec explain ID` prints.
    public static func render(_ e: Explanation) -> String {
        var out = "\(e.id) (\(e.label))\n\n\(e.title)\n\n"
        out += wrap(e.description, indent: "") + "\n\n"
        out += "Example:\n" + e.example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n\n"
        out += "Fix:\n" + wrap(e.fix, indent: "  ") + "\n"
        if !e.aliases.isEmpty { out += "\nAlso explains: \(e.aliases.joined(separator: ", "))\n" }
        return out
    }

    /// Wraps paragraphs at 100 columns.
    static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        text.components(separatedBy: "\n\n").map { paragraph in
            var lines: [String] = []
            var line = indent
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if line.count > indent.count && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                }
                line += (line.count > indent.count ? " " : "") + word
            }
            if line.count > indent.count { lines.append(line) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution: Int = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let deletion: Int = previous[j] + 1
                let insertion: Int = current[j - 1] + 1
                current[j] = Swift.min(substitution, deletion, insertion)
            }
            previous = current
        }
        return previous[b.count]
    }
}
