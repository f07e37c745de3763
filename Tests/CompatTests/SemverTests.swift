import Compat
import ProtoFrontEnd
import ProtoModel
import Testing

/// The SemVer gate's arithmetic: numbers, precedence, the bump a release makes and the one it needs.
struct SemverTests {
    @Test func parsesTagsWithAndWithoutV() throws {
        #expect(SemanticVersion("1.2.3") == SemanticVersion(major: 1, minor: 2, patch: 3))
        #expect(SemanticVersion("v1.2.3") == SemanticVersion(major: 1, minor: 2, patch: 3))
        #expect(SemanticVersion("1.2.3-rc.1+build.5") == SemanticVersion(major: 1, minor: 2, patch: 3, prerelease: ["rc", "1"]))
        for bad in ["1.2", "1.2.3.4", "a.b.c", "1.2.3-", "v", "", "1..3"] { #expect(SemanticVersion(bad) == nil, "\(bad)") }
        #expect(SemanticVersion.first(in: "livekit-protocol==1.0.7") == SemanticVersion("1.0.7"))
        #expect(SemanticVersion.first(in: "v1.50.4 (1.1.21)") == SemanticVersion("1.50.4"))
        #expect(SemanticVersion.first(in: "schemas/examples/v1") == nil)
    }

    @Test func preReleasesComeBeforeTheirRelease() throws {
        let order = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1"]
        let versions = order.compactMap(SemanticVersion.init)
        #expect(versions.count == order.count && versions == versions.sorted())
        #expect(Bump.between(SemanticVersion("1.0.0-rc.1")!, SemanticVersion("1.0.0")!) == .patch)
    }

    @Test func zeroMajorCountsOneRankHigher() throws {
        let old = SemanticVersion("0.3.1")!
        #expect(Bump.between(old, SemanticVersion("0.4.0")!) == .major)
        #expect(Bump.between(old, SemanticVersion("0.3.2")!) == .minor)
        #expect(Bump.major.next(after: old) == SemanticVersion("0.4.0"))
        #expect(Bump.minor.next(after: old) == SemanticVersion("0.3.2"))
        #expect(Bump.major.next(after: SemanticVersion("1.4.2")!) == SemanticVersion("2.0.0"))
        #expect(Bump.minor.next(after: SemanticVersion("1.4.2")!) == SemanticVersion("1.5.0"))
        #expect(Bump.between(SemanticVersion("1.4.2")!, SemanticVersion("1.4.3")!) == .patch)
    }

    func result(_ old: String, _ new: String) throws -> CheckResult {
        func schema(_ text: String) throws -> Schema {
            try ProtoCompiler(source: InMemorySource(texts: ["a.proto": text])).compile(["a.proto"])
        }
        return Checker.check(
            old: try schema(old), new: try schema(new), oldSide: .init(label: "1.4.2", source: "a"),
            newSide: .init(label: "1.4.3", source: "b"), options: CheckOptions())
    }

    /// A rename breaks JSON only: a major bump by default, a minor one under `semver: {json: minor}`;
    /// the reasons count changes (the rename and the JSON name that followed it are one).
    @Test func thePolicyDecidesWhatAJSONBreakNeeds() throws {
        let renamed = try result("syntax = \"proto3\"; message M { string a = 1; }", "syntax = \"proto3\"; message M { string b = 1; }")
        let old = SemanticVersion("1.4.2")!
        let new = SemanticVersion("1.4.3")!
        let strict = SemverVerdict(renamed, old: old, new: new)
        #expect(strict.required == .major && !strict.ok && strict.reasons == "1 JSON break")
        #expect(strict.sentence == "semver FAILS: 1.4.2 -> 1.4.3 needs a major bump (2.0.0) for 1 JSON break; released as 1.4.3, a patch bump")
        let config = try CheckConfig.parse(Array("semver:\n  json: minor\n".utf8), path: "protocompat.yaml")
        let lenient = SemverVerdict(renamed, old: old, new: SemanticVersion("1.5.0")!, policy: try #require(config.semver))
        #expect(lenient.required == .minor && lenient.ok && lenient.needed == SemanticVersion("1.5.0"))
        // A wire break is still major under that policy.
        let retyped = try result("syntax = \"proto3\"; message M { string a = 1; }", "syntax = \"proto3\"; message M { int64 a = 1; }")
        #expect(SemverVerdict(retyped, old: old, new: new, policy: config.semver!).required == .major)
        // Additions alone need a minor bump; no change needs none.
        let added = try result("syntax = \"proto3\"; message M { string a = 1; }", "syntax = \"proto3\"; message M { string a = 1; string b = 2; }")
        #expect(SemverVerdict(added, old: old, new: new).required == .minor)
        let same = try result("syntax = \"proto3\"; message M {}", "syntax = \"proto3\"; message M {}")
        #expect(SemverVerdict(same, old: old, new: old).required == Bump.none && SemverVerdict(same, old: old, new: old).ok)
    }

    /// In 0.x a breaking change moves the minor: the sentence names the part of the number it moves.
    @Test func zeroMajorSentencesNameTheMovedPart() throws {
        let renamed = try result("syntax = \"proto3\"; message M { string a = 1; }", "syntax = \"proto3\"; message M { string b = 1; }")
        let verdict = SemverVerdict(renamed, old: SemanticVersion("0.6.0")!, new: SemanticVersion("0.6.1")!)
        #expect(verdict.sentence == "semver FAILS: 0.6.0 -> 0.6.1 needs a minor bump (0.7.0) for 1 JSON break; released as 0.6.1, a patch bump")
    }

    @Test func semverConfigErrorsSayWhereAndWhat() throws {
        for (text, message) in [
            ("semver:\n  json: huge\n", "protocompat.yaml:2:3: error: semver.json must be major, minor, patch or none"),
            ("semver:\n  jsn: minor\n", "protocompat.yaml:2:3: error: unknown key \"semver.jsn\": use addition, json, other, source, wire"),
            ("semver: minor\n", "protocompat.yaml:1:1: error: semver must be a mapping"),
        ] {
            #expect(throws: CheckConfig.Failure.self) { try CheckConfig.parse(Array(text.utf8), path: "protocompat.yaml") }
            do { _ = try CheckConfig.parse(Array(text.utf8), path: "protocompat.yaml") } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
    }
}
