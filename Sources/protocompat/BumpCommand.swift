import ArgumentParser
import Compat
import Foundation
import Workflows

/// `protocompat bump OLD NEW`: the version bump the changes from OLD to NEW need, and the next
/// version number, for release scripts.
struct BumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bump",
        abstract: "Print the bump the changes need (none, patch, minor or major) and the next version number.",
        discussion:
            "Breaking on the wire or in JSON (check's default level; --level, --direction and the config as for check), needs a major bump (a minor one while the major is 0), additions a minor one (a patch in 0.x), any other change a patch; a config's semver: section changes that (e.g. semver: {json: minor}). The old number comes from OLD's label or --old-version. Prints e.g. 'major 2.0.0'."
    )

    @Argument(help: "The released version.")
    var old: String

    @Argument(help: "The version about to be released.")
    var new: String

    @Option(name: [.customShort("I"), .long], help: "An include root for imports of both versions (repeatable).")
    var include: [String] = []

    @Option(help: "The old version's number (instead of its label's).")
    var oldVersion: String?

    @OptionGroup var gate: GateOptions

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let config = try configOptions.load()
        let (before, after) = try SourceOptions(include: include).loadBoth(old, new)
        // The config's level, direction, rules, ignores and semver policy apply, as they do to `check --semver`.
        let (level, direction) = try gate.resolve(config)
        let options = CheckOptions(level: level, direction: direction, channels: config?.channels)
        let result = Checker.check(
            old: before.schema, new: after.schema, oldSide: .init(label: before.label, source: before.source),
            newSide: .init(label: after.label, source: after.source),
            options: options, config: config, today: CheckDate.today())
        // NEW's own number is not asked for: the verdict compares the old one with itself.
        let number = try CheckCommand.versionNumber(oldVersion, of: result.old, "old")
        let verdict = SemverVerdict(result, old: number, new: number, policy: config?.semver ?? SemverPolicy())
        print("\(verdict.required) \(verdict.needed)")
    }
}
