import ProtoModel

/// A field disappeared and its name was not reserved.
struct FieldNoDeleteUnlessNameReserved: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .field }
    /// The plain deletion tells the change; this twin adds that nothing was reserved.
    var restates: [any CompatRule.Type] { [FieldNoDelete.self] }
    var changeKind: ChangeKind { .deletion }
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict { RuleSupport.deletedFieldJSON(finding, in: channel) }
    let info = RuleInfo(
        id: "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
        title: "Field deleted without reserving its name",
        summary: "Fields are not deleted from a message unless their name is reserved.",
        rationale:
            "JSON carries field names: old writers still send the name, which a strict JSON reader of the new version rejects, and a later field may reuse the name with another meaning (protobuf.dev/programming-guides/proto3/#reserved).",
        bufCategories: [.WIRE_JSON],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1; «int32 b = 2; }",
                after: "syntax = \"proto3\"; «message M { int32 a = 1; reserved 2; }", findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1; int32 b = 2; }",
                after: "syntax = \"proto3\"; message M { int32 a = 1; reserved \"b\"; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, oldFile, newFile in
            old.fields.filter { field in !new.hasField(number: field.number) && !new.reservedNames.contains(field.name) }.map { field in
                Finding(
                    rule: info.id, symbol: old.fullName + "." + field.name, number: field.number,
                    verdicts: Verdicts(wire: .safe, json: RuleSupport.readsJSONKeys(of: field, in: new) ? .safe : .breaking, source: .breaking),
                    direction: .backward,
                    location: new.span, previousLocation: field.span, file: newFile.name,
                    arguments: [.field: field.name, .message: old.name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" was deleted without reserving the name \"\(finding.argument(.field))\"."
    }
}
