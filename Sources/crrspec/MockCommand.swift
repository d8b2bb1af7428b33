import ArgumentParser
import CRR
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Mock
import MockServer
import Reporting

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

        --proxy URL forwards every request to a real server instead and passes its answer back \
        unchanged, after checking the request and the answer against the spec; findings go to \
        the log and to an X-Crrspec-Violations header. --watch reloads the spec files given \
        when they change (an edit that cannot be used keeps the previous version and says why).

        The first lines on standard output name the mounted services, then one line \
        "listening on URL". SIGINT or SIGTERM stop the server after in-flight requests (exit 0). \
        Exit status 2 for unusable specs, two specs claiming one route, or bad TLS files.

        Examples:
          crrspec mock
          crrspec mock auction --port 4010
          crrspec mock openapi/caiso_crr_auction_v1.2.1_openapi.yaml --port 0 --log requests.jsonl
          crrspec mock auction --tls-cert server.pem --tls-key server.key --client-ca ca.pem
          crrspec mock auction --port 4011 --proxy http://127.0.0.1:4010 --log proxy.jsonl
          crrspec mock my-api.yaml --watch
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

    @Option(help: ArgumentHelp("Forward every request to this upstream (http:// or https://, with a path prefix or not) and check the request and the upstream's answer against the spec; the answer is passed back unchanged, findings go to the log and the X-Crrspec-Violations header.", valueName: "URL"))
    var proxy: String?

    @Option(name: .customLong("proxy-timeout"), help: "Seconds --proxy waits for the upstream's answer before answering 502.")
    var proxyTimeout: Double = 30

    @Flag(help: "Reload a spec file (or a folder's files) when it changes; an edit that cannot be used keeps the previous version and is logged.")
    var watch = false

    @Option(help: "Write one JSON line per request to FILE, or '-' for standard output.")
    var log: String?

    @Flag(name: .long, help: "Print nothing per request on standard error (by default a short line each).")
    var quiet = false

    @Option(name: .long, help: "Colour the short lines on standard error: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Option(name: .long, help: "Rule profile for spec files: auto (CRR rules for files named like CRR specs), crr, or none. Catalog services always use the CRR rules.")
    var profile: CRRProfile.Selection = .auto

    mutating func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port))") }
        guard maxBody >= 0 else { throw ValidationError("--max-body must be 0 or more (got \(maxBody))") }
        guard idleTimeout >= 1 else { throw ValidationError("--idle-timeout must be at least 1 second (got \(idleTimeout))") }
        guard proxyTimeout > 0 else { throw ValidationError("--proxy-timeout must be more than 0 seconds (got \(proxyTimeout))") }
        if let proxy, !MockServer.isProxyURL(proxy) {
            throw ValidationError("--proxy \(proxy): not an http:// or https:// URL with a host")
        }
        if watch && specs.isEmpty {
            throw ValidationError("--watch needs a SPEC file or folder (the bundled catalog does not change while the mock runs)")
        }
    }

    /// Loads the specs the arguments name (the whole catalog without one); what a folder holds
    /// that cannot be read is a warning on standard error.
    static func loadSpecs(_ arguments: [String], profile: CRRProfile.Selection) throws -> [MockSpec] {
        try MockSpecLoader.load(arguments: arguments, profile: profile) { Output.err("crrspec mock: warning: \($0)\n") }
    }

    func run() throws {
        let specs: [MockSpec]
        do {
            specs = try MockCommand.loadSpecs(self.specs, profile: profile)
        } catch let error as MockSpecError {
            throw ValidationError(error.description)
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
        serverOptions.proxy = proxy
        serverOptions.proxyTimeoutSeconds = proxyTimeout
        let sink = try MockLogSink(path: log, short: !quiet, style: Terminal.style(color, fd: 2))
        let outcome = MockRunOutcome()
        let done = DispatchSemaphore(value: 0)
        let box = MockEngineBox(engine)
        var watcher: MockWatcher?
        if watch {
            let arguments = self.specs, profile = self.profile
            watcher = MockWatcher(arguments: arguments, box: box, sink: sink) {
                try MockEngine(specs: try MockCommand.loadSpecs(arguments, profile: profile), options: options)
            }
            watcher?.start()
        }
        if let proxy { Output.out("proxying to \(proxy)\n") }
        // Before the first task: the server's requests then stay on their event-loop thread.
        MockServer.runTasksOnEventLoops()
        Task.detached {
            do {
                try await MockServer.run(engines: box, options: serverOptions, onRunning: { url in
                    Output.out("listening on \(url)\n")
                }, log: { record in sink.write(record) })
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        watcher?.stop()
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
    private let lock = Lock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}

/// Where request records go: JSON lines to a file or standard output, short lines to standard
/// error.
final class MockLogSink: @unchecked Sendable {
    private let lock = Lock()
    /// The `--log` file (nil for standard output or none).
    private var fd: Int32?
    private let toStdout: Bool
    private let short: Bool
    private let style: TextStyle
    /// False with --quiet and no --log: records are dropped without being formatted.
    private let writesAnything: Bool

    init(path: String?, short: Bool, style: TextStyle = .plain) throws {
        self.short = short
        self.style = style
        toStdout = path == "-"
        writesAnything = short || path != nil
        if let path, path != "-" {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw ValidationError("--log \(path): cannot create the file") }
            self.fd = fd
        }
    }

    func write(_ record: MockLogRecord) {
        // Without --log and with --quiet nothing is written: no line is built either.
        guard writesAnything else { return }
        let line = record.jsonLine + "\n"
        lock.withLock {
            if toStdout { Output.out(line) } else { writeLog(line) }
            if short { Output.err(record.shortText(style: style) + "\n") }
        }
    }

    /// A line about the server itself (`--watch` reloads): `{"time","event","files","message"}`.
    func event(id: String, files: [String], message: String) {
        var w = JSONWriter()
        w.beginObject()
        w.field("time", MockClock.timestamp(Date().timeIntervalSince1970))
        w.field("event", id)
        w.key("files"); w.beginArray(); for f in files { w.string(f) }; w.endArray()
        w.field("message", message)
        w.endObject()
        let line = w.output + "\n"
        lock.withLock {
            if toStdout { Output.out(line) } else { writeLog(line) }
        }
    }

    /// Appends a line to the `--log` file (under the lock); a failed write drops the line.
    private func writeLog(_ line: String) {
        if let fd { _ = Output.writeAll(fd, line) }
    }

    func close() {
        lock.withLock {
            if let fd { _ = Glibc.close(fd) }
            fd = nil
        }
    }
}

/// `--watch`: polls the spec files (and folders) of the command line twice a second; when one
/// changes it builds a new engine from all of them and swaps it in. An edit that cannot be
/// used (does not parse, is no OpenAPI spec, claims a route twice) keeps the engine it had and
/// is reported on standard error and in the log with the id `mock-reload-failed`.
final class MockWatcher: @unchecked Sendable {
    let arguments: [String]
    let box: MockEngineBox
    let sink: MockLogSink
    let build: () throws -> MockEngine
    private var timer: DispatchSourceTimer?
    private var signature: [String: String] = [:]
    private let queue = DispatchQueue(label: "crrspec-mock-watch")

    init(arguments: [String], box: MockEngineBox, sink: MockLogSink, build: @escaping () throws -> MockEngine) {
        self.arguments = arguments
        self.box = box
        self.sink = sink
        self.build = build
        signature = MockWatcher.signature(arguments)
    }

    /// Modification time and size of every watched file (a folder: itself and its spec files).
    static func signature(_ arguments: [String]) -> [String: String] {
        let fm = FileManager.default
        var out: [String: String] = [:]
        func stamp(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { out[path] = "missing"; return }
            out[path] = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_size)"
        }
        for argument in arguments {
            var isDirectory: DirectoryFlag = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                // A catalog service never changes; a file that vanished is a change.
                if argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.hasSuffix(".json") { out[argument] = "missing" }
                continue
            }
            stamp(argument)
            if isDirectory.boolValue {
                for name in (try? fm.contentsOfDirectory(atPath: argument)) ?? [] where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
                    stamp(argument.hasSuffix("/") ? argument + name : argument + "/" + name)
                }
            }
        }
        return out
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [weak self] in self?.check() }
        self.timer = timer
        timer.resume()
    }

    func stop() { timer?.cancel() }

    func check() {
        let now = MockWatcher.signature(arguments)
        guard now != signature else { return }
        let changed = Set(now.keys).union(signature.keys).filter { now[$0] != signature[$0] }.sorted()
        signature = now
        let which = changed.joined(separator: ", ")
        do {
            let engine = try build()
            box.replace(engine)
            let count = engine.operations.count
            Output.err("crrspec mock: \(which) changed: reloaded, \(count) operation\(count == 1 ? "" : "s") mounted\n")
            for warning in engine.startupWarnings { Output.err("crrspec mock: warning: \(warning)\n") }
            sink.event(id: MockLogID.reloaded, files: changed, message: "reloaded; \(count) operations mounted")
        } catch {
            let reason = MockCommand.describe(error)
            Output.err("crrspec mock: \(which) changed but cannot be used, still serving the previous version: \(reason)\n")
            sink.event(id: MockLogID.reloadFailed, files: changed, message: reason)
        }
    }
}
