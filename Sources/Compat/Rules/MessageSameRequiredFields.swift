import ProtoModel

/// Required fields were added or removed.
struct MessageSameRequiredFields: CompatRule {
    /// Field presence and message encoding come from the file's features too.
    var fileOptionsReadForFields: [String] { ["features"] }
    let info = RuleInfo(
        id: "MESSAGE_SAME_REQUIRED_FIELDS",
        title: "Required fields added or removed",
        summary: "Messages keep the same set of required fields (proto2 `required`, editions LEGACY_REQUIRED).",
        rationale:
            "A reader rejects a message without its required fields: a new required field breaks new readers of old data, a removed one breaks old readers of new data (protobuf.dev/programming-guides/proto2/#required).",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto2\"; «message M { optional int32 a = 1; }",
                after: "syntax = \"proto2\"; message M { optional int32 a = 1; «required int32 b = 2; }", findings: 1,
                verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto2\"; message M { required int32 a = 1; }",
                after: "syntax = \"proto2\"; message M { required int32 a = 1; optional int32 b = 2; }", findings: 0),
        ])

    /// Required by label, as buf counts them (editions LEGACY_REQUIRED fields have an optional label).
    static func requiredByLabel(_ message: Message) -> Set<Int32> {
        Set(message.fields.filter { $0.label == .required }.map(\.number))
    }

    /// Required by label or by the LEGACY_REQUIRED feature: what readers enforce.
    static func required(_ message: Message, file: ProtoFile, version: SchemaPair.Version) -> Set<Int32> {
        Set(message.fields.filter { RuleSupport.cardinality($0, in: message, file: file, version: version) == "required" }.map(\.number))
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, oldFile, newFile -> [Finding] in
            let before = Self.requiredByLabel(old)
            let after = Self.requiredByLabel(new)
            guard before != after else { return [] }
            // buf fires on labels; the verdict follows what readers enforce, so a proto2 `required` that
            // became an editions LEGACY_REQUIRED field is reported, but as safe.
            let enforcedBefore = Self.required(old, file: oldFile, version: pair.old)
            let enforcedAfter = Self.required(new, file: newFile, version: pair.new)
            let removed = old.fields.filter { before.contains($0.number) && !after.contains($0.number) }.map { field in
                Finding(
                    rule: info.id, symbol: old.fullName + "." + field.name, number: field.number,
                    verdicts: enforcedAfter.contains(field.number) ? .safe : .breakingEverywhere,
                    direction: enforcedAfter.contains(field.number) ? .none : .forward, location: new.span, previousLocation: field.span,
                    file: newFile.name, arguments: [.message: new.name, .change: "deleted"])
            }
            let added = new.fields.filter { after.contains($0.number) && !before.contains($0.number) }.map { field in
                Finding(
                    rule: info.id, symbol: new.fullName + "." + field.name, number: field.number,
                    verdicts: enforcedBefore.contains(field.number) ? .safe : .breakingEverywhere,
                    direction: enforcedBefore.contains(field.number) ? .none : .backward, location: field.span, previousLocation: old.span,
                    file: newFile.name, arguments: [.message: new.name, .change: "added"])
            }
            return removed + added
        }
    }

    func message(_ finding: Finding) -> String {
        "Message \"\(finding.argument(.message))\" had required field \"\(finding.number ?? 0)\" \(finding.arguments[.change] ?? "changed"). Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage."
    }
}
