import ProtoModel

/// An RPC's idempotency level changed.
struct RPCSameIdempotencyLevel: CompatRule {
    let info = RuleInfo(
        id: "RPC_SAME_IDEMPOTENCY_LEVEL",
        title: "RPC idempotency level changed",
        summary: "RPCs keep their idempotency_level option.",
        rationale: "Clients and proxies retry or cache calls (and some transports use HTTP GET) by the declared idempotency level.",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message A {} service S { «rpc M(A) returns (A); }",
                after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A) { «option idempotency_level = NO_SIDE_EFFECTS; } }", findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe)),
            RuleExample(
                before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A) { option idempotency_level = IDEMPOTENCY_UNKNOWN; } }", findings: 0),
        ])

    static func level(_ method: Method) -> String {
        if case .enumValue(let name)? = method.options["idempotency_level"] { return name }
        return "IDEMPOTENCY_UNKNOWN"
    }

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.calls }

    func check(_ pair: SchemaPair) -> [Finding] {
        MethodPairs.all(pair).compactMap { o, n, service, file in
            let before = Self.level(o)
            let after = Self.level(n)
            guard before != after else { return nil }
            var finding = MethodPairs.finding(
                info.id, o, n, service, file, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe),
                direction: .both, old: before, new: after)
            finding.location = n.options.span(of: "idempotency_level") ?? n.span
            return finding
        }
    }

    func message(_ finding: Finding) -> String {
        "RPC \"\(finding.argument(.method))\" on service \"\(finding.argument(.service))\" changed option \"idempotency_level\" from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
