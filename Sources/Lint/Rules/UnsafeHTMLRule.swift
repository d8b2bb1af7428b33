import Document

/// `<script>`, event-handler attributes or `javascript:` URLs in a description.
struct UnsafeHTMLRule: LintRule {
    let meta = RuleMeta(
        id: "description-unsafe-html", severity: .error, scope: .all,
        summary: "Descriptions hold no script: no <script>, <iframe>, <object> or <embed>, no on...= event handlers, no javascript: URLs.",
        why: "Documentation portals render descriptions as HTML; a script in one runs in every reader's browser. CRR descriptions rightly carry HTML tables, so plain markup is fine; only what executes is reported.",
        fix: "Remove the script; link to a page instead, or describe the behaviour in text.",
        example: """
        file:    items-api.yaml
                   description: <a href="#" onclick="track()">Codes</a>
        crrspec: error: description contains the event handler attribute onclick= [description-unsafe-html]
                 hint: remove it: descriptions are rendered as HTML in documentation portals
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        // One pass over the string nodes; only a text that may hold a script is placed.
        let document = context.document
        let stringKind = ValueKind.string.rawValue
        for index in 0..<document.nodes.count where document.nodes[index].kind == stringKind {
            let text = Value(document: document, index: index)
            guard UnsafeHTML.mayHold(text.utf8), UnsafeHTMLRule.isDocumentation(text.pointer.tokens), let string = text.string else { continue }
            for hit in UnsafeHTML.scan(string) {
                out.add(text, at: SourceSearch.position(in: text, offset: hit.offset, token: hit.token),
                        "description contains \(hit.what)", hint: "remove it: descriptions are rendered as HTML in documentation portals")
            }
        }
    }

    /// Whether the value at `tokens` is a description, summary or title outside example data
    /// (an OpenAPI Example Object's own summary and description count).
    static func isDocumentation(_ tokens: [String]) -> Bool {
        guard let last = tokens.last, ["description", "summary", "title"].contains(last) else { return false }
        for (i, token) in tokens.dropLast().enumerated() {
            switch token {
            case "example", "default", "enum", "const":
                return false
            case "examples":
                // examples/NAME/description is an Example Object's; deeper is its value.
                if i + 3 != tokens.count { return false }
            default:
                continue
            }
        }
        return true
    }

    /// Every `description` and `summary` string, outside example data, in one walk.
    static func descriptions(_ root: Value) -> [Value] {
        var found: [Value] = []
        var stack = [root]
        while let value = stack.popLast() {
            if value.kind == .array {
                for element in value.elements where element.kind == .object || element.kind == .array { stack.append(element) }
                continue
            }
            for member in value.members {
                // Only these names matter; most members are skipped on their first byte.
                let key = member.key.utf8
                if let first = key.first, first != UInt8(ascii: "d"), first != UInt8(ascii: "s"), first != UInt8(ascii: "t"), first != UInt8(ascii: "e"), first != UInt8(ascii: "c") {
                    if member.value.kind == .object || member.value.kind == .array { stack.append(member.value) }
                    continue
                }
                switch member.name {
                case "description", "summary", "title":
                    if member.value.kind == .string { found.append(member.value) } else { stack.append(member.value) }
                case "example", "examples", "default", "enum", "const":
                    // Example data is data, not documentation (an OpenAPI Example Object's summary
                    // and description are still read: `examples` holds objects with them).
                    if member.name == "examples", member.value.kind == .object {
                        for entry in member.value.members where entry.value.kind == .object {
                            for field in entry.value.members where (field.name == "description" || field.name == "summary") && field.value.kind == .string {
                                found.append(field.value)
                            }
                        }
                    }
                default:
                    if member.value.kind == .object || member.value.kind == .array { stack.append(member.value) }
                }
            }
        }
        return found.sorted { $0.index < $1.index }
    }
}

/// Finds executable HTML in a text: dangerous elements, `on*=` attributes inside tags, and
/// `javascript:`/`vbscript:`/`data:text/html` URLs.
enum UnsafeHTML {
    struct Hit { var what: String; var token: String; var offset: Int }

    static let elements: Set<String> = ["script", "iframe", "object", "embed"]

    /// A quick look at the raw bytes, without allocating: only a text with one of the
    /// dangerous words (any case) can hold unsafe HTML — `script`, `iframe`, `object`, `embed`,
    /// `on...=` needs an `=`, and the URL schemes a `:`.
    static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawTag = false, sawEquals = false, sawColon = false
        for b in bytes {
            if b == UInt8(ascii: "<") { sawTag = true } else if b == UInt8(ascii: "=") { sawEquals = true } else if b == UInt8(ascii: ":") { sawColon = true }
        }
        if sawTag && (sawEquals || contains(bytes, "script") || contains(bytes, "iframe") || contains(bytes, "object") || contains(bytes, "embed")) { return true }
        return sawColon && (contains(bytes, "javascript:") || contains(bytes, "vbscript:") || contains(bytes, "data:text/html"))
    }

    /// Whether `bytes` contains `word` (lowercase ASCII), ignoring case.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        let w = word.utf8Start
        var i = 0
        while i + n <= bytes.count {
            var k = 0
            while k < n {
                var b = bytes[i + k]
                if b >= 0x41 && b <= 0x5A { b += 32 }
                if b != w[k] { break }
                k += 1
            }
            if k == n { return true }
            i += 1
        }
        return false
    }
    static let schemes = ["javascript:", "vbscript:", "data:text/html"]

    static func scan(_ text: String) -> [Hit] {
        let bytes = Array(text.utf8)
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        var hits: [Hit] = []
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) }
        func word(from i: Int) -> Int { var j = i; while j < lower.count, isLetter(lower[j]) || (lower[j] >= 0x30 && lower[j] <= 0x39) || lower[j] == 0x2D { j += 1 }; return j }
        var i = 0
        while i < lower.count {
            if lower[i] == UInt8(ascii: "<"), i + 1 < lower.count, isLetter(lower[i + 1]) {
                let end = word(from: i + 1)
                let name = String(decoding: lower[(i + 1)..<end], as: UTF8.self)
                if elements.contains(name) {
                    hits.append(Hit(what: "a <\(name)> element", token: String(decoding: bytes[i..<end], as: UTF8.self), offset: i))
                }
                // Attributes up to the closing '>'.
                var j = end
                var quote: UInt8? = nil
                while j < lower.count, quote != nil || lower[j] != UInt8(ascii: ">") {
                    let b = lower[j]
                    if let q = quote { if b == q { quote = nil }; j += 1; continue }
                    if b == 0x22 || b == 0x27 { quote = b; j += 1; continue }
                    if isLetter(b), j > 0, lower[j - 1] == 0x20 || lower[j - 1] == 0x09 || lower[j - 1] == 0x0A || lower[j - 1] == 0x2F {
                        let attrEnd = word(from: j)
                        var k = attrEnd
                        while k < lower.count, lower[k] == 0x20 { k += 1 }
                        if attrEnd - j > 2, lower[j] == UInt8(ascii: "o"), lower[j + 1] == UInt8(ascii: "n"), k < lower.count, lower[k] == UInt8(ascii: "=") {
                            let attr = String(decoding: bytes[j..<attrEnd], as: UTF8.self)
                            hits.append(Hit(what: "the event handler attribute \(attr)=", token: attr, offset: j))
                        }
                        j = attrEnd
                        continue
                    }
                    j += 1
                }
                i = max(end, i + 1)
                continue
            }
            for scheme in schemes where lower[i] == scheme.utf8.first! && SourceSearch.matches(lower, at: i, Array(scheme.utf8)) {
                if i > 0, isLetter(lower[i - 1]) { continue }
                hits.append(Hit(what: "a \(scheme.hasPrefix("data") ? "data:text/html" : String(scheme.dropLast())): URL",
                                token: String(decoding: bytes[i..<(i + scheme.utf8.count)], as: UTF8.self), offset: i))
            }
            i += 1
        }
        return hits
    }
}
