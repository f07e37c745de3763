import ProtoModel

/// An element of some kind disappeared from a file that still exists (buf's X_NO_DELETE rules).
struct ElementNoDelete: CompatRule {
    var affectsWireOrJSON: Bool { verdicts.wire != .safe || verdicts.json != .safe }
    var changeKind: ChangeKind { .deletion }
    /// What is deleted from a file depends on that file alone (its two versions).
    var scope: RuleScope { .eachChangedFile }
    var readsTypeNames: Bool { noun == "message" || noun == "enum" }

    let info: RuleInfo
    let noun: String
    /// The argument that names the element: its noun (`message`, `enum`, `service`, `extension`).
    var nounKey: FindingArguments.Key { FindingArguments.Key(rawValue: noun)! }

    func subject(_ finding: Finding) -> ElementKind? { ElementKind(rawValue: noun) }
    let elements: @Sendable (ProtoFile) -> [String: SourceSpan?]
    let verdicts: Verdicts

    static let message = ElementNoDelete(
        info: RuleInfo(
            id: "MESSAGE_NO_DELETE", title: "Message deleted from its file", summary: "Messages are not deleted from a file.",
            rationale:
                "Generated code for the message disappears; data of that type is not affected until a field refers to another type (those changes are flagged on the fields).",
            bufCategories: [.FILE],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} «message B {}", after: "«syntax = \"proto3\"; message A {}", findings: 1,
                    verdicts: .sourceOnly),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} message B {}",
                    after: "syntax = \"proto3\"; message A {} message B { int32 x = 1; }", findings: 0),
            ]),
        noun: "message", elements: FileElements.messages, verdicts: .sourceOnly)

    static let enumType = ElementNoDelete(
        info: RuleInfo(
            id: "ENUM_NO_DELETE", title: "Enum deleted from its file", summary: "Enums are not deleted from a file.",
            rationale: "Generated code for the enum disappears.", bufCategories: [.FILE],
            examples: [
                RuleExample(before: "syntax = \"proto3\"; «enum E { A = 0; } message M {}", after: "«syntax = \"proto3\"; message M {}", findings: 1),
                RuleExample(
                    before: "syntax = \"proto3\"; enum E { A = 0; } message M {}",
                    after: "syntax = \"proto3\"; enum E { A = 0; B = 1; } message M {}", findings: 0),
            ]),
        noun: "enum", elements: FileElements.enums, verdicts: .sourceOnly)

    static let service = ElementNoDelete(
        info: RuleInfo(
            id: "SERVICE_NO_DELETE", title: "Service deleted from its file", summary: "Services are not deleted from a file.",
            rationale: "Clients calling its methods get UNIMPLEMENTED: the RPC contract is broken on the wire (protocompat), not only in code (buf).",
            bufCategories: [.FILE],
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} «service S { rpc M(A) returns (A); }", after: "«syntax = \"proto3\"; message A {}", findings: 1,
                    verdicts: .breakingEverywhere),
                RuleExample(
                    before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }",
                    after: "syntax = \"proto3\"; message A {} service S { rpc N(A) returns (A); }", findings: 0),
            ]),
        noun: "service", elements: FileElements.services, verdicts: .breakingEverywhere)

    static let extensionField = ElementNoDelete(
        info: RuleInfo(
            id: "EXTENSION_NO_DELETE", title: "Extension deleted from its file", summary: "Extensions are not deleted from a file.",
            rationale: "Code that reads or sets the extension no longer compiles; old data keeps it as an unknown field.",
            bufCategories: [.FILE],
            examples: [
                RuleExample(
                    before: "syntax = \"proto2\"; message M { extensions 10 to 20; } extend M { «optional int32 x = 10; }",
                    after: "«syntax = \"proto2\"; message M { extensions 10 to 20; }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto2\"; message M { extensions 10 to 20; } extend M { optional int32 x = 10; }",
                    after: "syntax = \"proto2\"; message M { extensions 10 to 20; } extend M { optional int32 x = 11; }", findings: 0),
            ]),
        noun: "extension", elements: FileElements.extensions, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking))

    func noWitnessReason(_ finding: Finding) -> String? {
        noun == "service" ? WitnessReasons.calls : noun == "extension" ? WitnessReasons.deletedExtension : nil
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.changedOldFiles.flatMap { oldFile -> [Finding] in
            guard let newFile = pair.new.files[oldFile.name] else { return [] }
            let now = pair.new.elements(noun, of: newFile, elements)
            return pair.old.elements(noun, of: oldFile, elements).lazy.filter { now.index(forKey: $0.key) == nil }.compactMap { name, span -> Finding? in
                // Nested elements are reported at their surviving parent; under a deleted parent, not at all.
                var location = RuleSupport.fileStart(newFile.name)
                if noun != "service", let dot = name.lastIndex(of: "."), String(name[..<dot]) != oldFile.package {
                    let parent = String(name[..<dot])
                    if let survivor = pair.new.message(parent), pair.new.index.fileOf[parent] == newFile.name {
                        location = survivor.span ?? location
                    } else if pair.old.message(parent) != nil {
                        if noun == "extension" {
                            return Finding(
                                rule: info.id, symbol: name, verdicts: verdicts, direction: .both,
                                location: location, previousLocation: span, file: newFile.name,
                                arguments: [nounKey: RuleSupport.relativeName(name, package: oldFile.package)])
                        }
                        return nil
                    }
                }
                return Finding(
                    rule: info.id, symbol: name, verdicts: verdicts, direction: .both, location: location,
                    previousLocation: span, file: newFile.name,
                    arguments: [nounKey: RuleSupport.relativeName(name, package: oldFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present \(noun) \"\(finding.argument(nounKey))\" was deleted from file."
    }
}
