// TEMPORARY: replaced by the real ECMA-262 engine and format checkers.
import Foundation
public struct ECMARegex: @unchecked Sendable {
    public let pattern: String
    let re: NSRegularExpression
    public init(_ pattern: String) throws(ECMARegexError) {
        self.pattern = pattern
        do { re = try NSRegularExpression(pattern: pattern) } catch { throw .syntax(message: "\(error)", offset: 0) }
    }
    public func matches(utf8: UnsafeBufferPointer<UInt8>) throws(ECMARegexError) -> Bool {
        matchesString(String(decoding: utf8, as: UTF8.self))
    }
    public func matches(_ s: String) throws(ECMARegexError) -> Bool { matchesString(s) }
    func matchesString(_ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
public enum ECMARegexError: Error, Equatable, Sendable { case syntax(message: String, offset: Int), budgetExceeded(pattern: String, steps: Int) }
