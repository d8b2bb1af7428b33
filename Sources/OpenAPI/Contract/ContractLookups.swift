import Document

extension Contract {
    /// The component of a section with this name (`component(.schemas, named: "Item")`), as
    /// written; nil when the section has none.
    public func component(_ kind: ContractComponent.Kind, named name: String) -> ContractComponent? {
        components.first { $0.kind == kind && $0.name == name }
    }

    /// `info.description`, the node (its text and where it is written).
    public var infoDescription: Value? { info?["description"] }

    /// `info.title`.
    public var title: String? { info?["title"]?.string }

    /// `info.version` as written (a number keeps its text).
    public var infoVersion: String? { info?["version"].flatMap { $0.string ?? $0.numberText } }
}

extension ContractRequestBody {
    /// The `application/json` media type, else the first JSON-like one (`+json`).
    public var jsonMedia: ContractMediaType? {
        content.first { $0.name == "application/json" } ?? content.first { $0.name.contains("json") }
    }
}
