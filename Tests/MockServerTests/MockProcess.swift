import Foundation
import XCTest

/// Starts the built `crrspec mock` on an ephemeral port of 127.0.0.1 and talks to it with curl,
/// as a user would.
final class MockProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var outBuffer = Data()
    private var errBuffer = Data()
    private(set) var url = ""

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

    /// Starts `crrspec mock ARGS --port 0` and waits (at most 120 s: a loaded machine) for its
    /// "listening on" line. Throws with everything it printed when it exits first.
    init(_ arguments: [String], host: String = "127.0.0.1") throws {
        process.executableURL = MockProcess.binary
        process.arguments = ["mock"] + arguments + ["--host", host, "--port", "0"]
        process.currentDirectoryURL = MockProcess.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] h in
            let d = h.availableData
            self?.lock.withLock { self?.outBuffer.append(d) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] h in
            let d = h.availableData
            self?.lock.withLock { self?.errBuffer.append(d) }
        }
        try process.run()
        for _ in 0..<2400 {
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                url = String(line.dropFirst("listening on ".count))
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        // What the handlers have not been handed yet (the process may exit before they run).
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        let restOut = out.fileHandleForReading.readDataToEndOfFile(), restErr = err.fileHandleForReading.readDataToEndOfFile()
        lock.withLock { outBuffer.append(restOut); errBuffer.append(restErr) }
        throw MockStartError(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    var stdout: String { lock.withLock { String(decoding: outBuffer, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: errBuffer, as: UTF8.self) } }

    /// Sends SIGTERM (or another signal) and waits for the exit status (at most 60 s).
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        for _ in 0..<1200 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate(); kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
}

struct MockStartError: Error, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var description: String { "crrspec mock did not start (status \(status))\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// A response as curl saw it.
struct CurlResult {
    var exitCode: Int32
    var status: Int
    var headers: [String: String]
    var body: String
    var stderr: String

    /// The body parsed as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
}

enum Curl {
    /// Runs curl (at most 60 s) and returns status, headers (lower-case names) and body.
    static func run(_ url: String, method: String = "GET", headers: [String] = [], body: String? = nil, bodyFile: String? = nil,
                    extra: [String] = []) throws -> CurlResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let headerFile = dir.appendingPathComponent("headers").path
        let bodyOut = dir.appendingPathComponent("body").path
        var arguments = ["-s", "-S", "--max-time", "60", "-X", method, "-D", headerFile, "-o", bodyOut, "-w", "%{http_code}"]
        for h in headers { arguments += ["-H", h] }
        if let body {
            let file = dir.appendingPathComponent("request").path
            try Data(body.utf8).write(to: URL(fileURLWithPath: file))
            arguments += ["--data-binary", "@" + file]
        }
        if let bodyFile { arguments += ["--data-binary", "@" + bodyFile] }
        arguments += extra + [url]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var headers: [String: String] = [:]
        let headerText = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
        for line in headerText.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let bodyText = (try? String(contentsOfFile: bodyOut, encoding: .utf8)) ?? ""
        return CurlResult(exitCode: process.terminationStatus, status: Int(String(decoding: outData, as: UTF8.self)) ?? 0,
                          headers: headers, body: bodyText, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs a program to its end (openssl at test time).
@discardableResult
func runTool(_ path: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
