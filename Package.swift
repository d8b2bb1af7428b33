// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "crrspec",
    products: [
        .library(name: "CRRSpec", targets: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Batch", "Lint", "Diff", "CRRRules", "Pages"]),
        .executable(name: "crrspec", targets: ["crrspec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The mock's HTTP/1.1 server (SwiftNIO underneath) and its TLS channel (swift-nio-ssl).
        // Without the ConfigurationSupport trait: crrspec configures the server itself.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Document", dependencies: ["CYAML", "CZlib"]),
        .target(name: "JSONSchema", dependencies: ["Document"]),
        .target(name: "OpenAPI", dependencies: ["Document", "JSONSchema"]),
        .target(name: "CRR", dependencies: ["Document", "JSONSchema", "OpenAPI", "Reporting"]),
        .target(name: "Reporting", dependencies: ["Document", "JSONSchema"]),
        .target(name: "Batch", dependencies: ["Document", "JSONSchema", "Reporting"]),
        .target(name: "Lint", dependencies: ["Document", "JSONSchema", "OpenAPI", "Reporting"]),
        .target(name: "Diff", dependencies: ["Document", "JSONSchema", "OpenAPI", "Reporting"]),
        // The CRR layer: CRR's lint rules, diff checks, version rules and tables, plugged into the
        // general engines (LintProfile, DiffCheck).
        .target(name: "CRRRules", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Lint", "Diff"]),
        .target(name: "Mock", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting"]),
        .target(
            name: "MockServer",
            dependencies: [
                "Document", "Mock",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                // The `--proxy` client (UpstreamClient): HTTP/1.1 on NIO's event loops.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(name: "Pages", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Lint", "Diff", "CRRRules"]),
        .executableTarget(
            name: "crrspec",
            dependencies: [
                "Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Batch", "Lint", "Diff", "CRRRules", "Pages", "Mock", "MockServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // `crrspec --version`: the version from CHANGELOG.md and the git commit, written at build
        // time by scripts/build-info.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .testTarget(name: "DocumentTests", dependencies: ["Document"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["Document", "JSONSchema"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Document", "JSONSchema"], exclude: ["known-failures.txt", "known-failures-draft4.txt", "known-failures-draft6.txt"]),
        .testTarget(name: "OpenAPITests", dependencies: ["Document", "JSONSchema", "OpenAPI"]),
        .testTarget(name: "CRRTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting"]),
        // What the test targets share (rule fixtures, inline spec documents, compressed test
        // bodies), for the general engines alone or with a layer; no CRR in it.
        .target(name: "EngineTestSupport", dependencies: ["Document", "JSONSchema", "Reporting", "Lint", "Diff"],
                path: "Tests/EngineTestSupport"),
        // The general engines, tested without the CRR layer.
        .testTarget(name: "LintTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "Reporting", "Lint", "EngineTestSupport"]),
        .testTarget(name: "DiffTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "Reporting", "Diff", "EngineTestSupport"]),
        // The CRR layer on the engines: its rules, checks, version rules, the bundled catalog's
        // diffs and the renderers' golden files.
        .testTarget(name: "CRRRulesTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Lint", "Diff", "CRRRules",
                                                          "EngineTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReportingTests", dependencies: ["Document", "JSONSchema", "Reporting"]),
        .testTarget(name: "BatchTests", dependencies: ["Document", "JSONSchema", "Reporting", "Batch"]),
        .testTarget(name: "MockTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Mock", "EngineTestSupport"]),
        .testTarget(name: "MockServerTests", dependencies: ["crrspec", "Mock", "EngineTestSupport"]),
        .testTarget(name: "PagesTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting", "Diff", "CRRRules", "Pages"],
                    exclude: ["postman-collection-v2.1.test-schema.json"]),
        .testTarget(name: "CLITests", dependencies: ["crrspec", "Lint", "Diff", "CRRRules", "Mock"], exclude: ["BadInputs"]),
    ]
)
