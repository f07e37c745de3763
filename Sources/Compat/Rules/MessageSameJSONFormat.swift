import ProtoModel

/// A message lost full JSON support (editions `json_format`, or proto3 to proto2).
struct MessageSameJSONFormat: CompatRule {
    let info = RuleInfo(
        id: "MESSAGE_SAME_JSON_FORMAT",
        title: "Message lost JSON format support",
        summary: "Messages keep json_format ALLOW once they have it.",
        rationale:
            "Under LEGACY_BEST_EFFORT, JSON name conflicts are allowed and JSON round trips are no longer guaranteed (protobuf.dev/editions/features/#json_format).",
        bufCategories: .wireJSON,
        examples: [
            RuleExample(
                before: "edition = \"2023\"; «message M { int32 a = 1; }",
                after: "edition = \"2023\"; message M { «option features.json_format = LEGACY_BEST_EFFORT; int32 a = 1; }", findings: 1),
            RuleExample(
                before: "edition = \"2023\"; message M { int32 a = 1; }",
                after: "edition = \"2023\"; message M { option features.json_format = ALLOW; int32 a = 1; }", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.jsonFormat }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.compactMap { old, new, oldFile, newFile in
            let before = pair.old.features.features(of: old, in: oldFile).jsonFormat ?? "ALLOW"
            let after = pair.new.features.features(of: new, in: newFile).jsonFormat ?? "ALLOW"
            guard before == "ALLOW", after != "ALLOW" else { return nil }
            return Finding(
                rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe),
                direction: .both, location: new.options.span(of: "features") ?? new.span, previousLocation: old.span,
                file: newFile.name, arguments: [.message: new.name, .old: before, .new: after])
        }
    }

    func message(_ finding: Finding) -> String {
        "Message \"\(finding.argument(.message))\" JSON format support changed from \(finding.argument(.old)) to \(finding.argument(.new))."
    }
}
