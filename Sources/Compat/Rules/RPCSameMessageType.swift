import ProtoModel

/// An RPC's request or response type changed (RPC_SAME_REQUEST_TYPE, RPC_SAME_RESPONSE_TYPE).
struct RPCSameMessageType: CompatRule {
    let info: RuleInfo
    let side: String
    let type: @Sendable (Method) -> String

    static let request = RPCSameMessageType(
        info: RuleInfo(
            id: "RPC_SAME_REQUEST_TYPE",
            title: "RPC request type changed",
            summary: "RPCs keep their request type.",
            rationale:
                "Servers decode requests as the declared type. The two types are compared as a kept type that changed would be (StructuralComparison): a type with another encoding is misread, one that only grew is an addition, one with the same encoding is wire-safe (buf flags every change). Old clients meet new servers and new clients old servers, so the direction is the comparison's.",
            bufCategories: .wire,
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { «rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { «rpc M(B) returns (A); }", findings: 1,
                    verdicts: .breakingEverywhere),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} message B {} service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} message B {} service S { rpc M(.A) returns (B); }", findings: 0),
            ]), side: "request", type: { $0.inputType })

    static let response = RPCSameMessageType(
        info: RuleInfo(
            id: "RPC_SAME_RESPONSE_TYPE",
            title: "RPC response type changed",
            summary: "RPCs keep their response type.",
            rationale:
                "Clients decode responses as the declared type, compared as for requests: a type with another encoding is misread, one that only grew is an addition.",
            bufCategories: .wire,
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { «rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { «rpc M(A) returns (B); }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} message B {} service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} message B {} service S { rpc M(B) returns (.A); }", findings: 0),
            ]), side: "response", type: { $0.outputType })

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.calls }

    func check(_ pair: SchemaPair) -> [Finding] {
        MethodPairs.all(pair).compactMap { o, n, service, file in
            guard type(o) != type(n) else { return nil }
            // Data of the old type read as the new one, judged as a kept type that changed would be.
            var comparison = StructuralComparison(pair)
            let outcome = comparison.compare(type(o), type(n))
            return MethodPairs.finding(
                info.id, o, n, service, file,
                verdicts: Verdicts(wire: outcome.wire, json: outcome.json, source: .breaking),
                direction: outcome.direction, old: type(o), new: type(n))
        }
    }

    func message(_ finding: Finding) -> String {
        "RPC \"\(finding.argument(.method))\" on service \"\(finding.argument(.service))\" changed \(side) type from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
