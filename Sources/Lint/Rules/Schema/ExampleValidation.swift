import Document
import JSONSchema

/// Validates a sample value (an example or a default) against a schema and reports each
/// error at the failing spot inside the sample.
enum ExampleValidation {
    static func report(_ sample: Value, against schema: Value, _ context: LintContext, what: String, into out: inout FindingSink) {
        guard let compiled = context.compiled(schema),
              let result = validate(sample, against: compiled, context, unchecked: "the \(what) could not be fully checked against its schema",
                                    hint: "simplify the schema, or raise the limit the message names", into: &out) else { return }
        for error in result.errors.filter({ !$0.isBranchDetail }).prefix(3) {
            let failing = JSONPointer(error.instanceLocation).flatMap { sample.resolve($0) } ?? sample
            out.add(failing, at: error.position, "\(what) does not match its schema: \(error.message)",
                    hint: "correct the \(what) or the schema (\(error.keyword) at \(error.keywordLocation.isEmpty ? "the schema root" : error.keywordLocation))")
        }
    }

    /// Validates `value` with the run's limits. A limit hit (a hostile pattern, a pathological
    /// schema) is reported as `unchecked: <what stopped it>` and gives nil: never a pass.
    static func validate(_ value: Value, against schema: Schema, _ context: LintContext, unchecked: String, hint: String? = nil,
                         into out: inout FindingSink) -> ValidationResult? {
        do {
            return try schema.validate(value, limits: context.validationLimits)
        } catch {
            out.addLimitHit(value, "\(unchecked): \(error.message)", hint: hint)
            return nil
        }
    }
}

/// Validates a whole document against a fixed schema (the draft-07 metaschema, crrspec's OpenAPI
/// 3.0 structure) and reports each error at its place in the document.
enum DocumentValidation {
    /// `prefix` starts each finding ("not a valid draft-07 schema"); `unchecked` is what the
    /// finding says when a limit stops the check ("the schema could not be fully checked ...").
    static func report(_ context: LintContext, against schema: Schema?, prefix: String, unchecked: String, into out: inout FindingSink) {
        guard let schema, let result = ExampleValidation.validate(context.root, against: schema, context, unchecked: unchecked, into: &out) else { return }
        for error in result.errors where !error.isBranchDetail {
            let value = JSONPointer(error.instanceLocation).flatMap { context.document.resolve($0) } ?? context.root
            out.add(value, at: error.position, "\(prefix): \(error.message)")
        }
    }
}
