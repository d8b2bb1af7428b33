/// Collects changes, merging the same change reached through several operations (a component
/// schema used by many endpoints is reported once, with the operations listed).
final class ChangeRecorder {
    private(set) var changes: [Change] = []
    private var seen: [Key: Int] = [:]

    private struct Key: Hashable {
        let id: String
        let oldFile: String, oldPointer: String
        let newFile: String, newPointer: String
        let message: String
    }

    func record(_ change: Change) {
        let key = Key(id: change.id, oldFile: change.old.file, oldPointer: change.old.pointer.description,
                      newFile: change.new.file, newPointer: change.new.pointer.description, message: change.message)
        if let i = seen[key] {
            for operation in change.operations where !changes[i].operations.contains(operation) {
                changes[i].operations.append(operation)
            }
            return
        }
        seen[key] = changes.count
        changes.append(change)
    }
}
