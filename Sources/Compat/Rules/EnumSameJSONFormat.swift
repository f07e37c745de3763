import ProtoModel

/// An enum lost full JSON support.
struct EnumSameJSONFormat: CompatRule {
    let info = RuleInfo(
        id: "ENUM_SAME_JSON_FORMAT",
        title: "Enum lost JSON format support",
        summary: "Enums keep json_format ALLOW once they have it.",
        rationale: "Under LEGACY_BEST_EFFORT, enum value names may conflict in JSON (protobuf.dev/editions/features/#json_format).",
        bufCategories: .wireJSON,
        examples: [
            RuleExample(
                before: "edition = \"2023\"; «enum E { A = 0; }",
                after: "edition = \"2023\"; enum E { «option features.json_format = LEGACY_BEST_EFFORT; A = 0; }", findings: 1),
            RuleExample(
                before: "edition = \"2023\"; enum E { A = 0; }",
                after: "edition = \"2023\"; enum E { option features.json_format = ALLOW; A = 0; }", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.jsonFormat }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.compactMap { old, new, oldFile, newFile in
            let before = pair.old.features.features(of: old, in: oldFile).jsonFormat ?? "ALLOW"
            let after = pair.new.features.features(of: new, in: newFile).jsonFormat ?? "ALLOW"
            guard before == "ALLOW", after != "ALLOW" else { return nil }
            return Finding(
                rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe),
                direction: .both, location: new.options.span(of: "features") ?? new.span, previousLocation: old.span,
                file: newFile.name, arguments: [.enum: new.name, .old: before, .new: after])
        }
    }

    func message(_ finding: Finding) -> String {
        "Enum \"\(finding.argument(.enum))\" JSON format support changed from \(finding.argument(.old)) to \(finding.argument(.new))."
    }
}
