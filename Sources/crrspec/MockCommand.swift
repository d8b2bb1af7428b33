import ArgumentParser
import CRR
import Document
import Foundation
import Mock
import MockServer

struct MockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve CRR specs as a mock API: every request validated, CRR error bodies, example or generated responses.",
        discussion: """
        SPEC is an OpenAPI 3.0 file, a folder of them, or a catalog service NAME[@VERSION]; \
        without one, the newest version of every service in the bundled catalog is served. Each \
        spec's paths are mounted under the path of its first server URL (/crr for CRR specs).

        A request is checked against its operation: path, query, header and cookie parameters \
        and the JSON body (with the CRR profile for CRR specs). An invalid request gets 400 with \
        the spec's own CRRServiceException (SER0017 for the request, SER0030 for body data, \
        each errorDescription naming the JSON Pointer, the problem and line:column); an unknown \
        path 404 with SER0029, a wrong method 405, a body over --max-body 413. Specs without a \
        CRRServiceException get {"errors":[...]}. A valid request gets the first 2xx response \
        with a body from a named example, the example, the schema's example, or generated \
        from the schema (--seed), always checked against the schema first.

        Request headers: Prefer: code=404 picks a response, Prefer: example=NAME an example, \
        Prefer: dynamic=true a freshly generated body.

        The first lines on standard output name the mounted services, then one line \
        "listening on URL". SIGINT or SIGTERM stop the server after in-flight requests (exit 0). \
        Exit status 2 for unusable specs, two specs claiming one route, or bad TLS files.

        Examples:
          crrspec mock
          crrspec mock auction --port 4010
          crrspec mock openapi/caiso_crr_auction_v1.2.1_openapi.yaml --port 0 --log requests.jsonl
          crrspec mock auction --tls-cert server.pem --tls-key server.key --client-ca ca.pem
          curl -s http://127.0.0.1:4010/crr/auction/v1.0/portfolioList?marketName=AUC_2025 -H 'caiso-request-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6'
        """
    )

    @Argument(help: ArgumentHelp("Spec files, folders or catalog services (default: every current catalog service).", valueName: "SPEC"))
    var specs: [String] = []

    @Option(help: "Address to listen on (127.0.0.1, ::1, 0.0.0.0 ...).")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (the 'listening on' line tells which).")
    var port: Int = 4010

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes; longer ones get 413.")
    var maxBody: Int = 16 << 20

    @Option(help: "Seed of generated bodies: the same seed gives the same bodies.")
    var seed: UInt64 = 0

    @Option(name: .customLong("tls-cert"), help: "PEM certificate (chain) of the server: serve HTTPS.")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("client-ca"),
            help: "PEM CA certificate(s) client certificates must chain to (mutual TLS): a certificate that does not verify is refused in the handshake, no certificate gets 403 with SEC0001.")
    var clientCA: String?

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay silent (a body that never ends) before it is closed.")
    var idleTimeout: Int64 = 30

    @Option(help: "Write one JSON line per request to FILE, or '-' for standard output.")
    var log: String?

    @Flag(name: .long, help: "Print nothing per request on standard error (by default a short line each).")
    var quiet = false

    @Option(name: .long, help: "Rule profile for spec files: auto (CRR rules for files named like CRR specs), crr, or none. Catalog services always use the CRR rules.")
    var profile: CRRProfile.Selection = .auto

    mutating func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port))") }
        guard maxBody >= 0 else { throw ValidationError("--max-body must be 0 or more (got \(maxBody))") }
        guard idleTimeout >= 1 else { throw ValidationError("--idle-timeout must be at least 1 second (got \(idleTimeout))") }
    }

    func run() throws {
        var specs: [MockSpec] = []
        let fm = FileManager.default
        if self.specs.isEmpty {
            specs = try MockSpecLoader.currentCatalogServices()
        } else {
            for argument in self.specs {
                do {
                    specs += try MockSpecLoader.load(
                        argument,
                        isDirectory: { var d: ObjCBool = false; return fm.fileExists(atPath: $0, isDirectory: &d) && d.boolValue },
                        listDirectory: { folder in
                            // Regular files only: a FIFO or device named like a spec would block
                            // the start-up forever; it is named on standard error instead.
                            try fm.contentsOfDirectory(atPath: folder).filter { name in
                                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                                guard case .special(let what) = FolderWalk.kind(of: path) else { return true }
                                if [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) {
                                    Output.err("crrspec mock: warning: \(path): \(what), not a regular file; not read\n")
                                }
                                return false
                            }
                        },
                        fileExists: { fm.fileExists(atPath: $0) },
                        profile: profile)
                } catch let error as MockSpecError {
                    throw ValidationError(error.description)
                }
            }
        }
        var options = MockOptions()
        options.maxBody = maxBody
        options.seed = seed
        options.readerLimits.maxBytes = max(maxBody, 1)
        options.readerLimits.maxDepth = 256
        let engine: MockEngine
        do {
            engine = try MockEngine(specs: specs, options: options)
        } catch let conflict as MockRouteConflict {
            Output.err("crrspec mock: \(conflict)\n")
            throw ExitCode(2)
        }
        for warning in engine.startupWarnings { Output.err("crrspec mock: warning: \(warning)\n") }
        for (index, spec) in specs.enumerated() {
            let count = engine.operations.filter { $0.spec == index }.count
            let errors = spec.errorSchema != nil ? "CRR errors" : "plain errors"
            Output.out("mounted \(spec.label) (\(spec.file)): \(count) operation\(count == 1 ? "" : "s") under \(spec.prefix.isEmpty ? "/" : spec.prefix), \(errors)\(spec.crrProfile ? ", CRR profile" : "")\n")
        }
        var serverOptions = MockServerOptions()
        serverOptions.host = host
        serverOptions.port = port
        serverOptions.tlsCertificate = tlsCert
        serverOptions.tlsKey = tlsKey
        serverOptions.clientCA = clientCA
        serverOptions.idleTimeoutSeconds = idleTimeout
        let sink = try MockLogSink(path: log, short: !quiet)
        let outcome = MockRunOutcome()
        let done = DispatchSemaphore(value: 0)
        let engineRef = engine
        Task.detached {
            do {
                try await MockServer.run(engine: engineRef, options: serverOptions, onRunning: { url in
                    Output.out("listening on \(url)\n")
                }, log: { record in sink.write(record) })
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        sink.close()
        if let error = outcome.error {
            Output.err("crrspec mock: \(MockCommand.describe(error))\n")
            throw ExitCode(2)
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("EADDRINUSE") { return "cannot listen: the address is already in use (\(text))" }
        return text
    }
}

/// The server task's error, handed to the command thread.
final class MockRunOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}

/// Where request records go: JSON lines to a file or standard output, short lines to standard
/// error.
final class MockLogSink: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: FileHandle?
    private let toStdout: Bool
    private let short: Bool

    init(path: String?, short: Bool) throws {
        self.short = short
        toStdout = path == "-"
        if let path, path != "-" {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("--log \(path): cannot create the file")
            }
            self.handle = handle
        }
    }

    func write(_ record: MockLogRecord) {
        let line = record.jsonLine + "\n"
        lock.withLock {
            if toStdout { Output.out(line) } else { handle?.write(Data(line.utf8)) }
            if short { Output.err(record.shortText + "\n") }
        }
    }

    func close() { lock.withLock { try? handle?.close(); handle = nil } }
}
