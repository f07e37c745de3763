import ProtoModel

/// Elements that appeared. protocompat's own rules (buf calls every addition safe and says nothing):
/// additions are safe on the wire, but old strict JSON readers reject unknown fields and enum names,
/// and old readers see new enum values as unknown.
struct ElementAdded: CompatRule {
    /// Added messages and enums are safe everywhere but in code that switches over all of them.
    var affectsWireOrJSON: Bool { kind != .message && kind != .enumType }
    var changeKind: ChangeKind { .addition }
    var readsTypeNames: Bool { kind == .message || kind == .enumType }
    /// Messages and enums are looked for by name in the changed files; members in their paired parents.
    var scope: RuleScope { kind == .message || kind == .enumType ? .changedFiles : .pairedElements }

    /// Added fields and enum values meet the channel's JSON readers as unknown names.
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict {
        kind == .field || kind == .enumValue ? RuleSupport.addedNameJSON(finding, in: channel, isField: kind == .field) : finding.verdicts.json
    }

    enum Kind: Sendable { case field, enumValue, message, enumType, method, service }

    /// An added field: old binary readers keep it as unknown; strict JSON readers reject its name.
    static let fieldVerdicts = Verdicts(wire: .safe, json: .hazard, source: .safe)
    /// An added enum value: old readers see a number their enum does not list, strict JSON readers a name.
    static let enumValueVerdicts = Verdicts(wire: .hazard, json: .hazard, source: .safe)

    let info: RuleInfo
    let kind: Kind

    func subject(_ finding: Finding) -> ElementKind? {
        switch kind {
        case .field: .field
        case .enumValue: .enumValue
        case .message: .message
        case .enumType: .enumType
        case .method: .method
        case .service: .service
        }
    }

    /// A field or value added under the number another one left (a move) is told by the move.
    var restates: [any CompatRule.Type] { [FieldSameNumber.self, EnumValueSameNumber.self] }

    static let field = ElementAdded(
        info: RuleInfo(
            id: "FIELD_ADDED", title: "Field added", summary: "A message gained a field.",
            rationale:
                "Old binary readers keep the new field as an unknown field (safe); old JSON readers that reject unknown keys fail on it (the default of several ProtoJSON parsers): a forward JSON hazard (protobuf.dev/programming-guides/json/).",
            bufCategories: [],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; «message M { int32 a = 1; }", after: "syntax = \"proto3\"; message M { int32 a = 1; «string b = 2; }",
                    findings: 1, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe)),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { int32 a = 1; }",
                    after: "syntax = \"proto3\"; message M { int32 b = 1; }", findings: 0),
            ]), kind: .field)

    static let enumValue = ElementAdded(
        info: RuleInfo(
            id: "ENUM_VALUE_ADDED", title: "Enum value added", summary: "An enum gained a value.",
            rationale:
                "Old readers see an unknown value: kept as a number in open enums, moved to unknown fields (or the default) in closed ones; strict JSON readers reject the unknown name (protobuf.dev/programming-guides/enum/).",
            bufCategories: [],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; «enum E { A = 0; }", after: "syntax = \"proto3\"; enum E { A = 0; «B = 1; }",
                    findings: 1, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe)),
                RuleExample(
                    before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                    after: "syntax = \"proto3\"; enum E { A = 0; C = 1; }", findings: 0),
            ]), kind: .enumValue)

    static let message = ElementAdded(
        info: RuleInfo(
            id: "MESSAGE_ADDED", title: "Message added", summary: "A message type appeared.", rationale: "Nothing existing changes.",
            bufCategories: [],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {}", after: "syntax = \"proto3\"; message A {} «message B {}", findings: 1, verdicts: .safe),
                RuleExample(
                    before: "syntax = \"proto3\"; package p; message A {}\n// file: b.proto\nsyntax = \"proto3\"; package p;",
                    after: "syntax = \"proto3\"; package p;\n// file: b.proto\nsyntax = \"proto3\"; package p; message A {}", findings: 0),
            ]),
        kind: .message)

    static let enumType = ElementAdded(
        info: RuleInfo(
            id: "ENUM_ADDED", title: "Enum added", summary: "An enum type appeared.", rationale: "Nothing existing changes.",
            bufCategories: [],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {}", after: "syntax = \"proto3\"; message A {} «enum E { X = 0; }", findings: 1, verdicts: .safe),
                RuleExample(
                    before: "syntax = \"proto3\"; package p; enum E { X = 0; }\n// file: b.proto\nsyntax = \"proto3\"; package p;",
                    after: "syntax = \"proto3\"; package p;\n// file: b.proto\nsyntax = \"proto3\"; package p; enum E { X = 0; }", findings: 0),
            ]),
        kind: .enumType)

    static let method = ElementAdded(
        info: RuleInfo(
            id: "RPC_ADDED", title: "RPC added", summary: "A service gained a method.",
            rationale:
                "New clients calling it against an old server get UNIMPLEMENTED: the old reader of the request (the server) meets data it cannot serve, a forward hazard for mixed deployments.",
            bufCategories: [],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} «service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); «rpc N(A) returns (A); }", findings: 1,
                    verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe)),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} message B {} service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} message B {} service S { rpc M(B) returns (A); }", findings: 0),
            ]),
        kind: .method)

    static let service = ElementAdded(
        info: RuleInfo(
            id: "SERVICE_ADDED", title: "Service added", summary: "A service appeared.", rationale: "Calls to it fail against old servers.",
            bufCategories: [],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {}", after: "syntax = \"proto3\"; message A {} «service S { rpc M(A) returns (A); }", findings: 1),
                RuleExample(
                    before:
                        "syntax = \"proto3\"; package p; message A {} service S { rpc M(A) returns (A); }\n// file: b.proto\nsyntax = \"proto3\"; package p;",
                    after:
                        "syntax = \"proto3\"; package p; message A {}\n// file: b.proto\nsyntax = \"proto3\"; package p; import \"test.proto\"; service S { rpc M(A) returns (A); }",
                    findings: 0),
            ]),
        kind: .service)

    func noWitnessReason(_ finding: Finding) -> String? {
        kind == .method || kind == .service ? WitnessReasons.calls : nil
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        switch kind {
        case .field:
            return pair.messagePairs.flatMap { old, new, _, newFile in
                new.fields.filter { !old.hasField(number: $0.number) && !new.isMapEntry }.map { field in
                    Finding(
                        rule: info.id, symbol: new.fullName + "." + field.name, number: field.number,
                        verdicts: Self.fieldVerdicts, direction: .forward, location: field.span,
                        previousLocation: old.span, file: newFile.name, arguments: [.message: new.name, .field: field.name])
                }
            }
        case .enumValue:
            return pair.enumPairs.flatMap { old, new, _, newFile in
                new.values.filter { value in !old.values.contains { $0.number == value.number } }.map { value in
                    Finding(
                        rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                        verdicts: Self.enumValueVerdicts, direction: .forward, location: value.span,
                        previousLocation: old.span, file: newFile.name, arguments: [.enum: new.name, .value: value.name])
                }
            }
        case .message:
            // Names first (listed once per version), whole messages only for the few added.
            return pair.changedNewFiles.flatMap { file in
                pair.new.elements("message", of: file, FileElements.messages).compactMap { name, span -> Finding? in
                    guard !pair.old.hasMessage(name), pair.new.message(name)?.isMapEntry != true else { return nil }
                    return Finding(
                        rule: info.id, symbol: name, verdicts: .safe, direction: .none, location: span,
                        previousLocation: nil, file: file.name, arguments: [.message: name])
                }
            }
        case .enumType:
            return pair.changedNewFiles.flatMap { file in
                pair.new.elements("enum", of: file, FileElements.enums).compactMap { name, span -> Finding? in
                    guard !pair.old.index.enums.contains(name) else { return nil }
                    return Finding(
                        rule: info.id, symbol: name, verdicts: .safe, direction: .none, location: span,
                        previousLocation: nil, file: file.name, arguments: [.enum: name])
                }
            }
        case .method:
            return pair.servicePairs.flatMap { old, new, _, newFile in
                new.methods.filter { m in !old.methods.contains { $0.name == m.name } }.map { method in
                    Finding(
                        rule: info.id, symbol: new.fullName + "." + method.name, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe),
                        direction: .forward, location: method.span, previousLocation: old.span, file: newFile.name,
                        arguments: [.service: new.name, .method: method.name])
                }
            }
        case .service:
            let candidates = pair.changedNewServices
            guard !candidates.isEmpty else { return [] }
            let existing = Set(pair.old.services.map(\.service.fullName))
            return candidates.filter { !existing.contains($0.service.fullName) }.map { entry in
                Finding(
                    rule: info.id, symbol: entry.service.fullName, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe),
                    direction: .forward, location: entry.service.span, previousLocation: nil, file: entry.file.name,
                    arguments: [.service: entry.service.fullName])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        switch kind {
        case .field: "Field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" was added to message \"\(finding.argument(.message))\"."
        case .enumValue: "Enum value \"\(finding.number ?? 0)\" with name \"\(finding.argument(.value))\" was added to enum \"\(finding.argument(.enum))\"."
        case .message: "Message \"\(finding.argument(.message))\" was added."
        case .enumType: "Enum \"\(finding.argument(.enum))\" was added."
        case .method: "RPC \"\(finding.argument(.method))\" was added to service \"\(finding.argument(.service))\"."
        case .service: "Service \"\(finding.argument(.service))\" was added."
        }
    }
}
