import Document
import OpenAPI
import Reporting

/// A Postman Collection v2.1 of specs: a folder per spec (service and version), a request per
/// operation with its service's base-URL variable (`{{baseUrl}}` for a collection of one
/// service, else `{{<service>BaseUrl}}`, e.g. `{{marketDataBaseUrl}}`, each set to its spec's
/// first server), its header and query parameters, path variables, the operation's example
/// request body (checked against its schema) and a test script that checks the status code.
public enum PostmanCollection {
    /// The schema URL Postman puts in `info.schema` for v2.1 collections.
    public static let schemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

    /// The collection as pretty JSON.
    public static func render(_ specs: [PageSpec], name: String? = nil) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("info")
        w.beginObject()
        w.field("name", name ?? (specs.count == 1 ? specs[0].title + " " + specs[0].versionText : "CRR B2B services"))
        let variables = baseURLVariables(specs)
        let names = Set(variables.map(\.name)).sorted()
        w.field("description", "Written by crrspec from " + specs.map(\.file).joined(separator: ", ")
                + ". Set " + names.joined(separator: ", ") + " to the environment's base URL" + (names.count > 1 ? "s (one per service)" : "")
                + "; CAISO authenticates calls with a client certificate (Postman: Settings → Certificates).")
        w.field("schema", schemaURL)
        w.endObject()
        w.key("item")
        w.beginArray()
        for (spec, variable) in zip(specs, variables) { folder(spec, baseURL: variable.name, into: &w) }
        w.endArray()
        w.key("variable")
        w.beginArray()
        var written: Set<String> = []
        for (spec, variable) in zip(specs, variables) where written.insert(variable.name).inserted {
            w.beginObject()
            w.field("key", variable.name)
            w.field("value", variable.value)
            w.field("type", "string")
            w.field("description", "Base URL of " + spec.service + (spec.contract.servers.isEmpty ? " (the spec names no server)" : " (the first server of " + spec.file + ")"))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    /// The base-URL variable of each spec's folder (in the order of `specs`): `baseUrl` when
    /// every spec is of one service with one first server, else `<service>BaseUrl` with the
    /// service name in camel case (`market_data` → `marketDataBaseUrl`), and the version added
    /// (`auction1_2_1BaseUrl`) where versions of one service name different first servers. The
    /// value is the spec's first server with its server variables at their defaults
    /// (`http://localhost:8080` when the spec names no server).
    public static func baseURLVariables(_ specs: [PageSpec]) -> [(name: String, value: String)] {
        let values = specs.map(baseURL)
        if Set(specs.map(\.service)).count <= 1 && Set(values).count <= 1 { return values.map { ("baseUrl", $0) } }
        var urlsOfService: [String: Set<String>] = [:]
        for (spec, value) in zip(specs, values) { urlsOfService[spec.service, default: []].insert(value) }
        return zip(specs, values).map { spec, value in
            var name = camelCase(spec.service)
            if (urlsOfService[spec.service]?.count ?? 0) > 1 { name += spec.versionText.map { $0.isLetter || $0.isNumber ? $0 : "_" } }
            return (name + "BaseUrl", value)
        }
    }

    /// The first server's URL, its `{variables}` at their defaults.
    static func baseURL(_ spec: PageSpec) -> String {
        guard let server = spec.contract.servers.first else { return "http://localhost:8080" }
        var url = server.url
        for variable in server.variables {
            if let value = variable.defaultText { url = url.replacing("{" + variable.name + "}", with: value) }
        }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `market_data` → `marketData`; characters other than letters and digits start a new word.
    static func camelCase(_ name: String) -> String {
        var out = ""
        var upper = false
        for character in name {
            guard character.isLetter || character.isNumber else { upper = !out.isEmpty; continue }
            out += upper ? character.uppercased() : String(character)
            upper = false
        }
        return out.isEmpty ? "service" : out
    }

    static func folder(_ spec: PageSpec, baseURL: String, into w: inout JSONWriter) {
        w.beginObject()
        w.field("name", spec.service + " " + spec.versionText)
        var description = spec.title + "\n\nRequests use {{" + baseURL + "}}."
        if !spec.contract.servers.isEmpty {
            description += " Servers: " + spec.contract.servers.map { $0.url + ($0.description.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        }
        w.field("description", description)
        w.key("item")
        w.beginArray()
        for operation in spec.contract.operations { request(operation, spec, baseURL: baseURL, into: &w) }
        w.endArray()
        w.endObject()
    }

    /// A parameter's sample value: its example, the schema's example, default or first enum
    /// value; `{{$guid}}` for a uuid; else `<name>`.
    static func sample(_ parameter: ContractParameter, _ contract: Contract) -> String {
        let schema = parameter.schema.flatMap { (try? contract.resolve($0)) ?? nil }
        // A fresh UUID per call (CAISO's caiso-request-id must be new each time).
        if schema?["format"]?.string == "uuid" { return "{{$guid}}" }
        if let data = parameter.examples.first?.data { return text(data) }
        guard let schema else { return "<\(parameter.name)>" }
        for key in ["example", "default"] { if let value = schema[key] { return text(value) } }
        if let first = schema["enum"]?.elements.first(where: { !$0.isNull }) { return text(first) }
        return "<\(parameter.name)>"
    }

    static func text(_ value: Value) -> String {
        value.string ?? value.numberText ?? JSONText.render(value, pretty: false)
    }

    static func request(_ operation: ContractOperation, _ spec: PageSpec, baseURL: String, into w: inout JSONWriter) {
        let contract = spec.contract
        w.beginObject()
        w.field("name", (operation.operationId ?? operation.label) + (operation.summary.map { ": " + $0 } ?? ""))
        let expected = operation.responses.first { $0.status.count == 3 && $0.status.hasPrefix("2") && Int($0.status) != nil }
        // The test script.
        w.key("event")
        w.beginArray()
        w.beginObject()
        w.field("listen", "test")
        w.key("script")
        w.beginObject()
        w.field("type", "text/javascript")
        w.key("exec")
        w.beginArray()
        if let expected {
            w.string("pm.test(\"status is \(expected.status)\", function () {")
            w.string("    pm.response.to.have.status(\(expected.status));")
        } else {
            let documented = operation.responses.compactMap { Int($0.status) }
            w.string("pm.test(\"status is one the spec documents\", function () {")
            w.string("    pm.expect(\(documented)).to.include(pm.response.code);")
        }
        w.string("});")
        w.endArray()
        w.endObject()
        w.endObject()
        w.endArray()

        w.key("request")
        w.beginObject()
        w.field("method", operation.method.uppercased())
        var description = operation.description ?? operation.summary ?? ""
        if operation.deprecated { description = "Deprecated. " + description }
        let body = ExampleBody.of(operation, in: spec)
        if let body {
            description += "\n\nExample body: " + body.source + (body.valid ? ", valid against the request body schema (checked by crrspec)."
                : ", NOT valid against the request body schema: " + body.problems.prefix(3).joined(separator: "; "))
        }
        w.field("description", description)
        w.key("header")
        w.beginArray()
        for parameter in operation.parameters where parameter.location == .header {
            w.beginObject()
            w.field("key", parameter.name)
            w.field("value", sample(parameter, contract))
            w.field("type", "text")
            if !parameter.required { w.field("disabled", true) }
            if let text = parameter.description { w.field("description", text) }
            w.endObject()
        }
        if body != nil {
            w.beginObject()
            w.field("key", "Content-Type")
            w.field("value", "application/json")
            w.field("type", "text")
            w.endObject()
        }
        w.endArray()
        if let body {
            w.key("body")
            w.beginObject()
            w.field("mode", "raw")
            w.field("raw", body.json)
            w.key("options")
            w.beginObject()
            w.key("raw")
            w.beginObject()
            w.field("language", "json")
            w.endObject()
            w.endObject()
            w.endObject()
        }
        url(operation, contract, baseURL: baseURL, into: &w)
        w.endObject()
        w.key("response")
        w.beginArray()
        w.endArray()
        w.endObject()
    }

    static func url(_ operation: ContractOperation, _ contract: Contract, baseURL: String, into w: inout JSONWriter) {
        // Path templates become Postman's :variables.
        let segments = operation.path.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            var s = String(segment)
            if s.hasPrefix("{") && s.hasSuffix("}") { s = ":" + s.dropFirst().dropLast() }
            return s
        }
        let query = operation.parameters.filter { $0.location == .query }
        let queryText = query.filter(\.required).map { $0.name + "=" + sample($0, contract) }.joined(separator: "&")
        w.key("url")
        w.beginObject()
        w.field("raw", "{{" + baseURL + "}}/" + segments.joined(separator: "/") + (queryText.isEmpty ? "" : "?" + queryText))
        w.key("host")
        w.beginArray()
        w.string("{{" + baseURL + "}}")
        w.endArray()
        w.key("path")
        w.beginArray()
        for segment in segments { w.string(segment) }
        w.endArray()
        if !query.isEmpty {
            w.key("query")
            w.beginArray()
            for parameter in query {
                w.beginObject()
                w.field("key", parameter.name)
                w.field("value", sample(parameter, contract))
                if !parameter.required { w.field("disabled", true) }
                if let text = parameter.description { w.field("description", text) }
                w.endObject()
            }
            w.endArray()
        }
        let pathParameters = operation.parameters.filter { $0.location == .path }
        if !pathParameters.isEmpty {
            w.key("variable")
            w.beginArray()
            for parameter in pathParameters {
                w.beginObject()
                w.field("key", parameter.name)
                w.field("value", sample(parameter, contract))
                if let text = parameter.description { w.field("description", text) }
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }
}
