import ProtoModel

/// A file disappeared.
struct FileNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    /// Its findings are source-only (the types in it are judged where they went).
    var affectsWireOrJSON: Bool { false }

    let info = RuleInfo(
        id: "FILE_NO_DELETE", title: "File deleted", summary: "Files are not deleted.",
        rationale: "Code that imports the file no longer compiles; its types are gone unless they moved (the PACKAGE rules check moves).",
        bufCategories: [.FILE],
        examples: [RuleExample(before: "syntax = \"proto3\"; message M {}", after: "", findings: 1, verdicts: .sourceOnly)])

    func check(_ pair: SchemaPair) -> [Finding] {
        // A deleted file is a changed one (the new version has no digest for it).
        pair.changedOldFiles.filter { pair.new.files[$0.name] == nil && !WellKnownTypes.files.contains($0.name) }.map { file in
            Finding(rule: info.id, symbol: file.name, verdicts: .sourceOnly, direction: .both, location: RuleSupport.fileStart(file.name),
                    previousLocation: nil, file: file.name, arguments: ["file": file.name])
        }
    }

    func message(_ finding: Finding) -> String { "Previously present file \"\(finding.arguments["file"] ?? "")\" was deleted." }
}

/// What a deletion rule looks for: the named elements of a file.
enum FileElements {
    static func messages(_ file: ProtoFile) -> [String: SourceSpan?] {
        var result: [String: SourceSpan?] = [:]
        file.forEachMessage { result[$0.fullName] = $0.span }
        return result
    }

    static func enums(_ file: ProtoFile) -> [String: SourceSpan?] {
        var result: [String: SourceSpan?] = [:]
        file.forEachEnum { result[$0.fullName] = $0.span }
        return result
    }

    static func services(_ file: ProtoFile) -> [String: SourceSpan?] {
        Dictionary(file.services.map { ($0.fullName, $0.span) }, uniquingKeysWith: { a, _ in a })
    }

    static func extensions(_ file: ProtoFile) -> [String: SourceSpan?] {
        var result: [String: SourceSpan?] = [:]
        for ext in file.extensions { result[file.package.isEmpty ? ext.name : file.package + "." + ext.name] = ext.span }
        file.forEachMessage { message in for ext in message.extensions { result[message.fullName + "." + ext.name] = ext.span } }
        return result
    }
}

/// An element of some kind disappeared from a file that still exists (buf's X_NO_DELETE rules).
struct ElementNoDelete: CompatRule {
    var affectsWireOrJSON: Bool { verdicts.wire != .safe || verdicts.json != .safe }
    var changeKind: ChangeKind { .deletion }
    /// What is deleted from a file depends on that file alone (its two versions).
    var looksAtOneFile: Bool { true }
    var readsTypeNames: Bool { noun == "message" || noun == "enum" }

    let info: RuleInfo
    let noun: String
    let elements: @Sendable (ProtoFile) -> [String: SourceSpan?]
    let verdicts: Verdicts

    static let message = ElementNoDelete(info: RuleInfo(
        id: "MESSAGE_NO_DELETE", title: "Message deleted from its file", summary: "Messages are not deleted from a file.",
        rationale: "Generated code for the message disappears; data of that type is not affected until a field refers to another type (those changes are flagged on the fields).",
        bufCategories: [.FILE],
        examples: [RuleExample(before: "syntax = \"proto3\"; message A {} message B {}", after: "syntax = \"proto3\"; message A {}", findings: 1,
                               verdicts: .sourceOnly)]),
        noun: "message", elements: FileElements.messages, verdicts: .sourceOnly)

    static let enumType = ElementNoDelete(info: RuleInfo(
        id: "ENUM_NO_DELETE", title: "Enum deleted from its file", summary: "Enums are not deleted from a file.",
        rationale: "Generated code for the enum disappears.", bufCategories: [.FILE],
        examples: [RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; } message M {}", after: "syntax = \"proto3\"; message M {}", findings: 1)]),
        noun: "enum", elements: FileElements.enums, verdicts: .sourceOnly)

    static let service = ElementNoDelete(info: RuleInfo(
        id: "SERVICE_NO_DELETE", title: "Service deleted from its file", summary: "Services are not deleted from a file.",
        rationale: "Clients calling its methods get UNIMPLEMENTED: the RPC contract is broken on the wire (protocompat), not only in code (buf).",
        bufCategories: [.FILE],
        examples: [RuleExample(before: "syntax = \"proto3\"; message A {} service S { rpc M(A) returns (A); }", after: "syntax = \"proto3\"; message A {}", findings: 1,
                               verdicts: .breakingEverywhere)]),
        noun: "service", elements: FileElements.services, verdicts: .breakingEverywhere)

    static let extensionField = ElementNoDelete(info: RuleInfo(
        id: "EXTENSION_NO_DELETE", title: "Extension deleted from its file", summary: "Extensions are not deleted from a file.",
        rationale: "Code that reads or sets the extension no longer compiles; old data keeps it as an unknown field.",
        bufCategories: [.FILE],
        examples: [RuleExample(before: "syntax = \"proto2\"; message M { extensions 10 to 20; } extend M { optional int32 x = 10; }",
                               after: "syntax = \"proto2\"; message M { extensions 10 to 20; }", findings: 1)]),
        noun: "extension", elements: FileElements.extensions, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking))

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
                        if noun == "extension" { return Finding(rule: info.id, symbol: name, verdicts: verdicts, direction: .both,
                                                                location: location, previousLocation: span, file: newFile.name,
                                                                arguments: [noun: RuleSupport.relativeName(name, package: oldFile.package)]) }
                        return nil
                    }
                }
                return Finding(rule: info.id, symbol: name, verdicts: verdicts, direction: .both, location: location,
                               previousLocation: span, file: newFile.name,
                               arguments: [noun: RuleSupport.relativeName(name, package: oldFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present \(noun) \"\(finding.arguments[noun] ?? "")\" was deleted from file."
    }
}

/// An element disappeared from the whole package (buf's PACKAGE_X_NO_DELETE rules): moving it to
/// another file of the same package is fine.
struct PackageElementNoDelete: CompatRule {
    var affectsWireOrJSON: Bool { verdicts.wire != .safe || verdicts.json != .safe }
    var changeKind: ChangeKind { .deletion }
    var readsTypeNames: Bool { noun == "message" || noun == "enum" }

    let info: RuleInfo
    let noun: String
    let elements: @Sendable (ProtoFile) -> [String: SourceSpan?]
    let verdicts: Verdicts

    static func make(_ base: ElementNoDelete) -> PackageElementNoDelete {
        PackageElementNoDelete(info: RuleInfo(
            id: "PACKAGE_" + base.info.id, title: base.info.title.replacingOccurrences(of: "its file", with: "its package"),
            summary: base.info.summary.replacingOccurrences(of: "a file", with: "a package"),
            rationale: base.info.rationale + " Moving it to another file of the same package is not a deletion.",
            bufCategories: [.PACKAGE], examples: base.info.examples), noun: base.noun, elements: base.elements, verdicts: base.verdicts)
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        guard !pair.changedOldFiles.isEmpty else { return [] }
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
                return Finding(rule: info.id, symbol: name, verdicts: verdicts, direction: .both, location: location,
                               previousLocation: span, file: location.file,
                               arguments: [noun: RuleSupport.relativeName(name, package: oldFile.package), "package": oldFile.package])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present \(noun) \"\(finding.arguments[noun] ?? "")\" was deleted from package \"\(finding.arguments["package"] ?? "")\"."
    }
}

/// A package disappeared.
struct PackageNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    var affectsWireOrJSON: Bool { false }

    let info = RuleInfo(
        id: "PACKAGE_NO_DELETE", title: "Package deleted", summary: "Packages are not deleted.",
        rationale: "Everything in the package is gone, and every full name that used it.", bufCategories: [.PACKAGE],
        examples: [RuleExample(before: "syntax = \"proto3\"; package a; message M {}", after: "syntax = \"proto3\"; package b; message M {}", findings: 1)])

    func check(_ pair: SchemaPair) -> [Finding] {
        // A package can only disappear with its files, which then changed.
        guard !pair.changedOldFiles.isEmpty else { return [] }
        let now = Set(pair.new.schema.files.map(\.package))
        let before = Set(pair.old.schema.files.filter { !WellKnownTypes.files.contains($0.name) }.map(\.package))
        return before.subtracting(now).sorted().map { package in
            // A package is in no one file: the finding has no path.
            return Finding(rule: info.id, symbol: package, verdicts: .sourceOnly, direction: .both, location: RuleSupport.fileStart(""),
                           previousLocation: nil, file: "", arguments: ["package": package])
        }
    }

    func message(_ finding: Finding) -> String { "Previously present package \"\(finding.arguments["package"] ?? "")\" was deleted." }
}
