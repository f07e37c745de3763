import ArgumentParser
import Compat
import Foundation
import Reports
import SchemaSources
import Workflows

/// `protocompat matrix SOURCE...`: the verdict for every ordered pair (reader, writer).
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Write the compatibility matrix of several versions: every reader version against every writer version."
    )

    @Argument(help: "The versions, oldest first: any SOURCE each.")
    var sources: [String] = []

    @Option(help: "A folder whose children are the versions, ordered by version number.")
    var versions: String?

    @Option(help: "Keep only the newest N versions.")
    var last: Int?

    @Option(name: [.customShort("I"), .long], help: "An include root for imports (repeatable).")
    var include: [String] = []

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "The title.")
    var title: String = "Compatibility matrix"

    @Flag(help: "One client x server matrix per channel of the roles (--preset or the config's roles:) instead of reader x writer.")
    var byChannel = false

    @Option(
        help: "Output format: markdown (default), yaml, json, svg or html (one self-contained page: the heatmap, a selected cell's changes, the changelog).")
    var format: String = "markdown"

    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        guard ["markdown", "yaml", "json", "svg", "html"].contains(format) else {
            throw CommandFailure(["error: unknown format \"\(format)\": use markdown, yaml, json, svg or html"])
        }
        if format == "html" && byChannel {
            throw CommandFailure(["error: --format html draws the reader x writer heatmap: leave out --by-channel (or use --format svg)"])
        }
        var paths = sources
        if let versions {
            do { paths += try VersionOrder.children(of: versions) } catch { throw CommandFailure(error.lines) }
        }
        if let last { paths = Array(paths.suffix(max(last, 0))) }
        guard paths.count >= 2 else { throw CommandFailure(["error: a matrix needs at least two versions"]) }
        let loadedConfig = try configOptions.load(discover: false)
        let history = try SourceOptions(include: include).loadHistory(paths)
        if format == "html" {
            // The page also holds the changelog, whose sections a selected cell shows, with
            // witnesses: a selected cell shows the message that proves each break.
            let changelog = history.changelog(config: loadedConfig, explain: true)
            try OutputFile.write(history.matrix(config: loadedConfig).html(title: title, changelog: changelog), to: output)
            return
        }
        let matrix: any MatrixDocument
        if byChannel {
            let channels = history.channelMatrix(config: loadedConfig)
            guard !channels.channels.isEmpty else {
                throw CommandFailure(["error: no channel crosses between client and server: give --preset or a config with roles: (see docs/livekit.md)"])
            }
            matrix = channels
        } else {
            matrix = history.matrix(config: loadedConfig)
        }
        let text: String
        switch format {
        case "svg": text = matrix.svg(title: title)
        case "yaml": text = try matrix.tree.yaml()
        case "json": text = matrix.tree.json() + "\n"
        default: text = matrix.markdown(title: title)
        }
        try OutputFile.write(text, to: output)
    }
}
