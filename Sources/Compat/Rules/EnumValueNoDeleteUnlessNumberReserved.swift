import ProtoModel

/// An enum value's number disappeared without being reserved.
struct EnumValueNoDeleteUnlessNumberReserved: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .enumValue }
    /// The plain deletion tells the change; this twin adds that nothing was reserved.
    var restates: [any CompatRule.Type] { [EnumValueNoDelete.self] }
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
        title: "Enum value deleted without reserving its number",
        summary: "Enum values are not deleted unless their number is reserved.",
        rationale:
            "Old writers still send the number: new readers see an unknown value (kept as a number in open enums, moved to unknown fields in closed ones), and a later value may reuse the number (protobuf.dev/programming-guides/enum/).",
        bufCategories: [.WIRE, .WIRE_JSON],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; «B = 1; }",
                after: "syntax = \"proto3\"; «enum E { A = 0; }", findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                after: "syntax = \"proto3\"; enum E { A = 0; reserved 1; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let numbers = Set(new.values.map(\.number))
            var seen = Set<Int32>()
            return old.values.filter { value in
                seen.insert(value.number).inserted && !numbers.contains(value.number)
                    && !new.reservedRanges.contains { value.number >= $0.start && value.number <= $0.end }
            }.map { value in
                Finding(
                    rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                    verdicts: Verdicts(wire: .hazard, json: .breaking, source: .breaking), direction: .backward,
                    location: new.span, previousLocation: value.span, file: newFile.name,
                    arguments: [.enum: new.name, .value: value.name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present enum value \"\(finding.number ?? 0)\" on enum \"\(finding.argument(.enum))\" was deleted without reserving the number \"\(finding.number ?? 0)\"."
    }
}
