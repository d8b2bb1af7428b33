// Fuzz target: compiling arbitrary documents as draft-07 schemas, then validating the document
// against itself and against the draft-07 metaschema.
import Document
import JSONSchema

private let metaschema: Schema = {
    try! Schema.compile(MetaschemaDocument.draft07(), registry: SchemaRegistry())
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = readDocument(bytes, name: "/fuzz/schema") else { return 0 }
    validateBothWays(metaschema, document.root)
    let registry = isolatedRegistry()
    registry.add(document, uri: "file:///fuzz/schema.json")
    var options = CompileOptions()
    options.openAPI30 = size % 2 == 1
    do {
        let schema = try Schema.compile(document.root, registry: registry, options: options)
        validateBothWays(schema, document.root)
    } catch {
        _ = "\(error)"
    }
    return 0
}
