import Document
import JSONSchema
import OpenAPI
import XCTest

/// ``OpenAPISpec/checkExamples(registry:options:)`` reaches every subschema the draft-07 keyword
/// table knows, not only properties, items and the combiners.
final class ExampleCheckTests: XCTestCase {
    func testExamplesUnderEverySubschemaKeywordAreChecked() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            Listed:
              type: object
              properties:
                a: {type: integer, example: one}
            Conditional:
              if: {type: integer, example: two}
            Named:
              propertyNames: {type: string, maxLength: 2, example: three}
        """
        let document = try YAMLReader.parse(Array(yaml.utf8), name: "spec.yaml")
        let failures = try OpenAPISpec(document: document, path: "spec.yaml").checkExamples()
        XCTAssertEqual(Set(failures.map(\.schemaPointer)), [
            "/components/schemas/Listed/properties/a",
            "/components/schemas/Conditional/if",
            "/components/schemas/Named/propertyNames",
        ])
    }
}
