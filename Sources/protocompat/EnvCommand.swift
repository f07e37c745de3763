import ArgumentParser
import Compat
import Foundation
import ProtoModel
import Reports
import SchemaSources
import Workflows

/// `protocompat env`: inspects an installed Python environment for version mismatches between the
/// protocol package (livekit-protocol) and the distributions that depend on it.
struct EnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Check an installed Python environment: does each package that depends on the protocol package work with the installed version?",
        discussion: """
            Finds the protocol package (--package, default livekit-protocol) and every distribution whose Requires-Dist names it \
            (from *.dist-info/METADATA). For each one whose range does not hold the installed version, or holds it loosely \
            (~=1.0, >=1.0,<2), compares the installed schema (read from the installed generated modules) with the shipped \
            snapshots at the ends of the range (or --against SOURCE), restricted to the protocol types the dependent's Python \
            code references and what they reach. Exit 1 when a dependent breaks at the level (default: source, since Python \
            code reads generated attributes by name).
            """
    )

    @Option(help: "The site-packages folder to inspect.")
    var sitePackages: String?

    @Option(help: "A Python interpreter whose site-packages to inspect (default: python3 when --site-packages is not given).")
    var python: String?

    @Option(help: "The protocol distribution.")
    var package: String = "livekit-protocol"

    @Option(help: "Compare with this SOURCE instead of the shipped snapshots at the range's ends (repeatable).")
    var against: [String] = []

    @Option(help: "A folder of snapshots named PACKAGE-VERSION.yaml (default: the shipped schemas).")
    var schemas: [String] = []

    @Option(help: "What counts: wire, wire-json or source (default).")
    var level: String = "source"

    @Option(help: "Output format: text (default), markdown, json or yaml.")
    var format: String = "text"

    @Option(name: [.customShort("o"), .long], help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        guard let level = Level(rawValue: level) else { throw CommandFailure(["error: unknown level \"\(level)\": use wire, wire-json or source"]) }
        guard let format = EnvReport.Format(rawValue: format) else {
            throw CommandFailure(["error: unknown format \"\(format)\": use \(EnvReport.Format.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        do {
            let site = try sitePackages ?? InstalledDistributions.sitePackages(python: python ?? "python3")
            let report = try EnvironmentInspection(package: package, against: against, snapshotFolders: schemas, level: level).inspect(site: site)
            try OutputFile.write(try report.render(format), to: output)
            if report.isBreaking { throw ExitCode(1) }
        } catch let error as SourceError {
            throw CommandFailure(error.lines)
        }
    }
}
