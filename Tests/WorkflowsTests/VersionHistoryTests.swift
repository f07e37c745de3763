import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Reports
import SchemaSources
import Testing
import Workflows

/// Loading a history of versions and what is built from it, as library calls (the commands only
/// parse flags around them).
struct VersionHistoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let v1 = root.appendingPathComponent("schemas/examples/v1").path
    static let v2 = root.appendingPathComponent("schemas/examples/v2").path

    /// A folder holding one .proto file of this text.
    static func tree(_ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "protocompat-history-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/a.proto", atomically: true, encoding: .utf8)
        return dir
    }

    @Test
    func keepsTheOrderGivenAndIndexesEachVersion() throws {
        let history = try VersionHistory.load([Self.v2, Self.v1, Self.v2])
        #expect(history.labels == ["v2", "v1", "v2"])
        #expect(history.versions.count == 3)
        #expect(history.loaded.map(\.schema.files.count) == [2, 2, 2])  // chat.proto and its import
    }

    @Test
    func theFirstErrorInTheOrderGivenWins() throws {
        // Both bad versions fail on their own core; the earlier one's error is the one reported.
        let first = try Self.tree("syntax = \"proto3\";\nmessage A { int32 a = 1 }\n")
        let second = try Self.tree("syntax = \"proto3\";\nmessage B { strin b = 1; }\n")
        do {
            _ = try VersionHistory.load([Self.v1, first, second])
            Issue.record("a history with bad versions loaded")
        } catch {
            #expect(error.lines.joined(separator: "\n").contains("a.proto:2:25: error:"), "\(error.lines)")
            #expect(!error.lines.joined().contains("strin"), "\(error.lines)")
        }
    }

    @Test
    func theChangelogEqualsEachStepCheckedOnItsOwn() throws {
        let history = try VersionHistory.load([Self.v1, Self.v2])
        let changelog = history.changelog(config: nil, explain: false, today: "2026-01-01")
        let direct = Checker.check(
            old: history.loaded[0].schema, new: history.loaded[1].schema,
            oldSide: .init(label: "v1", source: Self.v1), newSide: .init(label: "v2", source: Self.v2),
            options: CheckOptions(), today: "2026-01-01")
        let expected = Changelog(steps: [Changelog.step(direct, old: history.loaded[0].schema, new: history.loaded[1].schema)])
        #expect(changelog.steps.count == 1)
        #expect(changelog.markdown(title: "T") == expected.markdown(title: "T"))
        #expect(changelog.markdown(title: "T").contains("FIELD_SAME_NAME") || changelog.markdown(title: "T").contains("display_name"))
    }

    @Test
    func aTransitiveCheckComparesTheLastWithEveryEarlierVersion() throws {
        let history = try VersionHistory.load([Self.v1, Self.v2, Self.v2])
        let results = history.checksAgainstLast(options: CheckOptions(), config: nil, today: "2026-01-01")
        #expect(results.map { "\($0.old.label)->\($0.new.label)" } == ["v1->v2", "v2->v2"])
        #expect(results.map(\.isBreaking) == [true, false])
        #expect(results[1].findings.isEmpty)
    }

    @Test
    func theMatrixReadsEachPairBothWays() throws {
        let history = try VersionHistory.load([Self.v1, Self.v2])
        let matrix = history.matrix(config: nil)
        #expect(matrix.labels == ["v1", "v2"])
        // v1 renamed a field's JSON name in v2: a breaking change for JSON readers both ways.
        #expect(matrix.cells[1][0].verdict == .breaking)
        #expect(matrix.cells[0][1].verdict == .breaking)
        #expect(matrix.cells[0][0].count == 0 && matrix.cells[1][1].count == 0)
    }
}
