import Compat
import ProtoModel
import Testing

/// Fields pair by number, each new field with the first old field of its number, in the new
/// message's order: the same on short messages (scanned) and long ones (a table).
struct FieldPairsTests {
    static func message(_ numbers: [Int32], prefix: String) -> Message {
        Message(
            name: "M", fullName: "M",
            fields: numbers.enumerated().map { index, number in
                Field(name: "\(prefix)\(index)", number: number, label: .optional, type: .int32, jsonName: "\(prefix)\(index)")
            })
    }

    /// What pairing means, written the slow way.
    static func expected(_ old: Message, _ new: Message) -> [String] {
        new.fields.compactMap { field in old.fields.first { $0.number == field.number }.map { "\($0.name)-\(field.name)" } }
    }

    @Test(arguments: [3, 16, 17, 40])
    func pairsAsTheDefinitionSays(_ size: Int) {
        let oldNumbers = (1...Int32(size)).reversed() + [2, 2]  // duplicates: the first one pairs
        let newNumbers = Array(stride(from: Int32(1), through: Int32(size + 5), by: 2)) + [2]
        let old = Self.message(oldNumbers, prefix: "o")
        let new = Self.message(newNumbers, prefix: "n")
        let pairs = SchemaPair.fieldPairs(old, new).map { "\($0.old.name)-\($0.new.name)" }
        #expect(pairs == Self.expected(old, new))
        #expect(!pairs.isEmpty)
        #expect(new.fields.allSatisfy { field in old.field(number: field.number)?.name == old.fields.first { $0.number == field.number }?.name })
    }
}
