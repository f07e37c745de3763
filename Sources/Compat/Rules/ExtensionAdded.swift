import ProtoModel

/// An extension appeared (custom options included).
struct ExtensionAdded: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? { .extensionField }
    var changeKind: ChangeKind { .addition }
    var scope: RuleScope { .changedFiles }
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict { RuleSupport.addedNameJSON(finding, in: channel, isField: true) }
    let info = RuleInfo(
        id: "EXTENSION_ADDED", title: "Extension added", summary: "A message gained an extension.",
        rationale:
            "Old binary readers keep a new extension as an unknown field (safe); old ProtoJSON readers meet a `[pkg.ext]` key they cannot resolve, and strict ones reject the message: a forward JSON hazard, as for an added field (protobuf.dev/programming-guides/json/).",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto2\"; message M { extensions 100 to 200; }",
                after: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { «optional int32 rank = 100; }",
                findings: 1, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe)),
            RuleExample(
                before: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { optional int32 rank = 100; }",
                after: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { optional int32 rank = 101; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        // An added extension is in a changed file of the new version.
        let changed = Set(pair.changedNewFiles.map(\.name))
        var known = Set<String>()
        for (_, byNumber) in pair.old.index.extensionsByExtendee {
            for (_, entry) in byNumber { known.insert(entry.name) }
        }
        var findings: [Finding] = []
        for (extendee, byNumber) in pair.new.index.extensionsByExtendee.sorted(by: { $0.key < $1.key }) {
            let oldNumbers = pair.old.index.extensionsByExtendee[extendee]
            for (number, entry) in byNumber.sorted(by: { $0.key < $1.key }) {
                // Moved (same name) is `ExtensionSameNumber`'s; the same number under another name is a rename.
                guard !known.contains(entry.name), oldNumbers?[number] == nil,
                    let file = pair.new.file(of: entry.name), changed.contains(file.name)
                else { continue }
                findings.append(
                    Finding(
                        rule: info.id, symbol: entry.name, number: number,
                        verdicts: ElementAdded.fieldVerdicts, direction: .forward,
                        location: entry.field.span, previousLocation: nil, file: file.name,
                        arguments: [.extension: entry.name, .message: extendee]))
            }
        }
        return findings
    }

    func message(_ finding: Finding) -> String {
        "Extension \"\(finding.number ?? 0)\" with name \"\(finding.argument(.extension))\" was added to message \"\(finding.argument(.message))\"."
    }
}
