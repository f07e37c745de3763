import ArgumentParser
import Compat
import Foundation
import ProtoModel
import Reports
import SchemaSources
import Support
import Workflows

/// `protocompat check OLD NEW`: the CI gate. Exit 0 when nothing breaks, 1 when something does.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare two versions and fail (exit 1) when something breaks at the chosen level and direction."
    )

    @Argument(help: "OLD NEW: any SOURCE each. With --transitive: every earlier version, then the new one.")
    var versions: [String] = []

    @Flag(help: "Check the last version against every earlier version given (all must pass).")
    var transitive = false

    @Option(name: [.customShort("I"), .long], help: "An include root for imports of both versions (repeatable).")
    var include: [String] = []

    @OptionGroup var gate: GateOptions

    @Option(help: "Run exactly one of buf's categories instead: buf:WIRE, buf:WIRE_JSON, buf:PACKAGE or buf:FILE.")
    var rules: String?

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "A previous JSON report: findings whose fingerprint it holds are reported but do not fail the gate.")
    var baseline: String?

    @Option(help: "Output format: text (default), json, yaml, markdown, sarif, github or html (one self-contained page).")
    var format: String = "text"

    @Option(name: [.customShort("o"), .long], help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    @Flag(
        help:
            "Also fail when the new version number understates the changes (SemVer: breaking needs a major bump, a minor one in 0.x; additions a minor one). Numbers come from the labels (a wheel's version, livekit-protocol==X, a tag v1.2.3) or --old-version/--new-version."
    )
    var semver = false

    @Option(help: "The old version's number for --semver (instead of its label's).")
    var oldVersion: String?

    @Option(help: "The new version's number for --semver (instead of its label's).")
    var newVersion: String?

    @Flag(
        help:
            "Show under each finding that breaks or is a hazard on the wire or in JSON a concrete message: what a writer of one version sends and what a reader of the other makes of it."
    )
    var explain = false

    func run() throws {
        PhaseTrace.mark("arguments read")
        let loadedConfig = try configOptions.load()
        let (level, direction) = try gate.resolve(loadedConfig)
        var selection = CheckOptions.RuleSelection.precise
        if let rules {
            guard rules.hasPrefix("buf:"), let category = BufCategory(rawValue: String(rules.dropFirst(4))) else {
                throw CommandFailure(["error: unknown rule set \"\(rules)\": use buf:WIRE, buf:WIRE_JSON, buf:PACKAGE or buf:FILE"])
            }
            selection = .buf(category)
        } else if let loadedConfig {
            selection = loadedConfig.selection(default: selection)
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw CommandFailure(["error: unknown format \"\(format)\": use \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        guard transitive ? versions.count >= 2 : versions.count == 2 else {
            throw CommandFailure([
                transitive
                    ? "error: --transitive needs at least two versions: the earlier ones, then the new one"
                    : "error: check takes two versions, OLD and NEW (or --transitive with more)"
            ])
        }
        let known = try baseline.map(Self.readBaseline) ?? []
        // The versions are independent: load them on both cores.
        let history = try SourceOptions(include: include).loadHistory(versions)
        PhaseTrace.mark("versions loaded")
        var options = CheckOptions(
            level: level, direction: direction, rules: selection,
            baseline: known, channels: loadedConfig?.channels)
        options.explains = explain
        var results = history.checksAgainstLast(options: options, config: loadedConfig)
        PhaseTrace.mark("checked")
        if semver {
            for index in results.indices {
                results[index].semver = try Self.semverVerdict(results[index], old: oldVersion, new: newVersion, policy: loadedConfig?.semver ?? SemverPolicy())
            }
        }
        // Colour only for text on a terminal, and never with NO_COLOR.
        let color = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text =
            transitive
            ? try TransitiveReport.render(results, format: reportFormat, color: color)
            : try reportFormat.reporter(color: color).render(results[0])
        PhaseTrace.mark("report rendered")
        try OutputFile.write(text, to: output)
        if results.contains(where: \.isBreaking) { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// The SemVer verdict of a result: the numbers from the flags, else from the labels (then the sources).
    static func semverVerdict(_ result: CheckResult, old: String?, new: String?, policy: SemverPolicy) throws -> SemverVerdict {
        SemverVerdict(result, old: try versionNumber(old, of: result.old, "old"), new: try versionNumber(new, of: result.new, "new"), policy: policy)
    }

    /// A version's number: the flag's, else the first in its label, else in its source (exit 2 when none).
    static func versionNumber(_ flag: String?, of side: CheckResult.Side, _ name: String) throws -> SemanticVersion {
        if let flag {
            guard let version = SemanticVersion(flag) else {
                throw CommandFailure(["error: --\(name)-version \"\(flag)\" is not a version number (MAJOR.MINOR.PATCH, e.g. 1.2.3 or v1.2.3-rc.1)"])
            }
            return version
        }
        guard let version = SemanticVersion.first(in: side.label) ?? SemanticVersion.first(in: side.source) else {
            throw CommandFailure(["error: the \(name) version \"\(side.label)\" has no version number in its name: give --\(name)-version X.Y.Z"])
        }
        return version
    }

    /// The fingerprints of a previous `check --format json` report.
    static func readBaseline(_ path: String) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(["\(path): error: cannot read the baseline report (write one with 'protocompat check --format json -o \(path)')"])
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let findings = object["findings"] as? [[String: Any]]
        else {
            throw CommandFailure(["\(path): error: not a protocompat JSON report (no \"findings\" list)"])
        }
        return Set(findings.compactMap { $0["fingerprint"] as? String })
    }
}
