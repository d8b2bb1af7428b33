import Document
import Reporting

/// Compares two OpenAPI 3.0 documents.
enum OpenAPIDiff {
    static func compare(old: DiffInput, new: DiffInput, options: DiffOptions) throws -> DiffResult {
        compare(old: old.document, new: new.document, oldLibrary: old.library, newLibrary: new.library,
                oldName: old.name, newName: new.name, options: options)
    }

    static func compare(old: Document, new: Document, oldLibrary: DocumentLibrary, newLibrary: DocumentLibrary,
                        oldName: String, newName: String, options: DiffOptions) -> DiffResult {
        let recorder = ChangeRecorder()
        let walker = SchemaWalker(old: RefResolver(library: oldLibrary), new: RefResolver(library: newLibrary),
                                  dialect: .openAPI30, recorder: recorder)
        let spec = SpecContext(recorder: recorder, walker: walker, operation: nil)
        let oldRoot = Located(root: old), newRoot = Located(root: new)

        InfoCheck.run(oldRoot, newRoot, spec)
        let oldOperations = SpecOperation.all(oldRoot, walker.oldResolver)
        let newOperations = SpecOperation.all(newRoot, walker.newResolver)
        ServiceCheck.run(old: oldOperations, new: newOperations, oldRoot: oldRoot, newRoot: newRoot, spec)
        let matching = OperationMatching.match(old: oldOperations, new: newOperations,
                                               oldResolver: walker.oldResolver, newResolver: walker.newResolver)
        for operation in matching.removed { OperationCheck.removed(operation, newRoot: newRoot, spec) }
        for operation in matching.added { OperationCheck.added(operation, oldRoot: oldRoot, spec) }
        for (o, n) in matching.renamed {
            OperationCheck.renamed(o, n, spec.with(operation: n.label))
            OperationCheck.compare(o, n, spec)
        }
        for (o, n) in matching.matched { OperationCheck.compare(o, n, spec) }

        let oldCodes = ErrorCodeCatalog.entries(old), newCodes = ErrorCodeCatalog.entries(new)
        ErrorCodeCheck.run(old: oldCodes, new: newCodes, oldAnchor: anchor(oldCodes, oldRoot), newAnchor: anchor(newCodes, newRoot),
                           recorder: recorder, asDocumentation: options.errorCodesAsDocumentation)
        ComponentCheck.run(oldRoot, newRoot, spec)

        let changes = recorder.changes
        let findings = PathVersionFinding.findings(changes, old: oldOperations, new: newOperations, newFile: newName)
        return DiffResult(kind: .openAPI, oldFile: oldName, newFile: newName, changes: changes, findings: findings)
    }

    /// Where a code that is absent on one side is reported: that side's code table, else its root.
    static func anchor(_ codes: [ErrorCodeCatalog.Entry], _ root: Located) -> ChangeLocation {
        guard var location = codes.first(where: { $0.text != nil })?.location else { return root.absent }
        location.value = nil
        if let value = root.document.resolve(location.pointer) {
            let position = value.position
            location.line = position.line
            location.column = position.column
        }
        return location
    }
}
