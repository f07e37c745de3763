import ArgumentParser
import Foundation
import Reports

/// The protocompat command line: parses flags, calls the libraries, maps errors to exit codes
/// (0 clean, 1 breaking, 2 usage, input or I/O error).
@main
struct Protocompat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocompat",
        abstract: "Tells whether two versions of a Protocol Buffers schema can still talk to each other.",
        version: ToolVersion.current,
        subcommands: [
            CheckCommand.self, BumpCommand.self, ChangelogCommand.self, MatrixCommand.self, PairCommand.self, EnvCommand.self, DumpCommand.self,
            BuildCommand.self, SnapshotCommand.self, RulesCommand.self,
        ]
    )

    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
