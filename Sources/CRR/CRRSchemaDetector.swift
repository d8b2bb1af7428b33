import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema

/// Tells which catalog download schema a file follows from its content: the PascalCase field
/// names of its records against the record properties (and required properties) of the newest
/// version of every catalog download schema. Used by `crrspec validate --schema auto`.
///
/// ```swift
/// let file = try JSONReader.parse(contentsOfFile: "results.json")
/// switch CRRSchemaDetector.detect(in: [file.root]).outcome {
/// case .chosen(let best): print("this is \(best.label)")
/// case .unknown(let reason): print(reason)
/// }
/// ```
public enum CRRSchemaDetector {
    /// A catalog download schema's record shape.
    public struct Shape: Sendable {
        public var entry: CRRCatalog.Entry
        /// Properties of one record.
        public var properties: Set<String>
        public var required: Set<String>
        /// Whether the schema describes an array of records (a download file), not one record.
        public var isArray: Bool
    }

    /// How well a file's fields fit one schema.
    public struct Candidate: Sendable {
        public var shape: Shape
        /// Fields of the file the schema has.
        public var matched: Int
        /// Fields of the file the schema does not have.
        public var unknown: [String]
        /// Required properties no record of the sample has.
        public var missingRequired: [String]
        /// 0...1: the Dice overlap of the field sets, lowered for missing required properties.
        public var score: Double

        /// `Name@X.Y.Z`.
        public var label: String { "\(shape.entry.name)@\(shape.entry.version)" }

        /// `CRRPublicAuctionResult@1.1.1 (12 of 12 fields)`.
        public var summary: String { "\(label) (\(matched) of \(shape.properties.count) fields)" }
    }

    public struct Detection: Sendable {
        public enum Outcome: Sendable {
            case chosen(Candidate)
            /// No schema fits well enough, or two fit equally well; the message lists candidates.
            case unknown(String)
        }
        public var outcome: Outcome
        /// The field names seen in the sample's records, sorted.
        public var fields: [String]
        /// Every schema, best first.
        public var ranking: [Candidate]
    }

    /// The lowest score accepted.
    public static let threshold = 0.5

    /// The shapes of the newest version of each catalog download schema.
    public static let shapes: [Shape] = {
        var newest: [String: CRRCatalog.Entry] = [:]
        for entry in CRRCatalog.entries where entry.isSchema {
            if let known = newest[entry.name], known.version > entry.version { continue }
            newest[entry.name] = entry
        }
        return newest.values.sorted { $0.name < $1.name }.compactMap { entry in
            guard let document = try? CRRCatalog.document(entry) else { return nil }
            let root = document.root
            var record = root
            let isArray = root["type"]?.string == "array"
            if isArray, let items = root["items"] { record = resolveLocal(items, in: document) }
            guard let properties = record["properties"], properties.kind == .object, properties.count > 0 else { return nil }
            let names = Set(properties.members.map(\.name))
            let required = Set(record["required"]?.elements.compactMap(\.string) ?? [])
            return Shape(entry: entry, properties: names, required: required, isArray: isArray)
        }
    }()

    /// Follows a `$ref` to `#/...` inside the same document (one level, as the catalog uses).
    static func resolveLocal(_ value: Value, in document: Document) -> Value {
        guard let ref = value["$ref"]?.string, ref.hasPrefix("#"),
              let pointer = JSONPointer(URIReference.percentDecode(String(ref.dropFirst()))),
              let target = document.resolve(pointer) else { return value }
        return target
    }

    /// The records of a sample: the elements of top-level arrays, and top-level objects.
    public static func records(in sample: [Value]) -> [Value] {
        var records: [Value] = []
        for value in sample {
            switch value.kind {
            case .array: records += value.elements.filter { $0.kind == .object }
            case .object: records.append(value)
            default: break
            }
        }
        return records
    }

    /// Scores every catalog download schema against the sample's records and picks the best.
    public static func detect(in sample: [Value], maxRecords: Int = 200) -> Detection {
        let records = Array(records(in: sample).prefix(maxRecords))
        var fields = Set<String>()
        for record in records { for member in record.members { fields.insert(member.name) } }
        let ranking = shapes.map { score(fields: fields, records: records, shape: $0) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.label < $1.label }
        let sortedFields = fields.sorted()
        guard !records.isEmpty, !fields.isEmpty else {
            return Detection(outcome: .unknown("--schema auto: the file holds no records to tell its schema from; give --schema NAME (crrspec catalog lists them)"),
                             fields: sortedFields, ranking: ranking)
        }
        let near = ranking.prefix(3).filter { $0.matched > 0 }
        let closest = near.isEmpty ? "none shares a field with it"
            : "closest: " + near.map { "\($0.summary) score " + fixedPoint(Double($0.score), digits: 2) }.joined(separator: ", ")
        let shown = sortedFields.count > 8 ? sortedFields.prefix(8).joined(separator: ", ") + ", ..." : sortedFields.joined(separator: ", ")
        guard let best = ranking.first, best.score >= threshold, best.matched >= 2 else {
            return Detection(outcome: .unknown("--schema auto: no catalog download schema fits the fields \(shown) (\(closest)); give --schema NAME (crrspec catalog lists them)"),
                             fields: sortedFields, ranking: ranking)
        }
        if ranking.count > 1, ranking[1].score >= best.score - 0.000_001 {
            return Detection(outcome: .unknown("--schema auto: the fields \(shown) fit several catalog schemas equally well (\(closest)); give --schema NAME"),
                             fields: sortedFields, ranking: ranking)
        }
        return Detection(outcome: .chosen(best), fields: sortedFields, ranking: ranking)
    }

    static func score(fields: Set<String>, records: [Value], shape: Shape) -> Candidate {
        let matched = fields.intersection(shape.properties).count
        let unknown = fields.subtracting(shape.properties).sorted()
        let missing = shape.required.subtracting(fields).sorted()
        let dice = fields.isEmpty ? 0 : 2 * Double(matched) / Double(fields.count + shape.properties.count)
        let penalty = shape.required.isEmpty ? 0 : 0.5 * Double(missing.count) / Double(shape.required.count)
        return Candidate(shape: shape, matched: matched, unknown: unknown, missingRequired: missing, score: max(0, dice - penalty))
    }
}

/// Compiles each catalog schema `--schema auto` chooses once, and hands it out to every thread.
public final class CRRAutoSchemas: @unchecked Sendable {
    private let lock = Lock()
    private var compiled: [String: Result<Schema, SchemaError>] = [:]
    private let profile: CRRProfile.Selection
    private let baseOptions: CompileOptions

    /// `baseOptions` (e.g. formats not asserted) are the options before the profile's rules are added.
    public init(profile: CRRProfile.Selection = .auto, baseOptions: CompileOptions = .init()) {
        self.profile = profile
        self.baseOptions = baseOptions
    }

    /// The schema for a sample, and its label (`Name@X.Y.Z`, plus `#/items` when the sample's
    /// instances are single records of an array schema); or why there is none.
    public func choose(for sample: [Value]) -> Result<(schema: Schema, label: String, candidate: CRRSchemaDetector.Candidate), SchemaError> {
        let detection = CRRSchemaDetector.detect(in: sample)
        guard case .chosen(let best) = detection.outcome else {
            if case .unknown(let message) = detection.outcome { return .failure(SchemaError(message)) }
            return .failure(SchemaError("--schema auto found no schema"))
        }
        let records = best.shape.isArray && !sample.isEmpty && sample.allSatisfy { $0.kind == .object }
        let pointer = records ? "/items" : ""
        let label = best.label + (records ? "#/items" : "")
        let key = label
        lock.lock()
        defer { lock.unlock() }
        if compiled[key] == nil {
            do {
                let options = profile == .none ? baseOptions : CRRProfile.options(baseOptions)
                let schema = try CRRCatalog.compileSchema(best.shape.entry, pointer: JSONPointer(pointer) ?? JSONPointer(),
                                                          registry: SchemaRegistry(), options: options)
                compiled[key] = .success(schema)
            } catch let error as SchemaError {
                compiled[key] = .failure(error)
            } catch {
                compiled[key] = .failure(SchemaError("\(error)"))
            }
        }
        return compiled[key]!.map { ($0, label, best) }
    }
}
