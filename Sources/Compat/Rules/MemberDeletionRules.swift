import ProtoModel

/// A field disappeared from a message, reserved or not.
struct FieldNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict { RuleSupport.deletedFieldJSON(finding, in: channel) }
    let info = RuleInfo(
        id: "FIELD_NO_DELETE", title: "Field deleted", summary: "Fields are not deleted from a message, even when their number is reserved.",
        rationale: "Generated code loses the accessor; with the number reserved the binary data stays safe (protobuf.dev/programming-guides/proto3/#deleting). A reserved name does not make ProtoJSON safe: old writers still send it, and a strict JSON reader rejects a name its message does not have (a hazard; breaking when the name is not reserved either).",
        bufCategories: .filePackage,
        examples: [RuleExample(before: "syntax = \"proto3\"; message M { int32 a = 1; int32 b = 2; }",
                               after: "syntax = \"proto3\"; message M { int32 a = 1; reserved 2; reserved \"b\"; }", findings: 1,
                               verdicts: Verdicts(wire: .safe, json: .hazard, source: .breaking))])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            old.fields.filter { !new.hasField(number: $0.number) }.map { field in
                let numberReserved = new.reservedRanges.contains { field.number >= $0.start && field.number < $0.end }
                let nameReserved = new.reservedNames.contains(field.name)
                return Finding(rule: info.id, symbol: old.fullName + "." + field.name, number: field.number,
                               // A strict ProtoJSON reader rejects a name it no longer has, reserved or not.
                               verdicts: Verdicts(wire: numberReserved ? .safe : .hazard, json: nameReserved ? .hazard : .breaking, source: .breaking),
                               direction: .backward, location: new.span, previousLocation: field.span, file: newFile.name,
                               arguments: ["field": field.name, "message": RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present field \"\(finding.number ?? 0)\" with name \"\(finding.arguments["field"] ?? "")\" on message \"\(finding.arguments["message"] ?? "")\" was deleted."
    }
}

/// A oneof disappeared from a message.
struct OneofNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ONEOF_NO_DELETE", title: "Oneof deleted", summary: "Oneofs are not deleted from a message.",
        rationale: "Generated code loses the oneof's case accessor; its fields are checked on their own.", bufCategories: .filePackage,
        examples: [RuleExample(before: "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } }",
                               after: "syntax = \"proto3\"; message M { int32 a = 1; }", findings: 1)])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            let real = { (m: Message) in Set(m.oneofs.enumerated().filter { i, _ in !m.fields.contains { $0.oneofIndex == Int32(i) && $0.proto3Optional } }.map(\.element.name)) }
            let now = real(new)
            return real(old).subtracting(now).sorted().map { name in
                Finding(rule: info.id, symbol: old.fullName + "." + name, verdicts: .sourceOnly, direction: .both, location: new.span,
                        previousLocation: old.span, file: newFile.name,
                        arguments: ["oneof": name, "message": RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present oneof \"\(finding.arguments["oneof"] ?? "")\" on message \"\(finding.arguments["message"] ?? "")\" was deleted."
    }
}

/// An RPC disappeared from a service.
struct RPCNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "RPC_NO_DELETE", title: "RPC deleted", summary: "RPCs are not deleted from a service.",
        rationale: "Old clients still call the method and get UNIMPLEMENTED: the RPC contract breaks on the wire (protocompat), not only in generated code (buf's classification).",
        bufCategories: .filePackage,
        examples: [RuleExample(before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); rpc N(A) returns (A); }",
                               after: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }", findings: 1,
                               verdicts: .breakingEverywhere)])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.servicePairs.flatMap { old, new, _, newFile in
            old.methods.filter { m in !new.methods.contains { $0.name == m.name } }.map { method in
                Finding(rule: info.id, symbol: old.fullName + "." + method.name, verdicts: .breakingEverywhere, direction: .backward,
                        location: new.span, previousLocation: method.span, file: newFile.name,
                        arguments: ["method": method.name, "service": RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present RPC \"\(finding.arguments["method"] ?? "")\" on service \"\(finding.arguments["service"] ?? "")\" was deleted."
    }
}

/// An enum value disappeared, reserved or not.
struct EnumValueNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "ENUM_VALUE_NO_DELETE", title: "Enum value deleted", summary: "Enum values are not deleted, even when their number is reserved.",
        rationale: "Generated code loses the constant. Reserving the number and name keeps them from being reused, but old writers still send the value: a new reader sees a number its enum does not list (kept as a number by open enums, moved to unknown fields by closed ones) and a strict ProtoJSON reader rejects the name: a hazard in both views (protobuf.dev/programming-guides/enum/).", bufCategories: .filePackage,
        examples: [RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; B = 1; }", after: "syntax = \"proto3\"; enum E { A = 0; reserved 1; reserved \"B\"; }", findings: 1,
                               verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking))])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile -> [Finding] in
            let numbers = Set(new.values.map(\.number))
            var seen = Set<Int32>()
            return old.values.filter { seen.insert($0.number).inserted && !numbers.contains($0.number) }.map { value in
                let numberReserved = new.reservedRanges.contains { value.number >= $0.start && value.number <= $0.end }
                return Finding(rule: info.id, symbol: old.fullName + "." + value.name, number: value.number,
                               // Old data still carries the number: a value the new version does not list, reserved or not;
                               // a strict ProtoJSON reader rejects the name.
                               verdicts: Verdicts(wire: .hazard, json: new.reservedNames.contains(value.name) ? .hazard : .breaking, source: .breaking),
                               direction: .backward, location: new.span, previousLocation: value.span, file: newFile.name,
                               arguments: ["enum": RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present enum value \"\(finding.number ?? 0)\" on enum \"\(finding.arguments["enum"] ?? "")\" was deleted."
    }
}

/// Extension ranges were removed from a message.
struct ExtensionMessageNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "EXTENSION_MESSAGE_NO_DELETE", title: "Extension range deleted", summary: "Extension ranges are not deleted from a message.",
        rationale: "Extensions declared elsewhere for those numbers stop compiling.", bufCategories: .filePackage,
        examples: [RuleExample(before: "syntax = \"proto2\"; message M { extensions 10 to 20; }", after: "syntax = \"proto2\"; message M { }", findings: 1)])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            ReservedRanges.removed(old.extensionRanges, new.extensionRanges, inclusiveEnd: false, max: 536_870_912).map { range in
                Finding(rule: info.id, symbol: new.fullName, verdicts: .sourceOnly, direction: .both, location: new.span,
                        previousLocation: old.span, file: newFile.name,
                        arguments: ["range": range, "message": RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present extension range \"\(finding.arguments["range"] ?? "")\" on message \"\(finding.arguments["message"] ?? "")\" was deleted."
    }
}
