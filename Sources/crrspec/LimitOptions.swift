import ArgumentParser
import Document
import JSONSchema

/// The limits of the document readers (depth, size, string length, YAML aliases): every command
/// that reads files has them, so each reader message's "raise it with --max-…" names an option of
/// the command that printed it.
struct ReaderLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-depth"), help: "Deepest nesting of arrays and objects a document may have (at most 10000).")
    var maxDepth: Int = ReaderLimits.default.maxDepth

    @Option(name: .customLong("max-bytes"), help: "Largest file to read, in bytes (at most 4 GiB).")
    var maxBytes: Int = ReaderLimits.default.maxBytes

    @Option(name: .customLong("max-string-bytes"), help: "Longest single string, in bytes.")
    var maxStringBytes: Int = ReaderLimits.default.maxStringBytes

    @Option(name: .customLong("max-alias-expansion"), help: "Most nodes YAML aliases may add when expanded.")
    var maxAliasExpansion: Int = ReaderLimits.default.maxAliasExpansion

    @Option(name: .customLong("max-alias-bytes"), help: "Most string bytes YAML aliases may add when expanded (each copy is read again by every check).")
    var maxAliasBytes: Int = ReaderLimits.default.maxAliasBytes

    /// The largest `--max-bytes`: value offsets in a document are 32-bit.
    static let largestInput = Int(UInt32.max) - 64
    /// The largest `--max-depth`: compiling a schema keeps each subschema's path, so its cost
    /// grows with the square of the nesting.
    static let largestDepth = 10_000

    mutating func validate() throws {
        for (option, value) in [("--max-depth", maxDepth), ("--max-bytes", maxBytes), ("--max-string-bytes", maxStringBytes)] where value < 1 {
            throw ValidationError("\(option) must be at least 1 (got \(value))")
        }
        if maxAliasExpansion < 0 { throw ValidationError("--max-alias-expansion must be 0 or more (got \(maxAliasExpansion))") }
        if maxAliasBytes < 0 { throw ValidationError("--max-alias-bytes must be 0 or more (got \(maxAliasBytes))") }
        if maxDepth > ReaderLimitOptions.largestDepth {
            throw ValidationError("--max-depth can be at most \(ReaderLimitOptions.largestDepth) (got \(maxDepth))")
        }
        if maxBytes > ReaderLimitOptions.largestInput {
            throw ValidationError("--max-bytes can be at most \(ReaderLimitOptions.largestInput) (4 GiB): crrspec keeps 32-bit offsets")
        }
    }

    var reader: ReaderLimits {
        var limits = ReaderLimits()
        limits.maxDepth = maxDepth
        limits.maxBytes = maxBytes
        limits.maxStringBytes = maxStringBytes
        limits.maxAliasExpansion = maxAliasExpansion
        limits.maxAliasBytes = maxAliasBytes
        return limits
    }
}

/// Resource limits shared by the commands that validate documents (the reader's, then the
/// validator's). Hitting any of them is exit 2 with a message that names the limit and the
/// option that raises it.
struct LimitOptions: ParsableArguments {
    @OptionGroup var readerOptions: ReaderLimitOptions

    @Option(name: .customLong("max-errors"), help: "Most errors reported for one instance.")
    var maxErrors: Int = ValidationLimits.default.maxErrors

    @Option(name: .customLong("max-steps"),
            help: "Schema evaluations any instance may take, however small (guards against pathological schemas, e.g. deeply nested anyOf/oneOf). The budget is the larger of this and --max-steps-per-value times the instance's values.")
    var maxSteps: Int = ValidationLimits.default.maxSteps

    @Option(name: .customLong("max-steps-per-value"),
            help: "Schema evaluations allowed per value of the instance, so the budget grows with the file (ordinary schemas take at most 3: measured on the CRR catalog, the published specs and a 75 MB download).")
    var maxStepsPerValue: Int = ValidationLimits.default.maxStepsPerValue

    @Option(name: .customLong("max-eval-depth"),
            help: "Deepest nesting of schema evaluation ($refs and subschemas) for one value (at most 100000).")
    var maxEvalDepth: Int = ValidationLimits.default.maxDepth

    @Option(name: .customLong("regex-budget"),
            help: "Steps one regex match may take: patterns with backreferences get exactly this many, lookaround and patterns too big for a DFA at least 128 per byte of the string; other patterns never need it. A hostile pattern fails instead of hanging.")
    var regexBudget: Int = ECMARegex.defaultStepBudget

    /// The largest `--max-eval-depth`, which fits the command thread's stack (``WorkerThreads/stackSize``)
    /// even in a debug build.
    static let largestEvalDepth = 100_000

    mutating func validate() throws {
        let positive: [(String, Int)] = [
            ("--max-errors", maxErrors), ("--max-steps", maxSteps), ("--max-steps-per-value", maxStepsPerValue), ("--max-eval-depth", maxEvalDepth),
            ("--regex-budget", regexBudget),
        ]
        for (option, value) in positive where value < 1 {
            throw ValidationError("\(option) must be at least 1 (got \(value))")
        }
        if maxEvalDepth > LimitOptions.largestEvalDepth {
            throw ValidationError("--max-eval-depth can be at most \(LimitOptions.largestEvalDepth) (got \(maxEvalDepth))")
        }
        // The budget is read when a regex is compiled; options are validated before any schema is.
        ECMARegex.defaultStepBudget = regexBudget
    }

    var reader: ReaderLimits { readerOptions.reader }

    var validation: ValidationLimits {
        var limits = ValidationLimits()
        limits.maxErrors = maxErrors
        limits.maxSteps = maxSteps
        limits.maxStepsPerValue = maxStepsPerValue
        limits.maxDepth = maxEvalDepth
        return limits
    }
}
