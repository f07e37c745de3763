import ProtoFrontEnd
import ProtoModel
import Testing

/// protoc's default JSON names (descriptor.cc ToJsonName): underscores dropped, the next character
/// upper-cased when it is a-z, everything else kept as it is.
struct NameRulesTests {
    @Test(arguments: [
        ("foo_bar", "fooBar"), ("foo__bar", "fooBar"), ("_foo", "Foo"), ("foo_", "foo"), ("foo_1bar", "foo1bar"),
        ("FOO_BAR", "FOOBAR"), ("a_b_c", "aBC"), ("x", "x"), ("already_Upper", "alreadyUpper"), ("__", ""), ("room_sid_2", "roomSid2"),
    ])
    func jsonName(_ field: String, _ expected: String) {
        #expect(NameRules.jsonName(field) == expected)
    }

    @Test func joinWritesScopeDotName() {
        #expect(FullName.join("a.b", "C") == "a.b.C")
        #expect(FullName.join("", "C") == ".C")
        #expect(NameRules.qualify("", "C") == "C")
        #expect(NameRules.qualify("pkg", "é") == "pkg.é")
        let long = String(repeating: "x", count: 40)
        #expect(FullName.join(long, long) == long + "." + long)
        #expect(FullName.join(Substring("a.b.c").dropLast(2), Substring("D")) == "a.b.D")
    }

    @Test func scalarKeywordsAndOnlyThose() {
        for type in FieldType.allCases where type != .group && type != .message && type != .enum {
            #expect(FieldType(scalarKeyword: type.keyword) == type)
        }
        for word in ["group", "message", "enum", "Int32", "int", "", "int322", "sint", "doubles", "bool ", "fixed6", "é"] {
            #expect(FieldType(scalarKeyword: word) == nil, "\(word)")
        }
    }
}
