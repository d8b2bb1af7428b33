// Fuzz target: the YAML reader (libyaml events, core-schema scalars, anchors, merge keys).
import Document

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let document = try YAMLReader.parse(bytes, name: "fuzz.yaml", limits: FuzzLimits.reader)
        walk(document)
    } catch {
        _ = error.description
    }
    return 0
}
