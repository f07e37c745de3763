import Foundation
import ProtoModel
import SchemaSources
import SwiftProtobuf
import Testing

/// `DescriptorSetWriter` (`protocompat build -o`): what it writes reads back as the same model, the
/// same schema gives the same bytes, and the set holds the named files (with their imports when
/// asked), each after its imports. Equality with protoc's own sets, as messages judged by the
/// official runtime, is ci/descriptor-equivalence.py's job.
struct DescriptorSetWriterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Options of every kind: custom options of each scalar type, repeated (packed in proto3) and
    /// message-typed, an enum by name, on every element that takes options.
    let options = """
        syntax = "proto3";
        package opts;
        import "google/protobuf/descriptor.proto";
        message Rule { string name = 1; repeated int32 codes = 2; Level level = 3; }
        enum Level { LOW = 0; HIGH = 1; }
        extend google.protobuf.FileOptions { string owner = 50001; repeated sint64 marks = 50002; }
        extend google.protobuf.MessageOptions { Rule rule = 50003; double weight = 50004; fixed32 tag = 50005; }
        extend google.protobuf.FieldOptions { bool secret = 50006; float ratio = 50007; int32 delta = 50008; }
        extend google.protobuf.EnumValueOptions { bytes blob = 50009; }
        extend google.protobuf.MethodOptions { Level level = 50010; }
        option (owner) = "team";
        option (marks) = -1;
        option (marks) = 2;
        option java_package = "com.example";
        message M {
          option (rule) = { name: "r" codes: [1, -2] level: HIGH };
          option (weight) = 0.5;
          option (tag) = 7;
          int32 a = 1 [(secret) = true, (ratio) = 0.1, (delta) = -3, deprecated = true];
          optional string b = 2 [json_name = "bee"];
          map<string, int32> c = 3;
          oneof choice { string d = 4; int64 e = 5 [jstype = JS_STRING]; }
          reserved 10 to 12, 20;
          reserved "old";
        }
        enum E { option allow_alias = true; A = 0; B = 1 [(blob) = "\\x01\\xff"]; C = 1; reserved 5 to max; }
        service S { rpc Call(M) returns (M) { option (level) = HIGH; option idempotency_level = NO_SIDE_EFFECTS; } }
        """

    func schema(_ files: [String: String]) throws -> LoadedSchema {
        let folder = NSTemporaryDirectory() + "protocompat-writer-" + UUID().uuidString
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return try SchemaLoader().load([folder])
    }

    @Test func whatItWritesReadsBackAsTheSameModel() throws {
        for loaded in [try schema(["opts.proto": options]), try SchemaLoader().load([Self.root.appendingPathComponent("schemas/examples/v2").path])] {
            let bytes = try DescriptorSetWriter.write(loaded.schema, files: loaded.namedFiles, includeImports: true)
            let back = try DescriptorSetReader.read(bytes, path: "set.binpb")
            #expect(back == loaded.schema.strippingSourceInfo())
            #expect(try DescriptorSetWriter.write(loaded.schema, files: loaded.namedFiles, includeImports: true) == bytes)
        }
    }

    @Test func theSetHoldsTheNamedFilesAndTheirImportsFirst() throws {
        let loaded = try schema([
            "a.proto": "syntax = \"proto3\"; import \"b.proto\"; message A { B b = 1; }",
            "b.proto": "syntax = \"proto3\"; import \"google/protobuf/timestamp.proto\"; message B { google.protobuf.Timestamp t = 1; }",
        ])
        let names = { (includeImports: Bool) throws -> [String] in
            try DescriptorSetWriter.descriptors(loaded.schema, files: loaded.namedFiles, includeImports: includeImports).map(\.name)
        }
        #expect(try names(false) == ["a.proto", "b.proto"])
        #expect(try names(true) == ["google/protobuf/timestamp.proto", "b.proto", "a.proto"])
    }

    @Test func optionsAreEncodedAsTheRuntimeReadsThem() throws {
        let loaded = try schema(["opts.proto": options])
        let file = try #require(try DescriptorSetWriter.descriptors(loaded.schema, files: loaded.namedFiles, includeImports: false).first)
        #expect(file.options.javaPackage == "com.example")
        // Custom options stay unknown to a runtime without their extensions: field 50002 is packed
        // (proto3): tag 50002 << 3 | 2, length 2, zigzag varints of -1 and 2 (1 and 4).
        let fileOptions: [UInt8] = try file.options.serializedBytes()
        let packed: [UInt8] = [0x92, 0xB5, 0x18, 0x02, 0x01, 0x04]
        #expect(fileOptions.indices.contains { fileOptions[$0...].starts(with: packed) }, "\(fileOptions)")
        let m = try #require(file.messageType.first { $0.name == "M" })
        #expect(m.field[0].options.deprecated)
        #expect(m.field[1].proto3Optional && m.field[1].jsonName == "bee" && m.field[1].oneofIndex == 1)
        #expect(m.oneofDecl.map(\.name) == ["choice", "_b"])
        #expect(m.reservedRange.map { [$0.start, $0.end] } == [[10, 13], [20, 21]])
        #expect(m.nestedType.map(\.name) == ["CEntry"] && m.nestedType[0].options.mapEntry)
        let e = try #require(file.enumType.first { $0.name == "E" })
        #expect(e.reservedRange.map { [$0.start, $0.end] } == [[5, 2_147_483_647]])
        #expect(file.service[0].method[0].options.idempotencyLevel == .noSideEffects)
    }
}

/// `--include-source-info`: one location per declaration, as protoc writes it (protoc's columns: a
/// tab moves to the next multiple of 8; spans 0-based, three numbers on one line).
struct SourceInfoWriterTests {
    func locations(_ text: String) throws -> [(path: [Int32], span: [Int32], leading: String)] {
        let loaded = try DescriptorSetWriterTests().schema(["a.proto": text])
        var loader = SchemaLoader()
        loader.keepsSourceTexts = true
        let again = try loader.load([loaded.source])
        let bytes = try DescriptorSetWriter.write(
            again.schema, files: again.namedFiles, includeImports: false, sourceInfo: .locations(texts: again.sourceTexts))
        let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
        return set.file[0].sourceCodeInfo.location.map { ($0.path, $0.span, $0.leadingComments) }
    }

    @Test func eachDeclarationIsWrittenInSourceOrderWithItsComments() throws {
        let found = try locations("syntax = \"proto3\";\n// M\nmessage M {\n  int32 a = 1;\n  optional int32 b = 2;\n  map<string, int32> c = 3;\n}\n")
        #expect(found.map(\.path) == [[4, 0], [4, 0, 2, 0], [4, 0, 2, 1], [4, 0, 2, 2]])  // no synthetic oneof, no map entry
        #expect(found[0].span == [2, 0, 6, 1])
        #expect(found[0].leading == " M\n")
        #expect(found[1].span == [3, 2, 14])
    }

    @Test func tabsCountAsProtocCountsThem() throws {
        let found = try locations("syntax = \"proto3\";\nmessage M {\n\tint32 a = 1;\n  \tint32 b = 2;\n}\n")
        #expect(found[1].span == [2, 8, 20])
        #expect(found[2].span == [3, 8, 20])
    }

    @Test func aGroupsFieldComesBeforeItsType() throws {
        let found = try locations("syntax = \"proto2\";\nmessage M {\n  optional group G = 1 {\n    optional int32 x = 2;\n  }\n}\n")
        #expect(found.map(\.path) == [[4, 0], [4, 0, 2, 0], [4, 0, 3, 0], [4, 0, 3, 0, 2, 0]])
        #expect(found[1].span == found[2].span)
    }
}
