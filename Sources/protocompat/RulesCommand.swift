import ArgumentParser
import Compat

/// `protocompat rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule, with buf's IDs and categories.")

    @Option(help: "Output format: text (default) or markdown.")
    var format: String = "text"

    func run() throws {
        switch format {
        case "text": print(RuleDocs.text(), terminator: "")
        case "markdown": print(RuleDocs.markdown(), terminator: "")
        default: throw CommandFailure(["error: unknown format \"\(format)\": use text or markdown"])
        }
    }
}
