/// One change case outside schemas: two documents and the change ids each direction gives.
public struct SpecCase: Sendable {
    public var forward: [String]
    public var backward: [String]
    public var old: String
    public var new: String

    public init(forward: [String], backward: [String], old: String, new: String) {
        self.forward = forward
        self.backward = backward
        self.old = old
        self.new = new
    }

    /// The responses of a minimal operation.
    public static let ok = #""responses":{"200":{"description":"ok"}}"#

    /// An OpenAPI 3.0 document with `paths` (JSON members) and `extra` members after them.
    public static func spec(paths: String, extra: String = "", info: String = #""title":"t","version":"1.0.0""#) -> String {
        #"{"openapi":"3.0.3","info":{\#(info)},"paths":{\#(paths)}\#(extra)}"#
    }

    /// A path with one operation (`body`: more JSON members of it).
    public static func op(_ path: String, _ body: String = "", method: String = "get", id: String? = nil) -> String {
        let operationId = id.map { #""operationId":"\#($0)","# } ?? ""
        return #""\#(path)":{"\#(method)":{\#(operationId)\#(body.isEmpty ? "" : body + ",")\#(ok)}}"#
    }
}
