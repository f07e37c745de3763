import ProtoModel

/// A field's cardinality changed. buf's three levels: FIELD_WIRE_COMPATIBLE_CARDINALITY (WIRE),
/// FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY (WIRE_JSON) and FIELD_SAME_CARDINALITY (FILE, PACKAGE).
struct FieldCardinalityRule: CompatRule {
    /// Field presence and message encoding come from the file's features too.
    var fileOptionsReadForFields: [String] { ["features"] }
    enum Strictness { case wire, wireJSON, exact }

    let info: RuleInfo
    let strictness: Strictness
    /// buf's per-level variants fire where buf does; in precise mode FIELD_SAME_CARDINALITY sees every change.
    var runsInPreciseMode: Bool { strictness == .exact }

    static let wire = FieldCardinalityRule(
        strictness: .wire,
        info: RuleInfo(
            id: "FIELD_WIRE_COMPATIBLE_CARDINALITY",
            title: "Field cardinality changed incompatibly for the wire",
            summary: "Fields keep wire-compatible cardinalities (buf's groups: optional with either presence; required; repeated and map).",
            rationale:
                "A singular reader of repeated data keeps only the last element, and cannot read packed numbers at all; required fields must always be present (protobuf.dev/programming-guides/proto3/#updating). buf flags singular to repeated for every type; protocompat judges string, bytes and message fields as a forward hazard.",
            bufCategories: [.WIRE],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { «repeated int32 a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «string a = 1; }",
                    after: "syntax = \"proto3\"; message M { «repeated string a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .breaking, json: .breaking, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { optional int32 a = 1; }", findings: 0),
            ]))

    static let wireJSON = FieldCardinalityRule(
        strictness: .wireJSON,
        info: RuleInfo(
            id: "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
            title: "Field cardinality changed incompatibly for the wire or JSON",
            summary: "Fields keep cardinalities compatible on the wire and in JSON (map and repeated are apart).",
            rationale: "JSON writes maps as objects and repeated fields as arrays (protobuf.dev/programming-guides/json/).",
            bufCategories: [.WIRE_JSON],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message E { string key = 1; int32 value = 2; } message M { «repeated E a = 1; }",
                    after: "syntax = \"proto3\"; message E { string key = 1; int32 value = 2; } message M { «map<string, int32> a = 1; }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { optional int32 a = 1; }", findings: 0),
            ]))

    static let file = FieldCardinalityRule(
        strictness: .exact,
        info: RuleInfo(
            id: "FIELD_SAME_CARDINALITY",
            title: "Field cardinality changed",
            summary: "Fields keep exactly the same cardinality (optional with explicit or implicit presence, required, repeated, map).",
            rationale: "Generated code differs for each: presence accessors, lists, maps.",
            bufCategories: .filePackage,
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { «optional int32 a = 1; }", findings: 1,
                    verdicts: Verdicts(wire: .safe, json: .safe, source: .breaking)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { repeated int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { repeated int32 a = 1 [packed = false]; }", findings: 0),
            ]))

    private init(strictness: Strictness, info: RuleInfo) {
        self.strictness = strictness
        self.info = info
    }

    func group(_ cardinality: String) -> String {
        switch (strictness, cardinality) {
        case (.exact, _): cardinality
        case (_, "optional with implicit presence"), (_, "optional with explicit presence"): "optional"
        case (.wire, "map"): "repeated"
        default: cardinality
        }
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
            // The key and value of a map entry have no cardinality of their own.
            if p.newMessage?.isMapEntry == true { return nil }
            let before = RuleSupport.cardinality(p.old, in: p.oldMessage, file: p.oldFile, version: pair.old)
            let after = RuleSupport.cardinality(p.new, in: p.newMessage, file: p.newFile, version: pair.new)
            guard before != after, group(before) != group(after) else { return nil }
            var (verdicts, direction) = Self.assess(before, after, field: p.new)
            if RuleSupport.jsonPairsElsewhere(p, in: pair) { verdicts.json = .safe }
            return RuleSupport.fieldFinding(info.id, p, verdicts: verdicts, direction: direction, arguments: [.old: before, .new: after])
        }
    }

    /// protocompat's verdicts for a cardinality change.
    static func assess(_ before: String, _ after: String, field: Field) -> (Verdicts, Direction) {
        let singular: Set<String> = ["optional with implicit presence", "optional with explicit presence"]
        if singular.contains(before), singular.contains(after) { return (Verdicts(wire: .safe, json: .safe, source: .breaking), .none) }
        if before == "required" || after == "required" {
            return (Verdicts(wire: .breaking, json: .breaking, source: .breaking), after == "required" ? .backward : .forward)
        }
        // A reader of the singular field keeps the last of several elements (or merges messages, or
        // skips a packed run as unknown); ProtoJSON writes a value where the other side wants an array,
        // or the reverse, and readers reject it, in both directions.
        if (singular.contains(before) && after == "repeated") || (before == "repeated" && singular.contains(after)) {
            return (Verdicts(wire: .breaking, json: .breaking, source: .breaking), .both)
        }
        // Map entries and a repeated entry message share an encoding, but a map keeps one entry per key: a
        // list with a repeated key (an empty one included) loses elements when a map reads it. ProtoJSON writes
        // an object for one and an array for the other.
        if (before == "repeated" && after == "map") || (before == "map" && after == "repeated") {
            return (Verdicts(wire: .breaking, json: .breaking, source: .breaking), .both)
        }
        return (.breakingEverywhere, .both)
    }

    func message(_ finding: Finding) -> String {
        "Field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" changed cardinality from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
