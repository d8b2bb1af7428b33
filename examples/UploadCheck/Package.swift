// swift-tools-version:6.0
// An upload service's check, using crrspec as a library (see README.md in this folder).
import PackageDescription

let package = Package(
    name: "UploadCheck",
    dependencies: [
        // In your own package: .package(url: "https://github.com/<org>/crrspec", from: "0.1.0")
        .package(name: "crrspec", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "UploadCheck",
            dependencies: [.product(name: "CRRSpec", package: "crrspec")]
        ),
    ]
)
