import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import SchemaSources
import Testing

/// Digests reused by compile identity (`DigestCache`) equal digests computed afresh, over real history:
/// LiveKit tags from ../shared/corpus/livekit loaded through one compile cache, as a changelog does.
struct DigestCacheTests {
    static let corpus = TestPaths.sharedCorpus

    static var available: Bool { FileManager.default.fileExists(atPath: corpus + "/livekit/MANIFEST.tsv") }

    @Test func cachedDigestsEqualFreshOnes() throws {
        guard Self.available else {
            Issue.record("../shared/corpus/livekit is missing: this test needs the shared corpus beside the repository")
            return
        }
        // Far and near steps: small releases share almost every file, far ones few.
        let tags = ["v1.20.0", "v1.21.0", "v1.22.0", "v1.23.0", "v1.30.0", "v1.40.0", "v1.50.3", "v1.50.4", "v1.40.0"]
        let loader = SchemaLoader(includeRoots: [Self.corpus + "/livekit-deps/psrpc"], compileCache: CompileCache())
        let loaded = try tags.map { tag in try loader.load([Self.corpus + "/livekit/" + tag]) }
        #expect(loaded.allSatisfy { Set($0.fileIdentities.keys) == Set($0.schema.files.map(\.name)) }, "every file has an identity")
        let cached = SchemaPair.Version.all(loaded.map(\.schema), identities: loaded.map(\.fileIdentities))
        for (index, version) in cached.enumerated() {
            let fresh = SchemaPair.Version(loaded[index].schema)
            #expect(version.digests.files == fresh.digests.files, "\(tags[index]) file digests")
            #expect(version.digests.elements == fresh.digests.elements, "\(tags[index]) element digests")
            #expect(version.digests.topLevel == fresh.digests.topLevel, "\(tags[index]) top-level order")
            #expect(version.digests.outlines == fresh.digests.outlines, "\(tags[index]) file outlines")
            #expect(version.digests.outlineWithTypeNames == fresh.digests.outlineWithTypeNames, "\(tags[index]) outline")
        }
        // A file that changed between two tags has two digests; one that did not, one.
        #expect(cached[6].digests.files != cached[7].digests.files)
        #expect(cached[5].digests.files == cached[8].digests.files)
    }
}
