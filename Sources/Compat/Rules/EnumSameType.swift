import ProtoModel

/// An enum changed between open and closed.
struct EnumSameType: CompatRule {
    let info = RuleInfo(
        id: "ENUM_SAME_TYPE", title: "Enum changed between open and closed", summary: "Enums stay open or closed.",
        rationale:
            "A closed enum moves unknown values to unknown fields, an open one keeps them: readers of the two versions disagree about unknown values (protobuf.dev/programming-guides/enum/). The closed side's reader is the one that loses them: in binary the value (a map entry whole) goes to unknown fields, and a ProtoJSON reader refuses the message, lenient or not. So an enum that closes breaks new readers of old data (backward), one that opens breaks old readers of new data (forward); an open writer sends such numbers when it relays values from a newer version.",
        bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "edition = \"2023\"; «enum E { A = 0; }", after: "edition = \"2023\"; enum E { «option features.enum_type = CLOSED; A = 0; }",
                findings: 1, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto2\"; «enum E { A = 0; B = 1; } message M { optional E e = 1; }",
                after: "edition = \"2023\"; «enum E { A = 0; B = 1; } message M { E e = 1; }",
                findings: 1, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; enum E { A = 0; }",
                after: "edition = \"2023\"; enum E { A = 0; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.compactMap { old, new, oldFile, newFile in
            let closedBefore = pair.old.features.isClosed(old, in: oldFile)
            let closedAfter = pair.new.features.isClosed(new, in: newFile)
            guard closedBefore != closedAfter else { return nil }
            let (before, after) = closedAfter ? ("OPEN", "CLOSED") : ("CLOSED", "OPEN")
            return Finding(
                rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking),
                direction: closedAfter ? .backward : .forward,
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
