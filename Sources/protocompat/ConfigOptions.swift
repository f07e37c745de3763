import ArgumentParser
import Compat
import Foundation

/// `--config` and `--preset`, shared by the commands that judge findings.
struct ConfigOptions: ParsableArguments {
    @Option(help: "A config file: protocompat.yaml (default: ./protocompat.yaml when present) or a buf.yaml (its breaking: section).")
    var config: String?

    @Option(
        help: "A shipped config with roles for a well-known schema: livekit. A --config file adds to it (its roles, when it has any, replace the preset's).")
    var preset: String?

    init() {}

    /// The config to use, or nil; errors exit 2. `discover`: fall back to ./protocompat.yaml.
    func load(discover: Bool = true) throws -> CheckConfig? {
        let path = config ?? (discover && preset == nil && FileManager.default.fileExists(atPath: "protocompat.yaml") ? "protocompat.yaml" : nil)
        do {
            let base = try preset.map { name throws(CheckConfig.Failure) in try Presets.load(name) }
            guard let path else { return base }
            var loaded = try CheckConfig.load(path: path)
            if loaded.channels == nil { loaded.channels = base?.channels }
            if loaded.semver == nil { loaded.semver = base?.semver }
            return loaded
        } catch {
            throw CommandFailure([error.description])
        }
    }
}
