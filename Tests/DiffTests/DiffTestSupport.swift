import CRR
import CRRRules
import Document
import Foundation
import XCTest
@testable import Diff

/// Small inline documents for the change tests.
enum Fixture {
    /// Where a schema fragment is placed.
    enum Place: String, CaseIterable {
        case requestParameter = "request-parameter"
        case request, response, schema
    }

    /// A document with `fragment` (JSON text) as the schema at `place`: the schema of query
    /// parameter `p`, property `v` of a request or response body, or property `v` of a
    /// draft-07 schema file.
    static func document(_ fragment: String, at place: Place) -> String {
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
    static func openAPI(_ operations: String, extra: String = "") -> String {
        #"{"openapi":"3.0.3","info":{"title":"t","version":"1.0.0"},"paths":{"/svc/v1.0/op":{\#(operations)}}\#(extra)}"#
    }

    /// Inputs for the diff with the CRR layer's checks (error codes, release notes) installed:
    /// these tests compare CRR catalog files and CAISO-shaped fixtures.
    static func input(_ text: String, name: String) throws -> DiffInput {
        CRRDiff.install()
        return try SpecDiff.input(text: text, name: name, library: SpecDiff.catalogLibrary())
    }

    /// Diffs two texts (JSON, or YAML when the name says so).
    static func diff(_ old: String, _ new: String, oldName: String = "old.json", newName: String = "new.json",
                     options: DiffOptions = DiffOptions()) throws -> DiffResult {
        try SpecDiff.compare(input(old, name: oldName), input(new, name: newName), options: options)
    }

    /// The path of a file in the repository.
    static func repository(_ path: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path).path
    }

    /// The published CAISO specs, when present (CI has them).
    static let publishedDirectory = repository("../shared/reference/caiso-crr-openapi")

    /// A bundled catalog entry.
    static func catalog(_ name: String, _ version: String) throws -> DiffInput {
        CRRDiff.install()
        guard let entry = CRRCatalog.find("\(name)@\(version)") else { throw DiffInputError("no catalog entry \(name)@\(version)") }
        return try SpecDiff.catalogInput(entry)
    }
}

extension DiffResult {
    var ids: [String] { changes.map(\.id) }

    func first(_ id: String) -> Change? { changes.first { $0.id == id } }
}
