import Compat
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
}
