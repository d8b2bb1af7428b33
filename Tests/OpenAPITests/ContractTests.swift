import Document
import JSONSchema
import OpenAPI
import XCTest

/// The contract model: one reading of an OpenAPI 3.0 document that validate, lint and diff share.
final class ContractTests: XCTestCase {
    func contract(_ yaml: String, name: String = "spec.yaml") throws -> Contract {
        try Contract(document: YAMLReader.parse(Array(yaml.utf8), name: name))
    }

    static let spec = """
    openapi: 3.0.3
    info: {title: Items, version: 1.0.0}
    servers: [{url: https://api.example.com/v1}]
    tags: [{name: items, description: The items}]
    security: [{key: []}]
    paths:
      /items/{itemId}:
        parameters:
          - {name: itemId, in: path, required: true, schema: {type: string}}
          - {name: trace, in: header, schema: {type: string}}
        get:
          operationId: getItem
          tags: [items]
          parameters:
            - {name: fields, in: query, schema: {type: array, items: {type: string}}}
            - {name: trace, in: header, required: true, schema: {type: string}}
            - $ref: '#/components/parameters/Page'
          responses:
            '200':
              description: the item
              headers:
                X-Rate-Limit: {required: true, schema: {type: integer}}
                X-Note: {$ref: '#/components/headers/Note'}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Item'}
                  examples:
                    one: {value: {id: a}}
        put:
          security: [{oauth: [write]}, {}]
          requestBody:
            required: true
            content:
              application/json: {schema: {$ref: '#/components/schemas/Item'}}
          responses:
            '204': {description: stored}
    components:
      parameters:
        Page: {name: page, in: query, style: spaceDelimited, schema: {type: integer}}
      headers:
        Note: {schema: {type: string}}
      securitySchemes:
        key: {type: apiKey, in: header, name: X-Key}
        oauth:
          type: oauth2
          flows: {clientCredentials: {tokenUrl: https://example.com/token, scopes: {read: r, write: w}}}
      schemas:
        Item:
          type: object
          properties:
            id: {type: string, readOnly: true}
            tag: {$ref: '#/components/schemas/Tag'}
        Tag: {type: string}
        Unused: {type: string}
    """

    func testOperationsParametersAndDefaults() throws {
        let c = try contract(ContractTests.spec)
        XCTAssertEqual(c.operations.map(\.label), ["GET /items/{itemId}", "PUT /items/{itemId}"])
        XCTAssertEqual(c.paths.first?.normalized, "/items/{}")
        let get = try XCTUnwrap(c.operation(id: "getItem"))
        // Path-item parameters are inherited; the operation's own win by in + name.
        XCTAssertEqual(get.parameters.map(\.key), ["path:itemId", "query:fields", "header:trace", "query:page"])
        let path = try XCTUnwrap(get.parameter(.path, "itemId"))
        XCTAssertTrue(path.required)
        XCTAssertEqual(path.style, "simple")
        XCTAssertFalse(path.explode)
        XCTAssertTrue(path.fromPathItem)
        let fields = try XCTUnwrap(get.parameter(.query, "fields"))
        XCTAssertEqual(fields.style, "form")
        XCTAssertTrue(fields.explode, "form style explodes by default")
        XCTAssertFalse(fields.required)
        XCTAssertEqual(get.parameter(.header, "trace")?.required, true, "the operation's parameter overrides the path item's")
        let page = try XCTUnwrap(get.parameter(.query, "page"))
        XCTAssertEqual(page.style, "spaceDelimited")
        XCTAssertFalse(page.explode)
        XCTAssertEqual(page.pointer.description, "/components/parameters/Page", "a node keeps the pointer of where it is written")
        XCTAssertEqual(page.position.line, 39)
    }

    func testResponsesHeadersMediaTypesAndExamples() throws {
        let get = try XCTUnwrap(try contract(ContractTests.spec).operation(id: "getItem"))
        let ok = try XCTUnwrap(get.responses.first)
        XCTAssertEqual(ok.status, "200")
        XCTAssertTrue(ok.isSuccess)
        XCTAssertEqual(ok.headers.map(\.name), ["X-Rate-Limit", "X-Note"])
        XCTAssertEqual(ok.headers.map(\.required), [true, false])
        XCTAssertEqual(ok.headers[1].pointer.description, "/components/headers/Note")
        XCTAssertEqual(ok.content.map(\.name), ["application/json"])
        XCTAssertEqual(ok.content[0].examples.map(\.name), ["one"])
        XCTAssertEqual(ok.content[0].examples[0].data?["id"]?.string, "a")
    }

    func testSecurityServersAndTags() throws {
        let c = try contract(ContractTests.spec)
        XCTAssertEqual(c.securitySchemes.map(\.name), ["key", "oauth"])
        XCTAssertEqual(c.securitySchemes[0].keyLocation, "header")
        XCTAssertEqual(c.securitySchemes[0].keyName, "X-Key")
        XCTAssertEqual(c.securitySchemes[1].flows.first?.scopes, ["read", "write"])
        let get = c.operations[0], put = c.operations[1]
        XCTAssertFalse(get.declaresSecurity)
        XCTAssertEqual(get.security.map(\.key), ["key"], "the document's requirement applies")
        XCTAssertEqual(get.security.first?.entries.first?.scheme?.type, "apiKey")
        XCTAssertEqual(put.security.map(\.key), ["oauth", ""])
        XCTAssertTrue(put.security[1].isAnonymous)
        XCTAssertEqual(put.security[0].entries[0].scopes, ["write"])
        XCTAssertEqual(c.servers.map(\.url), ["https://api.example.com/v1"])
        XCTAssertEqual(get.servers.map(\.url), ["https://api.example.com/v1"])
        XCTAssertEqual(c.tags.map(\.name), ["items"])
    }

    func testServerVariables() throws {
        let c = try contract("""
        openapi: 3.0.3
        info: {title: T, version: "1"}
        servers:
          - url: https://{env}.example.com:{port}
            variables:
              env: {default: prod, enum: [prod, test], description: Where.}
              port: {default: 8443}
        paths: {}
        """)
        let variables = try XCTUnwrap(c.servers.first?.variables)
        XCTAssertEqual(variables.map(\.name), ["env", "port"])
        XCTAssertEqual(variables[0].defaultText, "prod")
        XCTAssertEqual(variables[0].enumValues, ["prod", "test"])
        XCTAssertEqual(variables[0].description, "Where.")
        XCTAssertEqual(variables[0].pointer.description, "/servers/0/variables/env")
        XCTAssertEqual(variables[0].key?.string, "env")
        XCTAssertEqual(variables[1].defaultText, "8443", "a number keeps its text")
        XCTAssertNil(variables[1].enumValues)
        XCTAssertEqual(c.servers[0].variable("port")?.defaultValue?.pointer.description, "/servers/0/variables/port/default")
    }

    func testSchemaUsageKnowsRequestResponseOrBoth() throws {
        let c = try contract(ContractTests.spec)
        let schemas = try XCTUnwrap(c.document.root["components"]?["schemas"])
        XCTAssertEqual(c.usage(of: try XCTUnwrap(schemas["Item"])), .both, "body of PUT and of GET's 200")
        XCTAssertEqual(c.usage(of: try XCTUnwrap(schemas["Tag"])), .both, "reached through a property")
        XCTAssertEqual(c.usage(of: try XCTUnwrap(schemas["Unused"])), [])
        let header = try XCTUnwrap(c.document.root["components"]?["headers"]?["Note"]?["schema"])
        XCTAssertEqual(c.usage(of: header), .response)
        let page = try XCTUnwrap(c.document.root["components"]?["parameters"]?["Page"]?["schema"])
        XCTAssertEqual(c.usage(of: page), .request)
    }

    func testTemplatesNormalise() {
        XCTAssertEqual(ContractPath.normalize("/items/{id}"), ContractPath.normalize("/items/{itemId}"))
        XCTAssertNotEqual(ContractPath.normalize("/items/{id}"), ContractPath.normalize("/items/{id}/tags"))
        XCTAssertEqual(ContractPath.templateNames("/a/{x}/b/{y}"), ["x", "y"])
    }

    func testSwaggerAndOpenAPI31AreRefused() throws {
        XCTAssertThrowsError(try contract("swagger: \"2.0\"\ninfo: {title: t, version: '1'}\npaths: {}\n")) { error in
            XCTAssertTrue("\(error)".contains("Swagger 2.0 is not supported; convert to OpenAPI 3.0"), "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("spec.yaml:1:"), "\(error)")
        }
        XCTAssertThrowsError(try contract("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")) { error in
            XCTAssertTrue("\(error)".contains("OpenAPI 3.1 is not supported"), "\(error)")
        }
        XCTAssertNoThrow(try contract("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n"))
        XCTAssertNoThrow(try contract("openapi: 3.0\ninfo: {title: t, version: '1'}\npaths: {}\n"))
    }

    func testExternalReferencesGoThroughTheRegistryFence() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = """
        openapi: 3.0.0
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              parameters: [{$ref: 'common.yaml#/Limit'}]
              responses: {'200': {description: ok}}
          /b:
            get:
              parameters: [{$ref: '/dev/zero'}]
              responses: {'200': {description: ok}}
        """
        try spec.write(to: dir.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
        try "Limit: {name: limit, in: query, schema: {type: integer}}\n".write(to: dir.appendingPathComponent("common.yaml"), atomically: true, encoding: .utf8)
        let registry = SchemaRegistry()
        registry.allowedRoots = [dir.path]
        XCTAssertThrowsError(try Contract.load(dir.appendingPathComponent("spec.yaml").path, registry: registry)) { error in
            let schemaError = error as? SchemaError
            XCTAssertEqual(schemaError?.isRefusal, true, "\(error)")
            XCTAssertTrue("\(error)".contains("refusing to read /dev/zero"), "\(error)")
        }
        try spec.replacingOccurrences(of: "'/dev/zero'", with: "'common.yaml#/Limit'").write(to: dir.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
        let c = try Contract.load(dir.appendingPathComponent("spec.yaml").path, registry: SchemaRegistry())
        XCTAssertEqual(c.operations[0].parameters.map(\.name), ["limit"])
        XCTAssertTrue(c.referenceProblems.isEmpty)
    }
}

/// ``Contract/references(in:)``: the one walk that finds a document's references.
final class ContractReferenceWalkTests: XCTestCase {
    func refs(_ yaml: String) throws -> [String] {
        let document = try YAMLReader.parse(Array(yaml.utf8), name: "spec.yaml")
        return Contract.references(in: document.root).map { "\($0.holder.pointer) \($0.ref.string ?? "")" }
    }

    func testDataIsPassedOverAndNamesAreWalked() throws {
        let found = try refs("""
        openapi: 3.0.3
        info: {title: t, version: 1.0.0}
        paths: {}
        x-vendor: {$ref: '#/nowhere/extension'}
        components:
          schemas:
            Item:
              type: object
              default: {$ref: '#/nowhere/default'}
              example: {$ref: '#/nowhere/example'}
              enum: [{$ref: '#/nowhere/enum'}]
              properties:
                default: {$ref: '#/components/schemas/A'}
                examples: {$ref: '#/components/schemas/B'}
                $ref: {$ref: '#/components/schemas/C'}
                x-id: {$ref: '#/components/schemas/D'}
          examples:
            One: {$ref: '#/components/examples/Two'}
            Two: {value: {$ref: '#/nowhere/value'}}
          responses:
            default:
              description: d
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Item'}
                  examples:
                    first: {$ref: '#/components/examples/One'}
                    second: {value: {$ref: '#/nowhere/value'}}
        """)
        XCTAssertEqual(found, [
            "/components/schemas/Item/properties/default #/components/schemas/A",
            "/components/schemas/Item/properties/examples #/components/schemas/B",
            "/components/schemas/Item/properties/$ref #/components/schemas/C",
            "/components/schemas/Item/properties/x-id #/components/schemas/D",
            "/components/examples/One #/components/examples/Two",
            "/components/responses/default/content/application~1json/schema #/components/schemas/Item",
            "/components/responses/default/content/application~1json/examples/first #/components/examples/One",
        ])
    }

    func testDraft07ExamplesArrayIsData() throws {
        let found = try refs(##"{"examples": [{"$ref": "#/a"}], "properties": {"p": {"$ref": "#/definitions/p"}}, "definitions": {"p": {}}}"##)
        XCTAssertEqual(found, ["/properties/p #/definitions/p"])
    }

    func testExtensionHoldersInDocumentOrder() throws {
        let document = try YAMLReader.parse(Array("""
        a: {x-crr-rule: {codes: [1]}, b: {x-crr-rule: {}}}
        c: [{x-crr-rule: {nested: {x-crr-rule: {}}}}]
        """.utf8), name: "t.yaml")
        XCTAssertEqual(Contract.holders(ofExtension: "x-crr-rule", in: document.root).map(\.pointer.description), ["/a", "/a/b", "/c/0"])
    }
}
