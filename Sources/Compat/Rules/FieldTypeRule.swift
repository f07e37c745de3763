import ProtoModel

/// A field's type changed. One rule type with buf's three levels: FIELD_WIRE_COMPATIBLE_TYPE (WIRE),
/// FIELD_WIRE_JSON_COMPATIBLE_TYPE (WIRE_JSON) and FIELD_SAME_TYPE (FILE, PACKAGE). Each fires where buf
/// would; every finding then carries protocompat's own verdict per view (`TypeChange`).
struct FieldTypeRule: CompatRule {
    enum Strictness { case wire, wireJSON, exact }

    let info: RuleInfo
    let strictness: Strictness
    /// buf's per-level variants fire where buf does; in precise mode FIELD_SAME_TYPE sees every change.
    var runsInPreciseMode: Bool { strictness == .exact }

    static let wire = FieldTypeRule(strictness: .wire, info: RuleInfo(
        id: "FIELD_WIRE_COMPATIBLE_TYPE",
        title: "Field type changed to a wire-incompatible one",
        summary: "Fields keep wire-compatible types (buf's groups: int32/int64/uint32/uint64/bool, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string to bytes).",
        rationale: "Readers decode each field by its declared type: a different wire type is skipped or misread (protobuf.dev/programming-guides/proto3/#updating). Within a group the bytes decode, with truncation or sign hazards protocompat reports per direction; a renamed message type with the same structure is wire-safe (buf flags it).",
        bufCategories: [.WIRE],
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message M { string a = 1; }",
                        after: "syntax = \"proto3\"; message M { int32 a = 1; }", findings: 1,
                        verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
            RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                        after: "syntax = \"proto3\"; message M { int64 a = 1; }", findings: 0),
        ]))

    static let wireJSON = FieldTypeRule(strictness: .wireJSON, info: RuleInfo(
        id: "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
        title: "Field type changed to a wire- or JSON-incompatible one",
        summary: "Fields keep types compatible on the wire and in JSON (buf's groups: int32/uint32, int64/uint64, fixed32/sfixed32, fixed64/sfixed64).",
        rationale: "ProtoJSON writes 64-bit integers as strings, bytes as base64 and enums by name, so types the wire tolerates can still break JSON readers (protobuf.dev/programming-guides/json/).",
        bufCategories: [.WIRE_JSON],
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                        after: "syntax = \"proto3\"; message M { int64 a = 1; }", findings: 1,
                        verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                        after: "syntax = \"proto3\"; message M { uint32 a = 1; }", findings: 0),
        ]))

    static let file = FieldTypeRule(strictness: .exact, info: RuleInfo(
        id: "FIELD_SAME_TYPE",
        title: "Field type changed",
        summary: "Fields keep exactly the same type.",
        rationale: "Generated code exposes the field with its type, so any change breaks code that uses it.",
        bufCategories: .filePackage,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                        after: "syntax = \"proto3\"; message M { uint32 a = 1; }", findings: 1,
                        verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
        ]))

    private init(strictness: Strictness, info: RuleInfo) {
        self.strictness = strictness
        self.info = info
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
            // A message field with the DELIMITED encoding feature is written like a group.
            var o = p.old, n = p.new
            if o.type == .message, pair.old.features.features(of: o, in: p.oldMessage, file: p.oldFile).messageEncoding == "DELIMITED" { o.type = .group }
            if n.type == .message, pair.new.features.features(of: n, in: p.newMessage, file: p.newFile).messageEncoding == "DELIMITED" { n.type = .group }
            guard o.type != n.type || o.typeName != n.typeName, bufFlags(o, n, pair: pair) else { return nil }
            let change = TypeChange.assess(o, n, pair: pair)
            var finding = RuleSupport.fieldFinding(info.id, p, verdicts: change.verdicts, direction: change.direction,
                                                   arguments: ["old": RuleSupport.typeDescription(o), "new": RuleSupport.typeDescription(n)])
            if let detail = change.detail { finding.arguments["detail"] = detail }
            return finding
        }
    }

    /// Whether buf's rule at this level annotates the change.
    func bufFlags(_ o: Field, _ n: Field, pair: SchemaPair) -> Bool {
        if strictness == .exact { return true }
        let a = o.type, b = n.type
        if a == b {
            switch a {
            case .message, .group: return o.typeName != n.typeName
            case .enum: return !TypeChange.enumsCompatible(o.typeName ?? "", n.typeName ?? "", pair: pair)
            default: return false
            }
        }
        let groups: [Set<FieldType>] = strictness == .wire
            ? [[.int32, .int64, .uint32, .uint64, .bool], [.sint32, .sint64], [.fixed32, .sfixed32], [.fixed64, .sfixed64]]
            : [[.int32, .uint32], [.int64, .uint64], [.fixed32, .sfixed32], [.fixed64, .sfixed64]]
        if groups.contains(where: { $0.contains(a) && $0.contains(b) }) { return false }
        if strictness == .wire, a == .string, b == .bytes { return false }
        return true
    }

    func message(_ finding: Finding) -> String {
        "Field \"\(finding.number ?? 0)\" with name \"\(finding.arguments["field"] ?? "")\" on message \"\(finding.arguments["message"] ?? "")\" changed type from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
            + (finding.arguments["detail"].map { " \($0)." } ?? "")
    }
}

/// protocompat's own judgement of a type change, per view and direction (the protobuf language
/// guide's "Updating a message type" rules).
enum TypeChange {
    static let varint: Set<FieldType> = [.int32, .int64, .uint32, .uint64, .bool]
    static let integers: Set<FieldType> = [.int32, .int64, .uint32, .uint64]

    /// Whether every value of `writer` reads back unchanged as `reader` (varint types).
    static func holds(_ reader: FieldType, everyValueOf writer: FieldType) -> Bool {
        if reader == writer { return true }
        switch (writer, reader) {
        case (.bool, _): return true
        case (.int32, .int64), (.uint32, .int64), (.uint32, .uint64): return true
        default: return false
        }
    }

    static func enumsCompatible(_ a: String, _ b: String, pair: SchemaPair) -> Bool {
        guard a != b else { return true }
        guard a.split(separator: ".").last == b.split(separator: ".").last,
              let old = pair.old.index.enums[a], let new = pair.new.index.enums[b] else { return false }
        // Every old value (name and number) must still be there.
        let newValues = Set(new.values.map { "\($0.name)=\($0.number)" })
        return old.values.allSatisfy { newValues.contains("\($0.name)=\($0.number)") }
    }

    static func assess(_ o: Field, _ n: Field, pair: SchemaPair) -> (verdicts: Verdicts, direction: Direction, detail: String?) {
        var comparison = StructuralComparison(pair)
        return assess(o, n, comparison: &comparison)
    }

    /// `assess` inside a structural comparison (renamed types compared at any depth share one, for cycles).
    static func assess(_ o: Field, _ n: Field, comparison: inout StructuralComparison) -> (verdicts: Verdicts, direction: Direction, detail: String?) {
        let a = o.type, b = n.type
        if (a == .message || a == .group) && (b == .message || b == .group) {
            if a != b { return (.breakingEverywhere, .both, "The message encoding changed between length-prefixed and delimited") }
            // A renamed type is judged by the rules a kept type is judged by, inside it, at any depth.
            let outcome = comparison.compare(o.typeName ?? "", n.typeName ?? "")
            return (Verdicts(wire: outcome.wire, json: outcome.json, source: .breaking), outcome.direction, outcome.summary)
        }
        if a == .enum && b == .enum {
            let outcome = comparison.compare(o.typeName ?? "", n.typeName ?? "")
            return (Verdicts(wire: outcome.wire, json: outcome.json, source: .breaking), outcome.direction,
                    outcome.isSafe ? nil : outcome.summary)
        }
        if varint.contains(a), varint.contains(b) {
            // A reader holds what the writer's type can hold, or truncates, reinterprets the sign, or
            // collapses it to a bool (an ordinary 5 reads as true: breaking).
            let backward = !holds(b, everyValueOf: a), forward = !holds(a, everyValueOf: b)
            let toBool = b == .bool || a == .bool
            // ProtoJSON writes bools as true/false and integers as numbers: each rejects the other, both ways.
            let direction: Direction = toBool || (backward && forward) ? .both : backward ? .backward : forward ? .forward : .none
            let json: Verdict = toBool ? .breaking : .hazard
            let detail = toBool ? "Integers other than 0 and 1 read as true" : (a == .int32 || a == .uint32) != (b == .int32 || b == .uint32)
                ? "Values beyond 32 bits are truncated" : "Signs or values may be reinterpreted"
            return (Verdicts(wire: toBool ? .breaking : .hazard, json: json, source: .breaking), direction, detail)
        }
        if (a == .enum && integers.contains(b)) || (integers.contains(a) && b == .enum) {
            return (Verdicts(wire: .hazard, json: .breaking, source: .breaking), .both, "JSON writes enums by name and integers as numbers")
        }
        let sameWidthPairs: [Set<FieldType>] = [[.sint32, .sint64], [.fixed32, .sfixed32], [.fixed64, .sfixed64]]
        if sameWidthPairs.contains(where: { $0.contains(a) && $0.contains(b) }) {
            return (Verdicts(wire: .hazard, json: .hazard, source: .breaking), .both, nil)
        }
        if a == .string, b == .bytes { return (Verdicts(wire: .hazard, json: .breaking, source: .breaking), .both, "JSON writes bytes as base64; bytes that are not valid UTF-8 are rejected by old readers") }
        // JSON writes bytes as base64 and strings as text: each side misreads or rejects the other's, in
        // both directions; binary readers of strings reject bytes that are not valid UTF-8.
        if a == .bytes, b == .string { return (Verdicts(wire: .hazard, json: .breaking, source: .breaking), .both, "Bytes that are not valid UTF-8 are rejected; JSON writes bytes as base64") }
        return (.breakingEverywhere, .both, nil)
    }
}
