import Document
import OpenAPI
import XCTest

/// The contract model's service level, components and what it merges or resolves away.
final class ContractServiceTests: XCTestCase {
    func contract(_ yaml: String) throws -> Contract {
        try Contract(document: YAMLReader.parse(Array(yaml.utf8), name: "spec.yaml"))
    }

    func testServicePathSplitsServiceVersionAndTail() {
        let path = ServicePath("/auction/v1.0/portfolio/{id}")
        XCTAssertEqual(path.service, "auction")
        XCTAssertEqual(path.version, "1.0")
        XCTAssertEqual(path.tail, "/portfolio/{id}")
        XCTAssertEqual(ServicePath("/status").version, nil)
        XCTAssertEqual(ServicePath("/status").versionKey, "")
        XCTAssertEqual(ServicePath("/status").tail, "/")
        XCTAssertEqual(ServicePath("/a/version/x").version, nil, "a segment that is not v<number> is not a version")
        XCTAssertTrue(ServicePath.isVersion("V2.1.3"))
        XCTAssertFalse(ServicePath.isVersion("v"))
        XCTAssertEqual(ServicePath.major("2.5"), 2)
    }

    func testPathsGroupIntoServicesByFirstSegmentAndVersion() throws {
        let c = try contract("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /auction/v1.0/bids: {get: {responses: {'200': {description: ok}}}}
          /status: {get: {responses: {'200': {description: ok}}}}
          /auction/v2.0/bids: {get: {responses: {'200': {description: ok}}}}
          /auction/v1.0/bids/{id}:
            get: {responses: {'200': {description: ok}}}
            delete: {responses: {'204': {description: gone}}}
        """)
        XCTAssertEqual(c.services.map { "\($0.name)@\($0.versionKey)" }, ["auction@1.0", "status@", "auction@2.0"])
        XCTAssertEqual(c.services[0].paths.map(\.template), ["/auction/v1.0/bids", "/auction/v1.0/bids/{id}"])
        XCTAssertEqual(c.services[0].operations.map(\.label), ["GET /auction/v1.0/bids", "GET /auction/v1.0/bids/{id}", "DELETE /auction/v1.0/bids/{id}"])
        XCTAssertEqual(c.operations[3].servicePath.tail, "/bids/{id}")
        XCTAssertEqual(c.operations[3].normalizedServicePath.tail, "/bids/{}")
    }

    static let components = """
    openapi: 3.0.3
    info: {title: T, version: '1'}
    security: [{key: []}]
    paths:
      /items/{id}:
        parameters:
          - {name: id, in: path, required: true, schema: {type: string}}
          - {name: id, in: path, required: true, schema: {type: integer}}
        get:
          security: [{oauth: []}]
          parameters:
            - $ref: '#/components/parameters/Trace'
              description: ignored
            - {name: x-trace, in: header, schema: {type: string}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Item'}
                  example: {$ref: '#/components/schemas/Spare'}
      /items/{key}:
        get: {responses: {'200': {$ref: '#/components/responses/Ok', x-note: kept}}}
    components:
      schemas:
        Item: {type: object, properties: {tag: {$ref: '#/components/schemas/Parts/properties/tag'}}}
        Parts: {properties: {tag: {type: string}}}
        Spare: {type: string}
      parameters:
        Trace: {name: X-Trace, in: header, schema: {type: string}}
      responses:
        Ok: {description: ok}
        Unused: {description: never}
      securitySchemes:
        key: {type: apiKey, in: header, name: X-Key}
        oauth: {type: oauth2, flows: {}}
        spare: {type: http, scheme: basic}
    """

    func testComponentsKnowWhetherTheyAreUsed() throws {
        let c = try contract(ContractServiceTests.components)
        let used = Dictionary(uniqueKeysWithValues: c.components.map { ("\($0.kind.rawValue)/\($0.name)", $0.isUsed) })
        XCTAssertEqual(c.components.map(\.kind), [.schemas, .schemas, .schemas, .parameters, .responses, .responses,
                                                 .securitySchemes, .securitySchemes, .securitySchemes])
        XCTAssertEqual(used["schemas/Item"], true)
        XCTAssertEqual(used["schemas/Parts"], true, "a $ref into a component names it")
        XCTAssertEqual(used["schemas/Spare"], false, "a $ref inside example data is data, not a reference")
        XCTAssertEqual(used["parameters/Trace"], true)
        XCTAssertEqual(used["responses/Unused"], false)
        XCTAssertEqual(used["securitySchemes/key"], true, "named by the document's requirement")
        XCTAssertEqual(used["securitySchemes/oauth"], true, "named by an operation's requirement")
        XCTAssertEqual(used["securitySchemes/spare"], false)
        let spare = try XCTUnwrap(c.components(.schemas).last)
        XCTAssertEqual(spare.pointer.description, "/components/schemas/Spare")
        XCTAssertEqual(spare.key.position.line, 28)
        XCTAssertEqual(spare.reference, "#/components/schemas/Spare")
    }

    func testWhatTheModelMergesIsRecorded() throws {
        let c = try contract(ContractServiceTests.components)
        // Parameters: the path item declares `id` in path twice; the header names differ only in case.
        XCTAssertEqual(c.parameterRepeats.map { "\($0.location):\($0.name)" }, ["path:id", "header:x-trace"])
        XCTAssertEqual(c.parameterRepeats[0].first.position.line, 7)
        XCTAssertEqual(c.parameterRepeats[0].repeated.position.line, 8)
        XCTAssertEqual(c.paths[0].operations[0].parameters.map(\.key), ["path:id", "header:X-Trace", "header:x-trace"])
        // Paths the same apart from variable names.
        XCTAssertEqual(c.pathRepeats.map { "\($0.first.template) \($0.repeated.template)" }, ["/items/{id} /items/{key}"])
        // Reference Objects with ignored fields (x- extensions and schemas aside).
        XCTAssertEqual(c.referenceSiblings.map { $0.ignored.map(\.name) }, [["description"]])
        XCTAssertEqual(c.referenceSiblings[0].holder.pointer.description, "/paths/~1items~1{id}/get/parameters/0")
    }
}
