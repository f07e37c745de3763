import ProtoModel

/// Reserved numbers or names were removed from a message.
struct ReservedMessageNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "RESERVED_MESSAGE_NO_DELETE",
        title: "Reserved field numbers or names removed",
        summary: "Reserved ranges and names are not removed from a message.",
        rationale:
            "Reservations keep deleted numbers and names from being reused with another meaning, which old data would then be decoded as (protobuf.dev/programming-guides/proto3/#reserved).",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; «message M { reserved 2, 5 to 8; reserved \"x\"; }",
                after: "syntax = \"proto3\"; «message M { reserved 2; }", findings: 2,
                verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { reserved 2; reserved 3; reserved \"a\"; }",
                after: "syntax = \"proto3\"; message M { reserved 2, 3; reserved \"a\"; }", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.reuse }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            ReservedRanges.removed(old.reservedRanges, new.reservedRanges, inclusiveEnd: false, max: 536_870_912).map { range in
                Finding(
                    rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe), direction: .none,
                    location: new.span, previousLocation: old.span, file: newFile.name,
                    arguments: [.message: new.name, .range: range])
            }
                + old.reservedNames.filter { !new.reservedNames.contains($0) }.map { name in
                    Finding(
                        rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe), direction: .none,
                        location: new.span, previousLocation: old.span, file: newFile.name,
                        arguments: [.message: new.name, .name: name])
                }
        }
    }

    func message(_ finding: Finding) -> String {
        if let name = finding.arguments[.name] {
            return "Previously present reserved name \"\(name)\" on message \"\(finding.argument(.message))\" was deleted."
        }
        let range = finding.argument(.range)
        return "Previously present reserved range \"\(range)\" on message \"\(finding.argument(.message))\" is missing values: \(range) were removed."
    }
}
