import ProtoModel

/// Methods present in both versions, paired by service and name.
enum MethodPairs {
    static func all(_ pair: SchemaPair) -> [(old: Method, new: Method, service: Service, file: ProtoFile)] {
        pair.servicePairs.flatMap { old, new, _, newFile in
            new.methods.compactMap { method in
                old.methods.first { $0.name == method.name }.map { ($0, method, new, newFile) }
            }
        }
    }

    static func finding(_ rule: String, _ o: Method, _ n: Method, _ service: Service, _ file: ProtoFile, verdicts: Verdicts,
                        direction: Direction, old: String, new: String) -> Finding {
        Finding(rule: rule, symbol: service.fullName + "." + n.name, verdicts: verdicts, direction: direction, location: n.span,
                previousLocation: o.span, file: file.name, arguments: ["service": service.name, "method": n.name, "old": old, "new": new])
    }
}

/// An RPC's request or response type changed (RPC_SAME_REQUEST_TYPE, RPC_SAME_RESPONSE_TYPE).
struct RPCSameMessageType: CompatRule {
    let info: RuleInfo
    let side: String
    let type: @Sendable (Method) -> String

    static let request = RPCSameMessageType(info: RuleInfo(
        id: "RPC_SAME_REQUEST_TYPE",
        title: "RPC request type changed",
        summary: "RPCs keep their request type.",
        rationale: "Servers decode requests as the declared type. The two types are compared as a kept type that changed would be (StructuralComparison): a type with another encoding is misread, one that only grew is an addition, one with the same encoding is wire-safe (buf flags every change). Old clients meet new servers and new clients old servers, so the direction is the comparison's.",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { rpc M(A) returns (A); }",
                        after: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { rpc M(B) returns (A); }", findings: 1,
                        verdicts: .breakingEverywhere),
        ]), side: "request", type: { $0.inputType })

    static let response = RPCSameMessageType(info: RuleInfo(
        id: "RPC_SAME_RESPONSE_TYPE",
        title: "RPC response type changed",
        summary: "RPCs keep their response type.",
        rationale: "Clients decode responses as the declared type, compared as for requests: a type with another encoding is misread, one that only grew is an addition.",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { rpc M(A) returns (A); }",
                        after: "syntax = \"proto3\"; message A { int32 x = 1; } message B { string y = 1; } service S { rpc M(A) returns (B); }", findings: 1),
        ]), side: "response", type: { $0.outputType })

    func check(_ pair: SchemaPair) -> [Finding] {
        MethodPairs.all(pair).compactMap { o, n, service, file in
            guard type(o) != type(n) else { return nil }
            // Data of the old type read as the new one, judged as a kept type that changed would be.
            var comparison = StructuralComparison(pair)
            let outcome = comparison.compare(type(o), type(n))
            return MethodPairs.finding(info.id, o, n, service, file,
                                       verdicts: Verdicts(wire: outcome.wire, json: outcome.json, source: .breaking),
                                       direction: outcome.direction, old: type(o), new: type(n))
        }
    }

    func message(_ finding: Finding) -> String {
        "RPC \"\(finding.arguments["method"] ?? "")\" on service \"\(finding.arguments["service"] ?? "")\" changed \(side) type from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
    }
}

/// An RPC's client or server streaming changed (RPC_SAME_CLIENT_STREAMING, RPC_SAME_SERVER_STREAMING).
struct RPCSameStreaming: CompatRule {
    let info: RuleInfo
    let side: String
    let streaming: @Sendable (Method) -> Bool

    static let client = RPCSameStreaming(info: RuleInfo(
        id: "RPC_SAME_CLIENT_STREAMING",
        title: "RPC client streaming changed",
        summary: "RPCs keep their client streaming.",
        rationale: "Streaming changes the call's framing: the other side cannot handle it (grpc.io/docs/what-is-grpc/core-concepts/).",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                        after: "syntax = \"proto3\"; message A {} service S { rpc M(stream A) returns (A); }", findings: 1),
        ]), side: "client", streaming: { $0.clientStreaming })

    static let server = RPCSameStreaming(info: RuleInfo(
        id: "RPC_SAME_SERVER_STREAMING",
        title: "RPC server streaming changed",
        summary: "RPCs keep their server streaming.",
        rationale: "Streaming changes the call's framing: the other side cannot handle it (grpc.io/docs/what-is-grpc/core-concepts/).",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (stream A); }",
                        after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }", findings: 1),
        ]), side: "server", streaming: { $0.serverStreaming })

    func check(_ pair: SchemaPair) -> [Finding] {
        MethodPairs.all(pair).compactMap { o, n, service, file in
            guard streaming(o) != streaming(n) else { return nil }
            return MethodPairs.finding(info.id, o, n, service, file, verdicts: .breakingEverywhere, direction: .both,
                                       old: streaming(o) ? "streaming" : "unary", new: streaming(n) ? "streaming" : "unary")
        }
    }

    func message(_ finding: Finding) -> String {
        "RPC \"\(finding.arguments["method"] ?? "")\" on service \"\(finding.arguments["service"] ?? "")\" changed from \(side) \(finding.arguments["old"] ?? "") to \(side) \(finding.arguments["new"] ?? "")."
    }
}

/// An RPC's idempotency level changed.
struct RPCSameIdempotencyLevel: CompatRule {
    let info = RuleInfo(
        id: "RPC_SAME_IDEMPOTENCY_LEVEL",
        title: "RPC idempotency level changed",
        summary: "RPCs keep their idempotency_level option.",
        rationale: "Clients and proxies retry or cache calls (and some transports use HTTP GET) by the declared idempotency level.",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                        after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A) { option idempotency_level = NO_SIDE_EFFECTS; } }", findings: 1,
                        verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe)),
        ])

    static func level(_ method: Method) -> String {
        if case .enumValue(let name)? = method.options["idempotency_level"] { return name }
        return "IDEMPOTENCY_UNKNOWN"
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        MethodPairs.all(pair).compactMap { o, n, service, file in
            let before = Self.level(o), after = Self.level(n)
            guard before != after else { return nil }
            var finding = MethodPairs.finding(info.id, o, n, service, file, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe),
                                              direction: .both, old: before, new: after)
            finding.location = n.options.span(of: "idempotency_level") ?? n.span
            return finding
        }
    }

    func message(_ finding: Finding) -> String {
        "RPC \"\(finding.arguments["method"] ?? "")\" on service \"\(finding.arguments["service"] ?? "")\" changed option \"idempotency_level\" from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
    }
}
