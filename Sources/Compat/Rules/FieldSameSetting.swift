import ProtoModel

/// A per-field setting that generated code depends on changed (jstype, C++ string type, UTF-8 checks).
struct FieldSameSetting: CompatRule {
    let info: RuleInfo
    /// The setting's effective value for a field, or nil when the rule does not apply to it.
    let value: @Sendable (SchemaPair.FieldPair, SchemaPair.Version, _ isOld: Bool) -> String?
    let verdicts: Verdicts
    let describe: String
    /// Where to point when the field's setting comes from elsewhere (a file option), if anywhere.
    var locate: (@Sendable (SchemaPair.FieldPair) -> SourceSpan?)? = nil
    /// How a value is shown when it differs from the compared one (the option as written), if it can.
    var display: (@Sendable (SchemaPair.FieldPair, _ isOld: Bool) -> String?)? = nil
    /// The file options the setting's value comes from, besides the field's own.
    var fileOptions: [String] = []
    var fileOptionsReadForFields: [String] { fileOptions }

    /// The value of `(extension).name` inside the `features` set on the field, its messages or its file.
    static func extensionFeature(_ extensionName: String, _ name: String, _ p: SchemaPair.FieldPair, _ version: SchemaPair.Version, old: Bool) -> String? {
        // Features exist only under editions (protoc refuses them in proto2 and proto3 files).
        guard (old ? p.oldFile.syntax : p.newFile.syntax) == .editions else { return nil }
        let field = old ? p.old : p.new
        let message = old ? p.oldMessage : p.newMessage
        let file = old ? p.oldFile : p.newFile
        var chain: [OptionMessage] = [field.options]
        if let message {
            chain.append(message.options)
            var name = message.fullName
            while let dot = name.lastIndex(of: ".") {
                name = String(name[..<dot])
                if let outer = version.message(name) { chain.append(outer.options) }
            }
        }
        chain.append(file.options)
        for options in chain {
            if case .message(let features)? = options["features"], case .message(let ext)? = features["(\(extensionName))"],
                case .enumValue(let value)? = ext[name]
            {
                return value
            }
        }
        return nil
    }

    static let jstype = FieldSameSetting(
        info: RuleInfo(
            id: "FIELD_SAME_JSTYPE", title: "Field jstype changed", summary: "Fields keep their jstype option.",
            rationale: "JavaScript code generators represent 64-bit integers as strings or numbers by jstype.", bufCategories: .filePackage,
            examples: [
                RuleExample(
                    before: "syntax = \"proto3\"; message M { «int64 a = 1; }",
                    after: "syntax = \"proto3\"; message M { «int64 a = 1 [jstype = JS_STRING]; }", findings: 1, verdicts: .sourceOnly),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { int64 a = 1; }",
                    after: "syntax = \"proto3\"; message M { int64 a = 1 [jstype = JS_NORMAL]; }", findings: 0),
            ]),
        value: { p, _, old in
            if case .enumValue(let v)? = (old ? p.old : p.new).options["jstype"] { return v }
            return "JS_NORMAL"
        }, verdicts: .sourceOnly, describe: "jstype")

    static let cppStringType = FieldSameSetting(
        info: RuleInfo(
            id: "FIELD_SAME_CPP_STRING_TYPE", title: "Field C++ string type changed",
            summary: "String and bytes fields keep their C++ string type (ctype option or (pb.cpp).string_type feature).",
            rationale: "C++ generated accessors differ for STRING, CORD and VIEW.", bufCategories: .filePackage,
            examples: [
                RuleExample(
                    before: "syntax = \"proto2\"; message M { «optional string a = 1; }",
                    after: "syntax = \"proto2\"; message M { «optional string a = 1 [ctype = CORD]; }", findings: 1, verdicts: .sourceOnly),
                RuleExample(
                    before: "syntax = \"proto2\"; message M { optional string a = 1; }",
                    after: "syntax = \"proto2\"; message M { optional string a = 1 [ctype = STRING]; }", findings: 0),
            ]),
        value: { p, version, old in
            let type = old ? p.old.type : p.new.type
            guard type == .string || type == .bytes else { return nil }
            let editions = (old ? p.oldFile.syntax : p.newFile.syntax) == .editions
            let ctype = (old ? p.old.options : p.new.options)["ctype"]
            // Map entries' key and value fields are not the user's fields: buf leaves them out.
            if (old ? p.oldMessage : p.newMessage)?.isMapEntry == true { return nil }
            // Between two proto2/proto3 files the ctype options are compared as written. Once editions
            // are involved, buf compares resolved string types, in which a STRING_PIECE of the previous
            // version counts as STRING (protoc's legacy mapping keeps only CORD) while one written in
            // the new version stays STRING_PIECE: checked against buf's own cases.
            if p.oldFile.syntax != .editions && p.newFile.syntax != .editions {
                if case .enumValue(let written)? = ctype { return written }
                return "STRING"
            }
            if editions, let feature = extensionFeature("pb.cpp", "string_type", p, version, old: old) { return feature }
            switch ctype {
            case .enumValue("CORD")?: return "CORD"
            case .enumValue("STRING_PIECE")?: return old ? "STRING" : "STRING_PIECE"
            default: return "STRING"
            }
        }, verdicts: .sourceOnly, describe: "C++ string type",
        display: { p, old in
            if case .enumValue(let written)? = (old ? p.old.options : p.new.options)["ctype"] { return written }
            return nil
        })

    static let javaUTF8 = FieldSameSetting(
        info: RuleInfo(
            id: "FIELD_SAME_JAVA_UTF8_VALIDATION", title: "Field Java UTF-8 validation changed",
            summary: "String fields keep their Java UTF-8 validation (java_string_check_utf8 file option or (pb.java).utf8_validation feature).",
            rationale: "Java parsers with validation reject invalid UTF-8 that others accept.", bufCategories: .filePackage,
            examples: [
                RuleExample(
                    before: "syntax = \"proto2\"; message M { «optional string a = 1; }",
                    after: "syntax = \"proto2\"; «option java_string_check_utf8 = true; message M { optional string a = 1; }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto2\"; message M { optional string a = 1; }",
                    after: "syntax = \"proto2\"; option java_string_check_utf8 = false; message M { optional string a = 1; }", findings: 0),
            ]),
        value: { p, version, old in
            // Java verifies when (pb.java).utf8_validation = VERIFY or java_string_check_utf8 is set;
            // otherwise it follows the core utf8_validation feature. Map keys and values count too.
            // Read through the pair (no copies of whole files and messages: this runs for every field).
            guard (old ? p.old.type : p.new.type) == .string else { return nil }
            let syntax = old ? p.oldFile.syntax : p.newFile.syntax
            if syntax == .editions, extensionFeature("pb.java", "utf8_validation", p, version, old: old) == "VERIFY" { return "VERIFY" }
            if (old ? p.oldFile.options : p.newFile.options).isTrue("java_string_check_utf8") { return "VERIFY" }
            if syntax != .editions { return syntax == .proto3 ? "VERIFY" : "NONE" }
            let core = version.features.features(of: old ? p.old : p.new, in: old ? p.oldMessage : p.newMessage, file: old ? p.oldFile : p.newFile)
                .utf8Validation
            return core == "VERIFY" ? "VERIFY" : "NONE"
        }, verdicts: Verdicts(wire: .hazard, json: .safe, source: .safe), describe: "Java UTF-8 validation",
        locate: { p in
            // A change of the file option is reported where the option is written, as buf does.
            guard p.oldFile.options.isTrue("java_string_check_utf8") != p.newFile.options.isTrue("java_string_check_utf8") else { return nil }
            return p.newFile.options.span(of: "java_string_check_utf8")
        }, fileOptions: ["java_string_check_utf8", "features"])

    static let utf8 = FieldSameSetting(
        info: RuleInfo(
            id: "FIELD_SAME_UTF8_VALIDATION", title: "Field UTF-8 validation changed",
            summary: "String fields keep their UTF-8 validation (proto2 none, proto3 verify, editions utf8_validation).",
            rationale: "A verifying reader rejects strings that a non-verifying writer let through (protobuf.dev/editions/features/#utf8_validation).",
            bufCategories: .filePackage,
            examples: [
                RuleExample(
                    before: "syntax = \"proto2\"; message M { «optional string a = 1; }",
                    after: "edition = \"2023\"; message M { «string a = 1; }", findings: 1),
                RuleExample(
                    before: "syntax = \"proto3\"; message M { string a = 1; }",
                    after: "edition = \"2023\"; message M { string a = 1; }", findings: 0),
            ]),
        value: { p, version, old in
            guard (old ? p.old.type : p.new.type) == .string else { return nil }
            let syntax = old ? p.oldFile.syntax : p.newFile.syntax
            if syntax != .editions { return syntax == .proto3 ? "VERIFY" : "NONE" }
            return version.features.features(of: old ? p.old : p.new, in: old ? p.oldMessage : p.newMessage, file: old ? p.oldFile : p.newFile).utf8Validation
        }, verdicts: Verdicts(wire: .hazard, json: .safe, source: .safe), describe: "UTF-8 validation", fileOptions: ["features"])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.allFieldPairs.compactMap { p -> Finding? in
            guard let before = value(p, pair.old, true), let after = value(p, pair.new, false), before != after else { return nil }
            let shownBefore = display?(p, true) ?? before
            let shownAfter = display?(p, false) ?? after
            var finding = RuleSupport.fieldFinding(info.id, p, verdicts: verdicts, direction: .both, arguments: [.old: shownBefore, .new: shownAfter])
            if let span = locate?(p) { finding.location = span }
            return finding
        }
    }

    func message(_ finding: Finding) -> String {
        "Field \"\(finding.number ?? 0)\" with name \"\(finding.argument(.field))\" on message \"\(finding.argument(.message))\" changed \(describe) from \"\(finding.argument(.old))\" to \"\(finding.argument(.new))\"."
    }
}
