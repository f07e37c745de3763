/// Configs the project ships for well-known schemas (`--preset NAME`): their roles, so findings say
/// which channel they affect. The text is `schemas/NAME/protocompat.yaml`, embedded at build time
/// by `scripts/generate-presets.sh`.
public enum Presets {
    /// The preset names, sorted.
    public static var names: [String] { texts.keys.sorted() }

    /// The YAML text of a preset.
    public static func text(_ name: String) -> String? { texts[name] }

    /// A preset as a config.
    public static func load(_ name: String) throws(CheckConfig.Failure) -> CheckConfig {
        guard let text = texts[name] else {
            throw CheckConfig.Failure(description: "error: unknown preset \"\(name)\": use \(names.joined(separator: ", "))")
        }
        return try CheckConfig.parse(Array(text.utf8), path: "preset:\(name)")
    }
}
