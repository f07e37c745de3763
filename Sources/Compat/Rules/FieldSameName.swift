import ProtoModel

/// The field with the same number has another name.
struct FieldSameName: CompatRule {
    let info = RuleInfo(
        id: "FIELD_SAME_NAME",
        title: "Field renamed",
        summary: "Fields keep their names.",
        rationale:
            "The binary encoding uses numbers only, so a rename is wire-safe; JSON uses names (json_name, and the field name is accepted too), and generated code uses them (protobuf.dev/programming-guides/json/). A kept json_name does not save ProtoJSON written with proto field names (`preserving_proto_field_name`, `UseProtoNames`): such readers lose the value; a channel whose JSON is camelCase only (`json_names: camel`) is safe.",
        bufCategories: .wireJSON,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { «string name = 1; }",
                after: "syntax = \"proto3\"; message M { «string title = 1; }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { «string name = 1; }",
                after: "syntax = \"proto3\"; message M { «string title = 1 [json_name = \"name\"]; }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { string a = 1; }",
                after: "syntax = \"proto3\"; message M { string a = 1 [json_name = \"b\"]; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.filter { $0.old.name != $0.new.name || $0.oldSymbol != $0.symbol }.map { p in
            // Extensions are named by their full name (moving one to another scope renames it).
            let isExtension = p.new.extendee != nil
            // Both names still read in both versions (each moved to another number): JSON is judged by `FieldSameNumber`.
            var finding = RuleSupport.fieldFinding(
                info.id, p, verdicts: RuleSupport.jsonPairsElsewhere(p, in: pair) ? .sourceOnly : .jsonAndSource,
                direction: .both, arguments: [.old: isExtension ? p.oldSymbol : p.old.name, .new: isExtension ? p.symbol : p.new.name])
            if isExtension { finding.arguments[.extension] = "true" }
            // camelCase JSON never sees the rename (`ChannelAnalysis`): only proto-name JSON does.
            if p.old.jsonName == p.new.jsonName { finding.arguments[.jsonNameKept] = "true" }
            return finding
        }
    }

    /// Proto-name JSON sees every rename; camelCase JSON none where the json_name stayed.
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict {
        switch channel.jsonNames {
        case .proto: finding.verdicts.json
        case .camel where finding.arguments[.jsonNameKept] != nil: .safe
        default: finding.verdicts.json
        }
    }

    func message(_ finding: Finding) -> String {
        (finding.arguments[.extension] != nil ? "Extension" : "Field")
            + " \"\(finding.number ?? 0)\" on message \"\(finding.argument(.message))\" changed name from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
