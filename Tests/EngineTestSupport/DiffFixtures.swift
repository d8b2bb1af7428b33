import Diff
import Document
import Foundation

/// The configuration a diff test target compares with: the general engine's for its own
/// tests, the CRR layer's for the layer's.
public protocol DiffLayer {
    static var configuration: DiffConfiguration { get }
}

/// Small inline documents for the change tests, diffed with `Layer`'s configuration. A test
/// target names it once: `typealias Fixture = DiffFixtures<MyLayer>`.
public enum DiffFixtures<Layer: DiffLayer> {
    /// Where a schema fragment is placed.
    public enum Place: String, CaseIterable, Sendable {
        case requestParameter = "request-parameter"
        case request, response, schema
    }

    /// A document with `fragment` (JSON text) as the schema at `place`: the schema of query
    /// parameter `p`, property `v` of a request or response body, or property `v` of a
    /// draft-07 schema file.
    public static func document(_ fragment: String, at place: Place) -> String {
        let wrapped = #"{"type":"object","properties":{"v":\#(fragment)}}"#
        switch place {
        case .schema:
            return ##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"v":\##(fragment)}}"##
        case .requestParameter:
            return openAPI(#""get":{"parameters":[{"name":"p","in":"query","schema":\#(fragment)}],"responses":{"200":{"description":"ok"}}}"#)
        case .request:
            return openAPI(#""post":{"requestBody":{"required":true,"content":{"application/json":{"schema":\#(wrapped)}}},"responses":{"200":{"description":"ok"}}}"#)
        case .response:
            return openAPI(#""get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":\#(wrapped)}}}}}"#)
        }
    }

    /// An OpenAPI document with one path `/svc/v1.0/op` holding `operations` (JSON members).
    public static func openAPI(_ operations: String, extra: String = "") -> String {
        #"{"openapi":"3.0.3","info":{"title":"t","version":"1.0.0"},"paths":{"/svc/v1.0/op":{\#(operations)}}\#(extra)}"#
    }

    /// An input whose `$ref`s resolve in the layer's catalog only (no file is read).
    public static func input(_ text: String, name: String) throws -> DiffInput {
        try SpecDiff.input(text: text, name: name, library: SpecDiff.catalogLibrary(Layer.configuration.catalog))
    }

    /// Diffs two texts (JSON, or YAML when the name says so) with the layer's configuration.
    public static func diff(_ old: String, _ new: String, oldName: String = "old.json", newName: String = "new.json",
                            options: DiffOptions = DiffOptions()) throws -> DiffResult {
        var options = options
        options.configuration = Layer.configuration
        return try SpecDiff.compare(input(old, name: oldName), input(new, name: newName), options: options)
    }

    /// The path of a file in the repository.
    public static func repository(_ path: String) -> String { TestPaths.repository(path) }

    /// The published CAISO specs, when present (CI has them).
    public static var publishedDirectory: String { TestPaths.published.path }
}

extension DiffResult {
    public var ids: [String] { changes.map(\.id) }

    public func first(_ id: String) -> Change? { changes.first { $0.id == id } }
}
