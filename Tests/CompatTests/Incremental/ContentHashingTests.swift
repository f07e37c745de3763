import ProtoFrontEnd
import ProtoModel
import Support
import Testing

@testable import Compat

/// Content hashing (what model digests are made of) covers every stored property of every model type
/// but spans and comments, so an element whose digest is unchanged really did not change.
struct ContentHashingTests {
    static func content<T: ContentHashable>(_ value: T) -> UInt64 {
        var hasher = ContentHasher()
        value.combineContent(into: &hasher)
        return hasher.finalize()
    }

    static func labels(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    /// Each type's stored properties, which the hashing and equality generated from the declarations
    /// (scripts/generate-model-code.py) cover, but spans and comments. A new property fails this test:
    /// run the script, add the property here and its change to `everyCoveredPropertyChangesTheHash`.
    @Test func everyStoredPropertyIsCoveredOrDeliberatelyLeftOut() {
        let span = SourceSpan(file: "a.proto", line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1)
        let field = Field(name: "f", number: 1, label: .optional, type: .int32, jsonName: "f", span: span)
        #expect(
            Self.labels(field) == [
                "name", "number", "label", "type", "typeName", "extendee", "defaultValue", "oneofIndex",
                "jsonName", "proto3Optional", "options", "span", "comments",
            ])
        #expect(
            Self.labels(Message(name: "M", fullName: "M")) == [
                "name", "fullName", "fields", "oneofs", "nestedMessages", "enums",
                "extensions", "extensionRanges", "reservedRanges", "reservedNames",
                "options", "visibility", "span", "comments",
            ])
        #expect(Self.labels(Oneof(name: "o")) == ["name", "options", "span", "comments"])
        #expect(Self.labels(NumberRange(start: 1, end: 2)) == ["start", "end", "options", "span"])
        #expect(
            Self.labels(EnumType(name: "E", fullName: "E")) == [
                "name", "fullName", "values", "reservedRanges", "reservedNames",
                "options", "visibility", "span", "comments",
            ])
        #expect(Self.labels(EnumValue(name: "V", number: 0)) == ["name", "number", "options", "span", "comments"])
        #expect(Self.labels(Service(name: "S", fullName: "S")) == ["name", "fullName", "methods", "options", "span", "comments"])
        #expect(
            Self.labels(Method(name: "m", inputType: "A", outputType: "B")) == [
                "name", "inputType", "outputType", "clientStreaming",
                "serverStreaming", "options", "span", "comments",
            ])
        #expect(Self.labels(Import(path: "a.proto")) == ["path", "kind", "span", "comments"])
        #expect(Self.labels(OptionMessage()) == ["fields"])
        #expect(Self.labels(OptionField(name: "o", number: 1, value: .bool(true))) == ["name", "number", "value", "span"])
        #expect(
            Self.labels(ProtoFile(name: "a.proto")) == [
                "name", "package", "syntax", "edition", "imports", "messages", "enums",
                "services", "extensions", "options", "comments", "packageSpan", "syntaxSpan",
            ])
    }

    @Test func sourceLocationsAndCommentsAreLeftOut() throws {
        let text = """
            syntax = "proto2";
            package p;
            // leading
            message M {
              optional int32 a = 1 [deprecated = true]; // trailing
              oneof o { string b = 2; }
              extensions 100 to 200;
              reserved 5 to 9;
            }
            enum E { ZERO = 0 [deprecated = true]; }
            service S { rpc Call(M) returns (M); }
            """
        let schema = try ProtoCompiler(source: InMemorySource(texts: ["a.proto": text])).compile(["a.proto"])
        let moved = try ProtoCompiler(source: InMemorySource(texts: ["a.proto": "\n\n// other\n" + text.replacingOccurrences(of: "// leading", with: "")]))
            .compile(["a.proto"])
        #expect(schema != moved, "the spans and comments differ")
        let stripped = schema.strippingSourceInfo()
        for (file, other) in [(schema.files[0], moved.files[0]), (schema.files[0], stripped.files[0])] {
            #expect(Self.content(file.messages) == Self.content(other.messages))
            #expect(Self.content(file.enums) == Self.content(other.enums))
            #expect(Self.content(file.services) == Self.content(other.services))
            #expect(Self.content(file.options) == Self.content(other.options))
            #expect(file.messages.sameContent(as: other.messages) && file.enums.sameContent(as: other.enums))
            #expect(file.services.sameContent(as: other.services) && file.options.sameContent(as: other.options))
        }
        #expect(VersionDigests(schema, index: SchemaIndex(schema)).files == VersionDigests(moved, index: SchemaIndex(moved)).files)
        #expect(VersionDigests(schema, index: SchemaIndex(schema)).elements == VersionDigests(stripped, index: SchemaIndex(stripped)).elements)
    }

    @Test func everyCoveredPropertyChangesTheHash() {
        let option = OptionMessage(fields: [OptionField(name: "deprecated", number: 3, value: .bool(true))])
        let field = Field(name: "f", number: 1, label: .optional, type: .int32, jsonName: "f")
        let fieldChanges: [(inout Field) -> Void] = [
            { $0.name = "g" }, { $0.number = 2 }, { $0.label = .repeated }, { $0.type = .int64 }, { $0.typeName = "T" },
            { $0.extendee = "X" }, { $0.defaultValue = "1" }, { $0.oneofIndex = 0 }, { $0.jsonName = "g" },
            { $0.proto3Optional = true }, { $0.options = option },
        ]
        for change in fieldChanges {
            var changed = field
            change(&changed)
            #expect(Self.content(changed) != Self.content(field))
            #expect(!changed.sameContent(as: field))
        }
        let message = Message(name: "M", fullName: "p.M")
        let messageChanges: [(inout Message) -> Void] = [
            { $0.name = "N" }, { $0.fullName = "p.N" }, { $0.fields = [field] }, { $0.oneofs = [Oneof(name: "o")] },
            { $0.nestedMessages = [Message(name: "I", fullName: "p.M.I")] }, { $0.enums = [EnumType(name: "E", fullName: "p.M.E")] },
            { $0.extensions = [field] }, { $0.extensionRanges = [NumberRange(start: 1, end: 2)] },
            { $0.reservedRanges = [NumberRange(start: 1, end: 2)] }, { $0.reservedNames = ["x"] }, { $0.options = option },
            { $0.visibility = .local },
        ]
        for change in messageChanges {
            var changed = message
            change(&changed)
            #expect(Self.content(changed) != Self.content(message))
            #expect(!changed.sameContent(as: message))
        }
        // The same items in another container kind do not collide (fields vs extensions).
        var asFields = message
        var asExtensions = message
        asFields.fields = [field]
        asExtensions.extensions = [field]
        #expect(Self.content(asFields) != Self.content(asExtensions))
        let e = EnumType(name: "E", fullName: "E", values: [EnumValue(name: "A", number: 0)])
        let enumChanges: [(inout EnumType) -> Void] = [
            { $0.name = "F" }, { $0.fullName = "F" }, { $0.values[0].name = "B" }, { $0.values[0].number = 1 },
            { $0.values[0].options = option }, { $0.reservedRanges = [NumberRange(start: 1, end: 2)] },
            { $0.reservedNames = ["x"] }, { $0.options = option }, { $0.visibility = .export },
        ]
        for change in enumChanges {
            var changed = e
            change(&changed)
            #expect(Self.content(changed) != Self.content(e))
            #expect(!changed.sameContent(as: e))
        }
        let service = Service(name: "S", fullName: "S", methods: [Method(name: "m", inputType: "A", outputType: "B")])
        let serviceChanges: [(inout Service) -> Void] = [
            { $0.name = "T" }, { $0.fullName = "T" }, { $0.methods[0].name = "n" }, { $0.methods[0].inputType = "C" },
            { $0.methods[0].outputType = "C" }, { $0.methods[0].clientStreaming = true }, { $0.methods[0].serverStreaming = true },
            { $0.methods[0].options = option }, { $0.options = option },
        ]
        for change in serviceChanges {
            var changed = service
            change(&changed)
            #expect(Self.content(changed) != Self.content(service))
            #expect(!changed.sameContent(as: service))
        }
        #expect(Self.content(NumberRange(start: 1, end: 2)) != Self.content(NumberRange(start: 1, end: 3)))
        #expect(Self.content(NumberRange(start: 1, end: 2)) != Self.content(NumberRange(start: 1, end: 2, options: option)))
        #expect(Self.content(Oneof(name: "o")) != Self.content(Oneof(name: "o", options: option)))
        #expect(Self.content(Import(path: "a")) != Self.content(Import(path: "a", kind: .public)))
        #expect(Self.content(Import(path: "a")) != Self.content(Import(path: "b")))
        let values: [OptionValue] = [
            .bool(true), .int(1), .uint(1), .double(1), .string("1"), .bytes([1]), .enumValue("1"),
            .message(option), .list([.bool(true)]),
        ]
        #expect(Set(values.map { Self.content($0) }).count == values.count, "each kind of value hashes apart")
        #expect(Self.content(OptionField(name: "a", number: 1, value: .bool(true))) != Self.content(OptionField(name: "a", number: 2, value: .bool(true))))
    }
}
