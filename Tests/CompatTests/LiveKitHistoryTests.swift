import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Testing

/// Real breaking changes from LiveKit's protocol history (../shared/corpus/livekit), each verified by
/// reading the two tags' files. The comment on each case says what the files show.
struct LiveKitHistoryTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    static var available: Bool { FileManager.default.fileExists(atPath: corpus + "/livekit/MANIFEST.tsv") }

    struct Case: Sendable, CustomStringConvertible {
        var old: String, new: String, rule: String, symbol: String, from: String, to: String, wire: Verdict
        var description: String { "\(old)->\(new) \(rule) \(symbol)" }
    }

    static let cases: [Case] = [
        // AnalyticsStat was renumbered: field 8 was `uint64 total_packets`, now `string track_id`.
        Case(
            old: "v0.11.12", new: "v0.11.13", rule: "FIELD_SAME_TYPE", symbol: "livekit.AnalyticsStat.track_id", from: "uint64", to: "string", wire: .breaking),
        // ... and field 7 was `double jitter`, now `string participant_id`.
        Case(
            old: "v0.11.12", new: "v0.11.13", rule: "FIELD_SAME_TYPE", symbol: "livekit.AnalyticsStat.participant_id", from: "double", to: "string",
            wire: .breaking),
        // RecordingResponse: field 2 was `bool success`, now `string error`.
        Case(old: "v0.9.6", new: "v0.9.7", rule: "FIELD_SAME_TYPE", symbol: "livekit.RecordingResponse.error", from: "bool", to: "string", wire: .breaking),
        // AnalyticsEvent field 11 was the enum `ClientInfo.SDK sdk_type`, now the message `ClientInfo client_info`.
        Case(
            old: "v0.11.10", new: "v0.11.11", rule: "FIELD_SAME_TYPE", symbol: "livekit.AnalyticsEvent.client_info", from: "livekit.ClientInfo.SDK",
            to: "livekit.ClientInfo", wire: .breaking),
        // SignalResponse field 13 changed from StreamedTracksUpdate to StreamStateUpdate: judged as a kept type
        // would be, field 1 is renamed (JSON) and keeps its encoding, field 2 `resumed` is deleted unreserved
        // (a wire hazard), StreamStateInfo adds `state`.
        Case(
            old: "v0.10.3", new: "v0.10.4", rule: "FIELD_SAME_TYPE", symbol: "livekit.SignalResponse.stream_state_update", from: "livekit.StreamedTracksUpdate",
            to: "livekit.StreamStateUpdate", wire: .hazard),
        // Ingress.DeleteIngress returned google.protobuf.Empty, now IngressInfo: every field of IngressInfo is an
        // addition to Empty (wire-safe; a JSON hazard for old strict readers), not a different structure.
        Case(
            old: "v0.13.4", new: "v1.0.0", rule: "RPC_SAME_RESPONSE_TYPE", symbol: "livekit.Ingress.DeleteIngress", from: "google.protobuf.Empty",
            to: "livekit.IngressInfo", wire: .safe),
        // WorkerMessage.update_job switched from JobStatusUpdate to UpdateJobStatus: inside it `user_data` (4) was
        // renamed `metadata` (a JSON break) and `load` (5) added; the binary encoding still reads.
        Case(
            old: "v1.12.0", new: "v1.14.0", rule: "FIELD_SAME_TYPE", symbol: "livekit.WorkerMessage.update_job", from: "livekit.JobStatusUpdate",
            to: "livekit.UpdateJobStatus", wire: .safe),
        // A renamed type compared at depth: SignalResponse field 22 switched from ErrorResponse to RequestResponse,
        // whose nested enum Reason was renamed too and renamed its value 0 from UNKNOWN to OK: the enum values
        // keep their numbers (wire-safe) but not their names (a JSON break), found two levels down.
        Case(
            old: "v1.19.3", new: "v1.20.0", rule: "FIELD_SAME_TYPE", symbol: "livekit.SignalResponse.request_response", from: "livekit.ErrorResponse",
            to: "livekit.RequestResponse", wire: .safe),
        // Renumbering: SIPCallInfo gained `created_at` = 9 and pushed started_at, ended_at and disconnect_reason
        // up by one in a patch release: old data's started_at now reads as created_at.
        Case(old: "v1.27.0", new: "v1.27.1", rule: "FIELD_SAME_NUMBER", symbol: "livekit.SIPCallInfo.started_at", from: "9", to: "10", wire: .breaking),
        // An enum shift: JobStatus gained JS_RUNNING = 1; JS_SUCCESS moved from 1 to 2, so old data's "success"
        // now reads as "running".
        Case(old: "v1.19.0", new: "v1.19.1", rule: "ENUM_VALUE_SAME_NUMBER", symbol: "livekit.JobStatus.JS_SUCCESS", from: "1", to: "2", wire: .breaking),
        // A custom option renumbered: logger.redact moved from 50001 to 91841.
        Case(old: "v1.43.4", new: "v1.44.0", rule: "EXTENSION_SAME_NUMBER", symbol: "logger.redact", from: "50001", to: "91841", wire: .breaking),
        // Several fields into a new oneof: IngressAudioOptions' `preset` and `options` became `oneof encoding_options`;
        // an old writer may set both, the new reader keeps one.
        Case(
            old: "v1.5.0", new: "v1.5.1", rule: "FIELD_SAME_ONEOF", symbol: "livekit.IngressAudioOptions.preset", from: "", to: "encoding_options",
            wire: .breaking),
        // rpc.AgentDispatchInternal.CreateDispatch took CreateAgentDispatchRequest, now AgentDispatch.
        Case(
            old: "v1.23.0", new: "v1.24.0", rule: "RPC_SAME_REQUEST_TYPE", symbol: "rpc.AgentDispatchInternal.CreateDispatch",
            from: "livekit.CreateAgentDispatchRequest", to: "livekit.AgentDispatch", wire: .breaking),
        // MetricsBatch field 1 was repeated, now `int64 timestamp_ms`.
        Case(
            old: "v1.21.0", new: "v1.22.0", rule: "FIELD_SAME_CARDINALITY", symbol: "livekit.MetricsBatch.timestamp_ms", from: "repeated",
            to: "optional with implicit presence", wire: .breaking),
        // ListPhoneNumbersRequest field 2 became `repeated PhoneNumberStatus statuses`.
        Case(
            old: "v1.42.2", new: "v1.43.0", rule: "FIELD_SAME_CARDINALITY", symbol: "livekit.ListPhoneNumbersRequest.statuses",
            from: "optional with implicit presence", to: "repeated", wire: .breaking),
        // Egress.UpdateOutputs was removed in v1.8.1: old clients calling it get UNIMPLEMENTED.
        Case(old: "v1.8.0", new: "v1.8.1", rule: "RPC_NO_DELETE", symbol: "livekit.Egress.UpdateOutputs", from: "", to: "", wire: .breaking),
        // livekit.AgentService left livekit_agent.proto in v1.19.2.
        Case(old: "v1.19.1", new: "v1.19.2", rule: "SERVICE_NO_DELETE", symbol: "livekit.AgentService", from: "", to: "", wire: .breaking),
    ]

    func schema(_ tag: String) throws -> Schema {
        let root = Self.corpus + "/livekit/" + tag
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let item = enumerator?.nextObject() as? String { if item.hasSuffix(".proto") { files.append(item) } }
        let source = IncludeRootSource(roots: [root, Self.corpus + "/livekit-deps/psrpc"])
        return try ProtoCompiler(source: source).compile(files.sorted())
    }

    @Test(.enabled(if: available, "needs ../shared/corpus/livekit (the corpus is not here: skipped)"), arguments: cases)
    func realBreakingChange(_ c: Case) throws {
        let result = Checker.check(
            old: try schema(c.old), new: try schema(c.new), oldSide: .init(label: c.old, source: c.old),
            newSide: .init(label: c.new, source: c.new), options: CheckOptions(level: .wire))
        let finding = result.findings.first { $0.rule == c.rule && $0.symbol == c.symbol }
        let found = try #require(finding, "\(c): not found among \(result.findings.map { "\($0.rule) \($0.symbol)" })")
        if !c.from.isEmpty || !c.to.isEmpty {
            #expect(found.arguments[.old] == c.from)
            #expect(found.arguments[.new] == c.to)
        }
        #expect(found.verdicts.wire == c.wire)
        #expect(result.breaks(found) == (c.wire == .breaking))
    }
}
