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
        return Checker.check(old: try schema(old), new: try schema(new), oldSide: .init(label: "v1", source: "v1"),
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

    @Test func zigzagShowsAnOrdinaryNumberReadWithTheOtherSign() throws {
        let result = try explained("syntax = \"proto3\"; message M { sint64 delta = 1; }", "syntax = \"proto3\"; message M { int64 delta = 1; }")
        let shown = try witness(result, "FIELD_SAME_TYPE")
        #expect(shown.encoding == .binary && shown.writer == .new && shown.reader == .old)
        #expect(shown.sent == #"{"delta":"1"}"# && shown.bytes == "08 01" && shown.received == #"{"delta":"-1"}"#)
    }

    @Test func truncationShowsAValueBeyond32Bits() throws {
        let result = try explained("syntax = \"proto3\"; message M { int64 n = 1; }", "syntax = \"proto3\"; message M { int32 n = 1; }")
        let shown = try witness(result, "FIELD_SAME_TYPE")
        #expect(shown.writer == .old && shown.sent == #"{"n":"4294967297"}"# && shown.received == #"{"n":1}"#)
    }

    @Test func oneofKeepsOnlyTheLastOfTwoFields() throws {
        let result = try explained("syntax = \"proto3\"; message M { int32 a = 1; int32 b = 2; }",
                                   "syntax = \"proto3\"; message M { oneof choice { int32 a = 1; int32 b = 2; } }")
        let shown = try witness(result, "FIELD_SAME_ONEOF")
        #expect(shown.writer == .old && shown.sent == #"{"a":1,"b":1}"# && shown.received == #"{"b":1}"#)
    }

    @Test func renumberedFieldArrivesUnderAnotherName() throws {
        let result = try explained("syntax = \"proto3\"; message M { string a = 1; string b = 2; }",
                                   "syntax = \"proto3\"; message M { string a = 2; string b = 1; }")
        let shown = try witness(result, "FIELD_SAME_NUMBER")
        #expect(shown.encoding == .binary && shown.sent == #"{"a":"a"}"#)
        #expect(shown.received == #"{"b":"a"}"#)
    }

    @Test func strictJSONReaderRefusesANewEnumName() throws {
        let result = try explained("syntax = \"proto3\"; message M { E e = 1; } enum E { Z = 0; }",
                                   "syntax = \"proto3\"; message M { E e = 1; } enum E { Z = 0; PAUSED = 1; }")
        let shown = try witness(result, "ENUM_VALUE_ADDED")
        // The binary reader keeps the number (an open enum); shown first, as the wire hazard.
        #expect(shown.encoding == .binary && shown.sent == #"{"e":"PAUSED"}"# && shown.received == #"{"e":1}"#)
    }

    @Test func aNewRequiredFieldRefusesTheOldEmptyMessage() throws {
        let result = try explained("syntax = \"proto2\"; message M { optional int32 a = 1; }",
                                   "syntax = \"proto2\"; message M { required int32 a = 1; }")
        let shown = try witness(result, "FIELD_SAME_CARDINALITY")
        #expect(shown.writer == .old && shown.sent == "{}" && shown.error == "missing required field M.a")
    }

    @Test func rpcChangesSayWhyNoMessageShowsThem() throws {
        let result = try explained("syntax = \"proto3\"; message A {} service S { rpc Go(A) returns (A); }",
                                   "syntax = \"proto3\"; message A {} service S {}")
        let finding = try #require(result.findings.first { $0.rule == "RPC_NO_DELETE" })
        #expect(finding.witness == .none(reason: WitnessReasons.calls))
    }

    @Test func safeFindingsNeedNoWitness() throws {
        let result = try explained("syntax = \"proto3\"; message M { int32 a = 1; }",
                                   "syntax = \"proto3\"; message M { int32 a = 1 [deprecated = true]; }")
        #expect(!result.findings.isEmpty && result.findings.allSatisfy { $0.witness == nil })
    }
}
