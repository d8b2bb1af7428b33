import ArgumentParser
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
            let shown = ControlEscape.line(file)
            let start = Date()
            do {
                let read = try Self.read(file, limits: limits.reader)
                let seconds = Date().timeIntervalSince(start)
                let rate = seconds > 0 ? Double(read.bytes) / seconds / 1_000_000 : 0
                let records = read.isLines ? "\(read.records) record\(read.records == 1 ? "" : "s"), " : ""
                if read.failures == 0 {
                    Output.out("\(shown): ok, \(records)\(read.values) values, \(read.bytes) bytes, \(fixedPoint(seconds, digits: 3)) s (\(fixedPoint(rate, digits: 0)) MB/s)\n")
                } else {
                    // The errors were printed as they were met; never "ok" for a file with a malformed line.
                    Output.err("\(shown): malformed: \(read.failures) of \(read.records + read.failures) lines could not be read\n")
                    failed = true
                }
                if let pointer, let document = read.first {
                    guard let parsed = JSONPointer(pointer), let value = document.resolve(parsed) else {
                        Output.err("\(shown): error: nothing at JSON Pointer \(ControlEscape.line(pointer))\n")
                        failed = true
                        continue
                    }
                    Output.out("\(shown):\(value.position): \(value.kind) \(ControlEscape.line(pointer))\n")
                }
            } catch {
                Output.err(ControlEscape.keepingLines(error.description) + "\n")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// What parsing one file found: counts, and the first document (for --pointer).
    struct Read {
        var isLines = false
        var records = 0
        var values = 0
        var failures = 0
        var bytes = 0
        var first: Document?
    }

    /// Reads one file. JSON Lines are streamed a batch of records at a time and each record is
    /// dropped once counted (only the first is kept, for --pointer): memory is bounded by the
    /// largest record, never the file (a million records used to take 1.8 GB). A malformed
    /// line's error is printed when it is met.
    static func read(_ file: String, limits: ReaderLimits) throws(DocumentError) -> Read {
        var read = Read()
        guard file != "-", InputFormat.forPath(file) == .jsonl else {
            let loaded = try DocumentLoader.loadFile(path: file, limits: limits)
            read.isLines = loaded.documents.first?.line != nil || !loaded.failures.isEmpty
            read.records = loaded.documents.count
            read.values = loaded.documents.reduce(0) { $0 + $1.document.nodes.count }
            read.failures = loaded.failures.count
            for failure in loaded.failures { Output.err(ControlEscape.keepingLines(failure.description) + "\n") }
            read.bytes = loaded.byteCount
            read.first = loaded.documents.first?.document
            return read
        }
        read.isLines = true
        let stream = try JSONLinesStream(path: file, limits: limits)
        try stream.forEachParsed { parsed in
            switch parsed {
            case .success(let loaded):
                read.records += 1
                read.values += loaded.document.nodes.count
                if read.first == nil { read.first = loaded.document }
            case .failure(let error):
                read.failures += 1
                Output.err(ControlEscape.keepingLines(error.description) + "\n")
            }
        }
        read.bytes = stream.byteCount
        return read
    }
}
