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
import JSONSchema
import OpenAPI
import Reporting

/// Settings of the mock's logic (the HTTP layer has its own: host, port, TLS).
public struct MockOptions: Sendable {
    /// Bodies longer than this are answered 413 (default 16 MiB).
    public var maxBody: Int = 16 << 20
    /// Seed of the generated bodies: the same seed gives the same bodies.
    public var seed: UInt64 = 0
    /// The clock (seconds since 1970), for `creationTime` and the log.
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    /// Limits for reading request bodies.
    public var readerLimits: ReaderLimits = .default
    public init() {}
}

/// The mock's logic: routes, request validation, responses and CRR error bodies. It answers a
/// ``MockRequest`` with a ``MockResponse``; the HTTP layer only moves bytes.
public final class MockEngine: Sendable {
    public let specs: [MockSpec]
    public let operations: [MockOperation]
    public let router: MockRouter
    public let options: MockOptions
    /// Problems found in the specs at start-up (an invalid example, a schema that failed to
    /// compile): `file:line: message`.
    public let startupWarnings: [String]
    let schemas: [SchemaKey: Schema]
    let registries: [SchemaRegistry]
    /// The answer of each operation to a request without `Prefer` (deterministic per seed).
    let defaultAnswers = MockAnswerCache()

    struct SchemaKey: Hashable {
        var spec: Int
        var index: Int
        /// Request schemas leave `readOnly` properties out of `required`, response schemas
        /// `writeOnly` ones (OpenAPI 3.0), so a schema read on both sides is compiled twice.
        var direction: OpenAPIDirection
    }

    /// Builds the route table and compiles every schema the operations use. Throws
    /// ``MockRouteConflict`` when two operations claim one method and path.
    public init(specs: [MockSpec], options: MockOptions = MockOptions()) throws {
        self.specs = specs
        self.options = options
        var operations: [MockOperation] = []
        var router = MockRouter()
        var schemas: [SchemaKey: Schema] = [:]
        var registries: [SchemaRegistry] = []
        var warnings: [String] = []
        for (index, spec) in specs.enumerated() {
            let registry = SchemaRegistry()
            if spec.file.hasPrefix("/") || !spec.file.hasPrefix("openapi/") {
                registry.allowedRoots = [URL(fileURLWithPath: spec.file).standardizedFileURL.deletingLastPathComponent().path]
            }
            registries.append(registry)
            var compileOptions = spec.crrProfile ? CRRProfile.options() : CRRBusinessRule.options()
            compileOptions.formatRules["uuid"] = MockFormats.uuid
            compileOptions.integerFormatRanges = true
            func compile(_ schema: Value?, _ direction: OpenAPIDirection) {
                let key = schema.map { SchemaKey(spec: index, index: $0.index, direction: direction) }
                guard let schema, let key, schemas[key] == nil else { return }
                var options = compileOptions
                options.openAPIDirection = direction
                do {
                    schemas[key] = try spec.spec.compileSchema(schema, registry: registry, options: options)
                } catch {
                    let p = schema.position
                    warnings.append("\(spec.file):\(p.line):\(p.column): the schema at \(schema.pointer) cannot be used: \(error)")
                }
            }
            if registry.uri(of: spec.spec.document) == nil {
                registry.add(spec.spec.document, uri: spec.file.hasPrefix("openapi/") ? "catalog:" + spec.file
                             : URIReference.file(SchemaRegistry.absolutePathOf(spec.file)).description)
            }
            let contract = try Contract(document: spec.spec.document, resolve: Contract.registryResolver(registry))
            for var operation in MockOperation.operations(of: contract, file: spec.file, specIndex: index) {
                operation.index = operations.count
                try router.add(method: operation.method, template: spec.prefix + operation.path,
                               normalized: ContractPath.normalize(spec.prefix) + operation.normalizedPath,
                               operation: operations.count, location: operation.location)
                operation.parameters.forEach { compile($0.schema, .request) }
                operation.requestContent.forEach { compile($0.schema, .request) }
                operation.responses.forEach { $0.content.forEach { compile($0.schema, .response) } }
                operations.append(operation)
            }
            compile(spec.errorSchema, .response)
        }
        self.operations = operations
        self.router = router
        self.schemas = schemas
        self.registries = registries
        self.startupWarnings = warnings
    }

    /// The compiled schema of a value of a spec, for one side of the exchange.
    func schema(_ value: Value?, spec: Int, direction: OpenAPIDirection) -> Schema? {
        value.flatMap { schemas[SchemaKey(spec: spec, index: $0.index, direction: direction)] }
    }

    // MARK: Answering

    /// Answers a request.
    public func handle(_ request: MockRequest) -> MockResponse {
        let start = options.now()
        var response = answer(request)
        response.record.time = MockClock.timestamp(start)
        response.record.durationMilliseconds = max(0, (options.now() - start) * 1000)
        return response
    }

    /// The answer to a request whose body is over `--max-body` (the HTTP layer stops reading it).
    public func tooLarge(_ request: MockRequest, length: Int?) -> MockResponse {
        let spec = specFor(path: request.path)
        let message = "the body" + (length.map { " (\($0) bytes)" } ?? "") + " is longer than --max-body \(options.maxBody) bytes"
        var response = error(413, spec: spec, code: spec.map { specs[$0].code("SER0017") } ?? "SER0017",
                     violations: [MockViolation(side: "request", id: MockLogID.bodyTooLarge, pointer: "", message: message)], request: request)
        response.record.time = MockClock.timestamp(options.now())
        return response
    }

    func answer(_ request: MockRequest) -> MockResponse {
        switch router.match(method: request.method, path: request.path) {
        case .notFound:
            let spec = specFor(path: request.path)
            return error(404, spec: spec, code: spec.map { specs[$0].code("SER0029") } ?? "SER0029",
                         violations: [MockViolation(side: "request", id: MockLogID.unknownPath, pointer: "",
                                                    message: "no operation of the mounted specs has the path \(request.path)")],
                         request: request)
        case .methodNotAllowed(let methods):
            let spec = specFor(path: request.path)
            var response = error(405, spec: spec, code: spec.map { specs[$0].code("SER0017") } ?? "SER0017",
                                 violations: [MockViolation(side: "request", id: MockLogID.methodNotAllowed, pointer: "",
                                                            message: "\(request.method) is not an operation of \(request.path); allowed: \(methods.joined(separator: ", "))")],
                                 request: request)
            response.headers.append(("Allow", methods.joined(separator: ", ")))
            return response
        case .found(let route, let pathValues):
            let operation = operations[route.operation]
            if request.clientCertificateVerified == false {
                let spec = specs[operation.spec]
                var response = error(403, spec: operation.spec, code: spec.code("SEC0001", fallback: "SEC0002"),
                                     violations: [MockViolation(side: "request", id: MockLogID.clientCertificateMissing, pointer: "",
                                                                message: "no client certificate was presented; this server requires mutual TLS")],
                                     request: request)
                response.record.operationId = operation.operationId
                return response
            }
            return MockOperationHandler(engine: self, operation: operation, request: request, pathValues: pathValues).run()
        }
    }

    /// The spec whose mount prefix is the longest prefix of the path (for errors outside any
    /// operation); nil without specs.
    func specFor(path: String) -> Int? {
        guard !specs.isEmpty else { return nil }
        var best: (Int, Int)?
        for (i, spec) in specs.enumerated() {
            let prefix = spec.prefix
            guard path == prefix || path.hasPrefix(prefix + "/") else { continue }
            // A service's own path segment after the prefix (e.g. /crr/auction/) counts more.
            var score = prefix.count
            for operation in operations where operation.spec == i {
                let first = MockRouter.split(operation.path).first.map(String.init) ?? ""
                if !first.isEmpty, path.hasPrefix(prefix + "/" + first + "/") || path == prefix + "/" + first { score += 1000; break }
            }
            if best == nil || score > best!.1 { best = (i, score) }
        }
        return best?.0 ?? 0
    }

    // MARK: Error bodies

    /// An error response: a `CRRServiceException` in the spec's own layout for specs that
    /// have one, `{"errors":[...]}` for others.
    func error(_ status: Int, spec: Int?, code: String, violations: [MockViolation], request: MockRequest,
               operation: MockOperation? = nil) -> MockResponse {
        let body = errorBody(spec: spec, code: code, descriptions: violations.map(\.text))
        return MockResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(body.utf8),
                            record: MockLogRecord(time: "", method: request.method, path: request.path, operationId: operation?.operationId,
                                                  spec: spec.map { specs[$0].file }, status: status, violations: violations))
    }

    /// The text of an error body. For a CRR spec it follows the spec's `CRRServiceException`:
    /// an `errorList` of `{errorCode, errorDescription, severity}` when the schema has one (1.2
    /// and later), else the flat `{errorCode, errorDescription, creationTime}` of older versions;
    /// descriptions are cut to the schema's `maxLength`.
    public func errorBody(spec: Int?, code: String, descriptions: [String]) -> String {
        let time = MockClock.timestamp(options.now())
        var w = JSONWriter()
        guard let spec, let schema = specs[spec].errorSchema else {
            w.beginObject()
            w.key("errors"); w.beginArray()
            for d in descriptions { w.beginObject(); w.field("code", code); w.field("message", d); w.endObject() }
            w.endArray()
            w.endObject()
            return w.output
        }
        // `$ref`s inside the schema are followed by the spec's contract model.
        let contract = (try? specs[spec].spec.contract()) ?? nil
        func resolved(_ value: Value) -> Value { contract?.resolvedOrSelf(value) ?? value }
        let properties = resolved(schema)["properties"]
        func maxLength(_ property: Value?) -> Int {
            guard let property else { return 1000 }
            return Int(resolved(property)["maxLength"]?.double ?? 1000)
        }
        func cut(_ text: String, _ limit: Int) -> String { text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…" }
        let descriptions = descriptions.isEmpty ? ["Request is not valid."] : descriptions
        w.beginObject()
        if let list = properties?["errorList"] {
            let items = resolved(list)["items"].map(resolved)
            let limit = maxLength(items?["properties"]?["errorDescription"])
            w.key("errorList"); w.beginArray()
            for d in descriptions {
                w.beginObject()
                w.field("errorCode", code)
                w.field("errorDescription", cut(d, limit))
                w.field("severity", "ERROR")
                w.endObject()
            }
            w.endArray()
        } else {
            let limit = maxLength(properties?["errorDescription"])
            w.field("errorCode", code)
            w.field("errorDescription", cut(descriptions.joined(separator: "; "), limit))
        }
        w.field("creationTime", time)
        w.endObject()
        return w.output
    }
}

/// Time stamps in the CRR form: RFC 3339, UTC, whole seconds.
public enum MockClock {
    /// `2026-12-03T07:36:13Z` for seconds since 1970.
    public static func timestamp(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        // Every request of one second has the same stamp: formatted once per second.
        if let hit = last.withLock({ $0.seconds == whole ? $0.text : nil }) { return hit }
        let text = format(whole)
        last.withLock { $0 = (whole, text) }
        return text
    }

    private static let last = Locked<(seconds: Int, text: String)>((Int.min, ""))

    static func format(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// Formats the mock asserts beyond the engine's draft-07 set: a server checks what its
/// contract says, and clients are tested against the server's answer.
public enum MockFormats {
    /// `format: uuid` (RFC 9562): 8-4-4-4-12 hexadecimal digits, either case.
    public static let uuid = FormatRule(name: "mock-uuid") { bytes in
        if isUUID(bytes) { return nil }
        return "\(JSONWriter.quote(String(decoding: bytes.prefix(80), as: UTF8.self))) is not a valid uuid (8-4-4-4-12 hexadecimal digits)"
    }

    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !((0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)) {
                return false
            }
        }
        return true
    }
}

/// The engine the server answers with, swapped as a whole when `--watch` reloads a spec: a
/// request in flight keeps the engine it started with.
public final class MockEngineBox: @unchecked Sendable {
    private let lock = Lock()
    private var engine: MockEngine

    public init(_ engine: MockEngine) { self.engine = engine }

    /// The engine for a new request.
    public var current: MockEngine { lock.withLock { engine } }

    /// Replaces the engine (after the new one was built without error).
    public func replace(_ engine: MockEngine) { lock.withLock { self.engine = engine } }
}

/// Answers built once per operation (the default response is the same for every valid request).
final class MockAnswerCache: @unchecked Sendable {
    private let lock = Lock()
    private var answers: [Int: MockResponse] = [:]

    /// The answer of operation `key` (its index), built by `build` the first time.
    func value(for key: Int, build: () -> MockResponse) -> MockResponse {
        if let cached = lock.withLock({ answers[key] }) { return cached }
        let answer = build()
        lock.withLock { answers[key] = answer }
        return answer
    }
}
