import ProtoModel
import Testing

/// What the front end synthesizes like protoc: JSON names, map entries, proto3 optional oneofs, groups.
struct SynthesisTests {
    @Test(arguments: [
        ("foo_bar", "fooBar"), ("_foo", "Foo"), ("foo__bar", "fooBar"), ("FooBar", "FooBar"),
        ("foo_1", "foo1"), ("foo_", "foo"), ("x", "x"),
    ])
    func jsonNames(name: String, expected: String) throws {
        let schema = try compile("syntax = \"proto3\"; message M { int32 \(name) = 1; }")
        #expect(schema.message("M")?.fields[0].jsonName == expected)
    }

    @Test func explicitJSONNameIsKept() throws {
        let schema = try compile(#"syntax = "proto3"; message M { int32 a = 1 [json_name = "@type"]; }"#)
        let field = try #require(schema.message("M")?.fields[0])
        #expect(field.jsonName == "@type")
        #expect(field.options.isEmpty)
    }

    @Test func mapEntriesAreSynthesized() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            package p;
            message V {}
            message M { map<string, V> foo_bar = 3; }
            """)
        let message = try #require(schema.message("p.M"))
        #expect(message.fields[0].label == .repeated)
        #expect(message.fields[0].type == .message)
        #expect(message.fields[0].typeName == "p.M.FooBarEntry")
        let entry = try #require(message.nestedMessages.first)
        #expect(entry.name == "FooBarEntry")
        #expect(entry.isMapEntry)
        #expect(entry.fields.map(\.name) == ["key", "value"])
        #expect(entry.fields.map(\.type) == [.string, .message])
        #expect(entry.fields[1].typeName == "p.V")
    }

    @Test func badMapKeysAreRejected() {
        #expect(
            errors("syntax = \"proto3\"; message M { map<double, int32> m = 1; }")
                == ["test.proto:1:32: error: key in map fields cannot be float/double, bytes or message types"])
    }

    @Test func proto3OptionalGetsSyntheticOneofs() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            message M {
              oneof real { int32 a = 1; }
              optional int32 b = 2;
              optional int32 _c = 3;
              int32 _b = 4;
            }
            """)
        let message = try #require(schema.message("M"))
        #expect(message.oneofs.map(\.name) == ["real", "X_b", "X_c"])
        #expect(message.fields.map(\.oneofIndex) == [0, 1, 2, nil])
        #expect(message.fields.map(\.proto3Optional) == [false, true, true, false])
    }

    @Test func groupsBecomeNestedTypes() throws {
        let schema = try compile(
            """
            syntax = "proto2";
            package p;
            message M {
              optional group Result = 1 { optional string url = 2; }
            }
            """)
        let message = try #require(schema.message("p.M"))
        #expect(message.fields[0].name == "result")
        #expect(message.fields[0].type == .group)
        #expect(message.fields[0].typeName == "p.M.Result")
        #expect(message.nestedMessages.map(\.name) == ["Result"])
    }

    @Test func rangesUseProtocEnds() throws {
        let schema = try compile(
            """
            syntax = "proto2";
            message M {
              extensions 100 to max;
              reserved 5, 8 to 10;
              reserved "gone";
            }
            enum E { A = 0; reserved 3 to max; }
            """)
        let message = try #require(schema.message("M"))
        #expect(message.extensionRanges.map { [$0.start, $0.end] } == [[100, 536_870_912]])
        #expect(message.reservedRanges.map { [$0.start, $0.end] } == [[5, 6], [8, 11]])
        #expect(message.reservedNames == ["gone"])
        #expect(schema.enumType("E")?.reservedRanges.map { [$0.start, $0.end] } == [[3, Int32.max]])
    }

    @Test func customOptionsAreInterpreted() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            package p;
            import "google/protobuf/descriptor.proto";
            message Rule { string name = 1; repeated int32 ids = 2; Rule inner = 3; }
            extend google.protobuf.FieldOptions { Rule rule = 5000; bool redact = 5001; }
            message M {
              string a = 1 [(rule) = { name: "x" ids: [1, 2] inner { name: "y" } }, (redact) = true, deprecated = true];
              string b = 2 [(p.rule).name = "z", (rule).ids = 7];
            }
            """)
        let fields = try #require(schema.message("p.M")?.fields)
        #expect(fields[0].isDeprecated)
        #expect(fields[0].options["(p.redact)"] == .bool(true))
        guard case .message(let rule)? = fields[0].options["(p.rule)"] else {
            Issue.record("no (p.rule)")
            return
        }
        #expect(rule["name"] == .string("x"))
        #expect(rule["ids"] == .list([.int(1), .int(2)]))
        guard case .message(let rule2)? = fields[1].options["(p.rule)"] else {
            Issue.record("no (p.rule) on b")
            return
        }
        #expect(rule2["name"] == .string("z"))
        #expect(rule2["ids"] == .list([.int(7)]))
    }
}
