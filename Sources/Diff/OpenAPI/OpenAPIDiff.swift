import Document
import OpenAPI
import Reporting
import JSONSchema

/// Compares two OpenAPI 3.0 documents, each read once into its contract model (``Contract``):
/// the checks below read operations, parameters, bodies, responses, headers and security from
/// the model, and compare schemas with the ``SchemaWalker``.
enum OpenAPIDiff {
    /// The contract of one side, with `$ref`s resolved in that side's library.
    static func contract(_ input: DiffInput, _ resolver: ReferenceResolver) throws -> Contract {
        do {
            return try Contract(document: input.document, resolve: { holder in try? resolver.target(of: holder).get() })
        } catch let error as UnsupportedSpecVersion {
            throw DiffInputError(error.description)
        }
    }

    static func compare(old: DiffInput, new: DiffInput, options: DiffOptions) throws -> DiffResult {
        let recorder = ChangeRecorder()
        let oldResolver = old.library.references, newResolver = new.library.references
        let walker = SchemaWalker(old: oldResolver, new: newResolver, dialect: .openAPI30, recorder: recorder,
                                  businessRules: options.configuration.businessRules)
        let spec = SpecContext(recorder: recorder, walker: walker, operation: nil)
        // The same document on both sides (one file named twice): one model serves both.
        let same = old.document === new.document && old.library === new.library
        let oldContract = try contract(old, oldResolver)
        let newContract = same ? oldContract : try contract(new, newResolver)
        let oldRoot = Located(root: old.document), newRoot = Located(root: new.document)

        InfoCheck.run(oldRoot, newRoot, oldContract, newContract, spec)
        SecurityCheck.schemes(oldContract, newContract, oldRoot: oldRoot, newRoot: newRoot, spec)
        let oldOperations = SpecOperation.all(oldContract)
        let newOperations = same ? oldOperations : SpecOperation.all(newContract)
        ServiceCheck.run(old: oldOperations, new: newOperations, oldRoot: oldRoot, newRoot: newRoot, spec)
        let matching = OperationMatching.match(old: oldOperations, new: newOperations)
        for operation in matching.removed { OperationCheck.removed(operation, newRoot: newRoot, spec) }
        for operation in matching.added { OperationCheck.added(operation, oldRoot: oldRoot, spec) }
        for (o, n) in matching.renamed {
            OperationCheck.renamed(o, n, spec.with(operation: n.label))
            OperationCheck.compare(o, n, spec)
        }
        for (o, n) in matching.matched { OperationCheck.compare(o, n, spec) }

        ComponentCheck.run(oldContract, newContract, oldRoot: oldRoot, newRoot: newRoot, spec)
        // What the layers add (the CRR layer: error-code catalog and release notes).
        for check in options.configuration.checks {
            check.run(old: old, new: new, options: options, record: recorder.record)
        }

        let changes = BusinessRuleMarks.apply(recorder.changes, old: old.document, oldName: old.name, new: new.document, newName: new.name,
                                              annotation: options.configuration.businessRules)
        // What the layers judge the whole comparison by (the CRR layer: path versions).
        var findings: [Finding] = []
        if !options.configuration.findingRules.isEmpty {
            let comparison = ServiceComparison(old: old, new: new, changes: changes, oldOperations: oldOperations, newOperations: newOperations)
            for rule in options.configuration.findingRules { findings += rule.findings(comparison) }
        }
        return DiffResult(kind: .openAPI, oldFile: old.name, newFile: new.name, changes: changes, findings: findings)
    }
}
