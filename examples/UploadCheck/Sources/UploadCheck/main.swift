// UploadCheck: what a participant's upload service does before it sends a file to the CRR
// system. It checks the bytes it was given (here read from a file) with crrspec's library API
// and answers with positioned problems, or "ok".
//
//   swift run UploadCheck FILE [SCHEMA]
//
// SCHEMA is a catalog schema (CRRPublicAuctionResult, CRRSourceSink@1.0.1), or service:operation
// for a B2B submission (auction:portfolioCreation); without it the catalog download schema is
// chosen from the file's fields. Exit status: 0 ok, 1 problems, 2 cannot check.
import CRR
import Document
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: UploadCheck FILE [SCHEMA | SERVICE:OPERATION]\n".utf8))
    exit(2)
}
let name = (path as NSString).lastPathComponent
let format: InputFormat = InputFormat.forPath(path)

do {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    // Compile once per schema and keep the validator: it is thread-safe and reusable.
    let validator: CRRValidator
    if let schema = arguments.dropFirst().first {
        let parts = schema.split(separator: ":", maxSplits: 1).map(String.init)
        validator = parts.count == 2
            ? try CRRValidator(service: parts[0], operation: parts[1])
            : try CRRValidator(catalogSchema: schema, pointer: format == .jsonl ? "/items" : "")
    } else {
        validator = try CRRValidator.detecting(data, format: format)
    }
    let result = validator.validate(data, format: format, name: name)
    if result.isValid {
        print("ok: \(name) is a valid \(validator.schemaName) (\(result.records) instance\(result.records == 1 ? "" : "s"))")
        exit(0)
    }
    for problem in result.problems where !problem.isBranchDetail {
        // Each problem has a position, a JSON Pointer and an id that `crrspec explain` knows.
        print("\(problem)  [\(problem.ruleID) at \(problem.instanceLocation.isEmpty ? "/" : problem.instanceLocation)]")
    }
    exit(result.hasUnusableInput ? 2 : 1)
} catch {
    print("cannot check \(name): \(error)")
    exit(2)
}
