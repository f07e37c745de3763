import ProtoModel
import Testing

@testable import ProtoFrontEnd

/// The symbol table's storage: names found whole or by scope and name, through growth, with the
/// first definition kept.
struct NameTableTests {
    static let file = SourceFileID("a.proto")

    @Test func namesAreFoundWholeAndByTheirParts() {
        var table = NameTable()
        for name in ["pkg", "pkg.Message", "pkg.Message.field", "pkg.Message.Nested", "other.Message"] {
            table.insert(SymbolKey(name), Symbol(kind: .message, fileID: Self.file))
        }
        #expect(table.position(of: SymbolKey("pkg.Message.field")) == 2)
        #expect(table.position(scope: "pkg.Message", name: "field") == 2)
        #expect(table.position(scope: nil, name: "pkg.Message.field") == 2)
        #expect(table.position(scope: "", name: "pkg") == 0)
        #expect(table.position(scope: "pkg", name: "Message.Nested") == 3)
        // Same bytes in other places are not the name.
        #expect(table.position(scope: "pkg.Messag", name: "e.field") == nil)
        #expect(table.position(scope: "pkg", name: "Message.fiel") == nil)
        #expect(table.position(scope: "other", name: "Message.field") == nil)
        #expect(table.position(of: SymbolKey("pkg.message")) == nil)
    }

    @Test func everyNameSurvivesGrowth() {
        var table = NameTable()
        let names = (0..<5_000).map { "synth.p\($0 % 7).Message\($0).field_\($0 % 13)" }
        for (position, name) in names.enumerated() {
            #expect(table.position(of: SymbolKey(name)) == nil)
            table.insert(SymbolKey(name), Symbol(kind: .field, fileID: Self.file))
            #expect(table.count == position + 1)
        }
        for (position, name) in names.enumerated() {
            let dot = name.lastIndex(of: ".")!
            #expect(table.position(scope: name[..<dot], name: name[name.index(after: dot)...]) == position)
        }
        #expect((0..<table.count).map(table.name(at:)) == names)
    }

    @Test func namesKeptInPartsAreTheSameNames() {
        var table = NameTable()
        table.insert(SymbolKey(scope: "pkg.Message", leaf: "field"), Symbol(kind: .field, fileID: Self.file))
        table.insert(SymbolKey(scope: "", leaf: "pkg"), Symbol(kind: .package, fileID: Self.file))
        // A key in parts hashes as the joined name.
        #expect(SymbolKey(scope: "pkg.Message", leaf: "field").digest == SymbolKey("pkg.Message.field").digest)
        #expect(table.position(of: SymbolKey("pkg.Message.field")) == 0)
        #expect(table.position(of: SymbolKey(scope: "pkg", leaf: "Message.field")) == 0)
        #expect(table.position(scope: "pkg.Message", name: "field") == 0)
        #expect(table.position(scope: nil, name: "pkg.Message.field") == 0)
        #expect(table.position(scope: "pkg.Message", name: "fiel") == nil)
        #expect(table.position(scope: "pkg.Messag", name: "e.field") == nil)
        #expect(table.position(of: SymbolKey("pkg")) == 1)
        #expect(table.name(at: 0) == "pkg.Message.field")
        #expect(table.name(at: 1) == "pkg")
    }

    @Test func theFirstDefinitionStays() {
        var symbols = SymbolTable()
        #expect(symbols.add("p.M", .message, file: "a.proto") == nil)
        let clash = symbols.add("p.M", .enum, file: "b.proto")
        #expect(clash?.kind == .message)
        #expect(clash?.file == "a.proto")
        // Packages may repeat.
        #expect(symbols.add("p", .package, file: "a.proto") == nil)
        #expect(symbols.add("p", .package, file: "b.proto") == nil)
        let visible = Visibility(files: ["a.proto"])
        guard case .found(let name, let symbol) = symbols.find("p.M", visible: visible, typesOnly: true) else {
            Issue.record("p.M not found")
            return
        }
        #expect(name == "p.M")
        #expect(symbol.kind == .message)
        guard case .notImported = symbols.find("p.M", visible: Visibility(files: ["c.proto"]), typesOnly: true) else {
            Issue.record("p.M visible from c.proto")
            return
        }
    }
}
