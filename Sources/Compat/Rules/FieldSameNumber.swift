import ProtoModel

/// A field kept its name but moved to another number (renumbered, or numbers swapped).
struct FieldSameNumber: CompatRule {
    /// Field presence and message encoding come from the file's features too.
    var fileOptionsReadForFields: [String] { ["features"] }
    let info = RuleInfo(
        id: "FIELD_SAME_NUMBER",
        title: "Field moved to another number",
        summary: "Fields keep their numbers: a field whose name is still there under another number is reported, whatever now holds the old number.",
        rationale:
            "The binary encoding carries numbers only: data written with the old number arrives in whatever field now has it (or among unknown fields), and the field's value is lost (protobuf.dev/programming-guides/proto3/#assigning: \"field numbers ... should not be changed once your message type is in use\"). Pairing by number alone sees a rename and an addition, and misses that every old message now means something else. ProtoJSON carries names, so JSON readers are unaffected. buf has no such rule.",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { «string room = 1; «string trunk = 2; }",
                after: "syntax = \"proto3\"; message M { «string room = 2; «string trunk = 1; }", findings: 2,
                verdicts: Verdicts(wire: .breaking, json: .safe, source: .safe)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { «int64 started_at = 1; }",
                after: "syntax = \"proto3\"; message M { reserved 1; «int64 started_at = 4; }", findings: 1,
                verdicts: Verdicts(wire: .breaking, json: .safe, source: .safe)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { string a = 1; }",
                after: "syntax = \"proto3\"; message M { string b = 1; string a_old = 2; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, oldFile, newFile -> [Finding] in
            let oldByName = Dictionary(old.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            return new.fields.compactMap { field -> Finding? in
                guard let before = oldByName[field.name], before.number != field.number else { return nil }
                let holder = new.field(number: before.number)
                // ProtoJSON pairs the two by name: it sees only what changed besides the number.
                var json = Verdict.safe
                if before.type != field.type || before.typeName != field.typeName {
                    json = max(json, TypeChange.assess(before, field, pair: pair).verdicts.json)
                }
                let cardinalities = (
                    RuleSupport.cardinality(before, in: old, file: oldFile, version: pair.old),
                    RuleSupport.cardinality(field, in: new, file: newFile, version: pair.new)
                )
                if cardinalities.0 != cardinalities.1 {
                    json = max(json, FieldCardinalityRule.assess(cardinalities.0, cardinalities.1, field: field).0.json)
                }
                return Finding(
                    rule: info.id, symbol: FullName.join(new.fullName, field.name), number: field.number,
                    verdicts: Verdicts(wire: .breaking, json: json, source: .safe), direction: .both,
                    location: field.span, previousLocation: before.span, file: newFile.name,
                    arguments: [
                        .field: field.name, .message: new.name, .old: String(before.number),
                        .new: String(field.number), .now: holder?.name ?? "",
                    ])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        let field = finding.argument(.field)
        let old = finding.argument(.old)
        let now = finding.argument(.now)
        let reading = now.isEmpty ? "is unknown to the new version" : "now reads as field \"\(now)\""
        return
            "Field \"\(field)\" on message \"\(finding.argument(.message))\" moved from number \(old) to \(finding.argument(.new)): data written with \(old) \(reading), and \"\(field)\" is lost between versions."
    }
}
