import CRR
import CRRRules
import Diff
import Document
import JSONSchema
import OpenAPI

/// The documentation page of one spec: operations grouped by tag (method, path, summary,
/// parameters, request body with a checked example, responses), component schemas as nested
/// tables, the error-code table and the revision history.
public enum SpecPage {
    /// The anchor of an operation's section.
    public static func operationAnchor(method: String, path: String) -> String { HTML.anchor("op", method, path) }
    /// The anchor of a component schema's section.
    public static func schemaAnchor(_ name: String) -> String { HTML.anchor("schema", name) }

    /// The fragment of the page section that holds a JSON Pointer of the spec (an operation, a
    /// component schema, the error codes or the revision history), nil for the page's top.
    public static func anchor(for pointer: JSONPointer) -> String? {
        let t = pointer.tokens
        if t.count >= 3, t[0] == "paths", OpenAPISpec.methods.contains(t[2]) { return operationAnchor(method: t[2], path: t[1]) }
        if t.count >= 2, t[0] == "paths" { return HTML.anchor("path", t[1]) }
        if t.count >= 3, t[0] == "components", t[1] == "schemas" { return schemaAnchor(t[2]) }
        if t.count >= 2, t[0] == "info", t[1] == "description" { return "revision-history" }
        return nil
    }

    /// A `$ref` of a spec that cannot be followed, with where it is written.
    public struct UnresolvedReference: Sendable {
        public var ref: String
        public var position: SourcePosition
        public var pointer: JSONPointer
    }

    /// Every `$ref` of the spec that cannot be followed (its target is missing, outside the
    /// spec's folder or unreadable), in document order: the contract model's references
    /// (``Contract/references``, which passes over example data and `x-` extensions) that
    /// do not resolve.
    public static func unresolvedReferences(_ spec: PageSpec) -> [UnresolvedReference] {
        spec.contract.references.compactMap { holder, ref in
            ((try? spec.contract.resolve(holder)) ?? nil) == nil
                ? UnresolvedReference(ref: ref.string ?? "", position: ref.position, pointer: holder.pointer) : nil
        }
    }

    /// - Parameters:
    ///   - versionPages: page file names of other versions of the service, for the revision history's links.
    ///   - changesPage: the page of changes from the previous version, when there is one.
    public static func render(_ spec: PageSpec, versionPages: [CRRVersion: String] = [:], changesPage: String? = nil,
                              indexPage: String? = "index.html") -> String {
        let contract = spec.contract
        let tables = SchemaTable(contract: contract)
        var body = "<p class=\"muted\">Version " + HTML.escape(spec.versionText) + " · file <code>" + HTML.escape(spec.file) + "</code>"
        if let v = contract.openapiVersion { body += " · OpenAPI " + HTML.escape(v) }
        body += "</p>\n"
        if let changesPage { body += "<p><a href=\"" + HTML.href(changesPage) + "\">Changes from the previous version</a></p>\n" }
        body += "<nav aria-label=\"Sections\"><a href=\"#operations\">Operations</a> · <a href=\"#schemas\">Schemas</a> · <a href=\"#error-codes\">Error codes</a> · <a href=\"#revision-history\">Revision history</a></nav>\n"
        let unresolved = unresolvedReferences(spec)
        if !unresolved.isEmpty {
            body += "<section class=\"unresolved-list\" id=\"unresolved-references\" role=\"note\"><h2>Unresolved references</h2><p>"
                + String(unresolved.count) + (unresolved.count == 1 ? " <code>$ref</code> of this spec cannot" : " <code>$ref</code>s of this spec cannot")
                + " be followed (the target is missing, outside the spec's folder or unreadable); each is shown as a marked note where it is used.</p><ul>"
            for u in unresolved {
                body += "<li>line " + String(u.position.line) + ", column " + String(u.position.column) + ": <code>" + HTML.escape(u.ref)
                    + "</code> at <code>" + HTML.escape(u.pointer.description) + "</code></li>"
            }
            body += "</ul></section>\n"
        }
        if let description = contract.infoDescription?.string { body += "<section id=\"about\">" + HTML.prose(description) + "</section>\n" }
        if !contract.servers.isEmpty {
            body += "<h2 id=\"servers\">Servers</h2>"
            if CRRBusinessRule.rule(for: "servers", in: contract.document.root) != nil { body += "<p>" + tables.ruleNote(contract.document.root) + "</p>" }
            body += HTML.table(["URL", "Description"], contract.servers.map {
                let note = tables.ruleNote($0.value)
                return ["<code>" + HTML.escape($0.url) + "</code>", HTML.escape($0.description ?? "") + (note.isEmpty ? "" : "<br>" + note)]
            })
        }
        if !contract.securitySchemes.isEmpty {
            body += "<h2 id=\"security\">Security schemes</h2>" + HTML.table(["Name", "Type", "Details"], contract.securitySchemes.map { s in
                let detail = [s.scheme, s.bearerFormat, s.keyLocation.map { "in " + $0 }, s.keyName].compactMap { $0 }.joined(separator: ", ")
                return ["<code>" + HTML.escape(s.name) + "</code>", HTML.escape(s.type), HTML.escape(detail)]
            })
        }

        // Operations by tag: declared tags first, then tags only used, then untagged.
        body += "<h2 id=\"operations\">Operations</h2>\n"
        var tagNames = contract.tags.map(\.name)
        for operation in contract.operations { for tag in operation.tags where !tagNames.contains(tag) { tagNames.append(tag) } }
        var groups: [(String, String?, [ContractOperation])] = tagNames.map { name in
            (name, contract.tags.first { $0.name == name }?.description, contract.operations.filter { $0.tags.contains(name) })
        }
        let untagged = contract.operations.filter(\.tags.isEmpty)
        if !untagged.isEmpty { groups.append(("Other operations", nil, untagged)) }
        for (name, description, operations) in groups where !operations.isEmpty {
            body += "<section class=\"tag\" id=\"" + HTML.anchor("tag", name) + "\"><h3>" + HTML.escape(name) + "</h3>"
            if let description { body += HTML.prose(description) }
            for operation in operations { body += self.operation(operation, spec, tables) }
            body += "</section>\n"
        }

        // Component schemas.
        body += "<h2 id=\"schemas\">Schemas</h2>\n"
        for component in contract.components(.schemas) {
            let name = component.name, schema = component.value
            let usage = contract.usage(of: schema)
            body += "<section class=\"schema\" id=\"" + schemaAnchor(name) + "\" data-filter=\"" + HTML.escape(filterText(name, schema)) + "\">"
            body += "<h3>" + HTML.escape(name) + " <span class=\"badge\">" + HTML.escape(usage.isEmpty ? "not used by an operation" : "used in " + usage.description) + "</span></h3>"
            if let description = schema["description"]?.string { body += HTML.prose(description) }
            body += tables.render(schema)
            if let example = schema["example"] { body += checkedExample("Example", example, schema: schema, spec: spec) }
            body += "</section>\n"
        }

        // Error codes.
        body += "<h2 id=\"error-codes\">Error codes</h2>\n"
        let codes = ErrorCodeCatalog.entries(contract.document).filter { $0.text != nil }
        if codes.isEmpty {
            body += "<p class=\"muted\">The spec documents no error-code table.</p>\n"
        } else {
            // Marks on the schema that holds the table: which rows (`codes`) differ from the
            // published table, and why.
            let marks = codeTableMarks(contract.document.root)
            for mark in marks { body += "<p>" + tables.ruleNote(mark) + "</p>" }
            let marked = Set(marks.flatMap { CRRBusinessRule.mark(of: $0)?.codes ?? [] })
            body += HTML.table(["Code", "Meaning", "Line"], codes.map {
                ["<code id=\"" + HTML.anchor("code", $0.code) + "\">" + HTML.escape($0.code) + "</code>" + (marked.contains($0.code) ? " " + SchemaTable.ruleBadge : ""),
                 HTML.escape($0.text ?? ""), String($0.location.line)]
            }, caption: "\(codes.count) error codes", className: "codes")
        }

        // Revision history.
        body += "<h2 id=\"revision-history\">Revision history</h2>\n"
        let revisions = ReleaseNoteTable.entries(in: contract.document)
        if revisions.isEmpty {
            body += "<p class=\"muted\">The spec has no revision table in info.description.</p>\n"
        } else {
            body += HTML.table(["Version", "Date", "Change log"], revisions.map { row in
                let version = versionPages[row.version].map { "<a href=\"" + HTML.href($0) + "\">" + row.version.description + "</a>" } ?? row.version.description
                return [version, HTML.escape(row.date ?? ""), HTML.escape(row.log)]
            }, className: "revisions")
        }
        var crumbs: [(label: String, href: String)] = []
        if let indexPage { crumbs.append((label: "All services", href: HTML.href(indexPage))) }
        return HTML.page(title: spec.title + " " + spec.versionText, body: body, breadcrumbs: crumbs, filter: true)
    }

    static func filterText(_ parts: String...) -> String { parts.joined(separator: " ") }

    /// The nodes whose `x-crr-rule` names error-code table rows (`codes`), in document order.
    static func codeTableMarks(_ root: Value) -> [Value] {
        Contract.holders(ofExtension: CRRBusinessRule.key, in: root).filter { $0[CRRBusinessRule.key]?["codes"] != nil }
    }

    /// An example with the verdict of crrspec's engine on it against its schema: "valid against
    /// the schema", or "not valid" with the first problems.
    static func checkedExample(_ label: String, _ data: Value, schema: Value?, spec: PageSpec) -> String {
        var verdict = ""
        if let schema {
            let problems = ExampleBody.check(JSONText.render(data, pretty: false), against: schema, spec: spec)
            verdict = problems.isEmpty ? " <span class=\"badge valid\">valid against the schema</span>"
                : " <span class=\"badge required\">not valid against the schema</span> " + HTML.escape(problems.prefix(3).joined(separator: "; "))
        }
        return "<details class=\"example\"><summary>" + HTML.escape(label) + verdict + "</summary><pre>" + HTML.escape(JSONText.render(data)) + "</pre></details>"
    }

    static func filterText(_ name: String, _ schema: Value) -> String {
        ([name] + (schema["properties"]?.members.map(\.name) ?? [])).joined(separator: " ")
    }

    static func operation(_ operation: ContractOperation, _ spec: PageSpec, _ tables: SchemaTable) -> String {
        let anchor = operationAnchor(method: operation.method, path: operation.path)
        let filter = [operation.method, operation.path, operation.operationId ?? "", operation.summary ?? ""]
            + operation.parameters.map(\.name)
        var out = "<section class=\"operation\" id=\"" + anchor + "\" data-filter=\"" + HTML.escape(filter.joined(separator: " ")) + "\">"
        out += "<h4><span class=\"method " + HTML.anchor(operation.method) + "\">" + HTML.escape(operation.method.uppercased()) + "</span> <code>"
            + HTML.escape(operation.path) + "</code>"
        if let id = operation.operationId { out += " <span class=\"muted\">" + HTML.escape(id) + "</span>" }
        if operation.deprecated { out += " <span class=\"badge deprecated\">deprecated</span>" }
        out += "</h4>"
        if let summary = operation.summary { out += "<p><strong>" + HTML.escape(summary) + "</strong></p>" }
        if let description = operation.description { out += HTML.prose(description) }
        if !operation.parameters.isEmpty {
            out += HTML.table(["Parameter", "In", "Type", "Constraints", "Description"], operation.parameters.map { p in
                let schema = p.schema.flatMap { (try? spec.contract.resolve($0)) ?? nil }
                var name = "<code>" + HTML.escape(p.name) + "</code>"
                if p.required { name += " <span class=\"badge required\">required</span>" }
                var description = HTML.prose(p.description ?? schema?["description"]?.string ?? "")
                if let example = p.examples.first?.data ?? schema?["example"] {
                    description += "<p class=\"muted\">Example: <code>" + HTML.escape(PostmanCollection.text(example)) + "</code></p>"
                }
                let note = tables.ruleNote(p.value)
                return [name, HTML.escape(p.locationText), p.schema.map(tables.typeCell) ?? "",
                        (schema.map(tables.constraints) ?? "") + (note.isEmpty ? "" : "<br>" + note), description]
            }, caption: "Parameters")
        }
        if let requestBody = operation.requestBody {
            let note = tables.ruleNote(requestBody.value)
            out += "<p><strong>Request body</strong>" + (requestBody.required ? " <span class=\"badge required\">required</span>" : "")
                + (note.isEmpty ? "" : " " + note) + "</p>"
            if let description = requestBody.description { out += HTML.prose(description) }
            for media in requestBody.content {
                out += "<p><code>" + HTML.escape(media.name) + "</code>: " + (media.schema.map(tables.typeCell) ?? "no schema") + "</p>"
                // An inline schema (no $ref to a component) has no section of its own: its table here.
                if let schema = media.schema, schema["$ref"] == nil { out += tables.render(schema) }
            }
            if let example = ExampleBody.of(operation, in: spec) {
                out += "<details><summary>Example body (" + HTML.escape(example.source) + ", "
                    + (example.valid ? "valid against the schema" : "not valid: " + HTML.escape(example.problems.prefix(3).joined(separator: "; "))) + ")</summary>"
                out += "<pre>" + HTML.escape(example.json) + "</pre></details>"
            }
        }
        if !operation.responses.isEmpty {
            out += HTML.table(["Status", "Description", "Body", "Headers"], operation.responses.map { r in
                [
                    "<code>" + HTML.escape(r.status) + "</code>",
                    HTML.escape(r.description ?? "") + { let note = tables.ruleNote(r.value); return note.isEmpty ? "" : "<br>" + note }(),
                    r.content.map { media in
                        var cell = "<code>" + HTML.escape(media.name) + "</code> " + (media.schema.map(tables.typeCell) ?? "")
                        // An inline schema's own constraints (a component's are in its section).
                        if let schema = media.schema, schema["$ref"] == nil {
                            let constraints = tables.constraints(schema)
                            if !constraints.isEmpty { cell += "<br>" + constraints }
                        }
                        return cell
                    }.joined(separator: "<br>"),
                    r.headers.map { "<code>" + HTML.escape($0.name) + "</code>" }.joined(separator: ", "),
                ]
            }, caption: "Responses")
            for r in operation.responses {
                for media in r.content where media.name.contains("json") {
                    for example in media.examples {
                        guard let data = example.data else { continue }
                        out += checkedExample("Example " + r.status + " response (" + (example.name == "example" ? "example" : "examples/" + example.name) + ")",
                                              data, schema: media.schema, spec: spec)
                    }
                }
            }
        }
        return out + "</section>\n"
    }
}
