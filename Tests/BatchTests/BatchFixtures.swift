import Document
import Foundation
import JSONSchema

/// The schema, folder and gzip helpers the batch tests share.
enum BatchFixtures {
    /// `text` compiled as the root schema of `file:///s.json`.
    static func compile(_ text: String) throws -> Schema {
        let document = try JSONReader.parse(string: text, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(document, uri: "file:///s.json")
        return try Schema.compile(document.root, registry: registry)
    }

    /// A new folder `prefix-UUID` under the temporary folder holding `files`; returns its path.
    static func folder(_ prefix: String, _ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name)) }
        return root
    }

    /// `text` compressed by the system's gzip.
    static func gzip(_ text: String) throws -> [UInt8] {
        let dir = try folder("crrspec-batch", ["plain": Array(text.utf8)])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(dir)/plain' > '\(dir)/plain.gz'"]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/plain.gz")))
    }
}
