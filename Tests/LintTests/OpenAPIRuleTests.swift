import EngineTestSupport
import XCTest

/// Every OpenAPI rule against a spec it must report and one it must accept.
final class OpenAPIRuleTests: XCTestCase {
    static let name = "items-api.yaml"

    /// An OpenAPI 3.0 spec with no findings.
    static let base = """
    openapi: 3.0.3
    info:
      title: Items
      version: "1.0.0"
    tags:
      - name: Read
    security:
      - mutualTLS: []
    paths:
      /items/{id}:
        get:
          tags: [Read]
          operationId: getItem
          parameters:
            - name: id
              in: path
              required: true
              schema: {type: string}
              example: a1
          responses:
            '200':
              description: The item.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Item'
                  example: {id: a1, count: 2}
      /items:
        get:
          tags: [Read]
          operationId: listItems
          responses:
            '200':
              description: All items.
    components:
      securitySchemes:
        mutualTLS:
          type: http
          scheme: bearer
      schemas:
        Item:
          type: object
          required: [id]
          properties:
            id: {type: string, example: a1}
            count: {type: integer, minimum: 0}
    """

    func fixture(_ old: String, _ new: String, expect: String) -> RuleFixture {
        RuleFixture(name: Self.name, failing: Self.base.with(old, new), passing: Self.base, expect: expect)
    }

    func testBaseIsClean() {
        XCTAssertEqual(LintTest.lint(Self.base, name: Self.name).map(\.message), [])
    }

    func testStructure() {
        check("oas-structure", fixture("      description: All items.", "      describe: All items.", expect: "not valid OpenAPI 3.0"))
    }

    func testOperationIdMissing() {
        check("oas-operation-id-missing", fixture("      operationId: listItems\n", "", expect: "has no operationId"))
    }

    func testOperationIdDuplicate() {
        check("oas-operation-id-duplicate", fixture("operationId: listItems", "operationId: getItem", expect: "also used by GET /items/{id}"))
    }

    func testOperationIdURLSafe() {
        check("oas-operation-id-url-safe", fixture("operationId: listItems", "operationId: list items", expect: "not URL-safe"))
    }

    func testPathParameters() {
        check("oas-path-parameters", fixture("  /items/{id}:", "  /items/{itemId}:", expect: "does not declare the path parameter \"itemId\""))
    }

    func testEmptyPathTemplate() {
        let failing = Self.base.with("  /items:\n", "  /items/{}:\n")
        let hits = LintTest.lint(failing, name: Self.name).filter { $0.rule == "oas-path-parameters" }
        XCTAssertEqual(hits.map(\.message), ["path /items/{} has an empty template {}: a path variable needs a name"])
    }

    func testPathParameterRequired() {
        check("oas-path-parameter-required", fixture("          required: true\n          schema: {type: string}", "          schema: {type: string}",
                                                     expect: "not marked required: true"))
    }

    func testPathDuplicate() {
        let failing = Self.base.with("  /items:\n", "  /items/{key}:\n").with("operationId: listItems\n", "operationId: listItems\n      parameters:\n        - {name: key, in: path, required: true, schema: {type: string}}\n")
        check("oas-path-duplicate", RuleFixture(name: Self.name, failing: failing, passing: Self.base, expect: "same as /items/{id}"))
    }

    /// Only template variables are normalised: /items/{id}.json is not the same path as /items/{id}.
    func testPathDuplicateKeepsTextAroundVariables() {
        let other = Self.base.with("  /items:\n", "  /items/{key}.json:\n").with("operationId: listItems\n", "operationId: listItems\n      parameters:\n        - {name: key, in: path, required: true, schema: {type: string}}\n")
        XCTAssertEqual(LintTest.lint(other, name: Self.name).filter { $0.rule == "oas-path-duplicate" }.map(\.message), [])
    }

    func testPathAmbiguous() {
        let failing = Self.base.with("  /items:\n", "  /{kind}/latest:\n").with("operationId: listItems\n", "operationId: listItems\n      parameters:\n        - {name: kind, in: path, required: true, schema: {type: string}}\n")
        let passing = failing.with("  /{kind}/latest:\n", "  /{kind}/latest/all:\n")
        check("oas-path-ambiguous", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "ambiguous with /items/{id}"))
    }

    func testSuccessResponse() {
        check("oas-success-response", fixture("        '200':\n          description: All items.", "        '404':\n          description: None.", expect: "no 2xx or 3xx response"))
    }

    func testExampleInvalid() {
        check("oas-example-invalid", fixture("example: {id: a1, count: 2}", "example: {id: a1, count: -2}", expect: "example does not match its schema"))
    }

    func testUnusedComponent() {
        check("oas-unused-component", fixture("  schemas:\n", "  schemas:\n    Spare: {type: string}\n", expect: "components/schemas/Spare is never referenced"))
    }

    func testSecurityDefined() {
        check("oas-security-defined", fixture("  - mutualTLS: []", "  - mutualTLs: []", expect: "did you mean \"mutualTLS\""))
    }

    func testTagsDefined() {
        check("oas-tags-defined", fixture("      tags: [Read]\n      operationId: listItems", "      tags: [Reads]\n      operationId: listItems", expect: "did you mean \"Read\""))
    }

    /// Schema rules also run on the Schema Objects inside a spec, with OpenAPI's keywords.
    func testSchemaRulesInsideSpecs() {
        let failing = Self.base.with("count: {type: integer, minimum: 0}", "count: {type: integer, minimum: 0, const: 1, maxLenth: 2}")
        let messages = LintTest.lint(failing, name: Self.name).filter { $0.rule == "schema-unknown-keyword" }.map(\.message)
        XCTAssertEqual(messages.count, 2, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("\"const\"") && $0.contains("not part of the OpenAPI 3.0 Schema Object") })
        XCTAssertTrue(messages.contains { $0.contains("did you mean \"maxLength\"") })
    }

    func testYAMLBooleanWord() {
        check("yaml-boolean-word", fixture("count: {type: integer, minimum: 0}", "count: {type: integer, minimum: 0}\n        tou: {type: string, enum: ['ON', OFF]}",
                                           expect: "unquoted OFF is read as a boolean by YAML 1.1 tools"))
    }

    func testArrayWithoutItems() {
        check("schema-items-properties-type", fixture("count: {type: integer, minimum: 0}", "count: {type: array}", expect: "OpenAPI 3.0 requires items"))
    }

    func testNullableWithoutType() {
        check("schema-nullable-without-type", fixture("count: {type: integer, minimum: 0}", "count: {nullable: true, minimum: 0}", expect: "nullable without a type"))
    }

    func testParameterDuplicate() {
        let failing = Self.base.with("          example: a1\n", "          example: a1\n        - {name: id, in: path, required: true, schema: {type: string}}\n")
        check("oas-parameter-duplicate", RuleFixture(name: Self.name, failing: failing, passing: Self.base, expect: "parameter \"id\" in path is declared twice (first at line 15)"))
    }

    func testRefSiblingsOutsideSchemas() {
        let failing = Self.base.with("      parameters:\n        - name: id\n          in: path\n          required: true\n          schema: {type: string}\n          example: a1\n",
                                     "      parameters:\n        - $ref: '#/components/parameters/id'\n          description: The id.\n")
            .with("  schemas:\n", "  parameters:\n    id: {name: id, in: path, required: true, schema: {type: string}, example: a1}\n  schemas:\n")
        let passing = failing.with("          description: The id.\n", "")
        check("oas-ref-siblings", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "\"description\" beside \"$ref\" is ignored"))
        // A schema $ref with siblings is schema-ref-siblings', not this rule's.
        let schema = Self.base.with("$ref: '#/components/schemas/Item'\n", "$ref: '#/components/schemas/Item'\n                description: x\n")
        XCTAssertEqual(LintTest.lint(schema, name: Self.name).filter { $0.rule == "oas-ref-siblings" }.count, 0)
    }

    /// The rules that report what the contract model merges or resolves away (repeated
    /// parameters and paths, `$ref` siblings, unused components): ids, positions, pointers and
    /// messages, as they were when each rule walked the document itself.
    func testWhatTheModelMergesIsReportedWhereItIsWritten() {
        let spec = """
        openapi: 3.0.3
        info: {title: Items, version: "1.0.0"}
        paths:
          /items/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              parameters:
                - $ref: '#/components/parameters/Trace'
                  description: The trace.
                  required: true
                - {name: x-trace, in: header, schema: {type: string}}
              responses:
                '200': {$ref: '#/components/responses/Ok'}
          /items/{key}:
            get:
              responses:
                '200': {description: ok, content: {application/json: {example: {$ref: '#/components/schemas/Spare'}}}}
        components:
          parameters:
            Trace: {name: X-Trace, in: header, schema: {type: string}}
          responses:
            Ok: {description: ok}
          schemas:
            Spare: {type: string}
          securitySchemes:
            basic: {type: http, scheme: basic}
        """
        let rules: Set<String> = ["oas-unused-component", "oas-ref-siblings", "oas-parameter-duplicate", "oas-path-duplicate"]
        let found = LintTest.lint(spec, name: Self.name).filter { rules.contains($0.rule) }
            .map { "\($0.rule) \($0.line):\($0.column) \($0.pointer) \($0.message)" }
        XCTAssertEqual(found, [
            #"oas-parameter-duplicate 7:9 /paths/~1items~1{id}/parameters/1 parameter "id" in path is declared twice (first at line 6)"#,
            #"oas-ref-siblings 11:11 /paths/~1items~1{id}/get/parameters/0/description "description", "required" beside "$ref" are ignored"#,
            #"oas-parameter-duplicate 13:11 /paths/~1items~1{id}/get/parameters/1 parameter "x-trace" in header is declared twice (first at line 10)"#,
            "oas-path-duplicate 16:3 /paths/~1items~1{key} path /items/{key} is the same as /items/{id} apart from variable names",
            "oas-unused-component 26:5 /components/schemas/Spare components/schemas/Spare is never referenced",
            "oas-unused-component 28:5 /components/securitySchemes/basic components/securitySchemes/basic is never referenced",
        ])
    }

    func testPathTrailingSlash() {
        check("oas-path-trailing-slash", fixture("  /items:\n", "  /items/:\n", expect: "path \"/items/\" ends with a slash"))
    }

    func testServerTrailingSlash() {
        check("oas-server-trailing-slash", fixture("tags:\n", "servers:\n  - url: https://api.example.com/crr/\ntags:\n", expect: "server URL \"https://api.example.com/crr/\" ends with a slash"))
    }

    func testServerVariables() {
        let failing = Self.base.with("tags:\n", "servers:\n  - url: https://{environment}.example.com\n    variables: {env: {default: prod}}\ntags:\n")
        let passing = Self.base.with("tags:\n", "servers:\n  - url: https://{env}.example.com\n    variables: {env: {default: prod, enum: [prod, test]}}\ntags:\n")
        check("oas-server-variables", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "uses {environment}, which variables does not define"))
        check("oas-server-variables", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "server variable \"env\" is not used"))
        check("oas-server-variables", RuleFixture(name: Self.name, failing: passing.with("default: prod", "default: dev"), passing: passing, expect: "is not in its enum"))
        check("oas-server-variables", RuleFixture(name: Self.name, failing: passing.with("enum: [prod, test]", "enum: []"), passing: passing, expect: "has an empty enum"))
    }

    func testTagDuplicate() {
        check("oas-tag-duplicate", fixture("  - name: Read\n", "  - name: Read\n  - name: Read\n", expect: "tag \"Read\" is declared twice"))
    }

    func testOperationSecurity() {
        let failing = Self.base.with("security:\n  - mutualTLS: []\n", "")
        let findings = LintTest.lint(failing, name: Self.name).filter { $0.rule == "oas-operation-security" }
        XCTAssertEqual(findings.count, 1, "once per spec")
        XCTAssertEqual(findings.first?.severity, .info)
        check("oas-operation-security", RuleFixture(name: Self.name, failing: failing, passing: Self.base, expect: "2 of 2 operations have no security requirement (first: GET /items/{id})"))
        // An explicit security: [] marks a public operation.
        let publicOps = failing.with("      operationId: getItem\n", "      operationId: getItem\n      security: []\n").with("      operationId: listItems\n", "      operationId: listItems\n      security: []\n")
        XCTAssertEqual(LintTest.lint(publicOps, name: Self.name).filter { $0.rule == "oas-operation-security" }.count, 0)
    }

    /// Issue 16, item 16: components A → B → A, and responses and parameters that refer to
    /// themselves, are reported (validate refuses the same cycle); recursion below a property is fine.
    func testRefCycle() {
        let schemas = "  schemas:\n    Item:\n"
        check("ref-cycle", fixture(schemas, "  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    Item:\n",
                                   expect: "$ref cycle #/components/schemas/A → #/components/schemas/B → #/components/schemas/A never reaches a definition"))
        check("ref-cycle", fixture(schemas, "  schemas:\n    A:\n      allOf: [{$ref: '#/components/schemas/A'}]\n    Item:\n",
                                   expect: "$ref cycle #/components/schemas/A → #/components/schemas/A/allOf/0 → #/components/schemas/A"))
        check("ref-cycle", fixture("  securitySchemes:\n", "  responses:\n    Loop: {$ref: '#/components/responses/Loop'}\n  securitySchemes:\n",
                                   expect: "$ref cycle #/components/responses/Loop → #/components/responses/Loop"))
        check("ref-cycle", fixture("  securitySchemes:\n", "  parameters:\n    P: {$ref: '#/components/parameters/Q'}\n    Q: {$ref: '#/components/parameters/P'}\n  securitySchemes:\n",
                                   expect: "#/components/parameters/P → #/components/parameters/Q → #/components/parameters/P"))
        // A tree: recursion below properties and items is not a cycle.
        let tree = Self.base.with("        count: {type: integer, minimum: 0}",
                                  "        count: {type: integer, minimum: 0}\n        children: {type: array, items: {$ref: '#/components/schemas/Item'}}\n        parent: {$ref: '#/components/schemas/Item'}")
        XCTAssertEqual(LintTest.lint(tree, name: Self.name).filter { $0.rule == "ref-cycle" }.map(\.message), [])
        // One finding per cycle, at the first member's $ref.
        let two = Self.base.with(schemas, "  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    Item:\n")
        let findings = LintTest.lint(two, name: Self.name).filter { $0.rule == "ref-cycle" }
        XCTAssertEqual(findings.count, 1, "\(findings.map(\.message))")
        XCTAssertEqual(findings.first?.pointer, "/components/schemas/A/$ref")
    }

    /// The two rules read the contract model's declarations: every parameter, header and media
    /// type as written, not only what the operations end up with — a path item's parameter an
    /// operation replaces, a path item without operations, unused components, a `$ref`'d one
    /// once, and an Example Object named `example` under `examples` (components written first).
    func testDeclarationsReachWhatOperationsDoNotUse() {
        let spec = """
        openapi: 3.0.3
        info: {title: Items, version: "1.0.0"}
        components:
          parameters:
            Size: {name: size, in: query, schema: {type: integer}, example: big}
            Spare: {name: spare, in: path, schema: {type: string}}
          headers:
            Count:
              schema: {type: integer}
              examples:
                example: {value: many}
        paths:
          /a/{id}:
            parameters:
              - {name: id, in: path, schema: {type: string}}
            get:
              operationId: getA
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {$ref: '#/components/parameters/Size'}
              responses:
                '200': {description: ok}
          /b/{key}:
            parameters:
              - {name: key, in: path, schema: {type: string}}
        """
        let findings = LintTest.lint(spec, name: Self.name)
        XCTAssertEqual(findings.filter { $0.rule == "oas-path-parameter-required" }.map(\.pointer),
                       ["/components/parameters/Spare/name", "/paths/~1a~1{id}/parameters/0/name", "/paths/~1b~1{key}/parameters/0/name"])
        let examples = findings.filter { $0.rule == "oas-example-invalid" }
        XCTAssertEqual(examples.map(\.pointer), ["/components/parameters/Size/example", "/components/headers/Count/examples/example/value"])
        XCTAssertEqual(examples.map { $0.message.hasPrefix("example does not match") }, [true, false])
        XCTAssertTrue(examples.last?.message.hasPrefix("example \"example\" does not match") == true, "\(examples.map(\.message))")
    }
}
