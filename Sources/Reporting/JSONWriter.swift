import Document

/// A small streaming JSON writer for machine-readable output (stable key order, no Foundation).
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var afterKey = false

    public init(pretty: Bool = false) { self.pretty = pretty }

    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && needsComma.count > 1 { output += "\n" + String(repeating: "  ", count: needsComma.count - 1) }
    }

    public mutating func beginObject() { prefix(); output += "{"; needsComma.append(false) }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() { prefix(); output += "["; needsComma.append(false) }
    public mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { output += "\n" + String(repeating: "  ", count: needsComma.count - 1) }
        output += c
    }

    public mutating func key(_ k: String) {
        prefix()
        output += JSONWriter.quote(k) + (pretty ? ": " : ":")
        afterKey = true
    }

    public mutating func string(_ s: String) { prefix(); output += JSONWriter.quote(s) }
    public mutating func bool(_ b: Bool) { prefix(); output += b ? "true" : "false" }
    public mutating func int(_ i: Int) { prefix(); output += String(i) }
    public mutating func null() { prefix(); output += "null" }
    /// Writes pre-rendered JSON (e.g. a number's original text).
    public mutating func raw(_ json: String) { prefix(); output += json }

    public mutating func field(_ k: String, _ s: String) { key(k); string(s) }
    public mutating func field(_ k: String, _ i: Int) { key(k); int(i) }
    public mutating func field(_ k: String, _ b: Bool) { key(k); bool(b) }

    /// A JSON string literal (Document's ``ValueText/quoteJSON(_:limit:escapingC1:)``).
    public static func quote(_ s: String) -> String { ValueText.quoteJSON(s) }
}
