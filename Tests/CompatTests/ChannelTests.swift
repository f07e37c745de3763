import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Testing

/// Roles: which channels reach a change, what each channel's encodings make of it, who breaks, and
/// the per-channel answer of `pair`.
struct ChannelTests {
    func schema(_ text: String) throws -> Schema {
        try ProtoCompiler(source: InMemorySource(texts: ["a.proto": text])).compile(["a.proto"])
    }

    static let roles = """
        version: 1
        roles:
          events:
            messages: [p.Event]
            writer: server
            reader: receiver
            encodings: [json]
            json_names: camel
            unknown_json: reject
          api-requests:
            requests_of: ["p.*"]
            writer: client
            reader: server
            encodings: [binary, json]
            json_names: proto
            unknown_json: ignore
          api-responses:
            responses_of: ["p.*"]
            writer: server
            reader: client
            encodings: [binary]
        """

    func channels() throws -> [Channel] {
        try #require(try CheckConfig.parse(Array(Self.roles.utf8), path: "roles.yaml").channels)
    }

    func check(_ old: String, _ new: String, level: Level = .wireJSON) throws -> CheckResult {
        Checker.check(
            old: try schema(old), new: try schema(new), oldSide: .init(label: "old", source: "old"),
            newSide: .init(label: "new", source: "new"), options: CheckOptions(level: level, channels: try channels()))
    }

    static let base = """
        syntax = "proto3"; package p;
        message Event { Room room = 1; }
        message Room { string name = 1; int32 size = 2; }
        message Req { string room_name = 1; }
        message Resp { Room room = 1; }
        service Api { rpc Get(Req) returns (Resp); }
        message Internal { int32 x = 1; }
        """

    @Test func rolesAreReadWithTheirDefaults() throws {
        let channels = try channels()
        #expect(channels.map(\.name) == ["events", "api-requests", "api-responses"])
        #expect(channels[0].encodings == [.json] && channels[0].unknownJSON == .reject && channels[0].jsonNames == .camel)
        #expect(channels[2].jsonNames == .any && channels[2].unknownJSON == .unspecified)
    }

    @Test func badRolesSayWhatToFix() throws {
        // Each error names the line and column of the value to fix.
        let cases: [(String, String, String)] = [
            ("roles:\n  x:\n    messages: [a.B]\n    writer: client\n", "2:3", "roles.x needs a writer and a reader"),
            ("roles:\n  x:\n    writer: client\n    reader: server\n", "2:3", "roles.x carries nothing"),
            ("roles:\n  x:\n    messages: [a.B]\n    writer: c\n    reader: s\n    encodings: [xml]\n", "6:17", "unknown encoding \"xml\""),
            ("roles:\n  x:\n    messages: [a.B]\n    writer: c\n    reader: s\n    json_names: kebab\n", "6:5", "json_names must be camel, proto or any"),
            ("roles:\n  x:\n    messages: [a.B]\n    writer: c\n    reader: s\n    colour: red\n", "6:5", "unknown key \"roles.x.colour\""),
            ("version: 1\nroles: [a]\n", "2:1", "roles must be a mapping"),
            ("ignore:\n  - rule: FIELD_SAME_NAME\n    symbol: a.*\n    reason: ok\n    expires: soon\n", "5:5", "expires must be a date"),
            ("ignore:\n  - rule: FIELD_SAME_NAME\n  - rule: NOPE\n", "2:5", "needs a symbol"),
        ]
        for (text, position, message) in cases {
            #expect(throws: CheckConfig.Failure.self) { try CheckConfig.parse(Array(text.utf8), path: "c.yaml") }
            do {
                _ = try CheckConfig.parse(Array(text.utf8), path: "c.yaml")
            } catch {
                #expect(error.description.hasPrefix("c.yaml:\(position): error: "), "\(error.description)")
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
    }

    @Test func aChangeNamesTheChannelsThatReachItWithTheRoute() throws {
        let result = try check(Self.base, Self.base.replacingOccurrences(of: "int32 size = 2;", with: "int64 size = 2;"))
        let finding = try #require(result.findings.first { $0.rule == "FIELD_SAME_TYPE" })
        #expect(finding.channels.map(\.channel) == ["events", "api-responses"])
        #expect(finding.channels[0].route == "Event.room -> Room")
        #expect(finding.channels[1].route == "Resp.room -> Room")
        #expect(finding.channels[1].effect == "old client reads what new server writes")
    }

    @Test func findingsNoChannelReachesHaveNone() throws {
        let result = try check(Self.base, Self.base.replacingOccurrences(of: "int32 x = 1;", with: "string x = 1;"))
        let finding = try #require(result.findings.first { $0.rule == "FIELD_SAME_TYPE" })
        #expect(finding.channels.isEmpty)
        #expect(result.kind(of: finding) == .breaking)
    }

    @Test func strictJSONReadersBreakOnAddedFieldsOthersDoNot() throws {
        let result = try check(Self.base, Self.base.replacingOccurrences(of: "int32 size = 2;", with: "int32 size = 2; string topic = 3;"))
        let added = try #require(result.findings.first { $0.rule == "FIELD_ADDED" })
        #expect(result.kind(of: added, in: "events") == .breaking)
        #expect(result.kind(of: added, in: "api-responses") == .safe)
        #expect(added.channels.first { $0.channel == "events" }?.effect == "old receiver reads what new server writes")
    }

    @Test func jsonNamesDecideWhetherARenameOrAJSONNameChangeMatters() throws {
        // Renamed, json_name kept: camelCase readers never see it; proto-name readers do.
        let renamed = try check(
            Self.base,
            Self.base.replacingOccurrences(of: "string name = 1;", with: "string title = 1 [json_name = \"name\"];")
                .replacingOccurrences(of: "string room_name = 1;", with: "string room = 1 [json_name = \"roomName\"];"))
        let eventRename = try #require(renamed.findings.first { $0.rule == "FIELD_SAME_NAME" && $0.symbol == "p.Room.title" })
        #expect(renamed.kind(of: eventRename, in: "events") == .safe)
        let requestRename = try #require(renamed.findings.first { $0.rule == "FIELD_SAME_NAME" && $0.symbol == "p.Req.room" })
        #expect(renamed.kind(of: requestRename, in: "api-requests") == .breaking)
        // json_name changed, proto name kept: proto-name JSON does not care.
        let jsonName = try check(Self.base, Self.base.replacingOccurrences(of: "string room_name = 1;", with: "string room_name = 1 [json_name = \"room\"];"))
        let change = try #require(jsonName.findings.first { $0.rule == "FIELD_SAME_JSON_NAME" })
        #expect(jsonName.kind(of: change, in: "api-requests") == .safe)
    }

    @Test func aBinaryOnlyChannelIgnoresJSONOnlyBreaks() throws {
        let result = try check(Self.base, Self.base.replacingOccurrences(of: "message Resp { Room room = 1; }", with: "message Resp { Room place = 1; }"))
        let rename = try #require(result.findings.first { $0.rule == "FIELD_SAME_NAME" && $0.symbol == "p.Resp.place" })
        #expect(result.kind(of: rename, in: "api-responses") == .safe)
        #expect(result.kind(of: rename) == .safe)
    }

    @Test func pairJudgesEachChannelForItsReader() throws {
        let newer = Self.base.replacingOccurrences(of: "int32 size = 2;", with: "int32 size = 2; string topic = 3;")
        // Client on the old version, server on the new one: the server writes events with a field old receivers reject.
        let oldClient = PairAnalysis(try check(Self.base, newer))
        #expect(oldClient.answers.first { $0.channel.name == "events" }?.verdict == .breaking)
        #expect(oldClient.answers.first { $0.channel.name == "events" }?.readerVersion == "old")
        #expect(oldClient.isBreaking)
        // Client on the new version, server on the old one (the check's "new" side): the server writes
        // events without the field; new receivers read them.
        let newClient = PairAnalysis(try check(newer, Self.base))
        #expect(newClient.answers.first { $0.channel.name == "events" }?.verdict != .breaking)
        #expect(newClient.answers.first { $0.channel.name == "events" }?.writerVersion == "new")
        #expect(newClient.answers.first { $0.channel.name == "events" }?.readerVersion == "old")
    }

    @Test func servicesImplyRequestAndResponseChannelsByDefault() throws {
        let result = Checker.check(
            old: try schema(Self.base),
            new: try schema(
                Self.base.replacingOccurrences(of: "rpc Get(Req) returns (Resp);", with: "rpc Get(Req) returns (Resp); rpc Put(Req) returns (Resp);")),
            oldSide: .init(label: "1", source: "1"), newSide: .init(label: "2", source: "2"), options: CheckOptions())
        #expect(result.channels.map(\.name) == ["p.Api requests", "p.Api responses"])
        let added = try #require(result.findings.first { $0.rule == "RPC_ADDED" })
        #expect(added.direction == .forward)
        #expect(added.channels.map(\.channel) == ["p.Api requests"])
        #expect(added.channels.first?.effect == "old server reads what new client writes")
    }

    @Test func theShippedPresetIsEmbeddedAndReadable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(Presets.names == ["examples", "livekit"])
        for name in Presets.names {
            let shipped = try String(contentsOf: root.appendingPathComponent("schemas/\(name)/protocompat.yaml"), encoding: .utf8)
            #expect(Presets.text(name) == shipped, "stale: run scripts/generate-presets.sh")
        }
        let channels = try #require(try Presets.load("livekit").channels)
        #expect(
            channels.map(\.name) == [
                "signal-request", "signal-response", "twirp-requests", "twirp-responses", "webhook",
                "access-token", "worker-messages", "server-messages",
            ])
        #expect(throws: CheckConfig.Failure.self) { try Presets.load("nope") }
    }
}
