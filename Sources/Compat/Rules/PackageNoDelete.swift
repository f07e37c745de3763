import ProtoModel

/// A package disappeared.
struct PackageNoDelete: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .package }
    var changeKind: ChangeKind { .deletion }
    var scope: RuleScope { .changedFiles }
    var affectsWireOrJSON: Bool { false }

    let info = RuleInfo(
        id: "PACKAGE_NO_DELETE", title: "Package deleted", summary: "Packages are not deleted.",
        rationale: "Everything in the package is gone, and every full name that used it.", bufCategories: [.PACKAGE],
        examples: [
            RuleExample(before: "syntax = \"proto3\"; package «a; message M {}", after: "syntax = \"proto3\"; package b; message M {}", findings: 1),
            RuleExample(
                before: "syntax = \"proto3\"; package a; message M {}",
                after: "// file: b.proto\nsyntax = \"proto3\"; package a; message M {}", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        // A package can only disappear with its files, which then changed (the scope).
        let now = Set(pair.new.schema.files.map(\.package))
        let before = Set(pair.old.schema.files.filter { !WellKnownTypes.files.contains($0.name) }.map(\.package))
        return before.subtracting(now).sorted().map { package in
            // A package is in no one file: the finding has no path (as buf's); reports cite where the
            // package was, its first file's `package` line.
            let first = pair.old.schema.files.filter { $0.package == package }.min { $0.name < $1.name }
            let previous = first.map { $0.packageSpan ?? RuleSupport.fileStart($0.name) }
            return Finding(
                rule: info.id, symbol: package, verdicts: .sourceOnly, direction: .both, location: RuleSupport.fileStart(""),
                previousLocation: previous, file: "", arguments: [.package: package])
        }
    }

    func message(_ finding: Finding) -> String { "Previously present package \"\(finding.argument(.package))\" was deleted." }
}
