import ProtoModel

/// A field moved into, out of, or between oneofs.
struct FieldSameOneof: CompatRule {
    let info = RuleInfo(
        id: "FIELD_SAME_ONEOF",
        title: "Field moved into, out of or between oneofs",
        summary: "Fields stay in the same oneof (or in none).",
        rationale: "Setting one member of a oneof clears the others, so data that was valid with several members set loses all but the last; moving a single field into a new oneof is safe on the wire (protobuf.dev/programming-guides/proto3/#backwards-compatibility-issues). buf flags every move; protocompat judges the move of one field into a new oneof of its own as wire-safe.",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; int32 b = 2; }",
                        after: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; int32 b = 2; } }", findings: 2,
                        verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                        after: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }", findings: 1,
                        verdicts: Verdicts(wire: .safe, json: .safe, source: .breaking)),
        ])

    static func realOneof(_ field: Field, in message: Message) -> Oneof? {
        guard let index = field.oneofIndex, !field.proto3Optional, Int(index) < message.oneofs.count else { return nil }
        return message.oneofs[Int(index)]
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
                guard let old = p.oldMessage, let new = p.newMessage else { return nil }
                let o = p.old, n = p.new
                let before = Self.realOneof(o, in: old)?.name, after = Self.realOneof(n, in: new)?.name
                guard before != after else { return nil }
                // One field alone entering a oneof that did not exist before is wire- and JSON-safe.
                let alone = before == nil && after.map { name in
                    new.fields.filter { Self.realOneof($0, in: new)?.name == name }.count == 1
                        && !old.oneofs.contains { $0.name == name }
                } == true
                let verdicts = alone ? Verdicts(wire: .safe, json: .safe, source: .breaking) : Verdicts(wire: .hazard, json: .hazard, source: .breaking)
                return RuleSupport.fieldFinding(info.id, p, verdicts: verdicts, direction: alone ? .none : .both,
                                                arguments: ["old": before ?? "", "new": after ?? ""])
        }
    }

    func message(_ finding: Finding) -> String {
        let old = finding.arguments["old"] ?? "", new = finding.arguments["new"] ?? ""
        let field = "Field \"\(finding.number ?? 0)\" with name \"\(finding.arguments["field"] ?? "")\" on message \"\(finding.arguments["message"] ?? "")\""
        if old.isEmpty { return "\(field) moved to oneof \"\(new)\"." }
        if new.isEmpty { return "\(field) moved from oneof \"\(old)\"." }
        return "\(field) moved from oneof \"\(old)\" to oneof \"\(new)\"."
    }
}
