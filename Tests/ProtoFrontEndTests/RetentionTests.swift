import ProtoFrontEnd
import ProtoModel
import Testing

/// Options declared `[retention = RETENTION_SOURCE]` are dropped from the model at any depth, as
/// protoc drops them from descriptor sets; runtime ones stay. A file setting none is left as linked.
struct RetentionTests {
    static let options = """
        syntax = "proto2";
        package r;
        import "google/protobuf/descriptor.proto";
        message Inner {
          optional int32 kept = 1;
          optional int32 dropped = 2 [retention = RETENTION_SOURCE];
        }
        extend google.protobuf.FileOptions { optional int32 file_source = 50000 [retention = RETENTION_SOURCE]; }
        extend google.protobuf.MessageOptions {
          optional int32 message_runtime = 50000;
          optional Inner message_inner = 50001;
        }
        extend google.protobuf.FieldOptions { optional int32 field_source = 50000 [retention = RETENTION_SOURCE]; }
        extend google.protobuf.EnumValueOptions { optional int32 value_source = 50000 [retention = RETENTION_SOURCE]; }
        """

    @Test func sourceRetentionOptionsAreDroppedAtEveryDepth() throws {
        let schema = try compile([
            (
                "use.proto",
                """
                syntax = "proto2";
                package u;
                import "options.proto";
                option (r.file_source) = 1;
                message M {
                  option (r.message_runtime) = 2;
                  option (r.message_inner) = { kept: 3 dropped: 4 };
                  optional int32 f = 1 [(r.field_source) = 5, deprecated = true];
                }
                enum E { A = 0 [(r.value_source) = 6]; }
                """
            ), ("options.proto", Self.options),
        ])
        let file = try #require(schema.files.first { $0.name == "use.proto" })
        #expect(file.options.fields.isEmpty)
        let message = try #require(file.messages.first)
        #expect(message.options.fields.map(\.name) == ["(r.message_runtime)", "(r.message_inner)"])
        #expect(message.options.fields.last?.value == .message(OptionMessage(fields: [OptionField(name: "kept", number: 1, value: .int(3))])))
        #expect(message.fields[0].options.fields.map(\.name) == ["deprecated"])
        #expect(file.enums[0].values[0].options.isEmpty)
    }

    @Test func filesWithoutSourceRetentionAreNotRewritten() throws {
        let schema = try compile([
            (
                "use.proto",
                """
                syntax = "proto2";
                package u;
                import "options.proto";
                message M {
                  option (r.message_runtime) = 2;
                  option (r.message_inner) = { kept: 3 };
                  optional int32 f = 1 [deprecated = true];
                }
                """
            ), ("options.proto", Self.options),
        ])
        let file = try #require(schema.files.first { $0.name == "use.proto" })
        let index = SchemaIndex(schema)
        #expect(!file.containsOptions { options, type in options.hasSourceRetention(type: type, index: index) })
        #expect(file.messages[0].options.fields.count == 2)
        #expect(file.messages[0].fields[0].options.fields.map(\.name) == ["deprecated"])
    }

    @Test func theScreenSeesWhatStrippingWouldRemove() throws {
        let schema = try compile([("options.proto", Self.options)])
        let index = SchemaIndex(schema)
        let nested = OptionMessage(fields: [
            OptionField(
                name: "(r.message_inner)", number: 50001,
                value: .message(
                    OptionMessage(fields: [
                        OptionField(name: "dropped", number: 2, value: .int(4))
                    ])))
        ])
        let runtime = OptionMessage(fields: [OptionField(name: "(r.message_runtime)", number: 50000, value: .int(1))])
        for (options, type, expected) in [
            (nested, "google.protobuf.MessageOptions", true), (runtime, "google.protobuf.MessageOptions", false),
            (
                OptionMessage(fields: [OptionField(name: "(r.field_source)", number: 50000, value: .int(1))]),
                "google.protobuf.FieldOptions", true
            ),
        ] {
            #expect(options.hasSourceRetention(type: type, index: index) == expected)
            var stripped = options
            stripped.stripSourceRetention(type: type, index: index)
            #expect((stripped != options) == expected)
        }
    }
}
