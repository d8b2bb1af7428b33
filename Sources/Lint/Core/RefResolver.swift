import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema

/// Why a `$ref` does not resolve.
public struct RefFailure: Error, Sendable {
    public var message: String
    /// The file fence refused the read (outside the allowed roots, a FIFO, a device) or a read
    /// limit stopped it: the input is unusable, not just a dangling reference.
    public var isFatal = false

    public init(message: String, isFatal: Bool = false) {
        self.message = message
        self.isFatal = isFatal
    }
}

/// Resolves `$ref`s the way a lint run sees them: inside the file, to files beside it, and to
/// the schemas of the bundled catalog (by their `$id`). Files are read only through the
/// engine's ``SchemaRegistry`` (its file fence and read limits). Never touches the network.
enum RefResolver {
    static func resolve(_ ref: String, in document: Document, base: URIReference, registry: SchemaRegistry) -> Result<Value, RefFailure> {
        let uri = URIReference(ref).resolved(against: base)
        let fragment = uri.fragment ?? ""
        let target: Value
        if ref.hasPrefix("#") || uri.withoutFragment == base.withoutFragment {
            target = document.root
        } else if let resource = registry.resourceIfLoaded(uri.withoutFragment.description) {
            target = resource.value
        } else if uri.scheme == "file" {
            let path = URIReference.percentDecode(uri.path)
            guard FileManager.default.fileExists(atPath: path) else {
                return .failure(RefFailure(message: "no file \(path)"))
            }
            do {
                // Through the registry's fence and limits, as validate reads it.
                target = try registry.loadResource(uri.withoutFragment.description)
            } catch let error as SchemaError where error.isRefusal || error.isLimit {
                return .failure(RefFailure(message: error.message, isFatal: true))
            } catch let error as SchemaError {
                return .failure(RefFailure(message: "\(path) cannot be read: \(error.message)"))
            } catch {
                return .failure(RefFailure(message: "\(path) cannot be read: \(error)"))
            }
        } else {
            return .failure(RefFailure(message: "no schema with the URI \(uri.withoutFragment) is known (crrspec resolves files and the bundled catalog, never the network)"))
        }
        if fragment.isEmpty { return .success(target) }
        guard fragment.hasPrefix("/") else {
            // A plain-name fragment: an `$id` anchor somewhere in the target document.
            for value in target.subtree where value.kind == .object && value["$id"]?.string == "#" + fragment {
                return .success(value)
            }
            return .failure(RefFailure(message: "no \"$id\": \"#\(fragment)\" in the target"))
        }
        guard let pointer = JSONPointer(URIReference.percentDecode(fragment)) else {
            return .failure(RefFailure(message: "\"#\(fragment)\" is not a valid JSON Pointer"))
        }
        var value = target
        for (i, token) in pointer.tokens.enumerated() {
            guard let next = value.resolve(JSONPointer(tokens: [token])) else {
                let reached = JSONPointer(tokens: Array(pointer.tokens.prefix(i)))
                var message = "nothing at \(pointer) (no \"\(token)\" in \(reached.tokens.isEmpty ? "the root" : reached.description))"
                if value.kind == .object, let near = Suggest.closest(token, among: value.members.map(\.name)) {
                    message += "; did you mean \"\(near)\"?"
                }
                return .failure(RefFailure(message: message))
            }
            value = next
        }
        return .success(value)
    }
}
