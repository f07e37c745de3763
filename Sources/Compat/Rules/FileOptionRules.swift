import ProtoModel

/// A file option that generated code depends on changed (buf's FILE_SAME_<OPTION> rules).
struct FileSameOption: CompatRule {
    var looksAtOneFile: Bool { true }
    /// Generated code moves; the data does not change.
    var affectsWireOrJSON: Bool { false }

    let info: RuleInfo
    let option: String

    static let all: [FileSameOption] = [
        ("FILE_SAME_GO_PACKAGE", "go_package"), ("FILE_SAME_JAVA_PACKAGE", "java_package"),
        ("FILE_SAME_JAVA_OUTER_CLASSNAME", "java_outer_classname"), ("FILE_SAME_JAVA_MULTIPLE_FILES", "java_multiple_files"),
        ("FILE_SAME_JAVA_GENERIC_SERVICES", "java_generic_services"), ("FILE_SAME_CC_GENERIC_SERVICES", "cc_generic_services"),
        ("FILE_SAME_PY_GENERIC_SERVICES", "py_generic_services"), ("FILE_SAME_CC_ENABLE_ARENAS", "cc_enable_arenas"),
        ("FILE_SAME_CSHARP_NAMESPACE", "csharp_namespace"), ("FILE_SAME_OBJC_CLASS_PREFIX", "objc_class_prefix"),
        ("FILE_SAME_OPTIMIZE_FOR", "optimize_for"), ("FILE_SAME_PHP_CLASS_PREFIX", "php_class_prefix"),
        ("FILE_SAME_PHP_METADATA_NAMESPACE", "php_metadata_namespace"), ("FILE_SAME_PHP_NAMESPACE", "php_namespace"),
        ("FILE_SAME_RUBY_PACKAGE", "ruby_package"), ("FILE_SAME_SWIFT_PREFIX", "swift_prefix"),
    ].map { id, option in
        FileSameOption(info: RuleInfo(
            id: id, title: "File option \(option) changed", summary: "Files keep the value of the \(option) option.",
            rationale: "Code generators place and name the generated code by \(option): importers of the old location stop compiling.",
            bufCategories: .filePackage,
            examples: [RuleExample(before: "syntax = \"proto3\"; option \(option) = \(sample(option, 1));",
                                   after: "syntax = \"proto3\"; option \(option) = \(sample(option, 2));", findings: 1, verdicts: .sourceOnly)]),
            option: option)
    }

    static func sample(_ option: String, _ variant: Int) -> String {
        switch option {
        case "java_multiple_files", "java_generic_services", "cc_generic_services", "py_generic_services", "cc_enable_arenas":
            variant == 1 ? "true" : "false"
        case "optimize_for": variant == 1 ? "SPEED" : "CODE_SIZE"
        default: variant == 1 ? "\"a\"" : "\"b\""
        }
    }

    /// The option's value as text, or its default from descriptor.proto when unset.
    func value(_ file: ProtoFile, _ version: SchemaPair.Version) -> String {
        switch file.options[option] {
        case .string(let s)?: return s
        case .bool(let b)?: return b ? "true" : "false"
        case .enumValue(let e)?: return e
        default:
            let field = version.fileOptionFields[option]
            if option == "cc_enable_arenas" { return field?.defaultValue ?? "true" }
            return field?.defaultValue ?? (field?.type == .bool ? "false" : field?.type == .enum ? "SPEED" : "")
        }
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.changedNewFiles.compactMap { file in
            guard let old = pair.old.files[file.name] else { return nil }
            let before = value(old, pair.old), after = value(file, pair.new)
            guard before != after else { return nil }
            return Finding(rule: info.id, symbol: file.name, verdicts: .sourceOnly, direction: .none,
                           location: file.options.span(of: option) ?? RuleSupport.fileStart(file.name),
                           previousLocation: old.options.span(of: option), file: file.name,
                           arguments: ["option": option, "old": before, "new": after])
        }
    }

    func message(_ finding: Finding) -> String {
        "File option \"\(finding.arguments["option"] ?? "")\" changed from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
    }
}

/// A file's syntax changed.
struct FileSameSyntax: CompatRule {
    var looksAtOneFile: Bool { true }
    var affectsWireOrJSON: Bool { false }

    let info = RuleInfo(
        id: "FILE_SAME_SYNTAX", title: "File syntax changed", summary: "Files keep their syntax (proto2, proto3, an edition).",
        rationale: "Syntax decides presence, enum openness, packing and UTF-8 checks; the per-field rules report what actually changed.",
        bufCategories: .filePackage,
        examples: [RuleExample(before: "syntax = \"proto2\"; message M {}", after: "syntax = \"proto3\"; message M {}", findings: 1)])

    static func describe(_ file: ProtoFile) -> String {
        file.syntax == .editions ? "edition \(file.edition ?? "")" : file.syntax.rawValue
    }

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.changedNewFiles.compactMap { file in
            guard let old = pair.old.files[file.name], Self.describe(old) != Self.describe(file) else { return nil }
            return Finding(rule: info.id, symbol: file.name, verdicts: .sourceOnly, direction: .none,
                           location: file.syntaxSpan ?? RuleSupport.fileStart(file.name), previousLocation: old.syntaxSpan, file: file.name, arguments: ["old": Self.describe(old), "new": Self.describe(file)])
        }
    }

    func message(_ finding: Finding) -> String {
        "File syntax changed from \"\(finding.arguments["old"] ?? "")\" to \"\(finding.arguments["new"] ?? "")\"."
    }
}

/// An enum changed between open and closed.
struct EnumSameType: CompatRule {
    let info = RuleInfo(
        id: "ENUM_SAME_TYPE", title: "Enum changed between open and closed", summary: "Enums stay open or closed.",
        rationale: "A closed enum moves unknown values to unknown fields, an open one keeps them: readers of the two versions disagree about unknown values (protobuf.dev/programming-guides/enum/).",
        bufCategories: .filePackage,
        examples: [RuleExample(before: "edition = \"2023\"; enum E { A = 0; }", after: "edition = \"2023\"; enum E { option features.enum_type = CLOSED; A = 0; }", findings: 1)])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.compactMap { old, new, oldFile, newFile in
            let before = pair.old.features.features(of: old, in: oldFile).enumType ?? "OPEN"
            let after = pair.new.features.features(of: new, in: newFile).enumType ?? "OPEN"
            guard before != after else { return nil }
            return Finding(rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .safe, source: .breaking), direction: .both,
                           location: new.options.span(of: "features") ?? new.span, previousLocation: old.span, file: newFile.name,
                           arguments: ["enum": RuleSupport.relativeName(new.fullName, package: newFile.package),
                                       "old": before.lowercased(), "new": after.lowercased()])
        }
    }

    func message(_ finding: Finding) -> String {
        "Enum \"\(finding.arguments["enum"] ?? "")\" changed from \(finding.arguments["old"] ?? "") to \(finding.arguments["new"] ?? "")."
    }
}
