import ProtoModel

/// A field disappeared and its number was not reserved.
struct FieldNoDeleteUnlessNumberReserved: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .field }
    /// The plain deletion tells the change; this twin adds that nothing was reserved.
    var restates: [any CompatRule.Type] { [FieldNoDelete.self] }
    var changeKind: ChangeKind { .deletion }
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict { RuleSupport.deletedFieldJSON(finding, in: channel) }
    let info = RuleInfo(
        id: "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
        title: "Field deleted without reserving its number",
        summary: "Fields are not deleted from a message unless their number is reserved.",
        rationale:
            "Old writers still send the number, and a later change may reuse it with another type: the language guide asks to reserve the numbers of deleted fields (protobuf.dev/programming-guides/proto3/#deleting). New readers drop the old data silently.",
        bufCategories: [.WIRE, .WIRE_JSON],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1; «int32 b = 2; }",
                after: "syntax = \"proto3\"; «message M { int32 a = 1; }", findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1; int32 b = 2; }",
                after: "syntax = \"proto3\"; message M { int32 a = 1; reserved 2; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, oldFile, newFile in
            old.fields.filter { field in
                !new.hasField(number: field.number) && !new.reservedRanges.contains { field.number >= $0.start && field.number < $0.end }
            }.map { field in
                Finding(
                    rule: info.id, symbol: old.fullName + "." + field.name, number: field.number,
                    verdicts: Verdicts(wire: .hazard, json: RuleSupport.readsJSONKeys(of: field, in: new) ? .safe : .breaking, source: .breaking),
                    direction: .backward,
                    location: new.span, previousLocation: field.span, file: newFile.name,
                    arguments: [.field: field.name, .message: old.name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" was deleted without reserving the number \"\(finding.number ?? 0)\"."
    }
}
