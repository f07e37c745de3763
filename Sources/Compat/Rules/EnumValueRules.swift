import ProtoModel

/// An enum value's number disappeared without being reserved.
struct EnumValueNoDeleteUnlessNumberReserved: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
        title: "Enum value deleted without reserving its number",
        summary: "Enum values are not deleted unless their number is reserved.",
        rationale: "Old writers still send the number: new readers see an unknown value (kept as a number in open enums, moved to unknown fields in closed ones), and a later value may reuse the number (protobuf.dev/programming-guides/enum/).",
        bufCategories: [.WIRE, .WIRE_JSON],
        examples: [
            RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                        after: "syntax = \"proto3\"; enum E { A = 0; }", findings: 1,
                        verdicts: Verdicts(wire: .hazard, json: .breaking, source: .breaking)),
            RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                        after: "syntax = \"proto3\"; enum E { A = 0; reserved 1; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let numbers = Set(new.values.map(\.number))
            var seen = Set<Int32>()
            return old.values.filter { value in
                seen.insert(value.number).inserted && !numbers.contains(value.number)
                    && !new.reservedRanges.contains { value.number >= $0.start && value.number <= $0.end }
            }.map { value in
                Finding(rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                        verdicts: Verdicts(wire: .hazard, json: .breaking, source: .breaking), direction: .backward,
                        location: new.span, previousLocation: value.span, file: newFile.name,
                        arguments: ["enum": new.name, "value": value.name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present enum value \"\(finding.number ?? 0)\" on enum \"\(finding.arguments["enum"] ?? "")\" was deleted without reserving the number \"\(finding.number ?? 0)\"."
    }
}

/// An enum value's name disappeared without being reserved.
struct EnumValueNoDeleteUnlessNameReserved: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
        title: "Enum value deleted without reserving its name",
        summary: "Enum values are not deleted unless their name is reserved.",
        rationale: "JSON carries enum values by name: a reader that no longer knows the name rejects the message (protobuf.dev/programming-guides/json/).",
        bufCategories: [.WIRE_JSON],
        examples: [
            RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                        after: "syntax = \"proto3\"; enum E { A = 0; reserved 1; }", findings: 1),
            RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                        after: "syntax = \"proto3\"; enum E { A = 0; reserved \"B\"; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let numbers = Set(new.values.map(\.number))
            var seen = Set<Int32>()
            return old.values.filter { value in
                seen.insert(value.number).inserted && !numbers.contains(value.number) && !new.reservedNames.contains(value.name)
            }.map { value in
                Finding(rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                        verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking), direction: .backward,
                        location: new.span, previousLocation: value.span, file: newFile.name,
                        arguments: ["enum": new.name, "value": value.name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present enum value \"\(finding.number ?? 0)\" on enum \"\(finding.arguments["enum"] ?? "")\" was deleted without reserving the name \"\(finding.arguments["value"] ?? "")\"."
    }
}

/// The names of an enum number changed.
struct EnumValueSameName: CompatRule {
    let info = RuleInfo(
        id: "ENUM_VALUE_SAME_NAME",
        title: "Enum value renamed",
        summary: "Enum values keep their names.",
        rationale: "The binary encoding uses numbers, so a rename is wire-safe; JSON and generated code use the names (protobuf.dev/programming-guides/json/).",
        bufCategories: .wireJSON,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }",
                        after: "syntax = \"proto3\"; enum E { A = 0; C = 1; }", findings: 1,
                        verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking)),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            new.values.compactMap { value -> Finding? in
                let before = old.values.filter { $0.number == value.number }.map(\.name)
                let after = new.values.filter { $0.number == value.number }.map(\.name)
                guard !before.isEmpty, !Set(before).isSubset(of: Set(after)) else { return nil }
                return Finding(rule: info.id, symbol: new.fullName + "." + value.name, number: value.number,
                               verdicts: Verdicts(wire: .safe, json: .breaking, source: .breaking), direction: .both,
                               location: value.span, previousLocation: old.values.first { $0.number == value.number }?.span,
                               file: newFile.name,
                               arguments: ["enum": new.name, "old": before.joined(separator: "\", \""), "new": after.joined(separator: "\", \""),
                                           "plural": before.count > 1 || after.count > 1 ? "s" : ""])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        let s = finding.arguments["plural"] ?? ""
        return "Enum value \"\(finding.number ?? 0)\" on enum \"\(finding.arguments["enum"] ?? "")\" changed name\(s) from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
    }
}
