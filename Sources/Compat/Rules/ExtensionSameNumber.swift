import ProtoModel

/// An extension kept its full name but has another number.
struct ExtensionSameNumber: CompatRule {
    var scope: RuleScope { .changedFiles }

    let info = RuleInfo(
        id: "EXTENSION_SAME_NUMBER",
        title: "Extension moved to another number",
        summary: "Extensions keep their numbers: an extension whose full name is still there under another number is reported.",
        rationale:
            "Extensions are encoded by number like fields: a value written with the old number is unknown to the new version (or read as another extension), custom options included. Pairing extensions by extended message and number alone does not see the move. buf has no such rule.",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { «optional int32 rank = 100; }",
                after: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { «optional int32 rank = 101; }", findings: 1,
                verdicts: Verdicts(wire: .breaking, json: .safe, source: .safe)),
            RuleExample(
                before: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { optional int32 rank = 100; }",
                after: "syntax = \"proto2\"; message M { extensions 100 to 200; } extend M { optional int32 rank = 100; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        // Extensions live in files: a moved one is in a changed file of each version.
        let changed = Set(pair.changedNewFiles.map(\.name))
        var oldByName: [String: (extendee: String, field: Field)] = [:]
        for (extendee, byNumber) in pair.old.index.extensionsByExtendee {
            for (_, entry) in byNumber { oldByName[entry.name] = (extendee, entry.field) }
        }
        var findings: [Finding] = []
        for (extendee, byNumber) in pair.new.index.extensionsByExtendee.sorted(by: { $0.key < $1.key }) {
            for (number, entry) in byNumber.sorted(by: { $0.key < $1.key }) {
                guard let before = oldByName[entry.name], before.field.number != number,
                    let file = pair.new.file(of: entry.name), changed.contains(file.name)
                else { continue }
                findings.append(
                    Finding(
                        rule: info.id, symbol: entry.name, number: number,
                        verdicts: .wireOnly, direction: .both,
                        location: entry.field.span, previousLocation: before.field.span, file: file.name,
                        arguments: [
                            .extension: entry.name, .message: extendee, .old: String(before.field.number),
                            .new: String(number),
                        ]))
            }
        }
        return findings
    }

    func message(_ finding: Finding) -> String {
        "Extension \"\(finding.argument(.extension))\" of \"\(finding.argument(.message))\" moved from number \(finding.argument(.old)) to \(finding.argument(.new)): values written with \(finding.argument(.old)) are unknown to the new version."
    }
}
