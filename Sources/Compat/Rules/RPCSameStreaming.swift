import ProtoModel

/// An RPC's client or server streaming changed (RPC_SAME_CLIENT_STREAMING, RPC_SAME_SERVER_STREAMING).
struct RPCSameStreaming: CompatRule {
    let info: RuleInfo
    let side: String
    let streaming: @Sendable (Method) -> Bool

    static let client = RPCSameStreaming(
        info: RuleInfo(
            id: "RPC_SAME_CLIENT_STREAMING",
            title: "RPC client streaming changed",
            summary: "RPCs keep their client streaming.",
            rationale: "Streaming changes the call's framing: the other side cannot handle it (grpc.io/docs/what-is-grpc/core-concepts/).",
            bufCategories: .wire,
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} service S { «rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} service S { «rpc M(stream A) returns (A); }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (stream A); }", findings: 0),
            ]), side: "client", streaming: { $0.clientStreaming })

    static let server = RPCSameStreaming(
        info: RuleInfo(
            id: "RPC_SAME_SERVER_STREAMING",
            title: "RPC server streaming changed",
            summary: "RPCs keep their server streaming.",
            rationale: "Streaming changes the call's framing: the other side cannot handle it (grpc.io/docs/what-is-grpc/core-concepts/).",
            bufCategories: .wire,
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} service S { «rpc M(A) returns (stream A); }",
                    after: "syntax = \"proto3\"; message A {} service S { «rpc M(A) returns (A); }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} service S { rpc M(stream A) returns (A); }", findings: 0),
            ]), side: "server", streaming: { $0.serverStreaming })

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.calls }

    func check(_ pair: SchemaPair) -> [Finding] {
        MethodPairs.all(pair).compactMap { o, n, service, file in
            guard streaming(o) != streaming(n) else { return nil }
            return MethodPairs.finding(
                info.id, o, n, service, file, verdicts: .breakingEverywhere, direction: .both,
                old: streaming(o) ? "streaming" : "unary", new: streaming(n) ? "streaming" : "unary")
        }
    }

    func message(_ finding: Finding) -> String {
        "RPC \"\(finding.argument(.method))\" on service \"\(finding.argument(.service))\" changed from \(side) \(finding.argument(.old)) to \(side) \(finding.argument(.new))."
    }
}
