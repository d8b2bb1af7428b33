// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "crrspec",
    products: [
        .library(name: "CRRSpec", targets: ["Document", "JSONSchema", "OpenAPI", "CRR", "Reporting"]),
        .executable(name: "crrspec", targets: ["crrspec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "Document", dependencies: ["CYAML"]),
        .target(name: "JSONSchema", dependencies: ["Document"]),
        .target(name: "OpenAPI", dependencies: ["Document", "JSONSchema"]),
        .target(name: "CRR", dependencies: ["Document", "JSONSchema", "OpenAPI"]),
        .target(name: "Reporting", dependencies: ["Document", "JSONSchema"]),
        .executableTarget(
            name: "crrspec",
            dependencies: [
                "Document", "JSONSchema", "OpenAPI", "CRR", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DocumentTests", dependencies: ["Document"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["Document", "JSONSchema"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Document", "JSONSchema"], exclude: ["known-failures.txt"]),
        .testTarget(name: "OpenAPITests", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR"]),
        .testTarget(name: "CRRTests", dependencies: ["Document", "JSONSchema", "OpenAPI", "CRR"]),
        .testTarget(name: "CLITests", dependencies: ["crrspec"]),
    ]
)
