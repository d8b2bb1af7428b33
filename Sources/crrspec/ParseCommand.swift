import ArgumentParser
import Document
import Foundation

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse files and report whether they are well-formed (JSON, YAML, JSON Lines).",
        discussion: """
        Prints one line per file with the number of values read (and of records, for JSON Lines) \
        and the bytes parsed, or the syntax errors with file:line:column: the first of a JSON or \
        YAML file, every malformed line of a JSON Lines file. An empty JSON Lines file (no \
        record) is an error. Useful to check a file before upload and to measure the reader's \
        speed.

        Exit status: 0 all well-formed, 2 some file malformed or unreadable.

        Examples:
          crrspec parse results.json
          crrspec parse --pointer /0/TOU results.json
        """
    )

    @Option(name: .long, help: "Also print the value at this JSON Pointer with its line:column.")
    var pointer: String?

    @OptionGroup var limits: LimitOptions

    @Argument(help: ArgumentHelp("Files to parse.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            let start = Date()
            do {
                let loaded = try DocumentLoader.loadFile(path: file, limits: limits.reader)
                let seconds = Date().timeIntervalSince(start)
                let values = loaded.documents.reduce(0) { $0 + $1.document.nodes.count }
                let bytes = loaded.byteCount
                let rate = seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0
                let isLines = loaded.documents.first?.line != nil || !loaded.failures.isEmpty
                let records = isLines ? "\(loaded.documents.count) record\(loaded.documents.count == 1 ? "" : "s"), " : ""
                if loaded.failures.isEmpty {
                    Output.out("\(file): ok, \(records)\(values) values, \(bytes) bytes, \(String(format: "%.3f", seconds)) s (\(String(format: "%.0f", rate)) MB/s)\n")
                } else {
                    // The errors, then what was read: never "ok" for a file with a malformed line.
                    for failure in loaded.failures { Output.err(failure.description + "\n") }
                    Output.err("\(file): malformed: \(loaded.failures.count) of \(loaded.documents.count + loaded.failures.count) lines could not be read\n")
                    failed = true
                }
                if let pointer, let document = loaded.documents.first?.document {
                    guard let parsed = JSONPointer(pointer), let value = document.resolve(parsed) else {
                        Output.err("\(file): error: nothing at JSON Pointer \(pointer)\n")
                        failed = true
                        continue
                    }
                    Output.out("\(file):\(value.position): \(value.kind) \(pointer)\n")
                }
            } catch {
                Output.err(error.description + "\n")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
