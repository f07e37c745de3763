import ArgumentParser
import SchemaSources

/// `protocompat snapshot SOURCE -o FILE.yaml`: writes a version as a reviewable YAML lock file.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write a schema version as a protocompat snapshot (YAML, with locations and comments)."
    )

    @Argument(help: "Any SOURCE: a directory, .proto files, descriptor set, git:REF, wheel, package folder or snapshot.")
    var sources: [String]

    @OptionGroup var source: SourceOptions

    @Option(name: [.customShort("o"), .long], help: "The snapshot file to write (default: stdout).")
    var output: String?

    func run() throws {
        let loaded = try source.load(sources)
        let snapshot = Snapshot(label: loaded.label, source: loaded.source, schema: loaded.schema)
        try OutputFile.write(try snapshot.yaml(), to: output)
    }
}
