import Compat
import Foundation
import Reports
import SchemaSources
import Testing
import Workflows

/// The environment inspection `protocompat env` runs, called as a library on the fabricated
/// site-packages folder the CLI tests use (no Python needed).
struct EnvironmentInspectionTests {
    static let site = VersionHistoryTests.root.appendingPathComponent("Tests/CLITests/Fixtures/site-packages").path

    /// Snapshots of the example schemas as shipped chat-protocol 1.0.0 and 2.0.0.
    func snapshots() throws -> String {
        let dir = NSTemporaryDirectory() + "protocompat-env-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (version, folder) in [("1.0.0", VersionHistoryTests.v1), ("2.0.0", VersionHistoryTests.v2)] {
            let loaded = try SchemaLoader().load([folder])
            let text = try Snapshot(label: version, source: loaded.source, schema: loaded.schema).yaml()
            try text.write(toFile: dir + "/chat-protocol-\(version).yaml", atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test
    func eachDependentIsJudgedOnTheTypesItUses() throws {
        let inspection = EnvironmentInspection(package: "chat-protocol", snapshotFolders: [try snapshots()])
        let report = try inspection.inspect(site: Self.site)
        #expect(report.installedVersion == "2.0.0")
        #expect(report.isBreaking)
        let byName = Dictionary(uniqueKeysWithValues: report.dependents.map { ($0.name, $0) })
        #expect(byName.keys.sorted() == ["chat-bot", "chat-client", "chat-tools"])
        let client = try #require(byName["chat-client"])
        #expect(client.status == .outside)
        #expect(client.usedTypes == ["chat.v1.ListRequest", "chat.v1.User"])
        #expect(client.comparisons.map(\.against) == ["1.0.0 (the only shipped in range)"])
        #expect(client.comparisons[0].findings.map(\.rule).contains("FIELD_SAME_NAME"))
        // Pinned to the installed version: not compared.
        #expect(byName["chat-bot"]?.status == .tight)
        #expect(byName["chat-bot"]?.comparisons.isEmpty == true)
        // Loose but holding it: compared against 2.0.0, nothing it uses changed.
        let tools = try #require(byName["chat-tools"])
        #expect(tools.status == .loose)
        #expect(tools.comparisons.allSatisfy { $0.findings.isEmpty })
    }

    @Test
    func aMissingProtocolPackageIsAnErrorThatSaysWhatToDo() throws {
        #expect {
            _ = try EnvironmentInspection().inspect(site: Self.site)
        } throws: { error in
            "\(error)".contains("livekit-protocol is not installed here") && "\(error)".contains("pip install it")
        }
    }
}
