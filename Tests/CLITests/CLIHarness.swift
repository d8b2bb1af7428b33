import Foundation
import XCTest

/// Runs the built `crrspec` binary as a user would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both outputs, standard output first.
        var output: String { stdout + stderr }
    }

    static let binary: URL = {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("crrspec"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("crrspec"))
        for arg in [CommandLine.arguments.first].compactMap({ $0 }) {
            let url = URL(fileURLWithPath: arg).deletingLastPathComponent()
            candidates.append(url.appendingPathComponent("crrspec"))
            candidates.append(url.deletingLastPathComponent().appendingPathComponent("crrspec"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `executable` and collects both of its outputs, read concurrently so that a child
    /// writing a large report on one stream never blocks on the other.
    static func execute(_ executable: URL, _ arguments: [String], in directory: URL,
                        environment: [String: String]? = nil, stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        while !reader.isFinished { usleep(1_000) }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Result {
        try execute(binary, arguments, in: directory ?? packageRoot, stdin: Data((stdin ?? "").utf8))
    }

    /// Runs the binary under `timeout` (60 s, then killed), with no standard input: a
    /// regression that blocks (on a FIFO, say) fails the test with status 124 instead of
    /// hanging the suite.
    static func runBounded(_ arguments: [String], in directory: URL) throws -> Result {
        try execute(URL(fileURLWithPath: "/usr/bin/timeout"), ["-k", "5", "60", binary.path] + arguments, in: directory)
    }

    /// Runs one of the project's CI scripts (`scripts/ci/NAME`) from the package root, with
    /// standard output and standard error as one text; its status 77 ("cannot run here") skips
    /// the test with the script's last line, after printing what it said.
    static func runCIScript(_ name: String, environment: [String: String]? = nil) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/ci/" + name)
        process.currentDirectoryURL = packageRoot
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus == 77 {
            print(text)
            throw XCTSkip(text.split(separator: "\n").last.map(String.init) ?? "skipped")
        }
        return (process.terminationStatus, text)
    }

    /// A scratch folder with the given files.
    static func scratch(_ files: [String: [UInt8]]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }
}

extension XCTestCase {
    /// A scratch folder with the given text files (names may include subfolders), removed when
    /// the test ends.
    func scratch(_ files: [String: String]) throws -> URL {
        let dir = try CLI.scratch([:])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }
}
