/// The values a finding's message is rendered from, by a name from a closed list: a misspelt name
/// does not compile, and every rule's arguments are spelt the same way. Reports, fingerprints and
/// baselines see them as a map from the names' text to values, in the names' order.
public struct FindingArguments: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The names arguments may have.
    public enum Key: String, Sendable, CaseIterable, Comparable {
        /// The value before and after the change (a name, a number, a type, an option's value).
        case old, new
        /// The message (or, for findings that are not a rule's, the whole text) the finding is about.
        case message
        /// The element the finding is about, by kind.
        case `enum`, field, service, method, value, oneof, `extension`, file, package, option
        /// The kind of element or change, where one rule reports several (`message`/`enum`, ...).
        case kind, element, change
        /// A reserved range, a type, a name.
        case range, type, name
        /// What holds the number now (a field or value moved there), and a detail of the change.
        case now, detail
        /// `s` when a message speaks of several.
        case plural
        /// The config entry a config finding is about.
        case index
        /// Present when a renamed field kept its JSON name (camelCase JSON does not see the rename).
        case jsonNameKept = "json_name_kept"

        public static func < (a: Key, b: Key) -> Bool { a.rawValue < b.rawValue }
    }

    var values: [Key: String]

    public init(dictionaryLiteral elements: (Key, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(key: Key) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The arguments in the names' order (what fingerprints hash and reports print).
    public var sorted: [(key: Key, value: String)] {
        values.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    public var isEmpty: Bool { values.isEmpty }

    public init(from decoder: any Decoder) throws {
        let text = try [String: String](from: decoder)
        var values: [Key: String] = [:]
        for (name, value) in text {
            guard let key = Key(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown finding argument \"\(name)\""))
            }
            values[key] = value
        }
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }).encode(to: encoder)
    }
}

extension Finding {
    /// An argument's value, or an empty text when the finding has none (a message renders it as is).
    public func argument(_ key: FindingArguments.Key) -> String { arguments[key] ?? "" }
}
