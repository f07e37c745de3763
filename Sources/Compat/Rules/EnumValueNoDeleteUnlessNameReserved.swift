import ProtoModel

/// An enum value's name disappeared without being reserved.
struct EnumValueNoDeleteUnlessNameReserved: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .enumValue }
    /// The plain deletion tells the change; this twin adds that nothing was reserved.
    var restates: [any CompatRule.Type] { [EnumValueNoDelete.self] }
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
        title: "Enum value deleted without reserving its name",
        summary: "Enum values are not deleted unless their name is reserved.",
        rationale: "JSON carries enum values by name: a reader that no longer knows the name rejects the message (protobuf.dev/programming-guides/json/).",
        bufCategories: [.WIRE_JSON],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; «B = 1; }",
                after: "syntax = \"proto3\"; «enum E { A = 0; reserved 1; }", findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                after: "syntax = \"proto3\"; enum E { A = 0; reserved \"B\"; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let numbers = Set(new.values.map(\.number))
            var seen = Set<Int32>()
            return old.values.filter { value in
                seen.insert(value.number).inserted && !numbers.contains(value.number) && !new.reservedNames.contains(value.name)
            }.map { value in
                Finding(
                    rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                    verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking), direction: .backward,
                    location: new.span, previousLocation: value.span, file: newFile.name,
                    arguments: [.enum: new.name, .value: value.name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present enum value \"\(finding.number ?? 0)\" on enum \"\(finding.argument(.enum))\" was deleted without reserving the name \"\(finding.argument(.value))\"."
    }
}
