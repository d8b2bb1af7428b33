import Document
import JSONSchema
import OpenAPI
import Reporting

/// Picks and builds the response of an operation for a valid request.
struct MockResponder {
    let engine: MockEngine
    let operation: MockOperation
    let request: MockRequest

    var spec: MockSpec { engine.specs[operation.spec] }

    /// What a `Prefer` header asks for (Prism's conventions).
    struct Preference {
        var code: String?
        var example: String?
        var dynamic = false

        init(_ headers: [String]) {
            for item in headers.flatMap({ $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }) {
                let parts = item.split(separator: "=", maxSplits: 1).map { mockTrim($0) }
                guard parts.count == 2 else { continue }
                let value = parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"") && parts[1].count >= 2 ? String(parts[1].dropFirst().dropLast()) : parts[1]
                switch parts[0].lowercased() {
                case "code": code = value
                case "example": example = value
                case "dynamic": dynamic = value.lowercased() == "true"
                default: break
                }
            }
        }
    }

    func respond() -> MockResponse {
        let preferHeaders = request.headerValues("Prefer")
        // Without Prefer the answer depends on the operation and the seed only: built once
        // (error answers carry their creationTime, so they are built each time).
        if preferHeaders.isEmpty, let status = defaultResponse().map({ MockResponder.statusCode($0.status) }), status < 400 {
            let answer = engine.defaultAnswers.value(for: operation.index) { build(Preference([])) }
            return MockResponse(status: answer.status, headers: answer.headers, body: answer.body,
                                record: MockLogRecord(time: "", method: request.method, path: request.path, operationId: operation.operationId,
                                                      spec: spec.file, status: answer.status, violations: answer.record.violations,
                                                      warnings: answer.record.warnings))
        }
        return build(Preference(preferHeaders))
    }

    func build(_ preference: Preference) -> MockResponse {
        var warnings: [String] = []
        var violations: [MockViolation] = []
        var chosen = defaultResponse()
        if let code = preference.code {
            if let match = operation.response(for: code) {
                chosen = match
            } else {
                violations.append(MockViolation(side: "request", id: MockLogID.preferUnavailable, pointer: "/header/Prefer",
                                                message: "Prefer: code=\(code): the operation declares no such response (it has \(operation.responses.map(\.status).joined(separator: ", "))); sent the default response"))
            }
        }
        let status = chosen.map { MockResponder.statusCode($0.status) } ?? 200
        var headers: [(name: String, value: String)] = []
        var body: [UInt8] = []
        if let chosen, let media = chosen.content.first(where: { MockMedia.isJSON($0.name) }) ?? chosen.content.first {
            headers.append(("Content-Type", media.name))
            if status >= 400, let errorSchema = spec.errorSchema, let schema = media.schema, isErrorSchema(schema, errorSchema) {
                let code = MockResponder.errorCode(for: status, spec: spec)
                body = Array(engine.errorBody(spec: operation.spec, code: code, descriptions: [MockResponder.errorText(status, code: code)]).utf8)
            } else {
                let (text, notes, problems) = self.body(media, status: chosen.status, preference: preference)
                warnings += notes
                violations += problems
                body = Array(text.utf8)
            }
        }
        if let chosen {
            var generator = MockGenerator(spec: spec.spec, seed: engine.options.seed ^ MockRandom.hash("header " + (operation.operationId ?? operation.path)), useExamples: true)
            for header in chosen.headers where header.required && header.name.lowercased() != "content-type" {
                var value = generator.text(header.schema)
                if value.hasPrefix("\"") { value = (try? JSONReader.parse(string: value).root.string) ?? value }
                headers.append((header.name, value))
            }
        }
        return MockResponse(status: status, headers: headers, body: body,
                            record: MockLogRecord(time: "", method: request.method, path: request.path, operationId: operation.operationId,
                                                  spec: spec.file, status: status, violations: violations, warnings: warnings))
    }

    func defaultResponse() -> MockOperation.Response? {
        operation.responses.first { $0.status.hasPrefix("2") } ?? operation.responses.first { $0.status == "default" } ?? operation.responses.first
    }

    static func statusCode(_ status: String) -> Int {
        if let code = Int(status) { return code }
        if let first = status.first?.wholeNumberValue, status.uppercased().hasSuffix("XX") { return first * 100 }
        return 200
    }

    func isErrorSchema(_ schema: Value, _ errorSchema: Value) -> Bool {
        let resolved = (try? spec.spec.resolve(schema)) ?? schema
        return resolved.index == errorSchema.index
    }

    static func errorCode(for status: Int, spec: MockSpec) -> String {
        switch status {
        case 401, 403: spec.code("SEC0001", fallback: "SEC0002")
        case 404: spec.code("SER0029")
        case 500...: spec.code("SER0028", fallback: "SER0001")
        default: spec.code("SER0017")
        }
    }

    static func errorText(_ status: Int, code: String) -> String {
        switch status {
        case 401, 403: "The participant lacks the privilege for this request (mock answer to Prefer: code=\(status))."
        case 404: "The requested resource was not found (mock answer to Prefer: code=\(status))."
        case 500...: "Internal service error (mock answer to Prefer: code=\(status))."
        default: "Request is not valid (mock answer to Prefer: code=\(status))."
        }
    }

    /// The body text: a named example, `example`, the schema's example, or a generated body —
    /// the first that is valid against the schema. An invalid spec example is reported as a
    /// warning with its file:line:column.
    func body(_ media: MockOperation.Media, status: String, preference: Preference) -> (String, [String], [MockViolation]) {
        var warnings: [String] = []
        var violations: [MockViolation] = []
        let schema = engine.schema(media.schema, spec: operation.spec, direction: .response)
        let label = operation.operationId ?? "\(operation.method) \(operation.path)"
        func check(_ text: String) -> [ValidationError]? {
            guard let schema, let document = try? JSONReader.parse(string: text, name: "response") else { return nil }
            guard let result = try? schema.validate(document.root) else { return nil }
            return result.valid ? nil : result.errors.filter { !$0.isBranchDetail }
        }
        func warn(_ example: Value, _ name: String, _ errors: [ValidationError]) {
            let p = example.position
            let first = errors.first.map { " \($0.instanceLocation.isEmpty ? "(root)" : $0.instanceLocation): \($0.message)" } ?? ""
            warnings.append("\(spec.file):\(p.line):\(p.column): example \(name) of \(label) (\(status)) does not match its schema:\(first)"
                            + (errors.count > 1 ? " (and \(errors.count - 1) more)" : "") + "; sent a generated body instead")
        }
        if !preference.dynamic {
            var candidates: [(String, Value)] = []
            if let wanted = preference.example {
                if let named = media.examples.first(where: { $0.name == wanted }) {
                    candidates.append(named)
                } else {
                    violations.append(MockViolation(side: "request", id: MockLogID.preferUnavailable, pointer: "/header/Prefer",
                                                    message: "Prefer: example=\(wanted): no such example (known: \(media.examples.map(\.name).joined(separator: ", ")))"))
                }
            }
            candidates += media.examples.filter { name, _ in !candidates.contains { $0.0 == name } }
            if let schemaValue = media.schema, let example = ((try? spec.spec.resolve(schemaValue)) ?? schemaValue)["example"] {
                candidates.append(("schema example", example))
            }
            for (name, example) in candidates {
                let text = MockJSON.text(example)
                if let errors = check(text) { warn(example, name, errors); continue }
                return (text, warnings, violations)
            }
        }
        let base = preference.dynamic ? UInt64(bitPattern: Int64(engine.options.now() * 1_000_000)) : engine.options.seed
        let seed = base ^ MockRandom.hash((operation.operationId ?? operation.path) + " " + status)
        var generator = MockGenerator(spec: spec.spec, seed: seed, useExamples: true)
        var text = generator.text(media.schema)
        if let errors = check(text) {
            // Nested examples can be wrong too (the published TOR closeDate): without them.
            var plain = MockGenerator(spec: spec.spec, seed: seed, useExamples: false)
            let second = plain.text(media.schema)
            if let again = check(second) {
                warnings.append("\(spec.file): the body generated for \(label) (\(status)) does not match its schema: "
                                + again.prefix(3).map { "\($0.instanceLocation.isEmpty ? "(root)" : $0.instanceLocation): \($0.message)" }.joined(separator: "; "))
            } else {
                var reported: Set<Int> = []
                for error in errors {
                    // The nested example that filled the failing place (the deepest one).
                    guard let used = generator.usedExamples.filter({ error.instanceLocation == $0.pointer || error.instanceLocation.hasPrefix($0.pointer + "/") })
                        .max(by: { $0.pointer.count < $1.pointer.count }), reported.insert(used.example.index).inserted else { continue }
                    let p = used.example.position
                    warnings.append("\(spec.file):\(p.line):\(p.column): the example at \(used.example.pointer) (used for \(label) \(status) at \(used.pointer)) does not match its schema: \(error.message); sent a body generated without it")
                }
                if reported.isEmpty {
                    warnings.append("\(spec.file): the body generated for \(label) (\(status)) from its schema examples does not match the schema; sent one generated without them")
                }
            }
            text = second
        }
        return (text, warnings, violations)
    }
}
