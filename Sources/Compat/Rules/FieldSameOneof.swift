import ProtoModel

/// A field moved into, out of, or between oneofs.
struct FieldSameOneof: CompatRule {
    let info = RuleInfo(
        id: "FIELD_SAME_ONEOF",
        title: "Field moved into, out of or between oneofs",
        summary: "Fields stay in the same oneof (or in none).",
        rationale:
            "Setting one member of a oneof clears the others. The language guide (\"Updating a message type\", oneof): moving a single field into a new oneof is safe; moving several into a new oneof, or any into an existing one, is not: an old writer may set both, and the new reader keeps only the last (binary) or rejects the message (ProtoJSON). Fields that shared a oneof and now sit apart break the other way: an old reader keeps one of what a new writer set. protocompat judges each move by these cases and gives its direction, for the binary encoding by number and for ProtoJSON by name (a field renumbered into a oneof beside a field of the old version is still that field to a JSON reader); buf flags every move.",
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
            // ProtoJSON knows `b` by name: renumbered, it still joins `a` in the oneof (LiveKit v0.8.5 -> v0.10.1).
            RuleExample(
                before: "syntax = \"proto3\"; message M { «optional string a = 1; «string b = 2; }",
                after: "syntax = \"proto3\"; message M { oneof o { «string a = 1; «string b = 3; } }", findings: 2,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } «int32 b = 2; }",
                after: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; «int32 b = 3; } }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { oneof o { «int32 a = 1; «int32 b = 2; } }",
                after: "syntax = \"proto3\"; message M { «int32 a = 1; «int32 b = 3; }", findings: 2,
                verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { «int32 a = 1; int32 c = 4; }",
                after: "syntax = \"proto3\"; message M { oneof o { «int32 a = 2; } int32 c = 4; }", findings: 1,
                verdicts: Verdicts(wire: .safe, json: .safe, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }",
                after: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }", findings: 0),
        ])

    static func realOneof(_ field: Field, in message: Message) -> Oneof? {
        guard let index = field.oneofIndex, !field.proto3Optional, Int(index) < message.oneofs.count else { return nil }
        return message.oneofs[Int(index)]
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        let byNumber = pair.allFieldPairs.compactMap { p -> Finding? in
            guard let old = p.oldMessage, let new = p.newMessage else { return nil }
            let before = Self.realOneof(p.old, in: old)?.name
            let after = Self.realOneof(p.new, in: new)?.name
            guard before != after else { return nil }
            let (verdicts, direction) = Self.assess(p.old, p.new, old: old, new: new)
            return RuleSupport.fieldFinding(info.id, p, verdicts: verdicts, direction: direction, arguments: [.old: before ?? "", .new: after ?? ""])
        }
        return byNumber + renumberedMoves(pair)
    }

    /// A move of a field that kept its number (`oldField` in `old` is `newField` in `new`): the binary
    /// encoding pairs fields by number, ProtoJSON by name; each breaks when its readers meet two values
    /// where they keep one.
    static func assess(_ oldField: Field, _ newField: Field, old: Message, new: Message) -> (Verdicts, Direction) {
        let wire = conflicts(newField.number, old: old, new: new)
        let json = jsonConflicts(oldField, newField, old: old, new: new)
        return (verdicts(wire: wire, json: json), wire.union(json))
    }

    static func verdicts(wire: Direction, json: Direction) -> Verdicts {
        Verdicts(wire: wire == .none ? .safe : .breaking, json: json == .none ? .safe : .breaking, source: .breaking)
    }

    /// ProtoJSON knows a field by its name, not its number: a field that kept its name but changed its
    /// number (the wire sees a deletion and an addition) and moved oneof is the same field to a JSON
    /// reader, and the move is judged there. Only new fields whose number the old message did not
    /// have: the others are paired by number above.
    func renumberedMoves(_ pair: SchemaPair) -> [Finding] {
        var findings: [Finding] = []
        // A move needs a oneof on one side: most messages have none.
        for (old, new, oldFile, newFile) in pair.messagePairs where !(old.oneofs.isEmpty && new.oneofs.isEmpty) {
            for field in new.fields where !old.hasField(number: field.number) {
                guard let previous = old.fields.first(where: { $0.name == field.name }), !new.hasField(number: previous.number)
                else { continue }
                let before = Self.realOneof(previous, in: old)?.name
                let after = Self.realOneof(field, in: new)?.name
                guard before != after else { continue }
                let json = Self.jsonConflicts(previous, field, old: old, new: new)
                let fieldPair = SchemaPair.FieldPair(
                    old: previous, new: field, oldMessage: old, newMessage: new, containerName: new.name,
                    symbol: FullName.join(new.fullName, field.name), oldSymbol: FullName.join(old.fullName, previous.name),
                    oldFile: oldFile, newFile: newFile)
                findings.append(
                    RuleSupport.fieldFinding(
                        info.id, fieldPair, verdicts: Self.verdicts(wire: .none, json: json), direction: json,
                        arguments: [.old: before ?? "", .new: after ?? ""]))
            }
        }
        return findings
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
        return Direction(backward: backward, forward: forward)
    }

    /// The same question in ProtoJSON, where a reader fills the field whose name or JSON name is the
    /// key a writer sent: backward when the old writer could send `old` beside another field whose
    /// key the new reader now puts in the same oneof as `old`'s (a strict reader rejects the object;
    /// others keep one); forward the other way round.
    static func jsonConflicts(_ oldField: Field, _ newField: Field, old: Message, new: Message) -> Direction {
        Direction(
            backward: keysCollide(oldField, writer: old, reader: new),
            forward: keysCollide(newField, writer: new, reader: old))
    }

    /// Whether a writer's message can carry `field` beside another field whose keys the reader
    /// files into one oneof with `field`'s.
    private static func keysCollide(_ field: Field, writer: Message, reader: Message) -> Bool {
        guard let target = readingField(of: field, in: reader), let group = realOneof(target, in: reader)?.name else { return false }
        let writerGroup = realOneof(field, in: writer)?.name
        for other in writer.fields where other.number != field.number {
            if writerGroup != nil, realOneof(other, in: writer)?.name == writerGroup { continue }
            guard let otherTarget = readingField(of: other, in: reader), otherTarget.number != target.number else { continue }
            if realOneof(otherTarget, in: reader)?.name == group { return true }
        }
        return false
    }

    /// The field a ProtoJSON reader fills from the key a writer sends for `field` (its JSON name, or
    /// its proto name when the writer keeps those).
    static func readingField(of field: Field, in reader: Message) -> Field? {
        reader.field(jsonKey: field.jsonName) ?? reader.field(jsonKey: field.name)
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
