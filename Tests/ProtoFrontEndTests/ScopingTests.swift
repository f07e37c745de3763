import ProtoModel
import Testing

/// protoc's name resolution: innermost scope outwards, first component first, leading dot absolute.
struct ScopingTests {
    @Test func innermostScopeWins() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            package a.b;
            message T {}
            message Outer {
              message T {}
              T inner = 1;
              .a.b.T absolute = 2;
              b.T partial = 3;
            }
            """)
        let fields = try #require(schema.message("a.b.Outer")?.fields)
        #expect(fields.map(\.typeName) == ["a.b.Outer.T", "a.b.T", "a.b.T"])
    }

    @Test func shadowingByNestedTypeIsAnErrorLikeProtoc() {
        let result = errors(
            """
            syntax = "proto2";
            package a;
            message Bar { message Baz {} }
            message Foo {
              message Bar {}
              optional Bar.Baz baz = 1;
            }
            """)
        #expect(
            result == [
                #"test.proto:6:12: error: "Bar.Baz" is resolved to "a.Foo.Bar.Baz", which is not defined; the innermost scope is searched first in name resolution: use a leading '.' (".Bar.Baz") to start from the outermost scope"#
            ])
    }

    @Test func firstComponentThatIsNotAnAggregateIsSkipped() throws {
        let schema = try compile(
            """
            syntax = "proto2";
            package a;
            message Bar { message Baz {} }
            message Foo {
              optional int32 Bar = 1;
              optional Bar.Baz baz = 2;
            }
            """)
        #expect(schema.message("a.Foo")?.fields[1].typeName == "a.Bar.Baz")
    }

    @Test func aFieldIsNotAType() {
        let result = errors(
            """
            syntax = "proto3";
            message M {
              int32 other = 1;
              other x = 2;
            }
            """)
        #expect(result == [#"test.proto:4:3: error: "other" is not a type ("M.other" is a field)"#])
    }

    @Test func enumsAndMessagesAreTold() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            package p;
            enum E { E_ZERO = 0; }
            message M { E e = 1; M self = 2; }
            """)
        let fields = try #require(schema.message("p.M")?.fields)
        #expect(fields.map(\.type) == [.enum, .message])
    }

    @Test func typesFromFilesNotImportedAreInvisible() {
        let result = errors([
            ("a.proto", "syntax = \"proto3\"; import \"b.proto\"; message A { C c = 1; }"),
            ("b.proto", "syntax = \"proto3\"; import \"c.proto\";"),
            ("c.proto", "syntax = \"proto3\"; message C {}"),
        ])
        #expect(result == [#"a.proto:1:50: error: "C" seems to be defined in "c.proto", which is not imported by "a.proto": add the import"#])
    }

    @Test func publicImportsAreVisibleTransitively() throws {
        let schema = try compile([
            ("a.proto", "syntax = \"proto3\"; import \"b.proto\"; message A { C c = 1; }"),
            ("b.proto", "syntax = \"proto3\"; import public \"c.proto\";"),
            ("c.proto", "syntax = \"proto3\"; message C {}"),
        ])
        #expect(schema.message("A")?.fields[0].typeName == "C")
        #expect(schema.files.map(\.name) == ["a.proto", "b.proto", "c.proto"])
    }

    @Test func wellKnownTypesAreBuiltIn() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            import "google/protobuf/timestamp.proto";
            message M { google.protobuf.Timestamp at = 1; }
            """)
        #expect(schema.message("M")?.fields[0].typeName == "google.protobuf.Timestamp")
        #expect(schema.file(named: "google/protobuf/timestamp.proto") != nil)
    }
}
