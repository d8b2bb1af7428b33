import Document

/// Which side of an API call a change affects: what clients send (`request`), what they receive
/// (`response`), or neither (documentation, whole services, standalone schemas).
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case request, response, none
}

/// What a schema change does to the set of values the schema accepts.
public enum Effect: String, Sendable, Hashable {
    /// Everything valid before stays valid; something new becomes valid.
    case widen
    /// Everything valid after was valid before; something valid before no longer is.
    case narrow
    /// Some values become valid and others stop being valid.
    case both
    /// The set of valid values is unchanged (descriptions, examples, unknown keywords).
    case none

    /// The effect seen the other way round (new → old).
    public var reversed: Effect {
        switch self {
        case .widen: .narrow
        case .narrow: .widen
        case .both, .none: self
        }
    }

    /// Two effects on the same value combined.
    public func combined(with other: Effect) -> Effect {
        if self == other || other == .none { return self }
        if self == .none { return other }
        return .both
    }
}

/// How a change affects compatibility.
///
/// OpenAPI changes are judged per direction, as API diff tools do: `breaking` (existing clients
/// fail), `warning` (clients that validate strictly or switch over every value may fail),
/// `compatible`, `documentation`. Standalone JSON schemas are judged by the set of valid
/// documents: `widen`, `narrow`, `both`, `annotation-only`.
public enum Compatibility: String, Sendable, Hashable, CaseIterable {
    case breaking, warning, compatible, documentation
    case narrow, both, widen
    case annotationOnly = "annotation-only"

    /// The version bump this change alone requires.
    public var bump: Bump {
        switch self {
        case .breaking, .narrow, .both: .major
        case .warning, .compatible, .widen: .minor
        case .documentation, .annotationOnly: .mini
        }
    }

    /// Sort rank: incompatible first, documentation last.
    public var rank: Int {
        switch self {
        case .breaking: 0
        case .both: 1
        case .narrow: 2
        case .warning: 3
        case .widen: 4
        case .compatible: 5
        case .documentation: 6
        case .annotationOnly: 7
        }
    }

    /// Whether the change is documentation only.
    public var isDocumentation: Bool { self == .documentation || self == .annotationOnly }

    /// Whether existing clients or documents may stop working.
    public var isIncompatible: Bool { bump == .major }

    /// A heading for release notes.
    public var heading: String {
        switch self {
        case .breaking: "Breaking"
        case .both: "Incompatible (valid set changed both ways)"
        case .narrow: "Incompatible (fewer documents valid)"
        case .warning: "Potentially breaking"
        case .widen: "Compatible (more documents valid)"
        case .compatible: "Compatible"
        case .documentation: "Documentation"
        case .annotationOnly: "Annotations only"
        }
    }
}

/// A MAJOR.MINOR.MINI bump level. Ordered: `none < mini < minor < major`.
public enum Bump: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case none = 0, mini, minor, major

    public static func < (l: Bump, r: Bump) -> Bool { l.rawValue < r.rawValue }

    /// `NONE`, `MINI`, `MINOR` or `MAJOR`.
    public var description: String {
        switch self {
        case .none: "NONE"
        case .mini: "MINI"
        case .minor: "MINOR"
        case .major: "MAJOR"
        }
    }

    /// Parses `MAJOR`, `minor`, ...
    public init?(label: String) {
        guard let bump = Bump.allCases.first(where: { $0.description == label.uppercased() }) else { return nil }
        self = bump
    }
}

/// One side of a change: where it is in its file and the value there.
public struct ChangeLocation: Sendable, Hashable {
    /// The file (as named on the command line, or a `$ref`'d file).
    public var file: String
    public var pointer: JSONPointer
    /// 1-based; 0 when unknown.
    public var line: Int
    public var column: Int
    /// The value as text (strings unquoted, other values as JSON); nil when the thing is absent
    /// on this side (then the location is the nearest enclosing value that exists).
    public var value: String?

    public init(file: String, pointer: JSONPointer, line: Int, column: Int, value: String?) {
        self.file = file
        self.pointer = pointer
        self.line = line
        self.column = column
        self.value = value
    }
}

/// One classified difference between two versions of a spec or schema.
public struct Change: Sendable, Hashable {
    /// Stable identifier, e.g. `response-enum-value-added` (see ``ChangeCatalog``).
    public var id: String
    public var direction: Direction
    public var compatibility: Compatibility
    /// What the change does to the set of valid values, for schema changes.
    public var effect: Effect
    public var old: ChangeLocation
    public var new: ChangeLocation
    /// A plain sentence, e.g. `Removed PREP from enum of LoadSubmissionWindowStatus`.
    public var message: String
    /// The release-note line; changes with the same summary are merged in a changelog.
    public var summary: String
    /// Operations through which the change was reached (`GET /x/v1.0/y`), when any.
    public var operations: [String]
    /// The bump this change requires: its compatibility's, except for whole services (a service
    /// added or given a new major path version requires MAJOR although it breaks nobody).
    public var bump: Bump
    /// The CRR business rule (`x-crr-rule`) the change touches, if any: then the change is not
    /// one of the published contract and `bump` is NONE.
    public var businessRule: ChangeBusinessRule?

    public init(id: String, direction: Direction, compatibility: Compatibility, effect: Effect = .none,
                old: ChangeLocation, new: ChangeLocation, message: String, summary: String? = nil, operations: [String] = [],
                bump: Bump? = nil) {
        self.id = id
        self.bump = bump ?? compatibility.bump
        self.direction = direction
        self.compatibility = compatibility
        self.effect = effect
        self.old = old
        self.new = new
        self.message = message
        self.summary = summary ?? message
        self.operations = operations
    }

    /// Incompatible first, then by position in the new file, then the old file.
    public static func ordered(_ a: Change, _ b: Change) -> Bool {
        if a.compatibility.rank != b.compatibility.rank { return a.compatibility.rank < b.compatibility.rank }
        if a.new.file != b.new.file { return a.new.file < b.new.file }
        if a.new.line != b.new.line { return a.new.line < b.new.line }
        if a.new.column != b.new.column { return a.new.column < b.new.column }
        if a.old.line != b.old.line { return a.old.line < b.old.line }
        return (a.id, a.message) < (b.id, b.message)
    }
}
