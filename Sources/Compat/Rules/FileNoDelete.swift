import ProtoModel

/// A file disappeared.
struct FileNoDelete: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .file }
    var changeKind: ChangeKind { .deletion }
    var scope: RuleScope { .changedFiles }
    /// Its findings are source-only (the types in it are judged where they went).
    var affectsWireOrJSON: Bool { false }

    let info = RuleInfo(
        id: "FILE_NO_DELETE", title: "File deleted", summary: "Files are not deleted.",
        rationale: "Code that imports the file no longer compiles; its types are gone unless they moved (the PACKAGE rules check moves).",
        bufCategories: [.FILE],
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message M {}", after: "", findings: 1, verdicts: .sourceOnly),
            RuleExample(
                before: "syntax = \"proto3\"; message M {}",
                after: "syntax = \"proto3\"; ", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        // A deleted file is a changed one (the new version has no digest for it).
        pair.changedOldFiles.filter { pair.new.files[$0.name] == nil && !WellKnownTypes.files.contains($0.name) }.map { file in
            Finding(
                rule: info.id, symbol: file.name, verdicts: .sourceOnly, direction: .both, location: RuleSupport.fileStart(file.name),
                previousLocation: nil, file: file.name, arguments: [.file: file.name])
        }
    }

    func message(_ finding: Finding) -> String { "Previously present file \"\(finding.argument(.file))\" was deleted." }
}
