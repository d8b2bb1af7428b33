import Document
import JSONSchema
import OpenAPI
import XCTest

/// Every bundled and published OpenAPI spec against crrspec's own OpenAPI 3.0 structural schema
/// (``OpenAPI30Schema``), and inline documents that the schema must reject.
final class StructureTests: XCTestCase {
    /// Tests/OpenAPITests/StructureTests.swift → three levels up is the package root.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let bundledDirectory = packageRoot.appendingPathComponent("openapi")
    static let publishedDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi")

    func structureSchema() throws -> Schema {
        try Schema.compile(JSONReader.parse(string: OpenAPI30Schema.text, name: "openapi-3.0.schema.json").root,
                           registry: SchemaRegistry())
    }

    func yamlFiles(in directory: URL) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    /// The structural errors of one file (branch details included, as the CLI prints them).
    func structuralErrors(_ path: String, schema: Schema) throws -> [ValidationError] {
        let document = try YAMLReader.parse(contentsOfFile: path)
        let result = try schema.validate(document.root)
        XCTAssertFalse(result.truncated, path)
        XCTAssertEqual(result.valid, result.errors.isEmpty, path)
        return result.errors
    }

    func describe(_ errors: [ValidationError]) -> String {
        errors.map { "\($0)\n    at instance \($0.instanceLocation), schema \($0.keywordLocation)" }.joined(separator: "\n")
    }

    // MARK: the schema itself

    func testSchemaIsValidDraft07() throws {
        let metaschema = try Schema.compile(MetaschemaDocument.draft07(), registry: SchemaRegistry())
        let text = try JSONReader.parse(string: OpenAPI30Schema.text, name: "openapi-3.0.schema.json")
        let result = try metaschema.validate(text.root)
        XCTAssertTrue(result.valid, describe(result.errors))
        XCTAssertNoThrow(try structureSchema())
    }

    // MARK: bundled and published specs

    func testBundledSpecsAreStructurallyValid() throws {
        let schema = try structureSchema()
        let paths = try yamlFiles(in: Self.bundledDirectory)
        XCTAssertFalse(paths.isEmpty, "no specs in \(Self.bundledDirectory.path)")
        for path in paths {
            let errors = try structuralErrors(path, schema: schema)
            XCTAssertTrue(errors.isEmpty, "\(path) is not a structurally valid OpenAPI 3.0 document:\n\(describe(errors))")
        }
        print("bundled specs: \(paths.count) structurally valid")
    }

    func testPublishedSpecs() throws {
        guard FileManager.default.fileExists(atPath: Self.publishedDirectory.path) else {
            throw XCTSkip("published CAISO specs not found at \(Self.publishedDirectory.path) (they live in ../shared/, which CI has); skipping")
        }
        let schema = try structureSchema()
        let paths = try yamlFiles(in: Self.publishedDirectory)
        XCTAssertEqual(paths.count, 10)
        var all: [ValidationError] = []
        for path in paths {
            let errors = try structuralErrors(path, schema: schema)
            if !errors.isEmpty { print("structural defects in \(path):\n\(describe(errors))") }
            all += errors
        }
        XCTAssertEqual(all.count, 0, "the published specs were structurally valid OpenAPI 3.0.0 when this test was written:\n\(describe(all))")
        print("published specs: \(paths.count) checked, \(all.count) structural errors")
    }

    // MARK: inline documents

    /// A small document that uses most of OpenAPI 3.0: every object kind, `$ref`s and `x-` extensions.
    static let valid = """
    openapi: 3.0.3
    info: {title: T, version: "1.0", contact: {email: a@example.com, x-team: crr}, license: {name: MIT}}
    servers: [{url: "https://{host}/crr", variables: {host: {default: api.caiso.com, enum: [api.caiso.com]}}}]
    tags: [{name: Read, externalDocs: {url: "https://example.com/docs"}}]
    x-audience: internal
    paths:
      x-note: extension
      /items/{id}:
        summary: one item
        parameters:
          - {name: id, in: path, required: true, schema: {type: integer, format: int64, minimum: 1}}
        get:
          operationId: getItem
          tags: [Read]
          parameters:
            - $ref: '#/components/parameters/RequestId'
            - {name: q, in: query, style: form, explode: true, content: {application/json: {schema: {type: object}}}}
          callbacks:
            done: {'{$request.body#/url}': {post: {responses: {'200': {description: ok}}}}}
          security: [{mtls: []}]
          responses:
            '200':
              description: the item
              headers: {X-Rate: {schema: {type: integer}}, X-Other: {$ref: '#/components/headers/Other'}}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Item'}
                  examples: {one: {value: {id: 1}}, two: {$ref: '#/components/examples/Two'}}
              links: {self: {operationId: getItem, parameters: {id: '$response.body#/id'}}}
            4XX: {$ref: '#/components/responses/Error'}
            default: {description: anything else}
            x-codes: documented elsewhere
        post:
          requestBody: {required: true, content: {application/json: {schema: {type: array, items: {type: string}}, example: [a]}}}
          responses: {'201': {description: created}}
          x-internal: true
    components:
      schemas:
        Item:
          type: object
          required: [id]
          properties:
            id: {type: integer, format: int64, readOnly: true}
            name: {type: string, nullable: true, maxLength: 10, pattern: '^[A-Z]+$', example: ABC}
            price: {type: number, multipleOf: 0.01, minimum: 0, exclusiveMinimum: true}
            tags: {type: array, items: {type: string, enum: [ON, OFF]}, uniqueItems: true, xml: {wrapped: true}}
            kind: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}], discriminator: {propertyName: k, mapping: {a: '#/components/schemas/A'}}}
            extra: {type: object, additionalProperties: {type: string}}
            closed: {type: object, additionalProperties: false, x-comment: closed}
        A: {type: object, properties: {k: {type: string}}, not: {required: [b]}}
        B: {allOf: [{$ref: '#/components/schemas/A'}, {type: object, deprecated: true}]}
        Any: {}
      parameters:
        RequestId: {name: caiso-request-id, in: header, required: true, schema: {type: string, format: uuid}, example: 1f0e}
      responses:
        Error: {description: error, content: {application/json: {schema: {type: object}}}}
      headers:
        Other: {description: other, schema: {type: string}, style: simple}
      examples:
        Two: {summary: two, externalValue: 'https://example.com/two.json'}
      requestBodies:
        Body: {content: {text/plain: {schema: {type: string}}}}
      securitySchemes:
        mtls: {type: http, scheme: bearer, bearerFormat: JWT}
        key: {type: apiKey, name: api-key, in: header}
        oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {read: read it}}}}
      links:
        Self: {operationRef: '#/paths/~1items~1{id}/get'}
      callbacks:
        Done: {$ref: '#/components/callbacks/Other'}
      x-generated: true
    """

    func validate(_ yaml: String) throws -> ValidationResult {
        let document = try YAMLReader.parse(string: yaml, name: "inline.yaml")
        return try structureSchema().validate(document.root)
    }

    /// The valid document with one line replaced.
    func variant(_ original: String, _ replacement: String) -> String {
        precondition(Self.valid.contains(original), "the valid document has no \(original)")
        return Self.valid.replacingOccurrences(of: original, with: replacement)
    }

    /// Asserts that `yaml` is rejected with an error of `keyword` at `instance` whose schema path ends with `schemaSuffix`.
    func assertRejected(_ yaml: String, keyword: String, instance: String, schemaSuffix: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try validate(yaml)
        XCTAssertFalse(result.valid, "accepted", file: file, line: line)
        let match = result.errors.first {
            $0.keyword == keyword && $0.instanceLocation == instance && $0.keywordLocation.hasSuffix(schemaSuffix)
        }
        XCTAssertNotNil(match, "no \(keyword) error at \(instance) (schema …\(schemaSuffix)); errors:\n\(describe(result.errors))",
                        file: file, line: line)
        XCTAssertTrue(match?.description.hasPrefix("inline.yaml:") ?? true, file: file, line: line)
    }

    func testValidInlineDocument() throws {
        let result = try validate(Self.valid)
        XCTAssertTrue(result.valid, describe(result.errors))
        // OpenAPI 3.0.x only, and a Reference's other members are ignored.
        XCTAssertFalse(try validate(variant("openapi: 3.0.3", "openapi: 3.1.0")).valid)
        XCTAssertTrue(try validate(variant("4XX: {$ref: '#/components/responses/Error'}",
                                           "4XX: {$ref: '#/components/responses/Error', description: ignored, bogus: 1}")).valid)
    }

    func testResponseWithoutDescription() throws {
        try assertRejected(variant("default: {description: anything else}", "default: {content: {}}"),
                           keyword: "required", instance: "/paths/~1items~1{id}/get/responses/default",
                           schemaSuffix: "/properties/responses/$ref/properties/default/$ref/else/$ref/required")
    }

    func testTypeArrayWithNull() throws {
        let yaml = variant("name: {type: string, nullable: true,", #"name: {type: [string, "null"],"#)
        try assertRejected(yaml, keyword: "type", instance: "/components/schemas/Item/properties/name/type",
                           schemaSuffix: "/properties/properties/additionalProperties/$ref/else/$ref/properties/type/type")
        try assertRejected(variant("Any: {}", #"Any: {type: "null"}"#), keyword: "enum", instance: "/components/schemas/Any/type",
                           schemaSuffix: "/else/$ref/properties/type/enum")
    }

    func testPathMustStartWithSlash() throws {
        try assertRejected(variant("  /items/{id}:", "  items/{id}:"), keyword: "additionalProperties", instance: "/paths/items~1{id}",
                           schemaSuffix: "/properties/paths/$ref/additionalProperties")
    }

    func testParameterInBody() throws {
        try assertRejected(variant("{name: q, in: query,", "{name: q, in: body,"), keyword: "enum",
                           instance: "/paths/~1items~1{id}/get/parameters/1/in",
                           schemaSuffix: "/properties/parameters/$ref/items/$ref/else/$ref/properties/in/enum")
    }

    func testOperationWithoutResponses() throws {
        try assertRejected(variant("responses: {'201': {description: created}}", "summary: no responses"), keyword: "required",
                           instance: "/paths/~1items~1{id}/post", schemaSuffix: "/properties/post/$ref/required")
        try assertRejected(variant("responses: {'201': {description: created}}", "responses: {}"), keyword: "minProperties",
                           instance: "/paths/~1items~1{id}/post/responses", schemaSuffix: "/properties/responses/$ref/minProperties")
        try assertRejected(variant("'201': {description: created}", "'601': {description: created}"), keyword: "additionalProperties",
                           instance: "/paths/~1items~1{id}/post/responses/601", schemaSuffix: "/properties/responses/$ref/additionalProperties")
    }

    func testPathParameterMustBeRequired() throws {
        try assertRejected(variant("{name: id, in: path, required: true,", "{name: id, in: path,"), keyword: "required",
                           instance: "/paths/~1items~1{id}/parameters/0", schemaSuffix: "/else/$ref/allOf/2/then/required")
        try assertRejected(variant("{name: id, in: path, required: true,", "{name: id, in: path, required: false,"), keyword: "const",
                           instance: "/paths/~1items~1{id}/parameters/0/required",
                           schemaSuffix: "/else/$ref/allOf/2/then/properties/required/const")
    }

    func testOtherStructuralRules() throws {
        // Unknown fixed fields are rejected where the object is closed; x- extensions are not.
        try assertRejected(variant("operationId: getItem\n", "operationID: getItem\n"), keyword: "additionalProperties",
                           instance: "/paths/~1items~1{id}/get/operationID", schemaSuffix: "/properties/get/$ref/additionalProperties")
        // items is required for arrays; exclusiveMinimum is a boolean in OpenAPI 3.0.
        try assertRejected(variant("schema: {type: array, items: {type: string}}", "schema: {type: array}"),
                           keyword: "required", instance: "/paths/~1items~1{id}/post/requestBody/content/application~1json/schema",
                           schemaSuffix: "/else/$ref/allOf/0/then/required")
        try assertRejected(variant("exclusiveMinimum: true", "exclusiveMinimum: 0"), keyword: "type",
                           instance: "/components/schemas/Item/properties/price/exclusiveMinimum",
                           schemaSuffix: "/properties/exclusiveMinimum/type")
        // Component names, a parameter with both schema and content, info without version.
        try assertRejected(variant("    Any: {}", "    Any thing: {}"), keyword: "additionalProperties",
                           instance: "/components/schemas/Any thing", schemaSuffix: "/properties/schemas/additionalProperties")
        try assertRejected(variant("explode: true, content:", "explode: true, schema: {type: string}, content:"),
                           keyword: "oneOf", instance: "/paths/~1items~1{id}/get/parameters/1", schemaSuffix: "/allOf/0/$ref/oneOf")
        try assertRejected(variant(#"version: "1.0","#, ""), keyword: "required", instance: "/info", schemaSuffix: "/properties/info/$ref/required")
        // Security schemes carry the fields their type needs.
        try assertRejected(variant("{type: apiKey, name: api-key, in: header}", "{type: apiKey, name: api-key}"), keyword: "required",
                           instance: "/components/securitySchemes/key", schemaSuffix: "/else/$ref/allOf/0/then/required")
    }
}
