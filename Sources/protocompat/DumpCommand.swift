import ArgumentParser
import Foundation
import ProtoModel
import SchemaSources
import Support
import YAML

/// `protocompat dump SOURCE`: prints the normalized model of one schema version.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the normalized model of a schema version (deterministic JSON)."
    )

    @Argument(help: "Any SOURCE: a directory, .proto files, descriptor set, git:REF, wheel, package folder or snapshot.")
    var sources: [String] = []

    @OptionGroup var source: SourceOptions

    @Option(help: "A descriptor set to read (same as giving a .binpb/.pb/.desc/.fds source).")
    var descriptorSet: String?

    @Option(help: "Output format: json or yaml.")
    var format: String = "json"

    @Flag(help: "Leave out source locations and comments (to compare with a descriptor set).")
    var noSourceInfo = false

    @Flag(help: "Print the files that compile even when others fail (errors still go to stderr, exit 2).")
    var keepGoing = false

    @Flag(help: "Print one line per file, '<digest> <file>', instead of the model (for differential tests).")
    var digest = false

    @Flag(help: "Compile and report errors only; print nothing (like protoc without outputs).")
    var checkOnly = false

    func run() throws {
        guard format == "json" || format == "yaml" else {
            throw CommandFailure(["error: unknown format \"\(format)\": use json or yaml"])
        }
        let loaded = try source.load((descriptorSet.map { [$0] } ?? []) + sources, keepGoing: keepGoing)
        if checkOnly {
            if !loaded.errors.isEmpty { throw CommandFailure(loaded.errors) }
            return
        }
        let schema = noSourceInfo ? loaded.schema.strippingSourceInfo() : loaded.schema
        let encoder = JSONEncoder()
        if digest {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var lines = ""
            for file in schema.files {
                lines += "\(Self.fnv1a(try encoder.encode(file))) \(file.name)\n"
            }
            FileHandle.standardOutput.write(Data(lines.utf8))
        } else if format == "yaml" {
            FileHandle.standardOutput.write(Data(try YAMLCoding.encode(schema).utf8))
        } else {
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data = try encoder.encode(schema)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        if !loaded.errors.isEmpty { throw CommandFailure(loaded.errors) }
    }
}

extension DumpCommand {
    /// 64-bit FNV-1a of the bytes, as 16 hex digits: a cheap fingerprint for comparing dumps.
    static func fnv1a(_ data: Data) -> String {
        let hex = String(FNV1a.digest(data), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// An error already rendered for the user; exits with code 2.
struct CommandFailure: Error, CustomStringConvertible {
    var lines: [String]

    init(_ lines: [String]) { self.lines = lines }

    var description: String { lines.joined(separator: "\n") }
}
