import ProtoModel

/// An explicit default changed (proto2 and editions).
struct FieldSameDefault: CompatRule {
    let info = RuleInfo(
        id: "FIELD_SAME_DEFAULT",
        title: "Field default changed",
        summary: "Fields keep their default value, when one is specified.",
        rationale: "Defaults are not sent on the wire: each reader substitutes its own, so the two sides disagree about every message where the field is absent (protobuf.dev/programming-guides/proto2/#optional).",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto2\"; message M { optional int32 a = 1 [default = 5]; }",
                        after: "syntax = \"proto2\"; message M { optional int32 a = 1 [default = 6]; }", findings: 1,
                        verdicts: Verdicts(wire: .hazard, json: .hazard, source: .hazard)),
            RuleExample(before: "syntax = \"proto2\"; message M { optional int32 a = 1 [default = 5]; }",
                        after: "syntax = \"proto2\"; message M { optional int32 a = 1 [default = 5]; }", findings: 0),
        ])

    /// The default a reader uses: the explicit one, or the type's zero value.
    static func effectiveDefault(_ field: Field, version: SchemaPair.Version) -> String {
        if let value = field.defaultValue { return value }
        switch field.type {
        case .string, .bytes: return ""
        case .bool: return "false"
        case .enum: return version.index.enums[field.typeName ?? ""]?.values.first?.name ?? ""
        case .message, .group: return ""
        default: return "0"
        }
    }

    static func equal(_ a: String, _ b: String, type: FieldType) -> Bool {
        if a == b { return true }
        if type == .float || type == .double, let x = Double(a), let y = Double(b) { return x == y }
        return false
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
                let o = p.old, n = p.new
                guard o.defaultValue != nil || n.defaultValue != nil, o.type == n.type, o.label != .repeated else { return nil }
                let before = Self.effectiveDefault(o, version: pair.old), after = Self.effectiveDefault(n, version: pair.new)
                guard !Self.equal(before, after, type: n.type) else { return nil }
                var finding = RuleSupport.fieldFinding(info.id, p, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .hazard),
                                                       direction: .both, arguments: ["old": before, "new": after])
                finding.arguments["type"] = n.type.keyword
                return finding
        }
    }

    func message(_ finding: Finding) -> String {
        "Field \"\(finding.number ?? 0)\" with name \"\(finding.arguments["field"] ?? "")\" on message \"\(finding.arguments["message"] ?? "")\" changed default value from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
    }
}
