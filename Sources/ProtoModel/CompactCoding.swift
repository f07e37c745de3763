// The helpers of the model's compact Codable form (Generated/ModelCoding.swift, written from the
// model's declarations by scripts/generate-model-code.py): it leaves out what is empty (lists,
// options, false flags), so that dumps and snapshots show what a schema says and nothing else;
// decoding restores the defaults.

extension KeyedEncodingContainer {
    mutating func encodeUnlessEmpty<T: Encodable & Collection>(_ value: T, forKey key: Key) throws {
        if !value.isEmpty { try encode(value, forKey: key) }
    }

    mutating func encodeUnlessEmpty(_ value: OptionMessage, forKey key: Key) throws {
        if !value.isEmpty { try encode(value, forKey: key) }
    }

    mutating func encodeIfTrue(_ value: Bool, forKey key: Key) throws {
        if value { try encode(value, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    func decodeOrEmpty<T: Decodable & RangeReplaceableCollection>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? T()
    }

    func decodeOrEmpty(_ type: OptionMessage.Type, forKey key: Key) throws -> OptionMessage {
        try decodeIfPresent(type, forKey: key) ?? OptionMessage()
    }

    func decodeOrFalse(forKey key: Key) throws -> Bool {
        try decodeIfPresent(Bool.self, forKey: key) ?? false
    }
}

extension OptionMessage {
    /// Encoded as the list of its set fields.
    public init(from decoder: any Decoder) throws {
        self.init(fields: try decoder.singleValueContainer().decode([OptionField].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }
}
