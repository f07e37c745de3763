import ProtoModel

/// A oneof disappeared from a message.
struct OneofNoDelete: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .oneof }
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ONEOF_NO_DELETE", title: "Oneof deleted", summary: "Oneofs are not deleted from a message.",
        rationale: "Generated code loses the oneof's case accessor; its fields are checked on their own.", bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; «message M { oneof o { int32 a = 1; } }",
                after: "syntax = \"proto3\"; «message M { int32 a = 1; }", findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }",
                after: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; string b = 2; } }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            let real = { (m: Message) in
                Set(m.oneofs.enumerated().filter { i, _ in !m.fields.contains { $0.oneofIndex == Int32(i) && $0.proto3Optional } }.map(\.element.name))
            }
            let now = real(new)
            return real(old).subtracting(now).sorted().map { name in
                Finding(
                    rule: info.id, symbol: old.fullName + "." + name, verdicts: .sourceOnly, direction: .both, location: new.span,
                    previousLocation: old.span, file: newFile.name,
                    arguments: [.oneof: name, .message: RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present oneof \"\(finding.argument(.oneof))\" on message \"\(finding.argument(.message))\" was deleted."
    }
}
