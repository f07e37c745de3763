import Compat
import ProtoFrontEnd
import ProtoModel
import Testing

/// Witnesses (`--explain`): the message each kind of break is shown with, exactly. The runtime oracle
/// replays every witness the engine finds with the official runtime (ci/runtime-oracle.py); these pin
/// the search's choices in the engine's own terms.
struct WitnessTests {
    func explained(_ old: String, _ new: String) throws -> CheckResult {
        func schema(_ text: String) throws -> Schema {
            try ProtoCompiler(source: InMemorySource(texts: ["a.proto": text])).compile(["a.proto"])
        }
        var options = CheckOptions(level: .source)
        options.explains = true
        return Checker.check(
            old: try schema(old), new: try schema(new), oldSide: .init(label: "v1", source: "v1"),
            newSide: .init(label: "v2", source: "v2"), options: options)
    }

    func witness(_ result: CheckResult, _ rule: String) throws -> Witness {
        let finding = try #require(result.findings.first { $0.rule == rule }, "\(rule) not among \(result.findings.map(\.rule))")
        guard case .shown(let witness)? = finding.witness else {
            Issue.record("\(rule) has no witness: \(String(describing: finding.witness))")
            throw CancellationError()
        }
        return witness
    }

    /// One kind of break, and the witness it must be shown with.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String
        let new: String
        let rule: String
        let writer: Witness.Side
        let encoding: Witness.Encoding
        let sent: String
        let bytes: String?
        let outcome: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Zigzag: an ordinary number reads with the other sign.
        Case(
            name: "zigzag", old: "message M { sint64 delta = 1; }", new: "message M { int64 delta = 1; }", rule: "FIELD_SAME_TYPE",
            writer: .new, encoding: .binary, sent: #"{"delta":"1"}"#, bytes: "08 01", outcome: #"{"delta":"-1"}"#),
        // Truncation: a value beyond 32 bits.
        Case(
            name: "truncation", old: "message M { int64 n = 1; }", new: "message M { int32 n = 1; }", rule: "FIELD_SAME_TYPE",
            writer: .old, encoding: .binary, sent: #"{"n":"4294967297"}"#, bytes: "08 81 80 80 80 10", outcome: #"{"n":1}"#),
        // A new oneof keeps only the last of two fields sent together.
        Case(
            name: "oneof", old: "message M { int32 a = 1; int32 b = 2; }", new: "message M { oneof choice { int32 a = 1; int32 b = 2; } }",
            rule: "FIELD_SAME_ONEOF", writer: .old, encoding: .binary, sent: #"{"a":1,"b":1}"#, bytes: "08 01 10 01", outcome: #"{"b":1}"#),
        // ProtoJSON knows a renumbered field by its name: sent beside a new oneof-mate, a strict reader refuses both.
        Case(
            name: "renumbered into a oneof", old: "message M { optional string token = 3; string room_name = 4; }",
            new: "message M { oneof room { string room_name = 2; string token = 3; } }", rule: "FIELD_SAME_ONEOF", writer: .old,
            encoding: .json, sent: #"{"token":"a","roomName":"a"}"#, bytes: nil,
            outcome: #"error: message type M should not have multiple "room" oneof fields"#),
        // A renumbered field's value arrives under the other field's name.
        Case(
            name: "renumbering", old: "message M { string a = 1; string b = 2; }", new: "message M { string a = 2; string b = 1; }",
            rule: "FIELD_SAME_NUMBER", writer: .new, encoding: .binary, sent: #"{"a":"a"}"#, bytes: "12 01 61", outcome: #"{"b":"a"}"#),
        // An open enum's reader keeps a number it does not list (the wire hazard comes before JSON's).
        Case(
            name: "enum value", old: "message M { E e = 1; } enum E { Z = 0; }", new: "message M { E e = 1; } enum E { Z = 0; PAUSED = 1; }",
            rule: "ENUM_VALUE_ADDED", writer: .new, encoding: .binary, sent: #"{"e":"PAUSED"}"#, bytes: "08 01", outcome: #"{"e":1}"#),
        // A strict ProtoJSON reader refuses a name it does not have.
        Case(
            name: "rename", old: "message M { string title = 1; }", new: "message M { string name = 1; }", rule: "FIELD_SAME_NAME",
            writer: .new, encoding: .json, sent: #"{"name":"a"}"#, bytes: nil, outcome: #"error: message type M has no field named "name""#),
    ]

    @Test(arguments: cases)
    func eachKindOfBreakHasItsWitness(_ kind: Case) throws {
        let result = try explained("syntax = \"proto3\"; " + kind.old, "syntax = \"proto3\"; " + kind.new)
        let shown = try witness(result, kind.rule)
        #expect(shown.writer == kind.writer && shown.reader != kind.writer && shown.encoding == kind.encoding)
        #expect(shown.sent == kind.sent && shown.bytes == kind.bytes)
        #expect((shown.received ?? "error: " + (shown.error ?? "")) == kind.outcome)
    }

    @Test func aNewRequiredFieldRefusesTheOldEmptyMessage() throws {
        let result = try explained(
            "syntax = \"proto2\"; message M { optional int32 a = 1; }",
            "syntax = \"proto2\"; message M { required int32 a = 1; }")
        let shown = try witness(result, "FIELD_SAME_CARDINALITY")
        #expect(shown.writer == .old && shown.sent == "{}" && shown.error == "missing required field M.a")
    }

    /// Editions' required presence is required too: the writer sets the field, and a reader refuses a
    /// message without it (before, witnesses left it out and the runtime could not even write them).
    @Test func anEditionsRequiredFieldIsSetInEveryWitness() throws {
        let old =
            "edition = \"2023\"; message Part { string label = 1; } message Box { string id = 1 [features.field_presence = LEGACY_REQUIRED]; Part part = 2; }"
        let result = try explained(old, old.replacingOccurrences(of: "Part part = 2;", with: "Part part = 2 [features.message_encoding = DELIMITED];"))
        let shown = try witness(result, "FIELD_SAME_TYPE")
        #expect(shown.sent == #"{"id":"a","part":{}}"# && shown.bytes == "0a 01 61 13 14")
        let required = try explained(
            "edition = \"2023\"; message M { int32 a = 1; }", "edition = \"2023\"; message M { int32 a = 1 [features.field_presence = LEGACY_REQUIRED]; }")
        let refused = try witness(required, "FIELD_SAME_CARDINALITY")
        #expect(refused.writer == .old && refused.sent == "{}" && refused.error == "missing required field M.a")
    }

    /// An enum that closes loses an old open writer's unlisted numbers: new readers of old data only.
    @Test func anEnumThatClosesBreaksNewReadersOnly() throws {
        let open = "edition = \"2023\"; enum E { A = 0; B = 1; } message M { E e = 1; }"
        let closed = open.replacingOccurrences(of: "enum E {", with: "enum E { option features.enum_type = CLOSED;")
        let closing = try #require(try explained(open, closed).findings.first { $0.rule == "ENUM_SAME_TYPE" })
        #expect(closing.direction == .backward && closing.verdicts.json == .hazard)
        let opening = try #require(try explained(closed, open).findings.first { $0.rule == "ENUM_SAME_TYPE" })
        #expect(opening.direction == .forward && opening.verdicts.wire == .hazard)
    }

    @Test func aRenumberedExtensionIsSentOnTheMessageItExtends() throws {
        let old = "syntax = \"proto2\"; package p; message Host { extensions 100 to 200; } extend Host { optional int32 ext = 100; }"
        let result = try explained(old, old.replacingOccurrences(of: "ext = 100", with: "ext = 101"))
        let shown = try witness(result, "EXTENSION_SAME_NUMBER")
        #expect(shown.type == "p.Host" && shown.sent == #"{"[p.ext]":1}"# && shown.bytes == "a8 06 01")
        #expect(shown.received == "{}" && shown.unknownFields == [101])
    }

    @Test func anExtensionRenamedWithItsPackageIsRefusedByName() throws {
        func schema(_ package: String) throws -> Schema {
            let texts = [
                "host.proto": "syntax = \"proto2\"; package h; message Host { extensions 100 to 200; }",
                "ext.proto": "syntax = \"proto2\"; package \(package); import \"host.proto\"; extend h.Host { optional int32 ext = 100; }",
            ]
            return try ProtoCompiler(source: InMemorySource(texts: texts)).compile(["host.proto", "ext.proto"])
        }
        var options = CheckOptions(level: .source)
        options.explains = true
        let result = Checker.check(
            old: try schema("p"), new: try schema("p.moved"), oldSide: .init(label: "v1", source: "v1"),
            newSide: .init(label: "v2", source: "v2"), options: options)
        let finding = try #require(result.findings.first { $0.rule == "FIELD_SAME_NAME" && $0.symbol == "p.moved.ext" })
        guard case .shown(let shown)? = finding.witness else {
            Issue.record("no witness: \(String(describing: finding.witness))")
            return
        }
        #expect(shown.type == "h.Host" && shown.encoding == .json)
        #expect(
            shown.error
                == (shown.writer == .old ? #"message type h.Host has no field named "[p.ext]""# : #"message type h.Host has no field named "[p.moved.ext]""#))
    }

    @Test func rpcChangesSayWhyNoMessageShowsThem() throws {
        let result = try explained(
            "syntax = \"proto3\"; message A {} service S { rpc Go(A) returns (A); }",
            "syntax = \"proto3\"; message A {} service S {}")
        let finding = try #require(result.findings.first { $0.rule == "RPC_NO_DELETE" })
        #expect(finding.witness == .none(reason: WitnessReasons.calls))
    }

    @Test func safeFindingsNeedNoWitness() throws {
        let result = try explained(
            "syntax = \"proto3\"; message M { int32 a = 1; }",
            "syntax = \"proto3\"; message M { int32 a = 1 [deprecated = true]; }")
        #expect(!result.findings.isEmpty && result.findings.allSatisfy { $0.witness == nil })
    }
}
