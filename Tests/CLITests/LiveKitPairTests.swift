import Foundation
import Testing

/// `protocompat pair` on the LiveKit releases the project ships (schemas/livekit), with the LiveKit
/// preset: real changes from LiveKit's history, each verified by reading the two snapshots, pinned
/// with the channel they hit, the direction and the verdict.
struct LiveKitPairTests {
    struct Pin: CustomStringConvertible, Sendable {
        var client: String
        var server: String
        var channel: String
        var rule: String
        var symbol: String
        var direction: String
        var kind: String
        var description: String { "\(client) x \(server) \(channel) \(rule) \(symbol)" }
    }

    static let pins: [Pin] = [
        // WorkerMessage field 4 was `job_update` (JobStatusUpdate) and became `update_job` (UpdateJobStatus):
        // an agent worker on 0.3.2 writes bytes a 0.4.0 server parses as another message.
        Pin(
            client: "0.3.2", server: "0.4.0", channel: "worker-messages", rule: "FIELD_SAME_TYPE",
            symbol: "livekit.WorkerMessage.update_job", direction: "both", kind: "breaking"),
        // RoomConfiguration.agent (6) was deleted in 0.7.0 (replaced by `agents` = 10): a token written
        // by a 0.6.0 backend carries a key the new server no longer knows.
        Pin(
            client: "0.6.0", server: "0.7.0", channel: "access-token", rule: "FIELD_NO_DELETE",
            symbol: "livekit.RoomConfiguration.agent", direction: "backward", kind: "breaking"),
        // CreateRoomRequest field 12 `config_name` was renamed `room_preset`: Twirp JSON uses proto names.
        Pin(
            client: "0.6.0", server: "0.7.0", channel: "twirp-requests", rule: "FIELD_SAME_NAME",
            symbol: "livekit.CreateRoomRequest.room_preset", direction: "both", kind: "breaking"),
        // BackupCodecPolicy 0 was REGRESSION and became PREFER_REGRESSION, REGRESSION moving to 2:
        // webhook JSON carries enum names, so "REGRESSION" changes meaning.
        Pin(
            client: "0.9.2", server: "1.0.0", channel: "webhook", rule: "ENUM_VALUE_SAME_NAME",
            symbol: "livekit.BackupCodecPolicy.PREFER_REGRESSION", direction: "both", kind: "breaking"),
        // KindDetail gained SIMULATION (5) in 1.1.21: strict webhook receivers on 1.1.20 reject the name,
        // while binary signalling clients only see an unknown value.
        Pin(
            client: "1.1.20", server: "1.1.21", channel: "webhook", rule: "ENUM_VALUE_ADDED",
            symbol: "livekit.ParticipantInfo.KindDetail.SIMULATION", direction: "forward", kind: "breaking"),
        Pin(
            client: "1.1.20", server: "1.1.21", channel: "signal-response", rule: "ENUM_VALUE_ADDED",
            symbol: "livekit.ParticipantInfo.KindDetail.SIMULATION", direction: "forward", kind: "hazard"),
        // AnalyticsRecorderService disappeared in 0.5.1: old clients calling it fail.
        Pin(
            client: "0.5.0", server: "0.5.1", channel: "twirp-requests", rule: "SERVICE_NO_DELETE",
            symbol: "livekit.AnalyticsRecorderService", direction: "both", kind: "breaking"),
    ]

    func pair(_ client: String, _ server: String) throws -> [String: Any] {
        let result = try CLITests().run(
            ["pair", "livekit-protocol==\(client)", "livekit-protocol==\(server)", "--preset", "livekit", "--format", "json"],
            in: CLITests.root)
        #expect(result.status == 0 || result.status == 1)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func findings(_ report: [String: Any], channel: String) -> [[String: Any]] {
        let channels = report["channels"] as? [[String: Any]] ?? []
        return channels.first { $0["channel"] as? String == channel }?["findings"] as? [[String: Any]] ?? []
    }

    @Test(arguments: pins)
    func realChangeHitsItsChannel(_ pin: Pin) throws {
        let report = try pair(pin.client, pin.server)
        let match = findings(report, channel: pin.channel).first { $0["rule"] as? String == pin.rule && $0["symbol"] as? String == pin.symbol }
        let finding = try #require(match, "\(pin) not reported")
        #expect(finding["direction"] as? String == pin.direction)
        #expect(finding["kind"] as? String == pin.kind)
    }

    @Test
    func theOtherWayRoundIsJudgedForTheOtherReader() throws {
        // A 1.1.21 receiver reading a 1.1.20 server's webhooks knows every name it gets.
        let report = try pair("1.1.21", "1.1.20")
        #expect(!findings(report, channel: "webhook").contains { $0["symbol"] as? String == "livekit.ParticipantInfo.KindDetail.SIMULATION" })
    }

    @Test
    func protocolTagsNameTheReleaseBuiltFromThem() throws {
        let text = try CLITests().run(["pair", "livekit-protocol==1.0.7", "v1.50.4", "--preset", "livekit"], in: CLITests.root).stdout
        #expect(text.hasPrefix("client 1.0.7 <-> server v1.50.4 (1.1.21)"))
        #expect(text.contains("\nwebhook: breaks (server v1.50.4 (1.1.21) -> receiver 1.0.7, json)"))
        let unknown = try CLITests().run(["pair", "livekit-protocol==0.0.1", "v1.50.2", "--preset", "livekit"], in: CLITests.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("livekit-protocol==0.0.1: error: no shipped snapshot of livekit-protocol 0.0.1; known versions: 0.1.0, "))
    }
}
