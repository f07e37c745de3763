import ProtoFrontEnd
import ProtoModel
import Testing

/// Which declaration a comment belongs to, as protoc's tokenizer decides (`NextWithComments`): each
/// case is a shape the corpora hold, and `ci/descriptor-equivalence.py --source-info` holds the same
/// rules to protoc's own source info on every file of them.
struct CommentAttachmentTests {
    /// The comments of fields `a` and `b` of message `M` in `body`.
    func fields(_ body: String) throws -> (a: Comments?, b: Comments?) {
        let schema = try compile("syntax = \"proto3\";\nmessage M {\n\(body)\n}\n")
        let message = try #require(schema.files.first?.messages.first)
        return (message.fields.first { $0.name == "a" }?.comments, message.fields.first { $0.name == "b" }?.comments)
    }

    @Test func aCommentOnTheSameLineTrailsAndTheNextLineLeads() throws {
        // protoc keeps a same-line `//` comment apart from the `//` lines under it.
        let (a, b) = try fields("int32 a = 1; // after a\n// before b\nint32 b = 2;")
        #expect(a == Comments(trailing: " after a\n"))
        #expect(b == Comments(leading: " before b\n"))
    }

    @Test func aCommentUnderADeclarationAndBeforeABlankLineTrailsIt() throws {
        let (a, b) = try fields("int32 a = 1;\n// about a\n\nint32 b = 2;")
        #expect(a == Comments(trailing: " about a\n"))
        #expect(b == nil)
    }

    @Test func aCommentRightBeforeADeclarationLeadsIt() throws {
        let (a, b) = try fields("int32 a = 1;\n// about b\nint32 b = 2;")
        #expect(a == nil)
        #expect(b == Comments(leading: " about b\n"))
    }

    @Test func commentsAfterABlankLineAreDetachedUntilTheLastOne() throws {
        let (a, b) = try fields("int32 a = 1;\n\n// loose\n\n/* also loose */\n\n// about b\nint32 b = 2;")
        #expect(a == nil)
        #expect(b == Comments(leading: " about b\n", detached: [" loose\n", " also loose "]))
    }

    @Test func aBlockCommentWithCodeAfterItOnItsLineBelongsToNothing() throws {
        let (a, b) = try fields("int32 a = 1; /* whose? */ int32 b = 2;")
        #expect(a == nil)
        #expect(b == nil)
    }

    @Test func aCommentAloneInABodyTrailsTheDeclarationThatOpensIt() throws {
        let schema = try compile("syntax = \"proto3\";\nmessage M {\n  // nothing yet\n}\nenum E { // values\n  E0 = 0;\n}\n")
        let file = try #require(schema.files.first)
        #expect(file.messages[0].comments == Comments(trailing: " nothing yet\n"))
        #expect(file.enums[0].comments == Comments(trailing: " values\n"))
        #expect(file.enums[0].values[0].comments == nil)
    }

    @Test func aGroupsCommentsBelongToItsType() throws {
        let schema = try compile(
            "syntax = \"proto2\";\nmessage M {\n  // the group\n  optional group G = 1 { // opened\n    optional int32 x = 2;\n  } // closed\n}\n")
        let message = try #require(schema.files.first?.messages.first)
        #expect(message.fields[0].comments == nil)
        #expect(message.nestedMessages[0].comments == Comments(leading: " the group\n", trailing: " opened\n"))
    }

    @Test func importsKeepTheirComments() throws {
        let schema = try compile([("test.proto", "syntax = \"proto3\";\n// why\nimport \"b.proto\"; // which\n"), ("b.proto", "syntax = \"proto3\";\n")])
        #expect(schema.files.first { $0.name == "test.proto" }?.imports.first?.comments == Comments(leading: " why\n", trailing: " which\n"))
    }

    @Test func blockCommentLinesLoseTheirIndentAndOneStar() throws {
        let (a, _) = try fields("/*\n     indented\n   * starred\n   */\nint32 a = 1;")
        #expect(a?.leading == "\nindented\n starred\n")
    }
}
