/// The scalar or composite type of a field, numbered exactly as `FieldDescriptorProto.Type`.
public enum FieldType: Int, Sendable, Hashable, CaseIterable {
    case double = 1
    case float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message,
        bytes, uint32, `enum`, sfixed32, sfixed64, sint32, sint64

    /// The keyword used in .proto source (`group` for groups; message and enum have none).
    public var keyword: String {
        switch self {
        case .double: "double"
        case .float: "float"
        case .int64: "int64"
        case .uint64: "uint64"
        case .int32: "int32"
        case .fixed64: "fixed64"
        case .fixed32: "fixed32"
        case .bool: "bool"
        case .string: "string"
        case .group: "group"
        case .message: "message"
        case .bytes: "bytes"
        case .uint32: "uint32"
        case .enum: "enum"
        case .sfixed32: "sfixed32"
        case .sfixed64: "sfixed64"
        case .sint32: "sint32"
        case .sint64: "sint64"
        }
    }

    /// Scalar type for a .proto keyword, or nil when the word names no scalar type.
    public init?(scalarKeyword: String) {
        // The words are 4 to 8 bytes: packed into one integer each, a lookup is a few comparisons
        // (a `switch` over the words compared up to fifteen strings per field).
        var word = scalarKeyword
        guard (4...8).contains(word.utf8.count) else { return nil }
        let key = word.withUTF8 { Self.packed($0) }
        self.init(packedScalarKeyword: key)
    }

    /// The scalar type whose keyword's bytes, first byte lowest, make `key` (a parser packs a token's
    /// four to eight bytes without making a string of them). The constants are the keywords packed
    /// (`NameRulesTests.scalarKeywordsAndOnlyThose` reads each `keyword` back through it): a switch, where scanning a
    /// static table cost its lazy initialisation check on every field.
    public init?(packedScalarKeyword key: UInt64) {
        switch key {
        case 0x656C_6275_6F64: self = .double  // "double"
        case 0x74_616F_6C66: self = .float  // "float"
        case 0x34_3674_6E69: self = .int64  // "int64"
        case 0x3436_746E_6975: self = .uint64  // "uint64"
        case 0x32_3374_6E69: self = .int32  // "int32"
        case 0x34_3664_6578_6966: self = .fixed64  // "fixed64"
        case 0x32_3364_6578_6966: self = .fixed32  // "fixed32"
        case 0x6C6F_6F62: self = .bool  // "bool"
        case 0x676E_6972_7473: self = .string  // "string"
        case 0x73_6574_7962: self = .bytes  // "bytes"
        case 0x3233_746E_6975: self = .uint32  // "uint32"
        case 0x3233_6465_7869_6673: self = .sfixed32  // "sfixed32"
        case 0x3436_6465_7869_6673: self = .sfixed64  // "sfixed64"
        case 0x3233_746E_6973: self = .sint32  // "sint32"
        case 0x3436_746E_6973: self = .sint64  // "sint64"
        default: return nil
        }
    }

    /// Up to eight bytes as one integer, first byte lowest.
    private static func packed(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    /// The wire type used to encode one element of this type (0 varint, 1 i64, 2 len, 3 group, 5 i32).
    public var wireType: Int {
        switch self {
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool, .enum: 0
        case .fixed64, .sfixed64, .double: 1
        case .string, .bytes, .message: 2
        case .group: 3
        case .fixed32, .sfixed32, .float: 5
        }
    }

    /// True for types that can be packed when repeated (every scalar numeric type).
    public var isPackable: Bool { wireType == 0 || wireType == 1 || wireType == 5 }
}

/// A field's cardinality, numbered exactly as `FieldDescriptorProto.Label`.
public enum FieldLabel: Int, Sendable, Hashable {
    case optional = 1
    case required = 2
    case repeated = 3

    public var keyword: String {
        switch self {
        case .optional: "optional"
        case .required: "required"
        case .repeated: "repeated"
        }
    }
}

extension FieldType: Codable {
    /// Encoded as its .proto keyword (`int32`, `message`, `enum`, `group`, ...).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let type = FieldType.allCases.first(where: { $0.keyword == text }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown field type \"\(text)\""))
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(keyword)
    }
}

extension FieldLabel: Codable {
    /// Encoded as `optional`, `required` or `repeated`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "optional": self = .optional
        case "required": self = .required
        case "repeated": self = .repeated
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown label \"\(text)\""))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(keyword)
    }
}
