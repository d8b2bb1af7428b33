import ArgumentParser
import Document
import JSONSchema

/// Resource limits shared by the commands that read documents.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-depth"), help: "Deepest nesting of arrays and objects a document may have.")
    var maxDepth: Int = ReaderLimits.default.maxDepth

    @Option(name: .customLong("max-bytes"), help: "Largest file to read, in bytes.")
    var maxBytes: Int = ReaderLimits.default.maxBytes

    @Option(name: .customLong("max-string-bytes"), help: "Longest single string, in bytes.")
    var maxStringBytes: Int = ReaderLimits.default.maxStringBytes

    @Option(name: .customLong("max-alias-expansion"), help: "Most nodes YAML aliases may add when expanded.")
    var maxAliasExpansion: Int = ReaderLimits.default.maxAliasExpansion

    @Option(name: .customLong("max-errors"), help: "Most errors reported for one instance.")
    var maxErrors: Int = ValidationLimits.default.maxErrors

    var reader: ReaderLimits {
        var limits = ReaderLimits()
        limits.maxDepth = maxDepth
        limits.maxBytes = maxBytes
        limits.maxStringBytes = maxStringBytes
        limits.maxAliasExpansion = maxAliasExpansion
        return limits
    }

    var validation: ValidationLimits {
        var limits = ValidationLimits()
        limits.maxErrors = maxErrors
        return limits
    }
}
