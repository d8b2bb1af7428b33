import Document
import JSONSchema

/// Compares two draft-07 schema files: the root schemas side by side, then the definitions no
/// `$ref` reached (`definition-added` / `definition-removed` for unused ones, which change no
/// document's validity).
enum SchemaFileDiff {
    static func compare(old: Document, new: Document, oldLibrary: DocumentLibrary, newLibrary: DocumentLibrary,
                        oldName: String, newName: String, businessRules: BusinessRuleAnnotation? = nil) -> DiffResult {
        let recorder = ChangeRecorder()
        let walker = SchemaWalker(old: oldLibrary.references, new: newLibrary.references,
                                  dialect: .draft07, recorder: recorder, businessRules: businessRules)
        let scope = SchemaScope(context: .schema, operation: nil)
        let oldRoot = Located(root: old), newRoot = Located(root: new)
        walker.compare(oldRoot, newRoot, scope: scope)
        for keyword in ["definitions", "$defs"] {
            let o = oldRoot[keyword], n = newRoot[keyword]
            let oldMembers = o?.members ?? [], newMembers = n?.members ?? []
            for (name, node) in oldMembers {
                if let other = newMembers.first(where: { $0.name == name })?.value {
                    if !walker.wasVisited(node, other, .schema) { walker.compare(node, other, scope: scope) }
                } else {
                    recorder.record(Change(id: "definition-removed", direction: .none, compatibility: .annotationOnly,
                                           old: node.location(text: name), new: (n ?? newRoot).absent,
                                           message: "Removed definition \(name), which the schema no longer uses"))
                }
            }
            for (name, node) in newMembers where !oldMembers.contains(where: { $0.name == name }) {
                recorder.record(Change(id: "definition-added", direction: .none, compatibility: .annotationOnly,
                                       old: (o ?? oldRoot).absent, new: node.location(text: name),
                                       message: "Added definition \(name)"))
            }
        }
        return DiffResult(kind: .schema, oldFile: oldName, newFile: newName, changes: recorder.changes)
    }
}
