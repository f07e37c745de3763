import ArgumentParser
import Compat
import Foundation
import Reports
import SchemaSources
import Workflows

/// `protocompat changelog SOURCE SOURCE ...`: what changed at each step of a release history.
struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: "Write the changelog of two or more versions, in the order given (or --versions DIR, by version number)."
    )

    @Argument(help: "The versions, oldest first: any SOURCE each.")
    var sources: [String] = []

    @Option(help: "A folder whose children are the versions, ordered by version number.")
    var versions: String?

    @Option(name: [.customShort("I"), .long], help: "An include root for imports (repeatable).")
    var include: [String] = []

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "The title of the changelog.")
    var title: String = "Changelog"

    @Option(help: "Output format: markdown (default), yaml, json or html (one self-contained page).")
    var format: String = "markdown"

    @Flag(
        help:
            "Write the release audit instead (Markdown): the releases whose version number understated their changes, with the changes that needed the higher bump."
    )
    var audit = false

    @Flag(
        help:
            "Show under each change that breaks or is a hazard a concrete message: what a writer of one release sends and what a reader of the other makes of it."
    )
    var explain = false

    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        guard ["markdown", "yaml", "json", "html"].contains(format), !audit || format == "markdown" else {
            if audit { throw CommandFailure(["error: --audit writes Markdown: leave out --format \(format)"]) }
            throw CommandFailure(["error: unknown format \"\(format)\": use markdown, yaml, json or html"])
        }
        var paths = sources
        if let versions {
            do { paths += try VersionOrder.children(of: versions) } catch { throw CommandFailure(error.lines) }
        }
        guard paths.count >= 2 else { throw CommandFailure(["error: a changelog needs at least two versions"]) }
        // Each version is loaded and indexed once, and the steps run on all cores.
        let history = try SourceOptions(include: include).loadHistory(paths)
        let loadedConfig = try configOptions.load(discover: false)
        let changelog = history.changelog(config: loadedConfig, explain: explain)
        let text =
            switch format {
            case "yaml": try changelog.tree.yaml()
            case "json": changelog.tree.json() + "\n"
            case "html": changelog.html(title: title)
            default: audit ? changelog.auditMarkdown(title: title) : changelog.markdown(title: title)
            }
        try OutputFile.write(text, to: output)
    }
}
