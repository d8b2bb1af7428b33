// Shared helpers for the fuzz targets (compiled into each target by scripts/fuzz).
import Document
import JSONSchema

/// Limits small enough that one input never runs for long, large enough to reach deep code.
enum FuzzLimits {
    static let reader: ReaderLimits = {
        var limits = ReaderLimits()
        limits.maxDepth = 200
        limits.maxStringBytes = 1 << 16
        limits.maxAliasExpansion = 20_000
        return limits
    }()

    static let validation: ValidationLimits = {
        var limits = ValidationLimits()
        limits.maxSteps = 200_000
        limits.maxDepth = 300
        limits.maxErrors = 200
        return limits
    }()
}

private let seven = ExactDecimal("7")!
private let longDivisor = ExactDecimal("0.1234567890123456789012345")!

/// Touches every value of a document the way reports do: kinds, strings, numbers (exact and
/// double), positions, a few JSON Pointers there and back.
func walk(_ document: Document) {
    var sink = 0
    let count = document.nodes.count
    for index in 0..<count {
        let value = document.value(at: index)
        sink &+= Int(value.kind.rawValue)
        sink &+= value.position.line
        switch value.kind {
        case .string:
            sink &+= value.string?.unicodeScalars.count ?? 0
        case .number:
            sink &+= value.isInteger ? 1 : 0
            sink &+= value.numberText?.count ?? 0
            if let decimal = value.decimal {
                sink &+= decimal.description.count
                sink &+= decimal.isMultiple(of: seven) ? 1 : 0
                sink &+= decimal.isMultiple(of: longDivisor) ? 1 : 0
                sink &+= decimal < longDivisor ? 1 : 0
            }
        case .array, .object:
            sink &+= value.count
        default:
            break
        }
    }
    // Pointers are O(n) each: only for a handful of nodes.
    var index = 0
    var visited = 0
    while index < count && visited < 8 {
        let pointer = document.value(at: index).pointer
        precondition(document.resolve(pointer) != nil, "pointer \(pointer) does not resolve")
        if let parsed = JSONPointer(pointer.description) { precondition(parsed == pointer, "pointer round trip") }
        index = index * 2 + 1
        visited += 1
    }
    blackHole(sink)
}

@inline(never)
func blackHole(_ x: Int) {
    if x == 0x7FFF_FFFF_FFFF_FFFF { print("") }
}

/// Reads a document as JSON, and when that fails, as YAML (the YAML reader then sees inputs
/// the mutator made from JSON seeds, and the engine sees YAML-only values such as `.inf`).
func readDocument(_ bytes: [UInt8], name: String) -> Document? {
    if let document = try? JSONReader.parse(bytes, name: name + ".json", limits: FuzzLimits.reader) { return document }
    return try? YAMLReader.parse(bytes, name: name + ".yaml", limits: FuzzLimits.reader)
}

/// A registry that never touches the file system or the network: every `$ref` that is not
/// inside the loaded documents fails to resolve.
func isolatedRegistry() -> SchemaRegistry {
    let registry = SchemaRegistry()
    registry.limits = FuzzLimits.reader
    registry.loader = { path, _ in
        throw DocumentError(kind: .io, file: path, message: "fuzzing: no file access", line: 0, column: 0, offset: 0)
    }
    registry.allowedRoots = ["/nonexistent-fuzz-root"]
    return registry
}

/// Validates `instance` in both modes and checks that they agree.
func validateBothWays(_ schema: Schema, _ instance: Value) {
    let fast: Bool
    let full: ValidationResult
    do {
        fast = try schema.isValid(instance, limits: FuzzLimits.validation)
        full = try schema.validate(instance, limits: FuzzLimits.validation)
    } catch {
        _ = error.description
        return
    }
    precondition(fast == full.valid, "fast mode says \(fast), exhaustive mode says \(full.valid)")
    precondition(!full.valid || full.errors.isEmpty, "valid, yet \(full.errors.count) errors")
    precondition(full.valid || !full.errors.isEmpty || full.truncated, "invalid, yet no error reported")
    for error in full.errors {
        _ = error.description
        _ = error.keywordLocation
        _ = error.instanceLocation
    }
}

/// Splits an input at its first NUL byte (two documents); without one, both halves are the input.
func split(_ bytes: [UInt8]) -> ([UInt8], [UInt8]) {
    guard let cut = bytes.firstIndex(of: 0) else { return (bytes, bytes) }
    return (Array(bytes[..<cut]), Array(bytes[(cut + 1)...]))
}
