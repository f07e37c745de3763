import ProtoModel

/// A field disappeared from a message, reserved or not.
struct FieldNoDelete: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .field }
    var changeKind: ChangeKind { .deletion }
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict { RuleSupport.deletedFieldJSON(finding, in: channel) }
    let info = RuleInfo(
        id: "FIELD_NO_DELETE", title: "Field deleted", summary: "Fields are not deleted from a message, even when their number is reserved.",
        rationale:
            "Generated code loses the accessor; with the number reserved the binary data stays safe (protobuf.dev/programming-guides/proto3/#deleting). A reserved name does not make ProtoJSON safe: old writers still send it, and a strict JSON reader rejects a name its message does not have (a hazard; breaking when the name is not reserved either).",
        bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1; «int32 b = 2; }",
                after: "syntax = \"proto3\"; «message M { int32 a = 1; reserved 2; reserved \"b\"; }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .hazard, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1; int32 b = 2; }",
                after: "syntax = \"proto3\"; message M { int32 a = 1; oneof o { int32 b = 2; } }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            old.fields.filter { !new.hasField(number: $0.number) }.map { field in
                let numberReserved = new.reservedRanges.contains { field.number >= $0.start && field.number < $0.end }
                let nameReserved = new.reservedNames.contains(field.name)
                let nameInUse = RuleSupport.readsJSONKeys(of: field, in: new)
                return Finding(
                    rule: info.id, symbol: old.fullName + "." + field.name, number: field.number,
                    // A strict ProtoJSON reader rejects a name it no longer has, reserved or not.
                    verdicts: Self.verdicts(numberReserved: numberReserved, nameReserved: nameReserved, nameInUse: nameInUse),
                    direction: .backward, location: new.span, previousLocation: field.span, file: newFile.name,
                    arguments: [.field: field.name, .message: RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    /// A deleted field's verdicts: old data's field drops into unknown fields (safe once the number is
    /// reserved, a hazard while it may be reused); old writers still send the name, which strict ProtoJSON
    /// readers reject (a hazard when reserved, breaking when not), unless another field now has the name.
    static func verdicts(numberReserved: Bool, nameReserved: Bool, nameInUse: Bool = false) -> Verdicts {
        Verdicts(wire: numberReserved ? .safe : .hazard, json: nameInUse ? .safe : nameReserved ? .hazard : .breaking, source: .breaking)
    }

    func message(_ finding: Finding) -> String {
        "Previously present field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" was deleted."
    }
}
