import Document

/// A document crrspec will not read as an OpenAPI 3.0 contract: Swagger 2.0, OpenAPI 3.1, or
/// an `openapi` field that is not a 3.0.x version. Commands exit 2 on it.
public struct UnsupportedSpecVersion: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var file: String
    public var position: SourcePosition?

    public var description: String {
        var out = file
        if let position { out += ":\(position.line):\(position.column)" }
        return out + ": error: " + message
    }
}

/// Which OpenAPI version a document declares, and whether crrspec reads it.
public enum OpenAPIVersion {
    /// The message for a Swagger 2.0 document.
    public static let swagger2Message = "Swagger 2.0 is not supported; convert to OpenAPI 3.0"
    /// The message for an OpenAPI 3.1 document.
    public static let openAPI31Message = "OpenAPI 3.1 is not supported; crrspec reads OpenAPI 3.0.x (its schemas are JSON Schema 2020-12, not the OpenAPI 3.0 dialect)"

    /// Whether the document announces itself as an API description (`openapi` or `swagger` at the root).
    public static func isAPIDescription(_ document: Document) -> Bool {
        document.root.kind == .object && (document.root["openapi"] != nil || document.root["swagger"] != nil)
    }

    /// Throws ``UnsupportedSpecVersion`` unless the document is OpenAPI 3.0.x (or declares no version at
    /// all: then it is not an API description and this says nothing).
    public static func check(_ document: Document) throws(UnsupportedSpecVersion) {
        let root = document.root
        guard root.kind == .object else { return }
        if let swagger = root["swagger"] {
            throw UnsupportedSpecVersion(message: swagger2Message + " (found swagger: \(text(swagger)))", file: document.name, position: swagger.position)
        }
        guard let field = root["openapi"] else { return }
        var version = text(field)
        if let number = field.double, field.string == nil {
            // An unquoted YAML `openapi: 3.0` or `3.1` is a number.
            version = number == 3 ? "3.0" : number == 3.1 ? "3.1" : version
        }
        if version.hasPrefix("3.0") && (version.count == 3 || version.dropFirst(3).first == ".") { return }
        if version.hasPrefix("3.1") {
            throw UnsupportedSpecVersion(message: openAPI31Message + " (found openapi: \(version))", file: document.name, position: field.position)
        }
        if version.hasPrefix("2") {
            throw UnsupportedSpecVersion(message: swagger2Message + " (found openapi: \(version))", file: document.name, position: field.position)
        }
        throw UnsupportedSpecVersion(message: "openapi: \(version) is not a version crrspec reads; it reads OpenAPI 3.0.x", file: document.name, position: field.position)
    }

    static func text(_ value: Value) -> String { value.string ?? value.numberText ?? "\(value.kind)" }
}
