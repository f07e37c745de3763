import ProtoModel

/// Reserved numbers or names were removed from an enum.
struct ReservedEnumNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "RESERVED_ENUM_NO_DELETE",
        title: "Reserved enum numbers or names removed",
        summary: "Reserved ranges and names are not removed from an enum.",
        rationale: "Reservations keep deleted values from being reused with another meaning (protobuf.dev/programming-guides/proto3/#reserved).",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; «enum E { A = 0; reserved 2; }",
                after: "syntax = \"proto3\"; «enum E { A = 0; }", findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; reserved 2; reserved 3; }",
                after: "syntax = \"proto3\"; enum E { A = 0; reserved 2 to 3; }", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.reuse }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile in
            ReservedRanges.removed(old.reservedRanges, new.reservedRanges, inclusiveEnd: true, max: Int32.max).map { range in
                Finding(
                    rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe), direction: .none,
                    location: new.span, previousLocation: old.span, file: newFile.name, arguments: [.enum: new.name, .range: range])
            }
                + old.reservedNames.filter { !new.reservedNames.contains($0) }.map { name in
                    Finding(
                        rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe), direction: .none,
                        location: new.span, previousLocation: old.span, file: newFile.name, arguments: [.enum: new.name, .name: name])
                }
        }
    }

    func message(_ finding: Finding) -> String {
        if let name = finding.arguments[.name] {
            return "Previously present reserved name \"\(name)\" on enum \"\(finding.argument(.enum))\" was deleted."
        }
        let range = finding.argument(.range)
        return "Previously present reserved range \"\(range)\" on enum \"\(finding.argument(.enum))\" is missing values: \(range) were removed."
    }
}
