// Fuzz target: validating an arbitrary instance against an arbitrary schema. The input is the
// schema, a NUL byte, then the instance (JSON, or YAML when it is not JSON).
import Document
import JSONSchema

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (schemaBytes, instanceBytes) = split(Array(UnsafeBufferPointer(start: data, count: size)))
    guard let schemaDocument = readDocument(schemaBytes, name: "/fuzz/schema"),
          let instance = readDocument(instanceBytes, name: "/fuzz/instance") else { return 0 }
    let registry = isolatedRegistry()
    registry.add(schemaDocument, uri: "file:///fuzz/schema.json")
    guard let schema = try? Schema.compile(schemaDocument.root, registry: registry) else { return 0 }
    validateBothWays(schema, instance.root)
    return 0
}
