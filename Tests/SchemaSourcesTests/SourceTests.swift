import Foundation
import ProtoModel
import SchemaSources
import SwiftProtobuf
import Testing
import ZIPFoundation

/// Every SOURCE form yields the same model, and every malformed input a clear error naming it.
struct SourceTests {
    let chat = """
        syntax = "proto3";
        package chat;
        import "google/protobuf/timestamp.proto";
        message Msg { string text = 1; google.protobuf.Timestamp at = 2; }
        """

    func load(_ arguments: [String], includes: [String] = []) throws -> LoadedSchema {
        try SchemaLoader(includeRoots: includes).load(arguments)
    }

    func error(_ arguments: [String]) -> String {
        do {
            _ = try load(arguments)
            return "no error"
        } catch let failure as SourceError {
            return failure.description
        } catch {
            return "\(error)"
        }
    }

    @Test func gitRefsReadTheTreeWithoutTouchingTheWorkTree() throws {
        let repo = try SourceFixtures.temporaryDirectory()
        try SourceFixtures.git(["init", "-q"], in: repo)
        try SourceFixtures.write(["protos/chat.proto": chat, "README": "x"], under: repo)
        try SourceFixtures.git(["add", "."], in: repo)
        try SourceFixtures.git(["commit", "-q", "-m", "one"], in: repo)
        try SourceFixtures.git(["tag", "-a", "v1", "-m", "v1"], in: repo)
        try SourceFixtures.write(["protos/chat.proto": chat.replacingOccurrences(of: "string text = 1;", with: "string body = 1;")], under: repo)
        let commit = try SourceFixtures.git(["rev-parse", "HEAD"], in: repo).trimmingCharacters(in: .whitespacesAndNewlines)

        for ref in ["v1", "main", commit, String(commit.prefix(8))] {
            let loaded = try load(["\(repo)#ref=\(ref),subdir=protos"])
            #expect(loaded.label == ref)
            #expect(loaded.schema.file(named: "chat.proto")?.messages.first?.fields.first?.name == "text")
        }
        #expect(error(["\(repo)#ref=does-not-exist"]).contains("git ref \"does-not-exist\" names nothing"))
        #expect(error(["\(repo)#ref=--upload-pack=x"]).contains("must not start with '-'"))
        #expect(error(["git:-x"]).contains("must not start with '-'"))
        #expect(error(["\(repo)#ref=v1,subdir=nowhere"]).contains("no .proto files"))
    }

    @Test func wheelsAndPackagesMatchTheProtoTree() throws {
        let dir = try SourceFixtures.temporaryDirectory()
        try SourceFixtures.write(["tree/chat.proto": chat], under: dir)
        let fromTree = try load([dir + "/tree"]).schema.strippingSourceInfo()

        var descriptor = SourceFixtures.descriptor("chat.proto", package: "chat", messages: [], dependencies: ["google/protobuf/timestamp.proto"])
        var message = Google_Protobuf_DescriptorProto()
        message.name = "Msg"
        var text = Google_Protobuf_FieldDescriptorProto()
        text.name = "text"
        text.number = 1
        text.label = .optional
        text.type = .string
        var at = Google_Protobuf_FieldDescriptorProto()
        at.name = "at"
        at.number = 2
        at.label = .optional
        at.type = .message
        at.typeName = ".google.protobuf.Timestamp"
        message.field = [text, at]
        descriptor.messageType = [message]
        let module = try SourceFixtures.module(descriptor)
        let wheel = dir + "/chat_protocol-1.2.3-py3-none-any.whl"
        try SourceFixtures.zip([("chat/protocol/chat.py", module), ("chat/protocol/__init__.py", Array("".utf8))])
            .write(to: URL(fileURLWithPath: wheel))
        let fromWheel = try load([wheel])
        #expect(fromWheel.label == "1.2.3")
        #expect(fromWheel.schema == fromTree)

        try SourceFixtures.write(["site/chat/protocol/models.py": String(decoding: module, as: UTF8.self)], under: dir)
        #expect(try load([dir + "/site/chat/protocol"]).schema == fromTree)
    }

    @Test func argumentFilesStandForTheirLines() throws {
        let root = try SourceFixtures.temporaryDirectory()
        try SourceFixtures.write(["a/chat.proto": chat, "a/other.proto": "syntax = \"proto3\"; package chat; message Other {}"], under: root)
        let list = root + "/files.txt"
        // Paths as on a command line (here absolute); comments, blank lines and CRLF endings are fine.
        try "# the tree\n\(root)/a/chat.proto\r\n\n\(root)/a/other.proto\n".write(toFile: list, atomically: true, encoding: .utf8)
        let listed = try load(["@" + list], includes: [root])
        let given = try load([root + "/a/chat.proto", root + "/a/other.proto"], includes: [root])
        #expect(listed.schema == given.schema)
        #expect(listed.source == "@" + list)
        #expect(error(["@" + root + "/missing.txt"]).contains("missing.txt: error: cannot read the argument file"))
        try "a/chat.proto\n@other.txt\n".write(toFile: list, atomically: true, encoding: .utf8)
        #expect(error(["@" + list]).contains("files.txt:2:1: error: an argument file cannot name another one"))
    }

    @Test func snapshotsRoundTrip() throws {
        let dir = try SourceFixtures.temporaryDirectory()
        try SourceFixtures.write(["tree/chat.proto": "// The chat.\n" + chat], under: dir)
        let loaded = try load([dir + "/tree"])
        let yaml = try Snapshot(label: "v1", source: "tree", schema: loaded.schema).yaml()
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: dir + "/v1.yaml"))
        let back = try load([dir + "/v1.yaml"])
        #expect(back.label == "v1")
        #expect(back.schema == loaded.schema)
        #expect(try Snapshot(label: "v1", source: "tree", schema: back.schema).yaml() == yaml)
    }

    @Test func malformedInputsNameTheFile() throws {
        let dir = try SourceFixtures.temporaryDirectory()
        // A truncated descriptor set.
        var set = Google_Protobuf_FileDescriptorSet()
        set.file = [SourceFixtures.descriptor("a.proto", package: "a", messages: ["A", "B"])]
        let bytes: [UInt8] = try set.serializedBytes()
        try Data(bytes.prefix(bytes.count - 5)).write(to: URL(fileURLWithPath: dir + "/cut.binpb"))
        #expect(error([dir + "/cut.binpb"]).hasPrefix(dir + "/cut.binpb: error: not a valid FileDescriptorSet"))

        // A wheel with no generated modules.
        try SourceFixtures.zip([("pkg/__init__.py", Array("x = 1\n".utf8))]).write(to: URL(fileURLWithPath: dir + "/empty-1.0-py3-none-any.whl"))
        #expect(error([dir + "/empty-1.0-py3-none-any.whl"]).contains("no module embeds a serialized descriptor"))

        // A module whose bytes literal is cut short.
        let cut = Array("x = 1\nDESCRIPTOR = _descriptor_pool.Default().AddSerializedFile(b'\\n\\x07a.pro".utf8)
        try SourceFixtures.zip([("pkg/a_pb2.py", cut)]).write(to: URL(fileURLWithPath: dir + "/cut-1.0-py3-none-any.whl"))
        #expect(
            error([dir + "/cut-1.0-py3-none-any.whl"])
                == "\(dir)/cut-1.0-py3-none-any.whl: pkg/a_pb2.py:2: error: the string literal is cut short (no closing quote)")

        // A zip whose entries climb out with ../ (or are absolute) is refused.
        let module = try SourceFixtures.module(SourceFixtures.descriptor("a.proto", package: "a", messages: ["A"]))
        try SourceFixtures.zip([("../evil_pb2.py", module), ("/abs_pb2.py", module)]).write(to: URL(fileURLWithPath: dir + "/climb-1.0-py3-none-any.whl"))
        #expect(error([dir + "/climb-1.0-py3-none-any.whl"]).contains("../evil_pb2.py: error: the entry's path leaves the archive"))

        // A zip bomb: an entry declaring 8 GiB.
        var bomb = try SourceFixtures.zip([("pkg/a_pb2.py", module)])
        let central: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let at = try #require(bomb.range(of: Data(central))).lowerBound
        bomb.replaceSubrange((at + 24)..<(at + 28), with: [0xFF, 0xFF, 0xFF, 0xFE])
        try bomb.write(to: URL(fileURLWithPath: dir + "/bomb-1.0-py3-none-any.whl"))
        let bombError = error([dir + "/bomb-1.0-py3-none-any.whl"])
        #expect(bombError.contains("over the limit") || bombError.contains("not a readable zip"), "\(bombError)")

        // Snapshots: a newer format, a missing key, not YAML.
        try Data("format: protocompat-snapshot\nversion: 99\nlabel: x\nsource: y\nfiles: []\n".utf8).write(to: URL(fileURLWithPath: dir + "/new.yaml"))
        #expect(error([dir + "/new.yaml"]).contains("snapshot format version 99 is newer than this protocompat reads (1): upgrade protocompat"))
        try Data("format: protocompat-snapshot\nversion: 1\nlabel: x\nsource: y\nfiles:\n- name: a.proto\n  syntax: proto3\n  messages:\n  - name: A\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/missing.yaml"))
        #expect(error([dir + "/missing.yaml"]) == "\(dir)/missing.yaml:9:5: error: the snapshot is missing the key 'fullName' at files[0].messages[0]")
        try Data("a: [1\n".utf8).write(to: URL(fileURLWithPath: dir + "/bad.yaml"))
        #expect(error([dir + "/bad.yaml"]).hasPrefix("\(dir)/bad.yaml:2:1: error: not valid YAML"))
    }

    @Test func sourceSpecsAreClassified() throws {
        #expect(try SourceSpec.classify(["git:v1.2.0:protobufs"]) == .git(repository: ".", ref: "v1.2.0", subdirectory: "protobufs"))
        #expect(try SourceSpec.classify(["git:main"]) == .git(repository: ".", ref: "main", subdirectory: nil))
        #expect(try SourceSpec.classify(["../p.git#ref=v1,subdir=x"]) == .git(repository: "../p.git", ref: "v1", subdirectory: "x"))
        #expect(try SourceSpec.classify(["a.binpb"]) == .descriptorSet("a.binpb"))
        #expect(try SourceSpec.classify(["x.whl"]) == .wheel("x.whl"))
        #expect(try SourceSpec.classify(["s.yaml"]) == .snapshot("s.yaml"))
        #expect(try SourceSpec.classify(["a.proto", "b.proto"]) == .protoFiles(["a.proto", "b.proto"]))
    }
}
