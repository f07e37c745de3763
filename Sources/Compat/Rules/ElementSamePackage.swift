import ProtoModel

/// A top-level message, enum or service reappears under the same name in another package, from a
/// file that did not keep its name (a renamed file that also changed its package).
struct ElementSamePackage: CompatRule {
    var scope: RuleScope { .changedFiles }
    static let id = "ELEMENT_SAME_PACKAGE"
    let info = RuleInfo(
        id: id,
        title: "Element moved to another package",
        summary: "Messages, enums and services stay in their package, whether or not their file keeps its name.",
        rationale:
            "A package change is judged by what moves, as \(FileSamePackage.id) judges a file that kept its name: a service's RPC paths (/pkg.Service/Method) change, so old clients call methods that no longer exist; a message's or enum's full name changes, which Any type URLs and anything that names types carry (a hazard). buf sees a deleted package and, at most, deleted files.",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; package a; «message M {} «service S { rpc Get(M) returns (M); }",
                after: "// file: b.proto\nsyntax = \"proto3\"; package b; «message M {} «service S { rpc Get(M) returns (M); }", findings: 2,
                verdicts: .breakingEverywhere),
            RuleExample(
                before: "syntax = \"proto3\"; package a; «message M {}",
                after: "// file: b.proto\nsyntax = \"proto3\"; package b; «message M {}", findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; package a; message M {}",
                after: "// file: b.proto\nsyntax = \"proto3\"; package a; message M {}", findings: 0),
        ])

    /// What moving such an element to another package breaks (`FileSamePackage`'s verdicts, per element).
    static func verdicts(service: Bool) -> Verdicts {
        service ? .breakingEverywhere : Verdicts(wire: .hazard, json: .hazard, source: .breaking)
    }

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.names }

    func check(_ pair: SchemaPair) -> [Finding] {
        var moved: [String: (fullName: String, file: ProtoFile, span: SourceSpan?)] = [:]
        for file in pair.changedNewFiles where !WellKnownTypes.files.contains(file.name) {
            for (name, span) in Self.topLevel(file) { moved[name.relative] = moved[name.relative] ?? (name.full, file, span) }
        }
        var findings: [Finding] = []
        for oldFile in pair.changedOldFiles where !WellKnownTypes.files.contains(oldFile.name) {
            // A file that kept its name and changed package is `FileSamePackage`'s.
            if let kept = pair.new.files[oldFile.name], kept.package != oldFile.package { continue }
            for (name, span) in Self.topLevel(oldFile) {
                // Gone from its package, and new under the same name in another one (not one that was there).
                guard let now = moved[name.relative], now.file.package != oldFile.package,
                    pair.new.file(of: name.full) == nil, pair.old.file(of: now.fullName) == nil
                else { continue }
                let isService = pair.old.serviceIndex[name.full] != nil
                findings.append(
                    Finding(
                        rule: info.id, symbol: name.full, verdicts: Self.verdicts(service: isService), direction: .both,
                        location: now.span ?? RuleSupport.fileStart(now.file.name), previousLocation: span,
                        file: now.file.name,
                        arguments: [
                            .element: name.relative, .kind: isService ? "service" : "type",
                            .old: oldFile.package, .new: now.file.package,
                        ]))
            }
        }
        return findings
    }

    /// The file's top-level messages, enums and services: (full name, name without the package).
    static func topLevel(_ file: ProtoFile) -> [(name: (full: String, relative: String), span: SourceSpan?)] {
        let prefix = file.package.isEmpty ? "" : file.package + "."
        var result: [(name: (full: String, relative: String), span: SourceSpan?)] = []
        for service in file.services { result.append(((prefix + service.name, service.name), service.span)) }
        for message in file.messages { result.append(((prefix + message.name, message.name), message.span)) }
        for enumType in file.enums { result.append(((prefix + enumType.name, enumType.name), enumType.span)) }
        return result
    }

    func message(_ finding: Finding) -> String {
        let what = finding.arguments[.kind] == "service" ? "Service" : "Type"
        return
            "\(what) \"\(finding.argument(.element))\" moved from package \"\(finding.argument(.old))\" to package \"\(finding.argument(.new))\" (its file was renamed)."
    }
}
