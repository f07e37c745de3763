import ArgumentParser
import Compat

/// `--level` and `--direction`, shared by the commands that judge a change (check, bump): flags
/// given on the command line win over the config file's.
struct GateOptions: ParsableArguments {
    @Option(help: "What fails the gate: wire, wire-json (default) or source.")
    var level: String = "wire-json"

    @Option(help: "Which side must keep working: backward (new readers of old data), forward (old readers of new data) or both.")
    var direction: String = "both"

    init() {}

    /// The level and direction to judge by (the direction nil for both); errors exit 2.
    func resolve(_ config: CheckConfig?) throws -> (level: Level, direction: Direction?) {
        let level = config?.level.map(\.rawValue).flatMap { self.level == "wire-json" ? $0 : nil } ?? self.level
        let direction = config?.direction.map(\.rawValue).flatMap { self.direction == "both" ? $0 : nil } ?? self.direction
        guard let resolvedLevel = Level(rawValue: level) else {
            throw CommandFailure(["error: unknown level \"\(self.level)\": use wire, wire-json or source"])
        }
        guard let resolvedDirection = Direction(rawValue: direction), resolvedDirection != .none else {
            throw CommandFailure(["error: unknown direction \"\(direction)\": use backward, forward or both"])
        }
        return (resolvedLevel, resolvedDirection == .both ? nil : resolvedDirection)
    }
}
