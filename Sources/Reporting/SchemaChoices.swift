/// Which schema `--schema auto` chose for which files, for the lines a validation run prints
/// after its results (standard error in `crrspec validate`):
/// `schema auto: CRRSourceSink@1.0.1#/items for 4 files (a.json, b.json, c.json, ...)`.
public struct SchemaChoices: Sendable, Equatable {
    /// Schema label → files, in first-seen order.
    public private(set) var choices: [Choice] = []

    public struct Choice: Sendable, Equatable {
        public var label: String
        public var files: [String]
    }

    public init() {}

    /// Records that `label` was chosen for `file`.
    public mutating func record(_ label: String, file: String) {
        if let i = choices.firstIndex(where: { $0.label == label }) { choices[i].files.append(file) } else { choices.append(Choice(label: label, files: [file])) }
    }

    /// One line per schema (no newlines): the first three files, then `...`.
    public func lines(style: TextStyle = .plain) -> [String] {
        choices.map { choice in
            let files = choice.files
            let list = files.count <= 3 ? files.joined(separator: ", ") : files.prefix(3).joined(separator: ", ") + ", ..."
            let what = files.count == 1 ? list : "\(files.count) files (\(list))"
            return "\(style.cyan("schema auto:")) \(choice.label) for \(what)"
        }
    }
}
