import Document
import JSONSchema

/// Which schema language a Schema Object is written in.
public enum SchemaDialect: Sendable {
    /// A standalone JSON Schema draft-07 file.
    case draft07
    /// An OpenAPI 3.0 Schema Object (a subset of draft-05 with `nullable`, `example` ...).
    case openAPI30
}

/// One schema object in a file, with how it was reached.
///
/// Kept small (a spec has tens of thousands of sites): the parent as a 32-bit index, the keyword
/// as its number in ``SchemaWalker/keywordNames`` and the name as the node of its key; the
/// strings are made when a rule asks.
public struct SchemaSite: Sendable {
    public let value: Value
    /// Which keywords of ``SchemaKeywordSet`` the schema has: rules test it before looking
    /// members up, so a rule about a rare keyword costs one AND per site.
    public let keywords: SchemaKeywordSet
    private let parentIndex: Int32
    /// Node index of the key naming the site (-1: none).
    private let nameNode: Int32
    /// 1 + the keyword's place in ``SchemaWalker/keywordNames`` (0: none).
    private let keywordCode: UInt8
    public let dialect: SchemaDialect

    init(value: Value, dialect: SchemaDialect, parent: Int?, keywordCode: UInt8, nameNode: Int?, keywords: SchemaKeywordSet) {
        self.value = value
        self.dialect = dialect
        parentIndex = Int32(parent ?? -1)
        self.keywordCode = keywordCode
        self.nameNode = Int32(nameNode ?? -1)
        self.keywords = keywords
    }

    /// Index of the parent site in ``LintContext/schemas``; nil for a top-level schema.
    public var parent: Int? { parentIndex < 0 ? nil : Int(parentIndex) }
    /// The keyword it sits under (`properties`, `items`, `allOf` ...); nil at the top.
    public var keyword: String? { keywordCode == 0 ? nil : SchemaWalker.keywordNames[Int(keywordCode) - 1] }
    /// The property or definition name when `keyword` is a map keyword.
    public var name: String? { nameNode < 0 ? nil : value.document.value(at: Int(nameNode)).string }
}

/// A set of schema keywords as bits (the keywords of draft-07 and OpenAPI 3.0 schemas).
public struct SchemaKeywordSet: OptionSet, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Every keyword with a bit, in bit order: draft-07's keywords (``Dialect/keywords``, read
    /// from its metaschema) and OpenAPI 3.0's `nullable`, sorted.
    static let names: [String] = {
        let names = Dialect.draft7.keywords.union(["nullable"]).sorted()
        precondition(names.count <= 64, "SchemaKeywordSet has 64 bits")
        return names
    }()
    static let bits: [String: SchemaKeywordSet] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, SchemaKeywordSet(rawValue: 1 << UInt64($0))) })

    /// The bit of a keyword (empty for one without a bit).
    public static func of(_ name: String) -> SchemaKeywordSet { bits[name] ?? [] }
    public static func of(_ names: String...) -> SchemaKeywordSet { of(names) }
    public static func of(_ names: [String]) -> SchemaKeywordSet { names.reduce(into: SchemaKeywordSet()) { $0.formUnion(of($1)) } }
}

/// Finds every schema object of a document, top-down and in document order.
enum SchemaWalker {
    static let mapKeywords: Set<String> = KeywordTable.subschemaMaps
    static let singleKeywords: Set<String> = KeywordTable.subschema.union(["items"])
    static let arrayKeywords: Set<String> = KeywordTable.subschemaArrays.union(["items"])

    /// Every keyword a site can sit under, numbered for ``SchemaSite``.
    static let keywordNames: [String] = Array(mapKeywords.union(singleKeywords).union(arrayKeywords).union(["dependencies"])).sorted()
    static let keywordCodes: [String: UInt8] = Dictionary(uniqueKeysWithValues: keywordNames.enumerated().map { ($1, UInt8($0 + 1)) })

    static func walk(roots: [Value], dialect: SchemaDialect) -> [SchemaSite] {
        var sites: [SchemaSite] = []
        // One bit per node of the roots' document (a value of another one, never met in
        // practice, is not deduplicated: the walk follows no `$ref`, so it meets each value once).
        let document = roots.first?.document
        var seen = [UInt64](repeating: 0, count: ((document?.nodes.count ?? 0) + 63) / 64)
        // (value, parent site, keyword code, name key node)
        var stack: [(Value, Int?, UInt8, Int?)] = roots.reversed().map { ($0, nil, 0, nil) }
        while let (value, parent, keyword, name) = stack.popLast() {
            guard value.kind == .object else { continue }
            let word = value.index >> 6, bit = UInt64(1) << UInt64(value.index & 63)
            if value.document === document, word < seen.count {
                if seen[word] & bit != 0 { continue }
                seen[word] |= bit
            }
            let me = sites.count
            var children: [(Value, Int?, UInt8, Int?)] = []
            var keywords = SchemaKeywordSet()
            for member in value.members {
                let key = member.name
                if let bit = SchemaKeywordSet.bits[key] { keywords.formUnion(bit) }
                let code = keywordCodes[key] ?? 0
                if mapKeywords.contains(key) {
                    for entry in member.value.members { children.append((entry.value, me, code, entry.key.index)) }
                } else if key == "dependencies" {
                    for entry in member.value.members where entry.value.kind == .object { children.append((entry.value, me, code, entry.key.index)) }
                } else if member.value.kind == .array, arrayKeywords.contains(key) {
                    for element in member.value.elements { children.append((element, me, code, nil)) }
                } else if singleKeywords.contains(key) {
                    children.append((member.value, me, code, nil))
                }
            }
            sites.append(SchemaSite(value: value, dialect: dialect, parent: parent, keywordCode: keyword, nameNode: name, keywords: keywords))
            stack.append(contentsOf: children.reversed())
        }
        return sites
    }

    /// The schema roots of an OpenAPI document: `components/schemas/*` and every `schema`
    /// of a parameter, header or media type.
    static func openAPIRoots(_ root: Value) -> [Value] {
        var roots: [Value] = root["components"]?["schemas"]?.members.map(\.value) ?? []
        var stack: [Value] = [root["paths"], root["components"]].compactMap { $0 }
        var found: [Value] = []
        while let value = stack.popLast() {
            for member in value.members {
                switch member.name {
                case "schema" where member.value.kind == .object:
                    found.append(member.value)
                case "example", "examples", "default", "schemas":
                    if member.name == "schemas", value.index != root["components"]?.index { stack.append(member.value) }
                default:
                    if member.value.kind == .object || member.value.kind == .array { stack.append(member.value) }
                }
            }
            for element in value.elements where element.kind == .object || element.kind == .array { stack.append(element) }
        }
        roots += found.sorted { $0.index < $1.index }
        return roots
    }
}
