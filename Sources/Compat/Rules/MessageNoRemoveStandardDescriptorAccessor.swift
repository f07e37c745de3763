import ProtoModel

/// A message turned on no_standard_descriptor_accessor.
struct MessageNoRemoveStandardDescriptorAccessor: CompatRule {
    let info = RuleInfo(
        id: "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", title: "Message standard descriptor accessor removed",
        summary: "Messages do not change no_standard_descriptor_accessor from false or unset to true.",
        rationale: "Generated code loses the descriptor() accessor that callers may use.", bufCategories: .filePackage,
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; «message M {}",
                after: "syntax = \"proto3\"; message M { «option no_standard_descriptor_accessor = true; }", findings: 1, verdicts: .sourceOnly),
            RuleExample(
                before: "syntax = \"proto3\"; message M {}",
                after: "syntax = \"proto3\"; message M { option no_standard_descriptor_accessor = false; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.compactMap { old, new, _, newFile in
            guard !old.options.isTrue("no_standard_descriptor_accessor"), new.options.isTrue("no_standard_descriptor_accessor") else { return nil }
            return Finding(
                rule: info.id, symbol: new.fullName, verdicts: .sourceOnly, direction: .none,
                location: new.options.span(of: "no_standard_descriptor_accessor") ?? new.span, previousLocation: old.span,
                file: newFile.name, arguments: [.message: RuleSupport.relativeName(new.fullName, package: newFile.package)])
        }
    }

    func message(_ finding: Finding) -> String {
        "Message \"\(finding.argument(.message))\" changed option \"no_standard_descriptor_accessor\" from \"false\" to \"true\"."
    }
}
