// Fuzz target: the ECMA-262 regex engine (parser, DFA, backtracker). The input is the
// pattern, a NUL byte, then the subject string.
import JSONSchema

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (patternBytes, subjectBytes) = split(Array(UnsafeBufferPointer(start: data, count: size)))
    let pattern = String(decoding: patternBytes, as: UTF8.self)
    let subject = String(decoding: subjectBytes, as: UTF8.self)
    let valid = ECMARegex.isValidPattern(pattern)
    do {
        let regex = try ECMARegex(pattern, stepBudget: 100_000)
        _ = try? regex.matches(subject)
        _ = try? regex.matches(pattern)
    } catch {
        if case .syntax(let message, _) = error, !message.contains("too large") {
            precondition(!valid, "isValidPattern accepts /\(pattern)/, the compiler rejects it: \(message)")
        }
    }
    return 0
}
