import Foundation

/// Encodes any `Encodable` value as YAML, by way of the value's JSON form: keys sorted, so the YAML of
/// a value is stable. (Reading goes through `TreeValue(yaml:)` and ProtoModel's `TreeDecoder`.)
public enum YAMLCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
        return try YAMLEmitter.emit(json.yamlNode)
    }
}

/// A JSON value, the bridge between Codable and YAML.
indirect enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    var yamlNode: YAMLNode {
        switch self {
        case .null: return .scalar("null", quoted: false)
        case .bool(let b): return .scalar(b ? "true" : "false", quoted: false)
        case .int(let i): return .scalar(String(i), quoted: false)
        case .double(let d): return .scalar("\(d)", quoted: false)
        case .string(let s): return .scalar(s, quoted: YAMLEmitter.needsQuotes(s))
        case .array(let a): return .sequence(a.map(\.yamlNode))
        case .object(let o): return .mapping(o.keys.sorted().map { (key: $0, value: o[$0]!.yamlNode) })
        }
    }
}
