import ProtoModel

/// The field's JSON name changed.
struct FieldSameJSONName: CompatRule {
    /// A JSON name that changed with the field's name is told by the rename.
    var restates: [any CompatRule.Type] { [FieldSameName.self] }
    let info = RuleInfo(
        id: "FIELD_SAME_JSON_NAME",
        title: "Field JSON name changed",
        summary: "Fields keep their JSON names (json_name, or the lowerCamelCase name).",
        rationale:
            "ProtoJSON writes the JSON name, so readers expecting the old key see nothing or reject the new key (protobuf.dev/programming-guides/json/).",
        bufCategories: .wireJSON,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { «string a = 1 [json_name = \"x\"]; }",
                after: "syntax = \"proto3\"; message M { «string a = 1 [json_name = \"y\"]; }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .safe)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { string a_b = 1; }",
                after: "syntax = \"proto3\"; message M { string a_b = 1 [json_name = \"aB\"]; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.filter { $0.old.jsonName != $0.new.jsonName && $0.old.extendee == nil }.map { p in
            // Both JSON names still read in both versions (each moved to another field): `FieldSameNumber` judges them.
            RuleSupport.fieldFinding(
                info.id, p,
                verdicts: Verdicts(
                    wire: .safe,
                    json: RuleSupport.readsJSONKeys(of: p.old, in: p.newMessage)
                        && RuleSupport.readsJSONKeys(of: p.new, in: p.oldMessage) ? .safe : .breaking, source: .safe),
                direction: .both, arguments: [.old: p.old.jsonName, .new: p.new.jsonName])
        }
    }

    /// Proto-name JSON never writes the JSON name.
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict {
        channel.jsonNames == .proto ? .safe : finding.verdicts.json
    }

    /// buf's words when a `json_name` option is written; when the new JSON name is the field name's
    /// own (no option), the change came with a rename and the text says so instead.
    func message(_ finding: Finding) -> String {
        let field = finding.argument(.field)
        let new = finding.argument(.new)
        let what = new == Field.defaultJSONName(field) ? "JSON name" : "option \"json_name\""
        return
            "Field \"\(finding.number ?? 0)\" with name \"\(field)\" on message \"\(finding.argument(.message))\" changed \(what) from \"\(finding.argument(.old))\" to \"\(new)\"."
    }
}
