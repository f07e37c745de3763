/// A value of an option, interpreted against the option's declared type. Both the .proto front end
/// and the descriptor-set reader produce this form, so that the two can be compared exactly.
public enum OptionValue: Sendable, Hashable {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    /// Floats are widened to Double after rounding to Float, so both paths agree.
    case double(Double)
    case string(String)
    case bytes([UInt8])
    /// The name of an enum value (or `#N` for a number that names no value).
    case enumValue(String)
    case message(OptionMessage)
    /// The values of a repeated field, in the order they were given.
    case list([OptionValue])
}

/// The set fields of an options message (or of a message-typed option value), ordered by field number.
public struct OptionMessage: Sendable, Hashable, Codable {
    public var fields: [OptionField]

    public init(fields: [OptionField] = []) { self.fields = fields }

    /// True when no field is set.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value of the field with this name (a plain field name, or `(full.extension.name)`).
    public subscript(name: String) -> OptionValue? {
        fields.first { $0.name == name }?.value
    }

    /// Sets a field, replacing a singular value or appending to a repeated one, keeping number order.
    public mutating func set(_ field: OptionField, repeated: Bool) {
        if let index = fields.firstIndex(where: { $0.number == field.number && $0.name == field.name }) {
            if repeated, case .list(let old) = fields[index].value, case .list(let new) = field.value {
                fields[index].value = .list(old + new)
            } else if case .message(var old) = fields[index].value, case .message(let new) = field.value, !repeated {
                for inner in new.fields { old.set(inner, repeated: inner.value.isList) }
                fields[index].value = .message(old)
            } else {
                fields[index].value = field.value
            }
            return
        }
        let position = fields.firstIndex { ($0.number, $0.name) > (field.number, field.name) } ?? fields.endIndex
        fields.insert(field, at: position)
    }

    /// True when the plain field `name` is set to `true`.
    public func isTrue(_ name: String) -> Bool { self[name] == .bool(true) }

    /// Where the option `name` was set, when known.
    public func span(of name: String) -> SourceSpan? { fields.first { $0.name == name }?.span }

    /// The same options without locations.
    public mutating func stripSpans() {
        for index in fields.indices { fields[index].span = nil }
    }
}

/// One set field of an options message.
public struct OptionField: Sendable, Hashable, Codable {
    /// The field name, or `(full.name)` for an extension, or `#N` for an unknown field.
    public var name: String
    public var number: Int32
    public var value: OptionValue
    /// Where the option statement that set it is (top-level options from .proto source only).
    public var span: SourceSpan?

    public init(name: String, number: Int32, value: OptionValue, span: SourceSpan? = nil) {
        self.name = name
        self.number = number
        self.value = value
        self.span = span
    }
}

extension OptionValue {
    /// True for the value of a repeated field.
    public var isList: Bool {
        if case .list = self { return true }
        return false
    }
}

extension OptionValue: Codable {
    private enum Key: String, CodingKey {
        case bool, int, uint, double, string, bytes, `enum`, message, list
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard let key = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "an option value has exactly one of bool, int, uint, double, string, bytes, enum, message, list"))
        }
        switch key {
        case .bool: self = .bool(try container.decode(Bool.self, forKey: key))
        case .int: self = .int(Int64(try container.decode(String.self, forKey: key)) ?? 0)
        case .uint: self = .uint(UInt64(try container.decode(String.self, forKey: key)) ?? 0)
        case .double: self = .double(Self.parseDouble(try container.decode(String.self, forKey: key)))
        case .string: self = .string(try container.decode(String.self, forKey: key))
        case .bytes: self = .bytes(Self.unhex(try container.decode(String.self, forKey: key)))
        case .enum: self = .enumValue(try container.decode(String.self, forKey: key))
        case .message: self = .message(try container.decode(OptionMessage.self, forKey: key))
        case .list: self = .list(try container.decode([OptionValue].self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .bool(let v): try container.encode(v, forKey: .bool)
        case .int(let v): try container.encode(String(v), forKey: .int)
        case .uint(let v): try container.encode(String(v), forKey: .uint)
        case .double(let v): try container.encode(Self.formatDouble(v), forKey: .double)
        case .string(let v): try container.encode(v, forKey: .string)
        case .bytes(let v): try container.encode(Self.hex(v), forKey: .bytes)
        case .enumValue(let v): try container.encode(v, forKey: .enum)
        case .message(let v): try container.encode(v, forKey: .message)
        case .list(let v): try container.encode(v, forKey: .list)
        }
    }

    /// Shortest round-tripping text of a double, with `inf`, `-inf` and `nan` spelled out.
    public static func formatDouble(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    static func parseDouble(_ text: String) -> Double {
        switch text {
        case "nan": .nan
        case "inf": .infinity
        case "-inf": -.infinity
        default: Double(text) ?? 0
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return out
    }

    static func unhex(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for scalar in text.unicodeScalars {
            guard let nibble = UInt8(String(scalar), radix: 16) else { continue }
            if let h = high {
                out.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return out
    }
}
