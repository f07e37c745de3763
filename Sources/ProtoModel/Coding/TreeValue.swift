/// A parsed JSON (or YAML) document as plain values, which `TreeDecoder` turns into any `Decodable`.
///
/// Numbers keep their text, so that 64-bit integers survive and each reader converts to the exact type it
/// asks for. Objects keep their keys in document order; the model's objects have few keys, so a linear
/// search beats hashing.
public indirect enum TreeValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([TreeValue])
    case object([(key: String, value: TreeValue)])

    public static func == (a: TreeValue, b: TreeValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The value of `key` in an object (the first, if a document repeats a key).
    public subscript(key: String) -> TreeValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// What a value is, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
