import Foundation
import PackagePlugin

/// Generates `BuildInfo.swift` (crrspec's version from CHANGELOG.md and the git commit) before
/// each build of the target, by running `scripts/build-info`, which rewrites the file only when
/// its content changes.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        // git needs PATH (and HOME for its configuration); CRRSPEC_BUILD_COMMIT overrides the commit.
        let inherited = ProcessInfo.processInfo.environment
        let environment = inherited.filter { ["PATH", "HOME", "CRRSPEC_BUILD_COMMIT"].contains($0.key) }
        return [
            .prebuildCommand(
                displayName: "crrspec build info (version and commit)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [package.appending(path: "scripts/build-info").path, package.path, output.path],
                environment: environment,
                outputFilesDirectory: output
            ),
        ]
    }
}
