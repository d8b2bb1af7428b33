import Document
import JSONSchema

/// Validates a sample value (an example or a default) against a schema and reports each
/// error at the failing spot inside the sample.
enum ExampleValidation {
    static func report(_ sample: Value, against schema: Value, _ context: LintContext, what: String, into out: inout FindingSink) {
        guard let compiled = context.compiled(schema) else { return }
        let result: ValidationResult
        do {
            result = try compiled.validate(sample)
        } catch {
            // A limit hit (a hostile pattern, a pathological schema) is reported, never a pass.
            out.add(sample, "the \(what) could not be fully checked against its schema: \(error.message)",
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
