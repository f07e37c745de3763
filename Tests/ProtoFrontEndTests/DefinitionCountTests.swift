import Testing

@testable import ProtoFrontEnd

/// The symbol table is grown once per window by counting the names the files define
/// (`FileSymbols.definitionCount`); the count must be what `definitions(of:)` lists.
struct DefinitionCountTests {
    @Test func countMatchesTheListedDefinitions() {
        let text = """
            syntax = "proto2";
            package a.b;
            message Outer {
              optional int32 x = 1;
              oneof choice { string s = 2; bytes b = 3; }
              map<string, int32> counts = 4;
              message Inner { enum Level { LOW = 0; HIGH = 1; } optional Level level = 1; }
              extensions 100 to 200;
              extend Outer { optional int32 ext = 100; }
              optional group Part = 5 { optional int32 y = 1; }
            }
            enum Top { A = 0; B = 1; C = 2; }
            extend Outer { optional string top_ext = 101; }
            service S { rpc Get(Outer) returns (Outer); rpc Put(Outer) returns (Outer); }
            """
        let (node, diagnostics) = Parser.parse(file: "a.proto", bytes: Array(text.utf8))
        #expect(diagnostics.isEmpty)
        let listed = FileSymbols.definitions(of: node)
        #expect(listed.count > 20)
        #expect(FileSymbols.definitionCount(of: node) == listed.count)
    }
}
