import ArgumentParser
import Foundation
import SchemaSources

/// `protocompat build SOURCE -o FILE.binpb`: writes a schema version as a binary FileDescriptorSet.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write a schema version as a binary FileDescriptorSet (as protoc --descriptor_set_out and buf build -o do).",
        discussion: """
            The set holds the files the SOURCE names (a folder's .proto files, the .proto files given, \
            every file of a descriptor set, wheel or snapshot); with --include-imports, also every file \
            they import, each after its imports. The same SOURCE gives the same bytes. protoc reads the \
            result with --descriptor_set_in, buf with 'buf breaking --against FILE.binpb'.
            """
    )

    @Argument(help: "Any SOURCE: a directory, .proto files, descriptor set, git:REF, wheel, package folder or snapshot.")
    var sources: [String] = []

    @OptionGroup var source: SourceOptions

    @Option(name: [.customShort("o"), .long], help: "The descriptor set file to write (atomically); '-' writes to stdout.")
    var output: String

    @Flag(help: "Also write every file the named files import (as protoc --include_imports).")
    var includeImports = false

    @Flag(
        help: "Also write where each declaration is, with its comments (as protoc --include_source_info; see docs/parser-differences.md for which locations).")
    var includeSourceInfo = false

    func run() throws {
        if output == "-", isatty(STDOUT_FILENO) != 0 {
            throw CommandFailure(["error: standard output is a terminal: write the binary descriptor set to a file with -o FILE.binpb, or pipe it"])
        }
        let loaded = try source.load(sources, keepingSourceTexts: includeSourceInfo)
        let bytes: [UInt8]
        do {
            bytes = try DescriptorSetWriter.write(
                loaded.schema, files: loaded.namedFiles, includeImports: includeImports,
                sourceInfo: includeSourceInfo ? .locations(texts: loaded.sourceTexts) : .none)
        } catch {
            throw CommandFailure([error.description])
        }
        try OutputFile.write(Data(bytes), to: output == "-" ? nil : output)
    }
}
