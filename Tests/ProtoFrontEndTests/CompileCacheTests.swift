import Foundation
import ProtoModel
import Testing

@testable import ProtoFrontEnd

/// Several versions compiled through one `CompileCache` give exactly the schemas they give alone,
/// while files with the same text and the same imports are compiled once.
struct CompileCacheTests {
    static let v1: [String: String] = [
        "base.proto": "syntax = \"proto3\"; package p; message Base { int32 id = 1; }",
        "user.proto": "syntax = \"proto3\"; package p; import \"base.proto\"; message User { Base base = 1; string name = 2; }",
        "other.proto": "syntax = \"proto3\"; package p; message Other { bool on = 1; }",
    ]

    func compile(_ texts: [String: String], cache: CompileCache?) throws -> Schema {
        try ProtoCompiler(source: InMemorySource(texts: texts), cache: cache).compile(texts.keys.sorted())
    }

    @Test func sharedFilesCompileOnceAndGiveTheSameSchema() throws {
        var v2 = Self.v1
        v2["other.proto"] = "syntax = \"proto3\"; package p; message Other { bool on = 1; int64 at = 2; }"
        var v3 = v2
        // base.proto changes: user.proto (same text) must be linked again against the new base.
        v3["base.proto"] = "syntax = \"proto3\"; package p; message Base { int64 id = 1; }"
        let cache = CompileCache()
        for texts in [Self.v1, v2, v3, Self.v1] {
            #expect(try compile(texts, cache: cache) == compile(texts, cache: nil))
        }
        // Distinct texts: base x2, user x1, other x2; linked forms: base x2, user x2 (one per base), other x2.
        #expect(cache.counts.parsed == 5)
        #expect(cache.counts.linked == 6)
        let user = try #require(compile(v3, cache: cache).files.first { $0.name == "user.proto" })
        #expect(user.messages[0].fields[0].typeName == "p.Base")
    }

    @Test func treesAreLetGoOnceEveryVersionHasBuiltThem() throws {
        var v2 = Self.v1
        v2["other.proto"] = "syntax = \"proto3\"; package p; message Other { bool on = 1; int64 at = 2; }"
        let cache = CompileCache()
        cache.expectVersions(2)
        #expect(try compile(Self.v1, cache: cache) == compile(Self.v1, cache: nil))
        // One version is still to list its files: every tree may be needed again.
        #expect(cache.treesHeld == 3)
        #expect(try compile(v2, cache: cache) == compile(v2, cache: nil))
        // Both versions built every text they listed (base and user twice, each other once).
        #expect(cache.treesHeld == 0)
        #expect(cache.counts.parsed == 4)
        // A text asked for again is parsed again, and compiles the same.
        #expect(try compile(Self.v1, cache: cache) == compile(Self.v1, cache: nil))
        #expect(cache.counts.parsed == 7)
    }

    @Test func withoutAnExpectedVersionCountEveryTreeIsKept() throws {
        let cache = CompileCache()
        _ = try compile(Self.v1, cache: cache)
        _ = try compile(Self.v1, cache: cache)
        #expect(cache.treesHeld == 3)
        #expect(cache.counts.parsed == 3)
    }

    @Test func filesWithErrorsAreNotKept() throws {
        var broken = Self.v1
        broken["user.proto"] = "syntax = \"proto3\"; package p; import \"base.proto\"; message User { Missing m = 1; }"
        let cache = CompileCache()
        for _ in 0..<2 {
            #expect(throws: CompilationFailed.self) { try compile(broken, cache: cache) }
        }
        // The error comes back every time, and the files that compiled are still shared.
        #expect(try compile(Self.v1, cache: cache) == compile(Self.v1, cache: nil))
    }
}

/// The same over real history: LiveKit tags from ../shared/corpus/livekit compiled through one cache
/// equal the same tags compiled alone.
struct CompileCacheHistoryTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    static var available: Bool { FileManager.default.fileExists(atPath: corpus + "/livekit/MANIFEST.tsv") }

    func compile(_ tag: String, cache: CompileCache?) throws -> Schema {
        let root = Self.corpus + "/livekit/" + tag
        #expect(FileManager.default.fileExists(atPath: root), "no tag \(tag) in the corpus")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let item = enumerator?.nextObject() as? String { if item.hasSuffix(".proto") { files.append(item) } }
        let source = IncludeRootSource(roots: [root, Self.corpus + "/livekit-deps/psrpc"])
        return try ProtoCompiler(source: source, cache: cache).compile(files.sorted())
    }

    @Test(.enabled(if: available, "needs ../shared/corpus/livekit (the corpus is not here: skipped)"))
    func livekitTagsCompileTheSameThroughOneCache() throws {
        let tags = ["v1.20.0", "v1.20.1", "v1.21.0", "v1.40.0", "v1.41.0", "v1.50.0", "v1.50.1"]
        let cache = CompileCache()
        var total = 0
        for tag in tags {
            let alone = try compile(tag, cache: nil)
            #expect(try compile(tag, cache: cache) == alone, "\(tag)")
            total += alone.files.filter { !$0.name.hasPrefix("google/protobuf/") }.count
        }
        // Consecutive tags share most files: far fewer are parsed than compiled.
        #expect(total > 200)
        #expect(cache.counts.parsed * 2 < total, "\(cache.counts.parsed) parsed of \(total)")
    }
}
