import Mock
import XCTest

/// The OpenAPI 3.0 parameter styles: primitives, arrays and objects in path, query and header.
final class MockParameterStyleTests: XCTestCase {
    func engine(_ yaml: String) throws -> MockEngine {
        try MockEngine(specs: [try MockEngineTests.spec(yaml)], options: MockEngineTests.options())
    }

    func get(_ engine: MockEngine, _ target: String, headers: [(name: String, value: String)] = []) -> MockResponse {
        engine.handle(MockRequest(method: "GET", target: target, headers: headers))
    }

    // MARK: Styles

    static let styles = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        components:
          schemas:
            RGB: {type: object, properties: {R: {type: integer}, G: {type: integer}}}
            Ints: {type: array, items: {type: integer}}
        paths:
          /label/{prim}/{arr}/{obj}:
            get:
              operationId: label
              parameters:
                - {name: prim, in: path, required: true, style: label, schema: {type: integer}}
                - {name: arr, in: path, required: true, style: label, schema: {$ref: '#/components/schemas/Ints'}}
                - {name: obj, in: path, required: true, style: label, schema: {$ref: '#/components/schemas/RGB'}}
              responses: {'200': {description: ok}}
          /labelx/{arr}/{obj}:
            get:
              parameters:
                - {name: arr, in: path, required: true, style: label, explode: true, schema: {$ref: '#/components/schemas/Ints'}}
                - {name: obj, in: path, required: true, style: label, explode: true, schema: {$ref: '#/components/schemas/RGB'}}
              responses: {'200': {description: ok}}
          /matrix/{prim}/{arr}/{obj}:
            get:
              parameters:
                - {name: prim, in: path, required: true, style: matrix, schema: {type: integer}}
                - {name: arr, in: path, required: true, style: matrix, schema: {$ref: '#/components/schemas/Ints'}}
                - {name: obj, in: path, required: true, style: matrix, schema: {$ref: '#/components/schemas/RGB'}}
              responses: {'200': {description: ok}}
          /matrixx/{arr}/{obj}:
            get:
              parameters:
                - {name: arr, in: path, required: true, style: matrix, explode: true, schema: {$ref: '#/components/schemas/Ints'}}
                - {name: obj, in: path, required: true, style: matrix, explode: true, schema: {$ref: '#/components/schemas/RGB'}}
              responses: {'200': {description: ok}}
          /simple/{obj}/{objx}:
            get:
              parameters:
                - {name: obj, in: path, required: true, schema: {$ref: '#/components/schemas/RGB'}}
                - {name: objx, in: path, required: true, explode: true, schema: {$ref: '#/components/schemas/RGB'}}
                - {name: x-rgb, in: header, schema: {$ref: '#/components/schemas/RGB'}}
                - {name: x-rgbx, in: header, explode: true, schema: {$ref: '#/components/schemas/RGB'}}
              responses: {'200': {description: ok}}
          /query:
            get:
              parameters:
                - {name: range, in: query, required: true, schema: {type: object, required: [min], properties: {min: {type: integer}, max: {type: integer}}}}
                - {name: point, in: query, explode: false, schema: {type: object, properties: {x: {type: number}, y: {type: number}}}}
                - {name: where, in: query, style: deepObject, explode: true, schema: {type: object, properties: {lat: {type: number, maximum: 90}, lon: {type: number}}}}
                - {name: pipes, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: integer}, maxItems: 3}}
                - {name: spaces, in: query, style: spaceDelimited, explode: false, schema: {type: array, items: {type: integer}}}
                - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}}}
              responses: {'200': {description: ok}}
        """

    func violations(_ response: MockResponse) -> [String] {
        response.record.violations.map { "\($0.id) \($0.pointer)" }
    }

    func testLabelStyle() throws {
        let engine = try engine(Self.styles)
        let ok = get(engine, "/label/.5/.1,2,3/.R,100,G,200")
        XCTAssertEqual(ok.status, 200, ok.bodyText)
        XCTAssertEqual(get(engine, "/label/.5/./.").status, 200)
        // OpenAPI 3.0.3's table separates a label array or object without explode by dots.
        XCTAssertEqual(get(engine, "/label/.5/.1.2.3/.R.100.G.200").status, 200)
        XCTAssertEqual(violations(get(engine, "/label/.5/.1.x/.R.1.G")), ["type /path/arr/1", "type /path/obj"])
        XCTAssertEqual(violations(get(engine, "/label/.x/.1,y/.R,100,G,z")), ["type /path/prim", "type /path/arr/1", "type /path/obj/G"])
        // Not in label style: the leading dot is missing.
        let plain = get(engine, "/label/5/.1/.R,1,G")
        XCTAssertEqual(plain.status, 400)
        XCTAssertEqual(violations(plain), ["mock-missing-parameter /path/prim", "type /path/obj"])
        XCTAssertTrue(plain.record.violations[0].message.contains("is not in label style (.VALUE)"), plain.record.violations[0].message)

        XCTAssertEqual(get(engine, "/labelx/.1.2.3/.R=100.G=200").status, 200)
        XCTAssertEqual(violations(get(engine, "/labelx/.1,2/.R=1.G=x")), ["type /path/arr/0", "type /path/obj/G"])
        XCTAssertEqual(violations(get(engine, "/labelx/.1/.R.1")), ["type /path/obj"])
    }

    func testMatrixStyle() throws {
        let engine = try engine(Self.styles)
        let ok = get(engine, "/matrix/;prim=5/;arr=1,2,3/;obj=R,100,G,200")
        XCTAssertEqual(ok.status, 200, ok.bodyText)
        XCTAssertEqual(get(engine, "/matrix/;prim=5/;arr/;obj").status, 200)
        XCTAssertEqual(violations(get(engine, "/matrix/;prim=x/;arr=1,y/;obj=R,1,G")), ["type /path/prim", "type /path/arr/1", "type /path/obj"])
        XCTAssertEqual(violations(get(engine, "/matrix/;other=5/;arr=1;arr=2/;obj=R,1")),
                       ["mock-missing-parameter /path/prim", "mock-missing-parameter /path/arr"])

        XCTAssertEqual(get(engine, "/matrixx/;arr=1;arr=2;arr=3/;R=100;G=200").status, 200)
        XCTAssertEqual(violations(get(engine, "/matrixx/;arr=1;arr=x/;R=1;G=y")), ["type /path/arr/1", "type /path/obj/G"])
        let wrongName = get(engine, "/matrixx/;arr=1;other=2/;R=1")
        XCTAssertEqual(violations(wrongName), ["mock-missing-parameter /path/arr"])
        XCTAssertTrue(wrongName.record.violations[0].message.contains("(;arr=A;arr=B)"), wrongName.record.violations[0].message)
    }

    func testSimpleObjectsInPathAndHeader() throws {
        let engine = try engine(Self.styles)
        let ok = get(engine, "/simple/R,100,G,200/R=1,G=2", headers: [("x-rgb", "R,3,G,4"), ("x-rgbx", "R=5,G=6")])
        XCTAssertEqual(ok.status, 200, ok.bodyText)
        let bad = get(engine, "/simple/R,100,G,x/R=1,G=y", headers: [("x-rgb", "R,3,G"), ("x-rgbx", "R=5,G=z")])
        XCTAssertEqual(violations(bad), ["type /path/obj/G", "type /path/objx/G", "type /header/x-rgb", "type /header/x-rgbx/G"])
        XCTAssertTrue(bad.bodyText.contains("/header/x-rgbx/G"), bad.bodyText)
    }

    func testQueryObjectsFormAndDeepObject() throws {
        let engine = try engine(Self.styles)
        let ok = get(engine, "/query?min=1&max=9&point=x,1.5,y,2&where%5Blat%5D=45.5&where[lon]=-120")
        XCTAssertEqual(ok.status, 200, ok.bodyText)
        // The exploded object's members are the query parameters named as its properties.
        let missing = get(engine, "/query?point=x,1")
        XCTAssertEqual(violations(missing), ["mock-missing-parameter /query/range"])
        let required = get(engine, "/query?max=3")
        XCTAssertEqual(violations(required), ["required /query/range"])
        XCTAssertTrue(required.record.violations[0].message.hasPrefix("query parameter range \"max=3\""), required.record.violations[0].message)
        XCTAssertEqual(violations(get(engine, "/query?min=a&point=x,one&where[lat]=91")),
                       ["type /query/range/min", "type /query/point/x", "maximum /query/where/lat"])
    }

    func testPipeAndSpaceDelimitedArrays() throws {
        let engine = try engine(Self.styles)
        XCTAssertEqual(get(engine, "/query?min=1&pipes=1|2|3&spaces=4%205%206&tags=a,b").status, 200)
        XCTAssertEqual(get(engine, "/query?min=1&pipes=1%7C2&spaces=4+5").status, 200)
        let bad = get(engine, "/query?min=1&pipes=1|x|3|4&spaces=4%20y")
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(violations(bad).sorted(), ["maxItems /query/pipes", "type /query/pipes/1", "type /query/spaces/1"])
        XCTAssertTrue(bad.record.violations[0].message.hasPrefix("query parameter pipes \"1|x|3|4\""), bad.record.violations[0].message)
        // A pipe is no separator of a space-delimited array.
        XCTAssertEqual(violations(get(engine, "/query?min=1&spaces=4|5")), ["type /query/spaces/0"])
    }
}
