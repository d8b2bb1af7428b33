import Document

/// `required`: `property-became-required` (narrows: breaking in a request) and
/// `property-became-optional` (widens: breaking in a response, where consumers rely on it).
enum RequiredCheck {
    static func names(_ schema: Located) -> Set<String> {
        Set(schema["required"]?.value.elements.compactMap(\.string) ?? [])
    }

    /// - Parameters:
    ///   - renames: properties renamed (old name, new name): their required flag is compared across the rename.
    ///   - skip: properties added or removed (reported by ``PropertiesCheck``).
    static func run(_ pair: Pair, _ checks: CheckContext, renames: [(String, String)], skip: Set<String>) {
        let old = names(pair.old), new = names(pair.new)
        let subject = SubjectName.of(pair.new)
        var comparisons: [(String, String)] = renames
        for name in old.union(new).sorted() where !skip.contains(name) { comparisons.append((name, name)) }
        for (oldName, newName) in comparisons {
            let was = old.contains(oldName), now = new.contains(newName)
            guard was != now else { continue }
            let oldLocation = entry(pair.old, oldName)
            let newLocation = entry(pair.new, newName)
            if now {
                checks.emit("property-became-required", effect: .narrow, old: oldLocation, new: newLocation,
                            message: "Made \(newName) required in \(subject)",
                            summary: "Added \(newName) to the required properties of \(subject)")
            } else {
                checks.emit("property-became-optional", effect: .widen, structural: true, old: oldLocation, new: newLocation,
                            message: "Made \(newName) optional in \(subject)",
                            summary: "Removed \(newName) from the required properties of \(subject)")
            }
        }
    }

    /// The `required` entry naming `name`, else the `required` array, else the schema.
    static func entry(_ schema: Located, _ name: String) -> ChangeLocation {
        guard let required = schema["required"] else { return schema.absent }
        if let element = required.elements.first(where: { $0.string == name }) { return element.present }
        return required.absent
    }
}
