import ProtoModel

/// A message switched to or from the MessageSet wire format. buf keeps this ID deprecated and in no
/// category (it never fires there); protocompat checks it in its own mode, because the encoding changes.
struct MessageSameMessageSetWireFormat: CompatRule {
    let info = RuleInfo(
        id: "MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", title: "Message switched MessageSet wire format",
        summary: "Messages keep the message_set_wire_format option.",
        rationale:
            "MessageSet messages encode their extensions as Item groups: readers of the other format cannot decode them (descriptor.proto, MessageOptions.message_set_wire_format).",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto2\"; «message M { extensions 4 to max; }",
                after: "syntax = \"proto2\"; message M { «option message_set_wire_format = true; extensions 4 to max; }", findings: 1,
                verdicts: .breakingEverywhere),
            RuleExample(
                before: "syntax = \"proto2\"; message M { extensions 4 to max; }",
                after: "syntax = \"proto2\"; message M { option message_set_wire_format = false; extensions 4 to max; }", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.messageSet }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.compactMap { old, new, _, newFile in
            let before = old.options.isTrue("message_set_wire_format")
            let after = new.options.isTrue("message_set_wire_format")
            guard before != after else { return nil }
            return Finding(
                rule: info.id, symbol: new.fullName, verdicts: .breakingEverywhere, direction: .both,
                location: new.options.span(of: "message_set_wire_format") ?? new.span, previousLocation: old.span,
                file: newFile.name, arguments: [.message: new.name, .old: String(before), .new: String(after)])
        }
    }

    func message(_ finding: Finding) -> String {
        "Message \"\(finding.argument(.message))\" changed option \"message_set_wire_format\" from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
