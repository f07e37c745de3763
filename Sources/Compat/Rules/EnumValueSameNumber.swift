import ProtoModel

/// An enum value kept its name but has another number (values shifted, renumbered or swapped).
struct EnumValueSameNumber: CompatRule {
    let info = RuleInfo(
        id: "ENUM_VALUE_SAME_NUMBER",
        title: "Enum value moved to another number",
        summary: "Enum values keep their numbers: a value whose name is still there under another number is reported.",
        rationale:
            "The binary encoding carries the number: data written as the old number now reads as whatever value has it, so every old message means something else (an enum that gains a new 0 shifts them all). ProtoJSON carries the name and is unaffected (protobuf.dev/programming-guides/enum/). buf pairs values by number only and sees a rename.",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; enum S { S_UNSPECIFIED = 0; «S_RUNNING = 1; «S_DONE = 2; }",
                after: "syntax = \"proto3\"; enum S { S_UNSPECIFIED = 0; «S_DONE = 1; «S_RUNNING = 2; }", findings: 2,
                verdicts: Verdicts(wire: .breaking, json: .safe, source: .safe)),
            RuleExample(
                before: "syntax = \"proto3\"; enum S { S_UNSPECIFIED = 0; S_DONE = 1; }",
                after: "syntax = \"proto3\"; enum S { S_UNSPECIFIED = 0; S_FINISHED = 1; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let oldByName = Dictionary(old.values.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            return new.values.compactMap { value -> Finding? in
                guard let before = oldByName[value.name], before.number != value.number else { return nil }
                let now = new.values.first { $0.number == before.number }?.name ?? ""
                return Finding(
                    rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                    verdicts: .wireOnly, direction: .both,
                    location: value.span, previousLocation: before.span, file: newFile.name,
                    arguments: [
                        .enum: new.name, .value: value.name, .old: String(before.number),
                        .new: String(value.number), .now: now,
                    ])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        let value = finding.argument(.value)
        let old = finding.argument(.old)
        let now = finding.argument(.now)
        let reading = now.isEmpty ? "is a value the new version does not list" : "now reads as \(now)"
        return
            "Enum value \"\(value)\" on enum \"\(finding.argument(.enum))\" moved from number \(old) to \(finding.argument(.new)): value \(old) was \(value) and \(reading); \(value) is \(finding.argument(.new))."
    }
}
