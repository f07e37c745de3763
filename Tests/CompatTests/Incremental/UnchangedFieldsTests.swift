import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Testing

/// A comparison leaves out field pairs no rule can find anything in (`UnchangedFields`). A field that
/// reads the same can still change meaning through what surrounds it: each case here changes only
/// the surroundings, and the findings must be those of a comparison that leaves nothing out.
struct UnchangedFieldsTests {
    static func schema(_ text: String) throws -> Schema {
        try ProtoCompiler(source: InMemorySource(texts: ["test.proto": text])).compile(["test.proto"])
    }

    static let cases: [(name: String, before: String, after: String, rule: String)] = [
        (
            "oneof renamed", "syntax = \"proto3\"; message M { oneof a { int32 x = 1; string y = 2; } }",
            "syntax = \"proto3\"; message M { oneof b { int32 x = 1; string y = 2; } }", "FIELD_SAME_ONEOF"
        ),
        (
            "syntax changed", "syntax = \"proto2\"; message M { optional int32 x = 1; }",
            "syntax = \"proto3\"; message M { int32 x = 1; }", "FIELD_SAME_CARDINALITY"
        ),
        (
            "enum default renumbered", "syntax = \"proto2\"; enum E { Z = 0; A = 1; } message M { optional E e = 1 [default = A]; }",
            "syntax = \"proto2\"; enum E { Z = 0; A = 2; } message M { optional E e = 1 [default = A]; }", "FIELD_SAME_DEFAULT"
        ),
        (
            "Java UTF-8 check set", "syntax = \"proto2\"; message M { optional string s = 1; }",
            "syntax = \"proto2\"; option java_string_check_utf8 = true; message M { optional string s = 1; }", "FIELD_SAME_JAVA_UTF8_VALIDATION"
        ),
        (
            "map entry became a message", "syntax = \"proto3\"; message M { map<string, int32> m = 1; }",
            "syntax = \"proto3\"; message M { message MEntry { string key = 1; int32 value = 2; } repeated MEntry m = 1; }", "FIELD_SAME_CARDINALITY"
        ),
    ]

    @Test(arguments: cases.indices)
    func surroundingsStillCount(_ index: Int) throws {
        let (name, before, after, rule) = Self.cases[index]
        let old = SchemaPair.Version(try Self.schema(before))
        let new = SchemaPair.Version(try Self.schema(after))
        let options = CheckOptions()
        let check = { (pair: SchemaPair) in
            Checker.check(pair, oldSide: .init(label: "a", source: "a"), newSide: .init(label: "b", source: "b"), options: options).findings
        }
        let pruned = check(SchemaPair(old: old, new: new))
        let everything = check(SchemaPair(old: old, new: new, comparingEverything: true))
        #expect(pruned == everything, "\(name)")
        #expect(everything.contains { $0.rule == rule }, "\(name): \(everything.map(\.rule))")
    }

    @Test func unchangedFieldsAreLeftOut() throws {
        let old = SchemaPair.Version(try Self.schema("syntax = \"proto3\"; message M { int32 a = 1; string b = 2; }"))
        let new = SchemaPair.Version(try Self.schema("syntax = \"proto3\"; message M { int32 a = 1; int64 b = 2; bool c = 3; }"))
        #expect(SchemaPair(old: old, new: new).allFieldPairs.map(\.new.name) == ["b"])
        #expect(SchemaPair(old: old, new: new, comparingEverything: true).allFieldPairs.map(\.new.name) == ["a", "b"])
    }
}
