import ProtoFrontEnd
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
}
