import ProtoModel

/// A field's type changed. One rule type with buf's three levels: FIELD_WIRE_COMPATIBLE_TYPE (WIRE),
/// FIELD_WIRE_JSON_COMPATIBLE_TYPE (WIRE_JSON) and FIELD_SAME_TYPE (FILE, PACKAGE). Each fires where buf
/// would; every finding then carries protocompat's own verdict per view (`TypeChange`).
struct FieldTypeRule: CompatRule {
    /// Field presence and message encoding come from the file's features too.
    var fileOptionsReadForFields: [String] { ["features"] }
    enum Strictness { case wire, wireJSON, exact }

    let info: RuleInfo
    let strictness: Strictness
    /// buf's per-level variants fire where buf does; in precise mode FIELD_SAME_TYPE sees every change.
    var runsInPreciseMode: Bool { strictness == .exact }

    static let wire = FieldTypeRule(
        strictness: .wire,
        info: RuleInfo(
            id: "FIELD_WIRE_COMPATIBLE_TYPE",
            title: "Field type changed to a wire-incompatible one",
            summary:
                "Fields keep wire-compatible types (buf's groups: int32/int64/uint32/uint64/bool, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string to bytes).",
            rationale:
                "Readers decode each field by its declared type: a different wire type is skipped or misread (protobuf.dev/programming-guides/proto3/#updating). Within a group the bytes decode, with truncation or sign hazards protocompat reports per direction; a renamed message type with the same structure is wire-safe (buf flags it). An integer and an enum share the varint encoding, but a closed enum's reader (proto2, or editions' `enum_type = CLOSED`) moves every number its enum does not list to unknown fields, so an integer writer's ordinary values are lost: breaking, where an open enum keeps them.",
            bufCategories: [.WIRE],
            examples: [
                RuleExample(
                    before: "syntax = \"proto2\"; enum E { A = 1; } message M { «optional int32 a = 1; }",
                    after: "syntax = \"proto2\"; enum E { A = 1; } message M { «optional E a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «string a = 1; }",
                    after: "syntax = \"proto3\"; message M { «int32 a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { int64 a = 1; }", findings: 0),
            ]))

    static let wireJSON = FieldTypeRule(
        strictness: .wireJSON,
        info: RuleInfo(
            id: "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
            title: "Field type changed to a wire- or JSON-incompatible one",
            summary: "Fields keep types compatible on the wire and in JSON (buf's groups: int32/uint32, int64/uint64, fixed32/sfixed32, fixed64/sfixed64).",
            rationale:
                "ProtoJSON writes 64-bit integers as strings, bytes as base64 and enums by name, so types the wire tolerates can still break JSON readers (protobuf.dev/programming-guides/json/).",
            bufCategories: [.WIRE_JSON],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { «int64 a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { uint32 a = 1; }", findings: 0),
            ]))

    static let file = FieldTypeRule(
        strictness: .exact,
        info: RuleInfo(
            id: "FIELD_SAME_TYPE",
            title: "Field type changed",
            summary: "Fields keep exactly the same type.",
            rationale: "Generated code exposes the field with its type, so any change breaks code that uses it.",
            bufCategories: .filePackage,
            examples: [
                RuleExample(
                    before:
                        "edition = \"2023\"; message H { enum K { Z = 0; } } message G { enum K { option features.enum_type = CLOSED; Z = 0; } } message M { «H.K e = 1; }",
                    after:
                        "edition = \"2023\"; message H { enum K { Z = 0; } } message G { enum K { option features.enum_type = CLOSED; Z = 0; } } message M { «G.K e = 1; }",
                    findings: 1, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { «uint32 a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; package p; message T {} message M { T a = 1; }",
                    after: "syntax = \"proto3\"; package p; message T {} message M { .p.T a = 1; }", findings: 0),
            ]))

    private init(strictness: Strictness, info: RuleInfo) {
        self.strictness = strictness
        self.info = info
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
            // A message field with the DELIMITED encoding feature is written like a group.
            var o = p.old
            var n = p.new
            if o.type == .message, pair.old.features.features(of: o, in: p.oldMessage, file: p.oldFile).messageEncoding == "DELIMITED" { o.type = .group }
            if n.type == .message, pair.new.features.features(of: n, in: p.newMessage, file: p.newFile).messageEncoding == "DELIMITED" { n.type = .group }
            guard o.type != n.type || o.typeName != n.typeName, bufFlags(o, n, pair: pair) else { return nil }
            let change = TypeChange.assess(o, n, pair: pair)
            var verdicts = change.verdicts
            if RuleSupport.jsonPairsElsewhere(p, in: pair) { verdicts.json = .safe }
            var finding = RuleSupport.fieldFinding(
                info.id, p, verdicts: verdicts, direction: change.direction,
                arguments: [.old: RuleSupport.typeDescription(o), .new: RuleSupport.typeDescription(n)])
            if let detail = change.detail { finding.arguments[.detail] = detail }
            return finding
        }
    }

    /// Whether buf's rule at this level annotates the change.
    func bufFlags(_ o: Field, _ n: Field, pair: SchemaPair) -> Bool {
        if strictness == .exact { return true }
        let a = o.type
        let b = n.type
        if a == b {
            switch a {
            case .message, .group: return o.typeName != n.typeName
            case .enum: return !TypeChange.enumsCompatible(o.typeName ?? "", n.typeName ?? "", pair: pair)
            default: return false
            }
        }
        let groups: [Set<FieldType>] =
            strictness == .wire
            ? [[.int32, .int64, .uint32, .uint64, .bool], [.sint32, .sint64], [.fixed32, .sfixed32], [.fixed64, .sfixed64]]
            : [[.int32, .uint32], [.int64, .uint64], [.fixed32, .sfixed32], [.fixed64, .sfixed64]]
        if groups.contains(where: { $0.contains(a) && $0.contains(b) }) { return false }
        if strictness == .wire, a == .string, b == .bytes { return false }
        return true
    }

    func message(_ finding: Finding) -> String {
        "Field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" changed type from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
            + (finding.arguments[.detail].map { " \($0)." } ?? "")
    }
}
