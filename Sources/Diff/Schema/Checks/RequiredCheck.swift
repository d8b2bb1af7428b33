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
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        var comparisons: [(String, String)] = renames
        for name in old.union(new).sorted() where !skip.contains(name) { comparisons.append((name, name)) }
        for (oldName, newName) in comparisons {
            let was = old.contains(oldName), now = new.contains(newName)
            guard was != now else { continue }
            let oldLocation = entry(pair.old, oldName)
            let newLocation = entry(pair.new, newName)
            if let flag = DirectionFlag.outOfContext(pair, oldName: oldName, newName: newName, checks) {
                // OpenAPI 3.0: `required` on a readOnly property binds responses only, on a
                // writeOnly one requests only.
                checks.emitDocumentation("annotation-changed", old: oldLocation, new: newLocation,
                                         message: "Made \(newName) \(now ? "required" : "optional") in \(subject); it is \(flag), so this does not apply to \(checks.context == .response ? "responses" : "requests")")
                continue
            }
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

/// `readOnly` / `writeOnly` (OpenAPI 3.0): a readOnly property is sent in responses only, a
/// writeOnly one in requests only, so in the other direction its presence and `required`
/// change nothing.
enum DirectionFlag {
    /// `readOnly` or `writeOnly` when the property is out of this check's direction (on either side).
    static func outOfContext(_ pair: Pair, oldName: String, newName: String, _ checks: CheckContext) -> String? {
        guard checks.dialect == .openAPI30, checks.context != .schema else { return nil }
        let flag = checks.context == .response ? "writeOnly" : "readOnly"
        let old = pair.old["properties"]?[oldName].flatMap { checks.walker.oldResolver.resolve($0) }
        let new = pair.new["properties"]?[newName].flatMap { checks.walker.newResolver.resolve($0) }
        let set = [old, new].contains { $0?.value[flag]?.bool == true }
        return set ? flag : nil
    }
}
