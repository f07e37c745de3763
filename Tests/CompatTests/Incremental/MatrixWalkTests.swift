import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Testing

/// A matrix walks each row through the history, reusing what each part gave (`MatrixWalk`,
/// `PartialCheck`). Every cell must equal the tally of a whole check of that pair.
struct MatrixWalkTests {
    /// The tally of a whole check of every pair i < j, the plain way.
    static func wholeChecks(_ versions: [SchemaPair.Version], config: CheckConfig? = nil) -> [[FindingTally]] {
        let options = CheckOptions(channels: config?.channels)
        return versions.indices.map { i in
            versions.indices.dropFirst(i + 1).map { j in
                let result = Checker.check(
                    SchemaPair(old: versions[i], new: versions[j]), oldSide: .init(label: "a", source: "a"),
                    newSide: .init(label: "b", source: "b"), options: options, config: config)
                return FindingTally(result.findings.map(FindingSummary.init))
            }
        }
    }

    static func walked(_ versions: [SchemaPair.Version], config: CheckConfig? = nil) throws -> [[FindingTally]] {
        var options = CheckOptions(channels: config?.channels)
        options.attributesChannels = false
        let partial = try #require(PartialCheck(options: options, config: config, wireAndJSONOnly: true))
        return MatrixWalk(check: partial, versions: versions).tallies()
    }

    static func compile(_ files: [String: String]) throws -> Schema {
        try ProtoCompiler(source: InMemorySource(texts: files)).compile(files.keys.sorted())
    }

    /// A small history that exercises every kind of part: a field whose message type changes to a
    /// renamed type whose structure changes later (its findings depend on another element), extensions
    /// (across files), services added and deleted, a type moved between files of one package, a file
    /// deleted, a package changed.
    static func history() throws -> [Schema] {
        let main = """
            syntax = "proto2";
            package p;
            import "other.proto";
            message A { optional int32 x = 1; }
            message M { optional A f = 1; enum Kind { K0 = 0; } }
            service S { rpc R(A) returns (A); }

            """
        let withB = main.replacingOccurrences(of: "optional A f = 1;", with: "optional B f = 1;")
        let other = "syntax = \"proto2\";\npackage p;\nmessage O { optional string s = 1; }\n"
        let ext = "syntax = \"proto2\";\npackage p;\nmessage E { extensions 100 to 200; }\nextend E { optional int32 e1 = 100; }\n"
        return try [
            compile(["main.proto": main, "other.proto": other, "ext.proto": ext]),
            // M.f becomes B, of A's structure: only a source change.
            compile(["main.proto": withB + "message B { optional int32 x = 1; }\n", "other.proto": other, "ext.proto": ext]),
            // B grows a field and changes x's encoding (M unchanged): against the first version, M.f is now a wire break.
            compile(["main.proto": withB + "message B { optional sint32 x = 1; optional string y = 2; }\n", "other.proto": other, "ext.proto": ext]),
            // A service appears.
            compile([
                "main.proto": withB + "message B { optional sint32 x = 1; optional string y = 2; }\nservice T { rpc Q(A) returns (A); }\n",
                "other.proto": other, "ext.proto": ext,
            ]),
            // The extension changes type, O moves into main.proto.
            compile([
                "main.proto": withB + "message B { optional sint32 x = 1; optional string y = 2; }\nservice T { rpc Q(A) returns (A); }\n"
                    + "message O { optional string s = 1; }\n",
                "other.proto": "syntax = \"proto2\";\npackage p;\n",
                "ext.proto": ext.replacingOccurrences(of: "optional int32 e1", with: "optional int64 e1"),
            ]),
            // S is gone, the extension is gone, other.proto is gone, M.f is back to A, a field is renumbered.
            compile([
                "main.proto": """
                syntax = "proto2";
                package p;
                message A { optional int32 x = 1; }
                message M { optional A f = 1; optional A g = 3; enum Kind { K0 = 0; K1 = 1; } }
                message B { optional sint32 x = 1; optional string y = 2; }
                service T { rpc Q(A) returns (B); }
                message O { optional string s = 2; }
                """, "ext.proto": "syntax = \"proto2\";\npackage p;\nmessage E { extensions 100 to 200; }\n",
            ]),
            // The package changes.
            compile(["main.proto": "syntax = \"proto2\";\npackage q;\nmessage A { optional int32 x = 1; }\n"]),
        ]
    }

    @Test func everyCellEqualsAWholeCheck() throws {
        let versions = SchemaPair.Version.all(try Self.history())
        let expected = Self.wholeChecks(versions)
        let walked = try Self.walked(versions)
        for i in versions.indices {
            for (offset, tally) in walked[i].enumerated() {
                #expect(tally == expected[i][offset], "pair \(i) -> \(i + 1 + offset)")
            }
        }
        // The history means something only if the cells differ and the dependent case happens.
        #expect(expected[0][0].reader(.backward).wire == .safe, "M.f changed to a type of the same structure")
        #expect(expected[0][1].reader(.backward).wire == .breaking, "the same change once B grew")
        #expect(Set(expected.joined().map { $0.reader(.forward).count }).count > 3)
    }

    @Test func walkingAgainAnyOrderGivesTheSame() throws {
        // One walk remembers parts for the next: walking the reversed history with the same
        // PartialCheck, and the history again, gives the whole checks' tallies.
        let versions = SchemaPair.Version.all(try Self.history())
        var options = CheckOptions()
        options.attributesChannels = false
        let partial = try #require(PartialCheck(options: options, config: nil, wireAndJSONOnly: true))
        let reversed = Array(versions.reversed())
        let walkedBack = MatrixWalk(check: partial, versions: reversed).tallies()
        let walkedAgain = MatrixWalk(check: partial, versions: versions).tallies()
        #expect(walkedBack == Self.wholeChecks(reversed))
        #expect(walkedAgain == Self.wholeChecks(versions))
    }
}

extension MatrixWalkTests {
    /// LiveKit's shipped releases (schemas/livekit), every third one, with the LiveKit preset.
    @Test func liveKitReleasesWalkLikeWholeChecks() throws {
        let schemas = try IncrementalComparisonTests.releases()
        let sample = stride(from: 0, to: schemas.count, by: 3).map { schemas[$0] }
        #expect(sample.count >= 14)
        let versions = SchemaPair.Version.all(sample)
        let config = try Presets.load("livekit")
        let expected = Self.wholeChecks(versions, config: config)
        let walked = try Self.walked(versions, config: config)
        var differing: [String] = []
        for i in versions.indices {
            for (offset, tally) in walked[i].enumerated() where tally != expected[i][offset] {
                differing.append("\(i) -> \(i + 1 + offset)")
            }
        }
        #expect(differing.isEmpty, "pairs whose walked tally differs from a whole check: \(differing.prefix(10))")
        #expect(expected.joined().contains { $0.reader(.forward).wire == .breaking })
    }
}
