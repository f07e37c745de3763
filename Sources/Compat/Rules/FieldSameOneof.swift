import ProtoModel

/// A field moved into, out of, or between oneofs.
struct FieldSameOneof: CompatRule {
    let info = RuleInfo(
        id: "FIELD_SAME_ONEOF",
        title: "Field moved into, out of or between oneofs",
        summary: "Fields stay in the same oneof (or in none).",
        rationale:
            "Setting one member of a oneof clears the others. The language guide (\"Updating a message type\", oneof): moving a single field into a new oneof is safe; moving several into a new oneof, or any into an existing one, is not: an old writer may set both, and the new reader keeps only the last (binary) or rejects the message (ProtoJSON). Fields that shared a oneof and now sit apart break the other way: an old reader keeps one of what a new writer set. protocompat judges each move by these cases and gives its direction; buf flags every move.",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { «int32 a = 1; «int32 b = 2; }",
                after: "syntax = \"proto3\"; message M { oneof o { «int32 a = 1; «int32 b = 2; } }", findings: 2,
                verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { «int32 a = 1; }",
                after: "syntax = \"proto3\"; message M { oneof o { «int32 a = 1; } }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .safe, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { «int32 a = 1; oneof o { int32 b = 2; } }",
                after: "syntax = \"proto3\"; message M { oneof o { «int32 a = 1; int32 b = 2; } }", findings: 1,
                verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { oneof o { «int32 a = 1; int32 b = 2; } }",
                after: "syntax = \"proto3\"; message M { «int32 a = 1; oneof o { int32 b = 2; } }", findings: 1,
                verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }",
                after: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }", findings: 0),
        ])

    static func realOneof(_ field: Field, in message: Message) -> Oneof? {
        guard let index = field.oneofIndex, !field.proto3Optional, Int(index) < message.oneofs.count else { return nil }
        return message.oneofs[Int(index)]
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
            guard let old = p.oldMessage, let new = p.newMessage else { return nil }
            let before = Self.realOneof(p.old, in: old)?.name
            let after = Self.realOneof(p.new, in: new)?.name
            guard before != after else { return nil }
            let direction = Self.conflicts(p.new.number, old: old, new: new)
            let verdicts = direction == .none ? Verdicts(wire: .safe, json: .safe, source: .breaking) : .breakingEverywhere
            return RuleSupport.fieldFinding(
                info.id, p, verdicts: verdicts, direction: direction,
                arguments: [.old: before ?? "", .new: after ?? ""])
        }
    }

    /// Who breaks when field `number` changes oneof: a new reader of old data when a field it now
    /// shares a oneof with could be set beside it before (backward); an old reader of new data when a
    /// field it shared a oneof with can now be set beside it (forward).
    static func conflicts(_ number: Int32, old: Message, new: Message) -> Direction {
        func group(_ message: Message, _ number: Int32) -> String? {
            message.field(number: number).flatMap { realOneof($0, in: message)?.name }
        }
        let wasIn = group(old, number)
        let isIn = group(new, number)
        var backward = false
        var forward = false
        for field in new.fields where field.number != number && old.hasField(number: field.number) {
            let together = { (message: Message, inGroup: String?) in inGroup != nil && group(message, field.number) == inGroup }
            if together(new, isIn) && !together(old, wasIn) { backward = true }
            if together(old, wasIn) && !together(new, isIn) { forward = true }
        }
        switch (backward, forward) {
        case (true, true): return .both
        case (true, false): return .backward
        case (false, true): return .forward
        case (false, false): return .none
        }
    }

    func message(_ finding: Finding) -> String {
        let old = finding.argument(.old)
        let new = finding.argument(.new)
        let field = "Field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\""
        if old.isEmpty { return "\(field) moved to oneof \"\(new)\"." }
        if new.isEmpty { return "\(field) moved from oneof \"\(old)\"." }
        return "\(field) moved from oneof \"\(old)\" to oneof \"\(new)\"."
    }
}
