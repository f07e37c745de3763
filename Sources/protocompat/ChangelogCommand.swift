import ArgumentParser
import Compat
import Foundation
import ProtoModel
import Reports
import ProtoFrontEnd
import SchemaSources

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

    @Flag(help: "Write the release audit instead (Markdown): the releases whose version number understated their changes, with the changes that needed the higher bump.")
    var audit = false

    @Flag(help: "Show under each change that breaks or is a hazard a concrete message: what a writer of one release sends and what a reader of the other makes of it.")
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
        let (loaded, indexed) = try HistoryLoader.loadIndexed(paths, sources: SourceOptions(include: include))
        let loadedConfig = try configOptions.load(discover: false)
        let changelog = Changelog(steps: Self.steps(loaded, indexed, config: loadedConfig, explain: explain))
        let text = switch format {
        case "yaml": try changelog.tree.yaml()
        case "json": changelog.tree.json() + "\n"
        case "html": changelog.html(title: title)
        default: audit ? changelog.auditMarkdown(title: title) : changelog.markdown(title: title)
        }
        try OutputFile.write(text, to: output)
    }
}

extension ChangelogCommand {
    /// The changelog's steps: each version against the one before it, on all cores.
    static func steps(_ loaded: [LoadedSchema], _ indexed: [SchemaPair.Version], config: CheckConfig?, explain: Bool) -> [Changelog.Step] {
        let today = CheckCommand.today()
        // Channels are walked only when roles are given: each release then says which channel it breaks.
        var options = CheckOptions(channels: config?.channels)
        options.attributesChannels = config?.channels != nil
        options.explains = explain
        return ParallelMap.run(Array(loaded.indices.dropFirst())) { [options] index in
            let old = loaded[index - 1], new = loaded[index]
            let result = Checker.check(SchemaPair(old: indexed[index - 1], new: indexed[index]), oldSide: .init(label: old.label, source: old.source),
                                       newSide: .init(label: new.label, source: new.source), options: options,
                                       config: config, today: today)
            return Changelog.step(result, old: old.schema, new: new.schema, policy: config?.semver ?? SemverPolicy())
        }
    }
}

/// Loads many versions on both cores, keeping their order; the first error (in order) wins.
enum HistoryLoader {
    /// Loads every version on all cores; files that several versions share are compiled once.
    static func load(_ paths: [String], sources: SourceOptions) throws -> [LoadedSchema] {
        try each(paths, sources: sources) { $0 }
    }

    /// Loads every version and indexes it for comparisons in the same pass (no barrier between the
    /// two); files several versions share are compiled and digested once.
    static func loadIndexed(_ paths: [String], sources: SourceOptions) throws -> (loaded: [LoadedSchema], versions: [SchemaPair.Version]) {
        let digests = DigestCache()
        let both = try each(paths, sources: sources) { loaded in
            PhaseTrace.mark("compiled \(loaded.label)")
            let version = SchemaPair.Version(loaded.schema, identities: loaded.fileIdentities, digestCache: digests)
            PhaseTrace.mark("indexed \(loaded.label)")
            return (loaded, version)
        }
        return (both.map(\.0), both.map(\.1))
    }

    /// Loads each version through one compile cache, then `then` on it, on all cores, in order. The
    /// versions are kept until the process exits: a command uses them to its end, and freeing them
    /// there, on the main thread where their last use passed, cost 10 to 15 ms of the 44k-line pair's
    /// check (the system reclaims them at exit at once).
    private static func each<T: Sendable>(_ paths: [String], sources: SourceOptions, _ then: @escaping @Sendable (LoadedSchema) -> T) throws -> [T] {
        WellKnownTypes.prefetch()
        let cache = CompileCache()
        cache.expectVersions(paths.count)
        let versions = try ParallelMap.run(paths) { path in Result { then(try sources.load([path], cache: cache)) } }.map { try $0.get() }
        BackgroundRelease.keepUntilExit(versions)
        return versions
    }
}
