import ProtoModel

/// An element disappeared from the whole package (buf's PACKAGE_X_NO_DELETE rules): moving it to
/// another file of the same package is fine.
struct PackageElementNoDelete: CompatRule {
    var affectsWireOrJSON: Bool { verdicts.wire != .safe || verdicts.json != .safe }
    var changeKind: ChangeKind { .deletion }
    var scope: RuleScope { .changedFiles }
    var readsTypeNames: Bool { noun == "message" || noun == "enum" }

    let info: RuleInfo
    let noun: String
    /// The argument that names the element: its noun (`message`, `enum`, `service`, `extension`).
    var nounKey: FindingArguments.Key { FindingArguments.Key(rawValue: noun)! }

    func subject(_ finding: Finding) -> ElementKind? { ElementKind(rawValue: noun) }
    /// Gone from its file too: the file's rule tells it.
    var restates: [any CompatRule.Type] { [ElementNoDelete.self] }
    let elements: @Sendable (ProtoFile) -> [String: SourceSpan?]
    let verdicts: Verdicts

    static let message = make(.message, id: "PACKAGE_MESSAGE_NO_DELETE")
    static let enumType = make(.enumType, id: "PACKAGE_ENUM_NO_DELETE")
    static let service = make(.service, id: "PACKAGE_SERVICE_NO_DELETE")
    static let extensionField = make(.extensionField, id: "PACKAGE_EXTENSION_NO_DELETE")

    /// The package-wide twin of a file's deletion rule: its texts and examples, its own ID.
    static func make(_ base: ElementNoDelete, id: String) -> PackageElementNoDelete {
        PackageElementNoDelete(
            info: RuleInfo(
                id: id, title: base.info.title.replacingOccurrences(of: "its file", with: "its package"),
                summary: base.info.summary.replacingOccurrences(of: "a file", with: "a package"),
                rationale: base.info.rationale + " Moving it to another file of the same package is not a deletion.",
                bufCategories: [.PACKAGE], examples: base.info.examples + [movedToAnotherFile(base.noun)]), noun: base.noun,
            elements: base.elements, verdicts: base.verdicts)
    }

    /// An element moved to another file of its package: not deleted from the package.
    static func movedToAnotherFile(_ noun: String) -> RuleExample {
        let element =
            switch noun {
            case "message": "message B {}"
            case "enum": "enum E { X = 0; }"
            case "service": "message B {} service S { rpc M(B) returns (B); }"
            default: "extend M { optional int32 x = 10; }"
            }
        let header = noun == "extension" ? "syntax = \"proto2\"; package p; message M { extensions 10 to 20; }" : "syntax = \"proto3\"; package p;"
        let importing = noun == "extension" ? " import \"test.proto\";" : ""
        return RuleExample(
            before: "\(header) \(element)\n// file: b.proto\nsyntax = \"\(noun == "extension" ? "proto2" : "proto3")\"; package p;",
            after: "\(header)\n// file: b.proto\nsyntax = \"\(noun == "extension" ? "proto2" : "proto3")\"; package p;\(importing) \(element)",
            findings: 0)
    }

    func noWitnessReason(_ finding: Finding) -> String? {
        noun == "service" ? WitnessReasons.calls : noun == "extension" ? WitnessReasons.deletedExtension : nil
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        let now = pair.new.allElements(noun, elements)
        let newPackages = Set(pair.new.schema.files.map(\.package))
        return pair.changedOldFiles.flatMap { oldFile -> [Finding] in
            guard newPackages.contains(oldFile.package), !WellKnownTypes.files.contains(oldFile.name) else { return [] }
            return pair.old.elements(noun, of: oldFile, elements).lazy.filter { !now.contains($0.key) }.map { name, span -> Finding in
                // Every element gone from the package is reported (nested ones too), where buf puts it:
                // a nested message at its parent wherever the parent now is; a nested enum or extension
                // at its parent only when the parent is still in the file of the same name; otherwise at
                // the start of that file, or with no file at all when that file is gone too.
                var location = pair.new.files[oldFile.name] != nil ? RuleSupport.fileStart(oldFile.name) : RuleSupport.fileStart("")
                if let dot = name.lastIndex(of: ".") {
                    let parent = String(name[..<dot])
                    if noun == "message" || pair.new.index.fileOf[parent] == oldFile.name, let span = pair.new.message(parent)?.span {
                        location = span
                    }
                }
                return Finding(
                    rule: info.id, symbol: name, verdicts: verdicts, direction: .both, location: location,
                    previousLocation: span, file: location.file,
                    arguments: [nounKey: RuleSupport.relativeName(name, package: oldFile.package), .package: oldFile.package])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present \(noun) \"\(finding.argument(nounKey))\" was deleted from package \"\(finding.argument(.package))\"."
    }
}
