import Compat
import ProtoFrontEnd
import ProtoModel
import Testing

/// A part for one top-level element pairs that element's enums (its own, or those nested in the
/// message at any depth) and nothing of a sibling whose name starts the same way.
struct ElementPartPairingTests {
    static func version(_ text: String) throws -> SchemaPair.Version {
        SchemaPair.Version(try ProtoCompiler(source: InMemorySource(texts: ["a.proto": text])).compile(["a.proto"]))
    }

    @Test func enumsOfTheElementOnly() throws {
        let text = """
            syntax = "proto3";
            package p;
            message Msg { enum A { A0 = 0; } message Inner { enum B { B0 = 0; } } int32 x = 1; }
            message MsgX { enum C { C0 = 0; } }
            enum Msg2 { M0 = 0; }
            enum E { E0 = 0; }
            """
        let old = try Self.version(text)
        let new = try Self.version(text)
        let names = { (part: String) in
            SchemaPair(old: old, new: new, part: .element(part)).enumPairs.map(\.new.fullName)
        }
        #expect(names("p.Msg") == ["p.Msg.A", "p.Msg.Inner.B"])
        #expect(names("p.MsgX") == ["p.MsgX.C"])
        #expect(names("p.E") == ["p.E"])
        #expect(names("p.Msg2") == ["p.Msg2"])
        #expect(SchemaPair(old: old, new: new, part: .element("p.Msg")).messagePairs.map(\.new.fullName) == ["p.Msg", "p.Msg.Inner"])
    }
}
