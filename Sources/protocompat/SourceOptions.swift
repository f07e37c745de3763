import ArgumentParser
import ProtoFrontEnd
import SchemaSources
import Workflows

/// Flags every command that reads a SOURCE shares.
struct SourceOptions: ParsableArguments {
    @Option(name: [.customShort("I"), .long], help: "An include root for imports (repeatable).")
    var include: [String] = []

    @Option(help: "The label reports use for this version (default: the tag, wheel version or folder name).")
    var label: String?

    init() {}

    init(include: [String], label: String? = nil) {
        self.include = include
        self.label = label
    }

    /// Loads one SOURCE, turning errors into an exit-2 failure.
    func load(_ arguments: [String], keepGoing: Bool = false, cache: CompileCache? = nil, keepingSourceTexts: Bool = false) throws -> LoadedSchema {
        do {
            var loader = SchemaLoader(includeRoots: include, label: label, keepGoing: keepGoing, compileCache: cache)
            loader.keepsSourceTexts = keepingSourceTexts
            return try loader.load(arguments)
        } catch {
            throw CommandFailure(error.lines)
        }
    }

    /// Loads several SOURCEs as one history (oldest first), turning errors into an exit-2 failure.
    func loadHistory(_ sources: [String]) throws -> VersionHistory {
        do { return try VersionHistory.load(sources, includeRoots: include) } catch { throw CommandFailure(error.lines) }
    }

    /// Loads two SOURCEs concurrently; the first error (old first) wins.
    func loadBoth(_ old: String, _ new: String) throws -> (LoadedSchema, LoadedSchema) {
        do {
            let both = try VersionHistory.loadSchemas([old, new], includeRoots: include)
            return (both[0], both[1])
        } catch { throw CommandFailure(error.lines) }
    }
}
