import ProtoModel

/// An RPC disappeared from a service.
struct RPCNoDelete: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .method }
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "RPC_NO_DELETE", title: "RPC deleted", summary: "RPCs are not deleted from a service.",
        rationale:
            "Old clients still call the method and get UNIMPLEMENTED: the RPC contract breaks on the wire (protocompat), not only in generated code (buf's classification).",
        bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); «rpc N(A) returns (A); }",
                after: "syntax = \"proto3\"; message A {} «service S { rpc M(A) returns (A); }", findings: 1,
                verdicts: .breakingEverywhere),
            RuleExample(
                before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A) { option deprecated = true; } }", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.calls }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.servicePairs.flatMap { old, new, _, newFile in
            old.methods.filter { m in !new.methods.contains { $0.name == m.name } }.map { method in
                Finding(
                    rule: info.id, symbol: old.fullName + "." + method.name, verdicts: .breakingEverywhere, direction: .backward,
                    location: new.span, previousLocation: method.span, file: newFile.name,
                    arguments: [.method: method.name, .service: RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present RPC \"\(finding.argument(.method))\" on service \"\(finding.argument(.service))\" was deleted."
    }
}
