// Fuzz target: the JSON reader and the JSON Lines splitter.
import Document

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let document = try JSONReader.parse(bytes, name: "fuzz.json", limits: FuzzLimits.reader)
        walk(document)
    } catch {
        _ = error.description
        precondition(error.line >= 1 && error.column >= 1, "error without a position: \(error)")
    }
    if let loaded = try? DocumentLoader.load(bytes: bytes, name: "fuzz.jsonl", format: .jsonl, limits: FuzzLimits.reader) {
        for item in loaded.documents { walk(item.document) }
        for failure in loaded.failures { _ = failure.description }
    }
    return 0
}
