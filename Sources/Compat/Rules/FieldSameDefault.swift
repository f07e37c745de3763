import ProtoModel

/// An explicit default changed (proto2 and editions).
struct FieldSameDefault: CompatRule {
    let info = RuleInfo(
        id: "FIELD_SAME_DEFAULT",
        title: "Field default changed",
        summary: "Fields keep their default value, when one is specified.",
        rationale:
            "Defaults are not sent on the wire: each reader substitutes its own, so the two sides disagree about every message where the field is absent (protobuf.dev/programming-guides/proto2/#optional).",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto2\"; message M { «optional int32 a = 1 [default = 5]; }",
                after: "syntax = \"proto2\"; message M { «optional int32 a = 1 [default = 6]; }", findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .hazard, source: .hazard)),
            RuleExample(
                before: "syntax = \"proto2\"; message M { optional int32 a = 1 [default = 5]; }",
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

    /// A default as a comparable value, as buf compares them: numbers, booleans (0 and 1) and enum
    /// values (their number) compare as numbers; strings and bytes as text.
    enum Value: Equatable {
        case number(Double)
        case text(String)
    }

    static func normalized(_ text: String, _ field: Field, _ version: SchemaPair.Version) -> Value {
        switch field.type {
        case .string, .bytes, .message, .group: return .text(text)
        case .bool: return .number(text == "true" ? 1 : 0)
        case .enum:
            let number = version.index.enums[field.typeName ?? ""]?.values.first { $0.name == text }?.number
            return number.map { .number(Double($0)) } ?? .text(text)
        default:
            switch text {
            case "inf": return .number(.infinity)
            case "-inf": return .number(-.infinity)
            default: return Double(text).map { .number($0) } ?? .text(text)
            }
        }
    }

    /// Equal as values; when either side is a `float`, numbers compare at single precision.
    static func equal(_ a: Value, _ b: Value, singlePrecision: Bool) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            if x.isNaN, y.isNaN { return true }
            return singlePrecision ? Float(x) == Float(y) : x == y
        }
        return a == b
    }

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.defaults }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
            let o = p.old
            let n = p.new
            guard o.defaultValue != nil || n.defaultValue != nil, o.label != .repeated, n.label != .repeated else { return nil }
            let before = Self.effectiveDefault(o, version: pair.old)
            let after = Self.effectiveDefault(n, version: pair.new)
            let single = o.type == .float || n.type == .float
            guard !Self.equal(Self.normalized(before, o, pair.old), Self.normalized(after, n, pair.new), singlePrecision: single) else { return nil }
            var finding = RuleSupport.fieldFinding(
                info.id, p, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .hazard),
                direction: .both, arguments: [.old: before, .new: after])
            finding.arguments[.type] = n.type.keyword
            return finding
        }
    }

    func message(_ finding: Finding) -> String {
        "Field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" changed default value from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
