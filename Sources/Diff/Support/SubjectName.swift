import Document

/// Human names for places in a spec or schema, for messages: `LoadSubmissionWindow.submissionWindow`,
/// `meqDefType.LoadMetric`, `parameter marketName of GET /auction/v1.0/portfolio`,
/// `response 200 of GET /x[]`.
enum SubjectName {
    static func of(_ node: Located) -> String {
        let tokens = node.pointer.tokens
        let document = node.document
        var base = ""
        var rest: ArraySlice<String> = []
        if tokens.count >= 3, tokens[0] == "components" {
            let kind = tokens[1]
            switch kind {
            case "schemas": base = tokens[2]
            case "parameters": base = "parameter " + (document.resolve(JSONPointer(tokens: Array(tokens[0...2]) + ["name"]))?.string ?? tokens[2])
            case "requestBodies": base = "request body " + tokens[2]
            case "responses": base = "response " + tokens[2]
            default: base = tokens[2]
            }
            rest = tokens.dropFirst(3)
            if kind != "schemas", rest.first == "schema" { rest = rest.dropFirst() }
            if kind != "schemas", rest.first == "content", rest.count >= 3 { rest = rest.dropFirst(3) }
        } else if tokens.count >= 3, tokens[0] == "paths" {
            let operation = (tokens[2].uppercased()) + " " + tokens[1]
            rest = tokens.dropFirst(3)
            if rest.first == "parameters", rest.count >= 2 {
                let name = document.resolve(JSONPointer(tokens: Array(tokens[0...4]) + ["name"]))?.string ?? rest.dropFirst().first!
                base = "parameter \(name) of \(operation)"
                rest = rest.dropFirst(2)
                if rest.first == "schema" { rest = rest.dropFirst() }
            } else if rest.first == "requestBody" {
                base = "request body of \(operation)"
                rest = rest.dropFirst()
                if rest.first == "content", rest.count >= 3 { rest = rest.dropFirst(3) }
            } else if rest.first == "responses", rest.count >= 2 {
                base = "response \(rest.dropFirst().first!) of \(operation)"
                rest = rest.dropFirst(2)
                if rest.first == "content", rest.count >= 3 { rest = rest.dropFirst(3) }
            } else {
                base = operation
            }
        } else if tokens.count >= 2, tokens[0] == "definitions" || tokens[0] == "$defs" {
            base = tokens[1]
            rest = tokens.dropFirst(2)
        } else {
            base = tokens.isEmpty ? rootName(document) : ""
            rest = tokens[...]
            if base.isEmpty { base = rootName(document) }
        }
        return base + path(rest)
    }

    /// `.name`, `[]`, `.*`, ` (allOf 1)` for the schema keywords of a pointer tail.
    static func path(_ tokens: ArraySlice<String>) -> String {
        var out = ""
        var i = tokens.startIndex
        while i < tokens.endIndex {
            let t = tokens[i]
            switch t {
            case "properties", "patternProperties":
                if i + 1 < tokens.endIndex { out += "." + tokens[i + 1]; i += 1 } else { out += "." + t }
            case "items":
                if i + 1 < tokens.endIndex, JSONPointer.arrayIndex(tokens[i + 1]) != nil { out += "[\(tokens[i + 1])]"; i += 1 } else { out += "[]" }
            case "additionalProperties": out += ".*"
            case "allOf", "anyOf", "oneOf":
                if i + 1 < tokens.endIndex { out += " (\(t) \(tokens[i + 1]))"; i += 1 } else { out += " (\(t))" }
            case "schema", "content": break
            default: out += "/" + t
            }
            i += 1
        }
        return out
    }

    /// The name of a standalone schema: its file's schema name, or its title, or "the schema".
    static func rootName(_ document: Document) -> String {
        let file = document.name.split(separator: "/").last.map(String.init) ?? document.name
        if let range = file.firstRange(of: "_v") { return String(file[..<range.lowerBound]) }
        if let title = document.root["title"]?.string { return title }
        return "the schema"
    }
}
