import ArgumentParser
import Compat
import Foundation
import Reports
import Workflows

/// `protocompat pair CLIENT SERVER`: can a client on one version and a server on another talk?
/// Per channel of the roles (a --preset or the config's roles:), in both directions.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Judge a client on one version talking to a server on another, per channel and direction (exit 1 when a channel breaks).",
        discussion: """
            CLIENT and SERVER are any SOURCE, or a shipped version by name: livekit-protocol==1.0.7, or a protocol tag \
            such as v1.50.4 that a shipped release was built from. Channels come from --preset or the config's roles: \
            (without either, the requests and responses of every service). The role "server" runs SERVER; every other \
            role (client, receiver, worker, ...) runs CLIENT.
            """
    )

    @Argument(help: "The version the client side runs.")
    var client: String

    @Argument(help: "The version the server side runs.")
    var server: String

    @Option(name: [.customShort("I"), .long], help: "An include root for imports of both versions (repeatable).")
    var include: [String] = []

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "What counts: wire, wire-json (default) or source.")
    var level: String = "wire-json"

    @Option(help: "Output format: text (default), markdown, json or yaml.")
    var format: String = "text"

    @Flag(help: "Show under each finding a concrete message the channel's writer sends and what its reader makes of it.")
    var explain = false

    @Option(name: [.customShort("o"), .long], help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        guard let level = Level(rawValue: level) else {
            throw CommandFailure(["error: unknown level \"\(level)\": use wire, wire-json or source"])
        }
        guard let format = PairReport.Format(rawValue: format) else {
            throw CommandFailure(["error: unknown format \"\(format)\": use \(PairReport.Format.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        let config = try configOptions.load()
        let (clientSchema, serverSchema) = try SourceOptions(include: include).loadBoth(client, server)
        let pair = SchemaPair(old: clientSchema.schema, new: serverSchema.schema)
        let result = Checker.check(
            pair, oldSide: .init(label: clientSchema.label, source: clientSchema.source),
            newSide: .init(label: serverSchema.label, source: serverSchema.source),
            options: CheckOptions(level: level, channels: config?.channels), config: config, today: CheckDate.today())
        var analysis = PairAnalysis(result)
        if explain { analysis.explain(pair) }
        try OutputFile.write(try PairReport.render(analysis, format: format), to: output)
        if analysis.isBreaking { throw ExitCode(1) }
    }
}
