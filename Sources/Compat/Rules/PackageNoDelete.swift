import ProtoModel

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
