import Document
import Foundation
import JSONSchema
import Reporting
import OpenAPI

/// Checks CRR files in memory against a catalog schema, a schema file or a B2B request body:
/// the engine behind `crrspec validate`, for a participant's own upload service.
///
/// Compile a validator once (it is thread-safe) and call ``validate(_:format:name:)`` for each
/// upload; every problem comes with the failing value's line and column, its JSON Pointer and
/// the schema keyword or CRR rule that failed.
///
/// ```swift
/// import CRR
///
/// let validator = try CRRValidator(catalogSchema: "CRRPublicAuctionResult")      // newest version
/// let result = validator.validate(uploadedData, format: .json, name: "results.json")
/// if !result.isValid {
///     for problem in result.problems { print(problem) }   // results.json:3:11: error: "PEAK" is not ...
/// }
/// ```
public final class CRRValidator: Sendable {
    /// What the validator checks against, e.g. `CRRPublicAuctionResult@1.1.1` or `auction@1.2.1 portfolioCreation`.
    public let schemaName: String
    /// The compiled schema (shared, thread-safe).
    public let schema: Schema
    /// Limits for reading uploads (size, depth, string length, YAML aliases).
    public let readerLimits: ReaderLimits
    /// Limits for validation (errors per instance, evaluation steps).
    public let validationLimits: ValidationLimits

    /// A catalog download schema by name (`CRRPublicAuctionResult`, newest version) or
    /// `Name@X.Y.Z`. The CRR profile applies unless `profile` is `.none`. Pass
    /// `pointer: "/items"` to check single records (e.g. JSON Lines) against an array schema.
    public init(catalogSchema name: String, pointer: String = "", profile: CRRProfile.Selection = .auto,
                readerLimits: ReaderLimits = .default, validationLimits: ValidationLimits = .default) throws {
        guard let entry = CRRCatalog.find(name), entry.isSchema else {
            throw SchemaError("no catalog schema named \(name)" + Self.didYouMean(name))
        }
        guard let parsed = JSONPointer(pointer) else { throw SchemaError("\(pointer) is not a JSON Pointer") }
        let options = profile == .none ? CRRBusinessRule.options() : CRRProfile.options()
        schema = try CRRCatalog.compileSchema(entry, pointer: parsed, registry: SchemaRegistry(), options: options)
        schemaName = "\(entry.name)@\(entry.version)" + (pointer.isEmpty ? "" : "#" + pointer)
        self.readerLimits = readerLimits
        self.validationLimits = validationLimits
    }

    /// A draft-07 schema file (JSON or YAML). `$ref`s to local files resolve inside the schema's
    /// folder; `resources` maps URI prefixes to local folders (nothing is ever fetched).
    /// The CRR profile applies with `.crr`, or with `.auto` when the file is named like a CRR schema.
    public init(schemaFile path: String, resources: [String: String] = [:], profile: CRRProfile.Selection = .auto,
                readerLimits: ReaderLimits = .default, validationLimits: ValidationLimits = .default) throws {
        let registry = SchemaRegistry()
        registry.limits = readerLimits
        try CRRCatalog.register(into: registry)
        registry.allowedRoots = [URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path]
            + resources.values.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        for (prefix, directory) in resources.sorted(by: { $0.key < $1.key }) { registry.addMapping(prefix: prefix, directory: directory) }
        let options = CRRProfile.applies(profile, schemaPath: path) ? CRRProfile.options() : CRRBusinessRule.options()
        schema = try Schema.compile(file: path, registry: registry, options: options)
        schemaName = path
        self.readerLimits = readerLimits
        self.validationLimits = validationLimits
    }

    /// The request body of a B2B operation of a catalog service (`auction`, `auction@1.2.1`),
    /// e.g. `portfolioCreation`: what a submission must look like before it is sent.
    public init(service: String, operation operationID: String, profile: CRRProfile.Selection = .auto,
                readerLimits: ReaderLimits = .default, validationLimits: ValidationLimits = .default) throws {
        guard let entry = CRRCatalog.find(service), !entry.isSchema else {
            throw SchemaError("no catalog service named \(service)" + Self.didYouMean(service))
        }
        let spec = try CRRCatalog.spec(entry)
        guard let operation = spec.operation(id: operationID) else {
            let ids = spec.operations.compactMap(\.operationId)
            throw SchemaError("no operation \(operationID) in \(entry.path); known: \(ids.joined(separator: ", "))")
        }
        guard let body = try spec.requestBodySchema(operation) else {
            throw SchemaError("operation \(operationID) has no JSON request body")
        }
        let options = profile == .none ? CRRBusinessRule.options() : CRRProfile.options()
        schema = try spec.compileSchema(body, registry: SchemaRegistry(), options: options)
        schemaName = "\(entry.name)@\(entry.version) \(operationID)"
        self.readerLimits = readerLimits
        self.validationLimits = validationLimits
    }

    /// A validator for the catalog download schema that `data`'s records fit best (see
    /// ``CRRSchemaDetector``); throws, naming the closest candidates, when none fits.
    public static func detecting(_ data: Data, format: InputFormat = .json, profile: CRRProfile.Selection = .auto) throws -> CRRValidator {
        let loaded = try DocumentLoader.load(bytes: [UInt8](data), name: "sample", format: format)
        let sample = loaded.documents.prefix(100).map { $0.document.root }
        let detection = CRRSchemaDetector.detect(in: sample)
        switch detection.outcome {
        case .chosen(let best):
            let records = format == .jsonl || sample.allSatisfy { $0.kind == .object }
            return try CRRValidator(catalogSchema: best.label, pointer: records && best.shape.isArray ? "/items" : "", profile: profile)
        case .unknown(let message):
            throw SchemaError(message)
        }
    }

    /// Validates an upload held in memory. `format` is `.json`, `.yaml` or `.jsonl` (one record
    /// per line, each judged alone); gzip data is decompressed first. `name` is used in messages.
    public func validate(_ data: Data, format: InputFormat = .json, name: String = "upload") -> CRRValidationResult {
        validate(bytes: [UInt8](data), format: format, name: name)
    }

    /// Validates bytes; see ``validate(_:format:name:)``.
    public func validate(bytes: [UInt8], format: InputFormat = .json, name: String = "upload") -> CRRValidationResult {
        var result = CRRValidationResult()
        var input = bytes
        do {
            if Gzip.isGzip(input) { input = try Gzip.decompress(input, name: name, limits: readerLimits) }
            let loaded = try DocumentLoader.load(bytes: input, name: name, format: format, limits: readerLimits)
            // Records in file order: each unreadable line where it is, each document's problems in
            // the order the validator reports them (no re-sorting by position, which would move an
            // anyOf/oneOf branch detail in front of its summary or mix records).
            var failures = loaded.failures[...]
            func flushFailures(before line: Int?) {
                while let failure = failures.first, line == nil || failure.line < line! {
                    result.records += 1
                    result.problems.append(CRRProblem(failure, record: format == .jsonl ? failure.line : nil))
                    failures = failures.dropFirst()
                }
            }
            for item in loaded.documents {
                flushFailures(before: item.line ?? Int.min)
                result.records += 1
                do {
                    let outcome = try schema.validate(item.document.root, limits: validationLimits)
                    if outcome.truncated { result.truncated = true }
                    result.problems += CRRProblem.grouped(outcome.errors, record: item.line)
                } catch {
                    result.problems.append(CRRProblem(message: error.message, file: name, line: item.line ?? 0, column: item.line == nil ? 0 : 1,
                                                      instanceLocation: "", keywordLocation: nil, ruleID: "limit", record: item.line,
                                                      isUnusable: true, isBranchDetail: false))
                }
            }
            flushFailures(before: nil)
        } catch {
            result.problems.append(CRRProblem(error, record: nil))
        }
        return result
    }

    static func didYouMean(_ name: String) -> String {
        let suggestions = CRRCatalog.suggestions(for: name)
        return suggestions.isEmpty ? "" : "; did you mean \(suggestions.prefix(3).joined(separator: ", "))?"
    }
}

/// The outcome of ``CRRValidator/validate(_:format:name:)``.
public struct CRRValidationResult: Sendable {
    /// Every problem, records in file order and each record's problems in the validator's order;
    /// the details of a failed `anyOf`/`oneOf` are in its summary's ``CRRProblem/branchDetails``,
    /// not in this list. Empty when the upload is valid.
    public var problems: [CRRProblem] = []

    /// ``problems`` with each summary followed by its branch details, as crrspec prints them.
    public var allProblems: [CRRProblem] {
        problems.flatMap { [$0] + $0.branchDetails }
    }
    /// Instances checked: 1 for a JSON or YAML document, one per record of JSON Lines.
    public var records = 0
    /// More errors existed than the validator's `maxErrors` allows for some instance.
    public var truncated = false

    /// True when the upload was read and every instance is valid.
    public var isValid: Bool { problems.isEmpty && records > 0 }
    /// True when the upload (or some record) could not be read or fully checked.
    public var hasUnusableInput: Bool { problems.contains(where: \.isUnusable) }
}

/// One problem with an upload, positioned in the uploaded text.
public struct CRRProblem: Sendable, CustomStringConvertible {
    public var message: String
    /// The name given to ``CRRValidator/validate(_:format:name:)``.
    public var file: String
    /// 1-based line and column (Unicode scalars) of the failing value; 0 when unknown.
    public var line: Int
    public var column: Int
    /// JSON Pointer to the failing value inside its instance.
    public var instanceLocation: String
    /// The schema keyword path that failed (`/items/$ref/properties/TOU/enum`); nil for input problems.
    public var keywordLocation: String?
    /// The keyword, CRR rule or input problem id: `crrspec explain ID` describes it.
    public var ruleID: String
    /// The JSON Lines record's line, for `.jsonl` input.
    public var record: Int?
    /// The input could not be read or fully checked (malformed, over a limit), as opposed to invalid.
    public var isUnusable: Bool
    /// Part of the closest branch of a failed `anyOf`/`oneOf` (found in its summary's
    /// ``branchDetails``).
    public var isBranchDetail: Bool
    /// For the summary of a failed `anyOf`/`oneOf`: the problems of its closest branch.
    public var branchDetails: [CRRProblem] = []

    public init(message: String, file: String, line: Int, column: Int, instanceLocation: String, keywordLocation: String?,
                ruleID: String, record: Int?, isUnusable: Bool, isBranchDetail: Bool) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.ruleID = ruleID
        self.record = record
        self.isUnusable = isUnusable
        self.isBranchDetail = isBranchDetail
    }

    init(_ error: ValidationError, record: Int?) {
        self.init(message: error.message, file: error.file, line: error.position.line, column: error.position.column,
                  instanceLocation: error.instanceLocation, keywordLocation: error.keywordLocation, ruleID: error.ruleID,
                  record: record, isUnusable: false, isBranchDetail: error.isBranchDetail)
    }

    /// Validation errors as problems, each branch detail attached to the summary before it.
    static func grouped(_ errors: [ValidationError], record: Int?) -> [CRRProblem] {
        var out: [CRRProblem] = []
        for error in errors {
            let problem = CRRProblem(error, record: record)
            if problem.isBranchDetail, !out.isEmpty {
                out[out.count - 1].branchDetails.append(problem)
            } else {
                out.append(problem)
            }
        }
        return out
    }

    init(_ error: DocumentError, record: Int?) {
        self.init(message: error.message, file: error.file, line: error.line, column: error.column, instanceLocation: "",
                  keywordLocation: nil, ruleID: error.kind == .limit ? "limit" : "malformed-input", record: record,
                  isUnusable: true, isBranchDetail: false)
    }

    /// `file:line:column: error: message`, as crrspec prints it.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}

extension CRRProblem {
    /// The problem as a Reporting ``Finding`` (what the report formats render): an error at
    /// the problem's position and instance location, with the location and the closest
    /// `anyOf`/`oneOf` branch's problems as detail lines, as `crrspec validate` shows them.
    public var finding: Finding {
        var details: [String] = []
        var properties = [Finding.Property("instanceLocation", instanceLocation)]
        if let keywordLocation {
            details.append(Finding.locationDetail(instance: instanceLocation, schema: keywordLocation))
            properties.append(Finding.Property("keywordLocation", keywordLocation))
        }
        for d in branchDetails {
            details.append(Finding.branchDetail(line: d.line, column: d.column, message: d.message, instance: d.instanceLocation,
                                                schema: d.keywordLocation ?? ""))
        }
        if let record { properties.append(Finding.Property("record", String(record))) }
        return Finding(rule: ruleID, severity: .error, file: file, line: line, column: column, pointer: instanceLocation,
                       message: message, details: details, properties: properties)
    }
}
