import Foundation
import Testing

/// `protocompat env` on a fabricated site-packages folder (Fixtures/site-packages, built by
/// scripts/generate-env-fixture.sh from the example schemas): no network, no Python needed.
struct EnvTests {
    static let site = CLITests.root.appendingPathComponent("Tests/CLITests/Fixtures/site-packages").path

    func run(_ arguments: [String]) throws -> CLITests.Run {
        try CLITests().run(arguments)
    }

    /// Snapshots of the example schemas as shipped versions chat-protocol 1.0.0 and 2.0.0.
    func snapshots() throws -> String {
        let dir = NSTemporaryDirectory() + "protocompat-env-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (version, folder) in [("1.0.0", CLITests.v1), ("2.0.0", CLITests.v2)] {
            let made = try run(["snapshot", folder, "--label", version, "-o", dir + "/chat-protocol-\(version).yaml"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        return dir
    }

    @Test
    func namesTheDependentOutsideItsRangeAndWhatBreaksInWhatItUses() throws {
        let result = try run(["env", "--site-packages", Self.site, "--package", "chat-protocol", "--schemas", try snapshots()])
        #expect(result.status == 1, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("chat-protocol 2.0.0 is installed in "))
        #expect(
            text.contains(
                "chat-client 1.4.0 requires chat-protocol <2,>=1.0: outside its range; breaks\n  uses 2 protocol types: chat.v1.ListRequest, chat.v1.User\n"))
        #expect(text.contains("against 1.0.0 (the only shipped in range): breaks"))
        #expect(text.contains("FIELD_SAME_NAME: Field \"2\" on message \"User\" changed name from \"display_name\" to \"name\". [breaking, both]"))
        // Pinned to the installed version: not compared. Loose but holding it: compared, compatible.
        #expect(text.contains("chat-bot 0.3.0 requires chat-protocol ==2.0.0: inside its range\n"))
        #expect(
            text.contains("chat-tools 0.1.0 requires chat-protocol ~=2.0: inside a loose range; compatible\n  uses 1 protocol type: chat.v1.ListResponse\n"))
        // Messages the client does not use (Message.likes widened) are left out.
        #expect(!text.contains("likes"))
    }

    @Test
    func formatsCarryTheSameAnswer() throws {
        let snapshots = try snapshots()
        let json = try run(["env", "--site-packages", Self.site, "--package", "chat-protocol", "--schemas", snapshots, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["breaking"] as? Bool == true)
        let dependents = try #require(object["dependents"] as? [[String: Any]])
        #expect(dependents.map { $0["name"] as? String } == ["chat-bot", "chat-client", "chat-tools"])
        #expect(dependents.map { $0["verdict"] as? String } == ["not compared", "breaks", "compatible"])
        let markdown = try run(["env", "--site-packages", Self.site, "--package", "chat-protocol", "--schemas", snapshots, "--format", "markdown"])
        #expect(markdown.stdout.contains("| chat-client 1.4.0 | `<2,>=1.0` | outside its range | **breaks** | 2 |"))
    }

    @Test
    func missingPackagesAndFoldersAreClearErrors() throws {
        let missing = try run(["env", "--site-packages", Self.site])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error: livekit-protocol is not installed here (no livekit_protocol-*.dist-info)"))
        let noFolder = try run(["env", "--site-packages", "/nonexistent/site"])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains("/nonexistent/site: error: not a folder"))
    }
}
