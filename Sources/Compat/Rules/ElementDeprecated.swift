import ProtoModel

/// An element became `deprecated = true`. protocompat's own rule, for changelogs: nothing breaks,
/// but generated code starts warning and readers should plan for removal.
struct ElementDeprecated: CompatRule {
    func subject(_ finding: Finding) -> ElementKind? {
        finding.arguments[.kind] == "enum value" ? .enumValue : finding.arguments[.kind].flatMap(ElementKind.init(rawValue:))
    }
    var changeKind: ChangeKind { .deprecation }
    let info = RuleInfo(
        id: "ELEMENT_DEPRECATED", title: "Element deprecated",
        summary: "A field, message, enum, enum value, service or RPC became deprecated.",
        rationale:
            "The `deprecated` option changes no encoding; code generators mark the element, and it announces a later removal (protobuf.dev/programming-guides/proto3/#options).",
        bufCategories: [],
        examples: [
            RuleExample(
                before: "syntax = \"proto3\"; message M { «int32 a = 1; }",
                after: "syntax = \"proto3\"; message M { «int32 a = 1 [deprecated = true]; }", findings: 1, verdicts: .safe),
            RuleExample(
                before: "syntax = \"proto3\"; message M { int32 a = 1 [deprecated = true]; }",
                after: "syntax = \"proto3\"; message M { int32 a = 1 [deprecated = true]; }", findings: 0),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        var findings: [Finding] = []
        func add(
            _ symbol: String, _ kind: String, _ before: OptionMessage, _ after: OptionMessage, _ span: SourceSpan?, _ previous: SourceSpan?, _ file: String
        ) {
            guard !before.isTrue("deprecated"), after.isTrue("deprecated") else { return }
            findings.append(
                Finding(
                    rule: info.id, symbol: symbol, verdicts: .safe, direction: .none, location: span,
                    previousLocation: previous, file: file, arguments: [.kind: kind]))
        }
        for (old, new, _, newFile) in pair.messagePairs {
            add(new.fullName, "message", old.options, new.options, new.span, old.span, newFile.name)
        }
        for p in pair.allFieldPairs where p.newMessage?.isMapEntry != true {
            add(p.symbol, "field", p.old.options, p.new.options, p.new.span, p.old.span, p.newFile.name)
        }
        for (old, new, _, newFile) in pair.enumPairs {
            add(new.fullName, "enum", old.options, new.options, new.span, old.span, newFile.name)
            for value in new.values {
                guard let before = old.values.first(where: { $0.name == value.name }) else { continue }
                add(new.fullName + "." + value.name, "enum value", before.options, value.options, value.span, before.span, newFile.name)
            }
        }
        for (old, new, _, newFile) in pair.servicePairs {
            add(new.fullName, "service", old.options, new.options, new.span, old.span, newFile.name)
            for method in new.methods {
                guard let before = old.methods.first(where: { $0.name == method.name }) else { continue }
                add(new.fullName + "." + method.name, "RPC", before.options, method.options, method.span, before.span, newFile.name)
            }
        }
        return findings
    }

    func message(_ finding: Finding) -> String {
        "The \(finding.arguments[.kind] ?? "element") \"\(finding.symbol)\" was deprecated."
    }
}
