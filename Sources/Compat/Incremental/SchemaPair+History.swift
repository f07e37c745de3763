import ProtoModel
import Support

extension SchemaPair.Version {
    /// The versions of a history, indexed on all cores; files shared by several versions (same compile
    /// identity) are digested once.
    public static func all(_ schemas: [Schema], identities: [[String: Int]] = []) -> [SchemaPair.Version] {
        let cache = DigestCache()
        return ParallelMap.run(Array(schemas.indices)) { index in
            SchemaPair.Version(schemas[index], identities: index < identities.count ? identities[index] : [:], digestCache: cache)
        }
    }
}
