import ProtoModel

/// An enum changed between open and closed.
struct EnumSameType: CompatRule {
    let info = RuleInfo(
        id: "ENUM_SAME_TYPE", title: "Enum changed between open and closed", summary: "Enums stay open or closed.",
        rationale:
            "A closed enum moves unknown values to unknown fields, an open one keeps them: readers of the two versions disagree about unknown values (protobuf.dev/programming-guides/enum/).",
        bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "edition = \"2023\"; «enum E { A = 0; }", after: "edition = \"2023\"; enum E { «option features.enum_type = CLOSED; A = 0; }",
                findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; }",
                after: "edition = \"2023\"; enum E { A = 0; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.compactMap { old, new, oldFile, newFile in
            let before = pair.old.features.features(of: old, in: oldFile).enumType ?? "OPEN"
            let after = pair.new.features.features(of: new, in: newFile).enumType ?? "OPEN"
            guard before != after else { return nil }
            return Finding(
                rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .safe, source: .breaking), direction: .both,
                location: new.options.span(of: "features") ?? new.span, previousLocation: old.span, file: newFile.name,
                arguments: [
                    .enum: RuleSupport.relativeName(new.fullName, package: newFile.package),
                    .old: before.lowercased(), .new: after.lowercased(),
                ])
        }
    }

    func message(_ finding: Finding) -> String {
        "Enum \"\(finding.argument(.enum))\" changed from \(finding.argument(.old)) to \(finding.argument(.new))."
    }
}
