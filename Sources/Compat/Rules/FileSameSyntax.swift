import ProtoModel

/// A file's syntax changed.
struct FileSameSyntax: CompatRule {
    var scope: RuleScope { .eachChangedFile }
    var affectsWireOrJSON: Bool { false }

    let info = RuleInfo(
        id: "FILE_SAME_SYNTAX", title: "File syntax changed", summary: "Files keep their syntax (proto2, proto3, an edition).",
        rationale: "Syntax decides presence, enum openness, packing and UTF-8 checks; the per-field rules report what actually changed.",
        bufCategories: .filePackage,
        examples: [
            RuleExample(before: "«syntax = \"proto2\"; message M {}", after: "«syntax = \"proto3\"; message M {}", findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; message M {}",
                after: "syntax = 'proto3'; message M {}", findings: 0),
        ])

    static func describe(_ file: ProtoFile) -> String {
        file.syntax == .editions ? "edition \(file.edition ?? "")" : file.syntax.rawValue
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.changedNewFiles.compactMap { file in
            guard let old = pair.old.files[file.name], Self.describe(old) != Self.describe(file) else { return nil }
            return Finding(
                rule: info.id, symbol: file.name, verdicts: .sourceOnly, direction: .none,
                location: file.syntaxSpan ?? RuleSupport.fileStart(file.name), previousLocation: old.syntaxSpan, file: file.name,
                arguments: [.old: Self.describe(old), .new: Self.describe(file)])
        }
    }

    func message(_ finding: Finding) -> String {
        "File syntax changed from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
