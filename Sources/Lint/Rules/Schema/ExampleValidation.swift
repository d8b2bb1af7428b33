import Document
import JSONSchema

/// Validates a sample value (an example or a default) against a schema and reports each
/// error at the failing spot inside the sample.
enum ExampleValidation {
    static func report(_ sample: Value, against schema: Value, _ context: LintContext, what: String, into out: inout FindingSink) {
        guard let compiled = context.compiled(schema) else { return }
        let result: ValidationResult
        do {
            result = try compiled.validate(sample, limits: context.validationLimits)
        } catch {
            // A limit hit (a hostile pattern, a pathological schema) is reported, never a pass.
            out.addLimitHit(sample, "the \(what) could not be fully checked against its schema: \(error.message)",
                            hint: "simplify the schema, or raise the limit the message names")
            return
        }
        guard !result.valid else { return }
        for error in result.errors.filter({ !$0.isBranchDetail }).prefix(3) {
            let failing = JSONPointer(error.instanceLocation).flatMap { sample.resolve($0) } ?? sample
            out.add(failing, at: error.position, "\(what) does not match its schema: \(error.message)",
                    hint: "correct the \(what) or the schema (\(error.keyword) at \(error.keywordLocation.isEmpty ? "the schema root" : error.keywordLocation))")
        }
    }
}

/// Validates a whole document against a fixed schema (the draft-07 metaschema, crrspec's OpenAPI
/// 3.0 structure) and reports each error at its place in the document.
enum DocumentValidation {
    /// `prefix` starts each finding ("not a valid draft-07 schema"); `unchecked` is what the
    /// finding says when a limit stops the check ("the schema could not be fully checked ...").
    static func report(_ context: LintContext, against schema: Schema?, prefix: String, unchecked: String, into out: inout FindingSink) {
        guard let schema else { return }
        let result: ValidationResult
        do {
            result = try schema.validate(context.root, limits: context.validationLimits)
        } catch {
            // Never a silent pass: a document too big or too deep to check says so.
            out.addLimitHit(context.root, "\(unchecked): \(error.message)")
            return
        }
        for error in result.errors where !error.isBranchDetail {
            let value = JSONPointer(error.instanceLocation).flatMap { context.document.resolve($0) } ?? context.root
            out.add(value, at: error.position, "\(prefix): \(error.message)")
        }
    }
}
