import Compat
import ProtoFrontEnd
import ProtoModel
import SchemaSources
import Support

/// Several versions of a schema, oldest first, each loaded once and indexed for comparison: what
/// `check`, `changelog` and `matrix` read. Loading runs on all cores through one compile cache, so
/// files that several versions share are compiled and digested once.
public struct VersionHistory: Sendable {
    /// Each version as loaded (schema, label, source), in the order given.
    public var loaded: [LoadedSchema]
    /// Each version indexed for comparisons, in the same order.
    public var versions: [SchemaPair.Version]

    /// The versions' labels, in order.
    public var labels: [String] { loaded.map(\.label) }

    /// Loads and indexes every SOURCE in `sources` (no barrier between the two); the first error,
    /// in the order given, is thrown.
    public static func load(_ sources: [String], includeRoots: [String] = []) throws(SourceError) -> VersionHistory {
        let digests = DigestCache()
        let both = try each(sources, includeRoots: includeRoots) { loaded in
            PhaseTrace.mark("compiled \(loaded.label)")
            let version = SchemaPair.Version(loaded.schema, identities: loaded.fileIdentities, digestCache: digests)
            PhaseTrace.mark("indexed \(loaded.label)")
            return (loaded, version)
        }
        return VersionHistory(loaded: both.map(\.0), versions: both.map(\.1))
    }

    /// Loads every SOURCE in `sources` without indexing them; the first error, in order, is thrown.
    public static func loadSchemas(_ sources: [String], includeRoots: [String] = []) throws(SourceError) -> [LoadedSchema] {
        try each(sources, includeRoots: includeRoots) { $0 }
    }

    /// Loads each version through one compile cache, then `then` on it, on all cores, in order. The
    /// versions are kept until the process exits: a command uses them to its end, and freeing them
    /// there, on the main thread where their last use passed, cost 10 to 15 ms of the 44k-line pair's
    /// check (the system reclaims them at exit at once).
    private static func each<T: Sendable>(
        _ sources: [String], includeRoots: [String], _ then: @escaping @Sendable (LoadedSchema) -> T
    ) throws(SourceError) -> [T] {
        WellKnownTypes.prefetch()
        let cache = CompileCache()
        cache.expectVersions(sources.count)
        let results = ParallelMap.run(sources) { source in
            Result { () throws(SourceError) -> T in
                then(try SchemaLoader(includeRoots: includeRoots, compileCache: cache).load([source]))
            }
        }
        var versions: [T] = []
        for result in results { versions.append(try result.get()) }
        BackgroundRelease.keepUntilExit(versions)
        return versions
    }
}
