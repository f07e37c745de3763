import ProtoModel
import Testing

/// Each error protoc reports that changes the model, with its exact location.
struct DiagnosticTests {
    @Test func undefinedType() {
        #expect(
            errors("syntax = \"proto3\";\nmessage M {\n  Missing m = 1;\n}")
                == [#"test.proto:3:3: error: "Missing" is not defined"#])
    }

    @Test func duplicateFieldNumber() {
        #expect(
            errors("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  int32 b = 1;\n}")
                == [#"test.proto:4:3: error: field number 1 has already been used in "M" by field "a""#])
        // Increasing numbers skip the table of numbers; any step down (a repeat or not) takes it.
        #expect(
            errors("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n  int32 c = 3;\n  int32 d = 2;\n}")
                == [#"test.proto:6:3: error: field number 2 has already been used in "M" by field "b""#])
        #expect(errors("syntax = \"proto3\";\nmessage M {\n  int32 a = 3;\n  int32 b = 1;\n  int32 c = 2;\n}") == [])
    }

    @Test func duplicateNames() {
        #expect(
            errors("syntax = \"proto3\";\nmessage M {}\nmessage M {}")
                == [#"test.proto:3:9: error: "M" is already defined in "test.proto""#])
        #expect(
            errors("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  string a = 2;\n}")
                == [#"test.proto:4:10: error: "a" is already defined in "M""#])
    }

    /// Found by ci/generated-programs.py: protoc refuses these, for every syntax.
    @Test func mapEnumValuesStartAtZero() {
        #expect(
            errors("syntax = \"proto2\";\nenum E { A = 1; B = 0; }\nmessage M {\n  map<string, E> m = 1;\n}")
                == ["test.proto:4:3: error: enum value in map must define 0 as the first value"])
        #expect(errors("syntax = \"proto2\";\nenum E { B = 0; A = 1; }\nmessage M {\n  map<string, E> m = 1;\n}") == [])
    }

    /// Found by ci/generated-programs.py: lite files cannot be imported by non-lite files, and a lite
    /// file cannot extend a message of a non-lite file.
    @Test func liteRuntimeFilesStayLite() {
        let lite = ("lite.proto", "syntax = \"proto2\";\noption optimize_for = LITE_RUNTIME;\nmessage L { extensions 10 to 20; }")
        let full = ("full.proto", "syntax = \"proto2\";\nmessage F { extensions 10 to 20; }")
        #expect(
            errors([("test.proto", "syntax = \"proto2\";\nimport \"lite.proto\";"), lite])
                == [
                    #"test.proto:2:1: error: files that do not use optimize_for = LITE_RUNTIME cannot import files which do use this option: this file is not lite, but it imports "lite.proto", which is"#
                ])
        #expect(
            errors([
                ("test.proto", "syntax = \"proto2\";\noption optimize_for = LITE_RUNTIME;\nimport \"full.proto\";\nextend F {\n  optional int32 x = 10;\n}"),
                full,
            ])
                == [
                    "test.proto:5:3: error: extensions to non-lite types can only be declared in non-lite files (a lite type may extend a non-lite one, not the reverse)"
                ])
        // Allowed: a lite file imports and extends a lite file.
        #expect(
            errors([
                ("test.proto", "syntax = \"proto2\";\noption optimize_for = LITE_RUNTIME;\nimport \"lite.proto\";\nextend L {\n  optional int32 x = 10;\n}"),
                lite,
            ]) == [])
    }

    /// The features a field may set itself (editions): each where it means something. Found by
    /// ci/generated-programs.py; every verdict here is protoc 36.2's.
    @Test(
        arguments: [
            ("repeated S a = 1 [features.repeated_field_encoding = PACKED];", "only repeated primitive fields can specify PACKED repeated field encoding"),
            ("repeated string a = 1 [features.repeated_field_encoding = PACKED];", "only repeated primitive fields can specify PACKED repeated field encoding"),
            (
                "map<string, int32> a = 1 [features.repeated_field_encoding = PACKED];",
                "only repeated primitive fields can specify PACKED repeated field encoding"
            ),
            ("repeated S a = 1 [features.repeated_field_encoding = EXPANDED];", nil),
            ("repeated E a = 1 [features.repeated_field_encoding = PACKED];", nil),
            ("int32 a = 1 [features.repeated_field_encoding = EXPANDED];", "only repeated fields can specify repeated field encoding"),
            ("int32 a = 1 [features.utf8_validation = NONE];", "only string fields can specify utf8 validation"),
            ("repeated string a = 1 [features.utf8_validation = NONE];", nil),
            ("map<int32, string> a = 1 [features.utf8_validation = NONE];", nil),
            ("map<string, int32> a = 1 [features.utf8_validation = NONE];", nil),
            ("map<int32, int32> a = 1 [features.utf8_validation = NONE];", "only string fields can specify utf8 validation"),
            ("map<int32, S> a = 1 [features.utf8_validation = NONE];", "only string fields can specify utf8 validation"),
            ("int32 a = 1 [features.message_encoding = DELIMITED];", "only message fields can specify message encoding"),
            ("map<string, S> a = 1 [features.message_encoding = DELIMITED];", "only message fields can specify message encoding"),
            ("repeated int32 a = 1 [features.field_presence = EXPLICIT];", "repeated fields can't specify field presence"),
            ("oneof o { int32 a = 1 [features.field_presence = EXPLICIT]; }", "oneof fields can't specify field presence"),
            ("S a = 1 [features.field_presence = IMPLICIT];", "message fields can't specify implicit presence"),
            ("int32 a = 1 [features.field_presence = LEGACY_REQUIRED, default = 3];", nil),
            ("int32 a = 1 [features.field_presence = IMPLICIT, default = 3];", "implicit presence fields can't specify defaults"),
        ] as [(String, String?)])
    func fieldFeaturesWhereTheyMeanSomething(field: String, expected: String?) {
        let result = errors("edition = \"2023\";\nmessage S { int32 x = 1; }\nenum E { Z = 0; }\nmessage M {\n  " + field + "\n}")
        if let expected {
            #expect(result.count == 1 && result[0].hasPrefix("test.proto:5:") && result[0].hasSuffix("error: " + expected), "\(result)")
        } else {
            #expect(result == [])
        }
    }

    @Test func fileFeaturesCountForDefaultsAndExtensionsSetNoPresence() {
        #expect(
            errors("edition = \"2023\";\noption features.field_presence = IMPLICIT;\nmessage M {\n  int32 a = 1 [default = 3];\n}")
                == ["test.proto:4:3: error: implicit presence fields can't specify defaults"])
        #expect(
            errors("edition = \"2023\";\nmessage M { extensions 100 to 200; }\nextend M { int32 e = 100 [features.field_presence = IMPLICIT]; }")
                == ["test.proto:3:27: error: extensions can't specify field presence"])
    }

    @Test func featuresNeedEditions() {
        let message = "error: features are only valid under editions: remove the features option, or declare 'edition = \"2023\";' instead of 'syntax'"
        #expect(
            errors("syntax = \"proto3\";\nmessage A { option features.field_presence = EXPLICIT; int32 x = 1; }")
                == ["test.proto:2:13: " + message])
        #expect(
            errors(
                "syntax = \"proto2\";\nmessage M { optional int32 x = 1 [features.field_presence = IMPLICIT]; }\nenum E { A = 0 [features.enum_type = OPEN]; }")
                == ["test.proto:2:35: " + message, "test.proto:3:17: " + message])
        #expect(
            errors("edition = \"2023\";\noption features.field_presence = EXPLICIT;\nmessage M { int32 x = 1 [features.field_presence = IMPLICIT]; }") == [])
    }

    @Test func enumValuesAreSiblingsOfTheirType() {
        let result = errors("syntax = \"proto3\";\nenum A { X = 0; }\nenum B { X = 0; }")
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix(#"test.proto:3:10: error: "X" is already defined in "test.proto"; enum values use C++ scoping rules"#) == true)
    }

    @Test(arguments: [
        ("0", "1:42: error: field numbers must be positive integers"),
        ("536870912", "1:42: error: field numbers cannot be greater than 536870911"),
        ("19000", "1:32: error: field numbers 19000 through 19999 are reserved for the protocol buffer library implementation"),
    ])
    func badFieldNumbers(number: String, expected: String) {
        #expect(errors("syntax = \"proto3\"; message M { int32 a = \(number); }") == ["test.proto:" + expected])
    }

    @Test func reservedConflicts() {
        #expect(
            errors("syntax = \"proto3\"; message M { reserved 2; reserved \"b\"; int32 a = 2; int32 b = 3; }") == [
                #"test.proto:1:58: error: field "a" uses reserved number 2"#,
                #"test.proto:1:71: error: field name "b" is reserved"#,
            ])
    }

    @Test func wrongLabelForTheSyntax() {
        #expect(
            errors("syntax = \"proto3\"; message M { required int32 a = 1; }")
                == ["test.proto:1:32: error: required fields are not allowed in proto3"])
        #expect(
            errors("syntax = \"proto2\"; message M { int32 a = 1; }")
                == [#"test.proto:1:32: error: expected "required", "optional", or "repeated""#])
        #expect(
            errors("edition = \"2023\"; message M { optional int32 a = 1; }").first?
                .hasPrefix(#"test.proto:1:31: error: label "optional" is not supported in editions"#) == true)
    }

    @Test func missingImport() {
        #expect(
            errors("syntax = \"proto3\";\nimport \"nowhere.proto\";") == [
                "nowhere.proto: error: file not found: check the import path and the include roots (-I)",
                #"test.proto:2:1: error: import "nowhere.proto" was not found or had errors"#,
            ])
    }

    @Test func importCycle() {
        let result = errors([
            ("a.proto", "syntax = \"proto3\";\nimport \"b.proto\";"),
            ("b.proto", "syntax = \"proto3\";\nimport \"a.proto\";"),
        ])
        #expect(result.first == "b.proto:2:1: error: file recursively imports itself: a.proto -> b.proto -> a.proto")
    }

    @Test func closedEnumFromAnotherFileInProto3() {
        let result = errors([
            ("use.proto", "syntax = \"proto3\";\nimport \"ce.proto\";\nmessage M { Closed c = 1; }"),
            ("ce.proto", "syntax = \"proto2\";\nenum Closed { A = 0; }"),
        ])
        #expect(result == [#"use.proto:3:13: error: enum type "Closed" is not an open enum, but is used in "M" which is a proto3 message type"#])
    }

    @Test func proto3EnumsStartAtZero() {
        #expect(errors("syntax = \"proto3\"; enum E { A = 1; }") == ["test.proto:1:29: error: the first enum value must be zero for open enums"])
    }

    @Test func aliasesNeedAllowAlias() {
        #expect(
            errors("syntax = \"proto3\"; enum E { A = 0; B = 0; }").first?
                .hasPrefix(#"test.proto:1:36: error: "B" uses the same enum value as "A""#) == true)
        #expect(errors("syntax = \"proto3\"; enum E { option allow_alias = true; A = 0; B = 0; }") == [])
    }

    @Test func unknownOption() {
        #expect(
            errors("syntax = \"proto3\"; message M { int32 a = 1 [(nope) = 1]; }")
                == [#"test.proto:1:45: error: option "(nope)" unknown: import the file that defines "nope""#])
    }

    @Test func manyErrorsInOneRun() {
        let parse = errors("syntax = \"proto3\";\nmessage M {\n  int32 a = ;\n  int32 b = 2 [;\n}\nmessage {}")
        #expect(parse.count == 3)
        let link = errors("syntax = \"proto3\";\nmessage M {\n  Nope a = 1;\n  int32 b = 1;\n  Gone c = 3;\n}")
        #expect(link.count == 3)
    }

    @Test func jsonNameConflicts() {
        #expect(errors("syntax = \"proto3\"; message M { int32 foo_bar = 1; int32 fooBar = 2; }").count == 1)
        #expect(errors("syntax = \"proto2\"; message M { optional int32 foo_bar = 1; optional int32 fooBar = 2; }").isEmpty)
        #expect(errors("syntax = \"proto2\"; message M { optional int32 a = 1 [json_name=\"x\"]; optional int32 b = 2 [json_name=\"x\"]; }").count == 1)
        #expect(errors("syntax = \"proto3\"; message M { int32 _b = 1; int32 b = 2; }").isEmpty)
        // A custom name against another field's default name: an error where strict (proto3) only.
        #expect(errors("syntax = \"proto3\"; message M { int32 a = 1 [json_name=\"bC\"]; int32 b_c = 2; }").count == 1)
        #expect(errors("syntax = \"proto2\"; message M { optional int32 a = 1 [json_name=\"bC\"]; optional int32 b_c = 2; }").isEmpty)
        // Three fields on one name: each later one conflicts with the first.
        let three = errors("syntax = \"proto3\"; message M { int32 x_y = 1; int32 xY = 2; int32 x__y = 3; }")
        #expect(three.count == 2 && three.allSatisfy { $0.contains("\"x_y\"") }, "\(three)")
        // Long messages take another path: the same answers.
        let many = (1...40).map { "int32 f\($0) = \($0);" }.joined(separator: " ")
        #expect(errors("syntax = \"proto3\"; message M { \(many) int32 f_1 = 41; int32 g = 42 [json_name=\"f2\"]; }").count == 2)
        #expect(errors("syntax = \"proto3\"; message M { \(many) }").isEmpty)
    }

    @Test func deepNestingIsCappedNotCrashing() {
        let depth = 100_000
        let text = "syntax = \"proto3\";\n" + String(repeating: "message M {", count: depth) + String(repeating: "}", count: depth)
        let result = errors(text)
        #expect(result.first?.contains("nested deeper than 100 levels") == true)
    }

    @Test func missingSyntaxIsOnlyAWarning() throws {
        let schema = try compile("message M { optional int32 a = 1; }")
        #expect(schema.files[0].syntax == .proto2)
    }
}
