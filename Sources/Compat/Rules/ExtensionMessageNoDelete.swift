import ProtoModel

/// Extension ranges were removed from a message.
struct ExtensionMessageNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "EXTENSION_MESSAGE_NO_DELETE", title: "Extension range deleted", summary: "Extension ranges are not deleted from a message.",
        rationale: "Extensions declared elsewhere for those numbers stop compiling.", bufCategories: .filePackage,
        examples: [
            RuleExample(before: "syntax = \"proto2\"; «message M { extensions 10 to 20; }", after: "syntax = \"proto2\"; «message M { }", findings: 1),
            RuleExample(
                before: "syntax = \"proto2\"; message M { extensions 10 to 20; }",
                after: "syntax = \"proto2\"; message M { extensions 10 to 30; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            ReservedRanges.removed(old.extensionRanges, new.extensionRanges, inclusiveEnd: false, max: 536_870_912).map { range in
                Finding(
                    rule: info.id, symbol: new.fullName, verdicts: .sourceOnly, direction: .both, location: new.span,
                    previousLocation: old.span, file: newFile.name,
                    arguments: [.range: range, .message: RuleSupport.relativeName(new.fullName, package: newFile.package)])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        "Previously present extension range \"\(finding.argument(.range))\" on message \"\(finding.argument(.message))\" was deleted."
    }
}
