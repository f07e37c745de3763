import ProtoModel

/// A file's package changed.
struct FileSamePackage: CompatRule {
    var scope: RuleScope { .eachChangedFile }
    static let id = "FILE_SAME_PACKAGE"
    let info = RuleInfo(
        id: id,
        title: "File package changed",
        summary: "Files keep their package.",
        rationale:
            "Every full name in the file changes: RPC paths (/pkg.Service/Method), Any type URLs and generated code all follow the package (protobuf.dev/programming-guides/proto3/#packages). Judged by what the file defines, as \(ElementSamePackage.id) judges a file that was renamed too: a file with services breaks the RPC contract; one with only messages and enums keeps their encoding, and only what names types (Any) is hurt (a hazard).",
        bufCategories: .wire,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; package «a; message M {}",
                after: "syntax = \"proto3\"; package «b; message M {}", findings: 1,
                verdicts: Verdicts(wire: .hazard, json: .hazard, source: .breaking)),
            RuleExample(
                before: "syntax = \"proto3\"; package «a; message M {} service S { rpc Get(M) returns (M); }",
                after: "syntax = \"proto3\"; package «b; message M {} service S { rpc Get(M) returns (M); }", findings: 1,
                verdicts: .breakingEverywhere),
            RuleExample(
                before: "syntax = \"proto3\"; package a; message M {}",
                after: "syntax = \"proto3\"; package a; message M {} message N {}", findings: 0),
        ])

    func noWitnessReason(_ finding: Finding) -> String? { WitnessReasons.names }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.changedNewFiles.compactMap { file in
            guard let old = pair.old.files[file.name], old.package != file.package else { return nil }
            // A file without a package statement is pointed at its first line.
            let start = SourceSpan(file: file.name, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0)
            let verdicts = ElementSamePackage.verdicts(service: !old.services.isEmpty)
            return Finding(
                rule: info.id, symbol: file.name, verdicts: verdicts, direction: .both,
                location: file.packageSpan ?? start, previousLocation: old.packageSpan, file: file.name,
                arguments: [.old: old.package, .new: file.package])
        }
    }

    func message(_ finding: Finding) -> String {
        "File package changed from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
