import ProtoModel
import SchemaSources
import Testing
import YAML

/// What `YAMLCoding` writes, `TreeValue(yaml:)` and `TreeDecoder` read back with the same types and
/// text (snapshots go this way): strings that look like other scalars are quoted, plain ones are typed.
struct YAMLRoundTripTests {
    struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var flags: [Bool]
        var tricky: [String]
        var nested: [String: Int]
        var ratio: Double
    }

    @Test func roundTripKeepsTypesAndText() throws {
        let sample = Sample(
            name: "chat.v1", count: 3, flags: [true, false],
            tricky: ["true", "no", "123", "1.5", "", " lead", "a: b", "#x", "multi\nline", "null", "-", "é", "y", "N", "off", "0x1F", ".inf"],
            nested: ["b": 2, "a": 1], ratio: -2.5)
        let text = try YAMLCoding.encode(sample)
        let back = try TreeDecoder().decode(Sample.self, from: TreeValue(yaml: try YAMLParser.parse(Array(text.utf8))))
        #expect(back == sample)
        #expect(text.contains("- \"true\""))
        #expect(text.contains("name: chat.v1"))
    }

    @Test func plainScalarsAreTyped() throws {
        let node = try YAMLParser.parse(Array("a: yes\nb: ~\nc: 0x10\nd: 1e3\ne: \"7\"\nf: text\n".utf8))
        #expect(
            TreeValue(yaml: node)
                == .object([
                    ("a", .bool(true)), ("b", .null), ("c", .number("16")), ("d", .number("1000.0")),
                    ("e", .string("7")), ("f", .string("text")),
                ]))
    }
}
