import ProtoModel

/// The names of an enum number changed.
struct EnumValueSameName: CompatRule {
    let info = RuleInfo(
        id: "ENUM_VALUE_SAME_NAME",
        title: "Enum value renamed",
        summary: "Enum values keep their names.",
        rationale: "The binary encoding uses numbers, so a rename is wire-safe; JSON and generated code use the names (protobuf.dev/programming-guides/json/).",
        bufCategories: .wireJSON,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; «B = 1; }",
                after: "syntax = \"proto3\"; enum E { A = 0; «C = 1; }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                after: "syntax = \"proto3\"; enum E { A = 0; B = 1 [deprecated = true]; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            new.values.compactMap { value -> Finding? in
                let before = old.values.filter { $0.number == value.number }.map(\.name)
                let after = new.values.filter { $0.number == value.number }.map(\.name)
                guard !before.isEmpty, !Set(before).isSubset(of: Set(after)) else { return nil }
                // Every name still listed on both sides (values permuted): ProtoJSON, which sends names,
                // reads them as before; `EnumValueSameNumber` judges the numbers.
                let namesKept =
                    before.allSatisfy { name in new.values.contains { $0.name == name } }
                    && after.allSatisfy { name in old.values.contains { $0.name == name } }
                return Finding(
                    rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                    verdicts: namesKept ? .sourceOnly : .jsonAndSource, direction: .both,
                    location: value.span, previousLocation: old.values.first { $0.number == value.number }?.span,
                    file: newFile.name,
                    arguments: [
                        .enum: new.name, .old: before.joined(separator: "\", \""), .new: after.joined(separator: "\", \""),
                        .plural: before.count > 1 || after.count > 1 ? "s" : "",
                    ])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        let s = finding.argument(.plural)
        return
            "Enum value \"\(finding.number ?? 0)\" on enum \"\(finding.argument(.enum))\" changed name\(s) from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
