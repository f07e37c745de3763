import ProtoModel

/// A file option that generated code depends on changed (buf's FILE_SAME_<OPTION> rules).
struct FileSameOption: CompatRule {
    var scope: RuleScope { .eachChangedFile }
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
        FileSameOption(
            info: RuleInfo(
                id: id, title: "File option \(option) changed", summary: "Files keep the value of the \(option) option.",
                rationale: "Code generators place and name the generated code by \(option): importers of the old location stop compiling.",
                bufCategories: .filePackage,
                examples: [
                    RuleExample(
                        before: "syntax = \"proto3\"; «option \(option) = \(sample(option, 1));",
                        after: "syntax = \"proto3\"; «option \(option) = \(sample(option, 2));", findings: 1, verdicts: .sourceOnly),
                    // The same value on another line.
                    RuleExample(
                        before: "syntax = \"proto3\"; option \(option) = \(sample(option, 1));",
                        after: "syntax = \"proto3\";\nmessage M {}\noption \(option) = \(sample(option, 1));", findings: 0),
                ]),
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
            let before = value(old, pair.old)
            let after = value(file, pair.new)
            guard before != after else { return nil }
            return Finding(
                rule: info.id, symbol: file.name, verdicts: .sourceOnly, direction: .none,
                location: file.options.span(of: option) ?? RuleSupport.fileStart(file.name),
                previousLocation: old.options.span(of: option), file: file.name,
                arguments: [.option: option, .old: before, .new: after])
        }
    }

    func message(_ finding: Finding) -> String {
        "File option \"\(finding.argument(.option))\" changed from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
