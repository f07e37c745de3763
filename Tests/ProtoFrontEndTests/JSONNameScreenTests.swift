import ProtoModel
import Testing

@testable import ProtoFrontEnd

/// The validator's screen for JSON-name conflicts: a message passes it only when no two fields share a
/// default JSON name and no two share a JSON name, so skipping the exact check never hides a conflict.
struct JSONNameScreenTests {
    func field(_ name: String, json: String? = nil) -> Field {
        Field(name: name, number: 1, label: .optional, type: .int32, jsonName: json ?? NameRules.jsonName(name))
    }

    @Test func distinctNamesPass() {
        #expect(Validator.jsonNamesAreDistinct([]))
        #expect(Validator.jsonNamesAreDistinct([field("a")]))
        #expect(Validator.jsonNamesAreDistinct([field("a"), field("b_c"), field("bc"), field("d", json: "e")]))
        let many = (1...40).map { field("f_\($0)") }
        #expect(Validator.jsonNamesAreDistinct(many))
    }

    @Test func everyKindOfSharedNameFails() {
        // Equal default names (foo_bar / fooBar), in a short and in a long message.
        #expect(!Validator.jsonNamesAreDistinct([field("foo_bar"), field("fooBar")]))
        #expect(!Validator.jsonNamesAreDistinct((1...40).map { field("f\($0)") } + [field("f_1")]))
        // Equal custom names.
        #expect(!Validator.jsonNamesAreDistinct([field("a", json: "x"), field("b", json: "x")]))
        // A custom name equal to another field's default JSON name.
        #expect(!Validator.jsonNamesAreDistinct([field("a", json: "bC"), field("b_c")]))
        // A custom name equal to its own field's default name is no conflict.
        #expect(Validator.jsonNamesAreDistinct([field("a_b", json: "aB"), field("c")]))
        // A JSON name equal only to another field's *default* name where that field has a custom name:
        // default names differ (a, b) and JSON names differ (b, x), so nothing can be reported.
        #expect(Validator.jsonNamesAreDistinct([field("a", json: "b"), field("b", json: "x")]))
    }

    @Test(arguments: ["foo_bar", "fooBar", "_x", "x_", "a__b", "A_b", "room_sid_2", "", "é_a"])
    func defaultNameHashIsTheHashOfTheDefaultName(_ name: String) {
        // A default JSON name has no underscores, so hashing it as a field name changes nothing.
        #expect(Validator.defaultJSONNameHash(name) == Validator.defaultJSONNameHash(NameRules.jsonName(name)))
        #expect(Validator.defaultJSONNameHash(name) == Validator.plainHash(NameRules.jsonName(name)))
        #expect(Validator.defaultJSONNameHash(name + "x") != Validator.defaultJSONNameHash(name))
    }
}
