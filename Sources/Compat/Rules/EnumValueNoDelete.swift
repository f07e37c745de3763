import ProtoModel

/// An enum value disappeared, reserved or not.
struct EnumValueNoDelete: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .enumValue }
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ENUM_VALUE_NO_DELETE", title: "Enum value deleted", summary: "Enum values are not deleted, even when their number is reserved.",
        rationale:
            "Generated code loses the constant. Reserving the number and name keeps them from being reused, but old writers still send the value: a new reader sees a number its enum does not list (kept as a number by open enums, moved to unknown fields by closed ones) and a strict ProtoJSON reader rejects the name: a hazard in both views (protobuf.dev/programming-guides/enum/).",
        bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; «B = 1; }", after: "syntax = \"proto3\"; «enum E { A = 0; reserved 1; reserved \"B\"; }",
                findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                after: "syntax = \"proto3\"; enum E { A = 0; C = 1; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let numbers = Set(new.values.map(\.number))
            var seen = Set<Int32>()
            return old.values.filter { seen.insert($0.number).inserted && !numbers.contains($0.number) }.map { value in
                Finding(
                    rule: info.id, symbol: old.fullName + "." + value.name, number: value.number,
                    // Old data still carries the number: a value the new version does not list, reserved or not;
                    // a strict ProtoJSON reader rejects the name.
                    verdicts: Self.verdicts(nameReserved: new.reservedNames.contains(value.name)),
                    direction: .backward, location: new.span, previousLocation: value.span, file: newFile.name,
                    arguments: [.enum: RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    /// A deleted value's verdicts: old data carries a number the enum no longer lists (a hazard, reserved or
    /// not); strict ProtoJSON readers reject the name (a hazard when reserved, breaking when not).
    static func verdicts(nameReserved: Bool) -> Verdicts {
        Verdicts(wire: .hazard, json: nameReserved ? .hazard : .breaking, source: .breaking)
    }

    func message(_ finding: Finding) -> String {
        "Previously present enum value \"\(finding.number ?? 0)\" on enum \"\(finding.argument(.enum))\" was deleted."
    }
}
