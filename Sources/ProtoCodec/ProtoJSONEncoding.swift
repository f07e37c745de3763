import Foundation
import ProtoModel

/// Writes a message as ProtoJSON the way the official runtimes print it by default: lowerCamelCase
/// JSON names, 64-bit integers as strings, enums by name (a number the enum does not list as the
/// number), bytes in base64, implicit-presence defaults left out; the well-known types in their own
/// forms (`WellKnownJSON`).
public enum ProtoJSONEncoding {
    /// Thrown for a message the encoder does not write (a well-known type's special form).
    public struct Unsupported: Error, Sendable {
        public var reason: String
    }

    /// With `protoNames`, keys are the fields' names (`preserving_proto_field_name`), as some writers print them.
    public static func encode(_ message: DynamicMessage, catalog: MessageCatalog, protoNames: Bool = false) throws -> JSONValue {
        guard let type = catalog.message(message.typeName) else { throw Unsupported(reason: "unknown type \(message.typeName)") }
        if WellKnownJSON.hasSpecialForm(type.fullName) { return try WellKnownJSON.encode(message, type: type, catalog: catalog) }
        func key(_ field: Field) -> String { catalog.jsonKey(field, in: type, protoNames: protoNames) }
        var members: [(key: String, value: JSONValue)] = []
        for entry in message.fields {
            guard let field = catalog.field(entry.number, in: type) else { continue }
            let facts = catalog.facts(of: field, in: type)
            if case .list(let elements) = entry.value {
                if elements.isEmpty { continue }
                if let mapEntry = facts.mapEntry {
                    members.append((key(field), try map(elements, entry: mapEntry, catalog: catalog, protoNames: protoNames)))
                } else {
                    members.append((key(field), .array(try elements.map { try scalarOrMessage($0, field: field, catalog: catalog, protoNames: protoNames) })))
                }
                continue
            }
            if !facts.hasPresence, ValueRules.isDefault(entry.value) { continue }
            members.append((key(field), try scalarOrMessage(entry.value, field: field, catalog: catalog, protoNames: protoNames)))
        }
        return .object(members)
    }

    static func map(_ entries: [ProtoValue], entry: Message, catalog: MessageCatalog, protoNames: Bool) throws -> JSONValue {
        guard let keyField = entry.fields.first(where: { $0.number == 1 }), let valueField = entry.fields.first(where: { $0.number == 2 }) else {
            throw Unsupported(reason: "map entry \(entry.fullName) without key or value")
        }
        var members: [(key: String, value: JSONValue)] = []
        for case .message(let item) in entries {
            let key = item[1] ?? ProtoValueDefaults.zero(of: keyField)
            let value = item[2] ?? ProtoValueDefaults.zero(of: valueField)
            let keyText: String
            switch key {
            case .string(let text): keyText = text
            case .bool(let flag): keyText = flag ? "true" : "false"
            case .int(let number): keyText = String(number)
            case .uint(let number): keyText = String(number)
            default: throw Unsupported(reason: "map key of type \(keyField.type.keyword)")
            }
            members.removeAll { $0.key == keyText }
            members.append((keyText, try scalarOrMessage(value, field: valueField, catalog: catalog, protoNames: protoNames)))
        }
        return .object(members)
    }

    static func scalarOrMessage(_ value: ProtoValue, field: Field, catalog: MessageCatalog, protoNames: Bool) throws -> JSONValue {
        switch value {
        case .message(let nested): return try encode(nested, catalog: catalog, protoNames: protoNames)
        case .int(let number):
            if field.type == .enum {
                guard let name = field.typeName, let type = catalog.enumType(name) else { throw Unsupported(reason: "unknown enum") }
                if type.fullName == "google.protobuf.NullValue" { throw Unsupported(reason: "NullValue is written as null") }
                if let listed = type.values.first(where: { Int64($0.number) == number }) { return .string(listed.name) }
                return .number(String(number))
            }
            return [.int64, .sint64, .sfixed64].contains(field.type) ? .string(String(number)) : .number(String(number))
        case .uint(let number):
            return [.uint64, .fixed64].contains(field.type) ? .string(String(number)) : .number(String(number))
        case .bool(let flag): return .bool(flag)
        case .float(let number): return floating(Double(number), text: shortest(number))
        case .double(let number): return floating(number, text: number.description)
        case .string(let text): return .string(text)
        case .bytes(let bytes): return .string(Base64.encode(bytes))
        case .list(let elements): return .array(try elements.map { try scalarOrMessage($0, field: field, catalog: catalog, protoNames: protoNames) })
        }
    }

    /// A float as the runtime prints it: the fewest significant digits, six at least, that read back
    /// as the same 32-bit value (Python's `ToShortestFloat`).
    static func shortest(_ number: Float) -> String {
        for precision in 6...17 {
            let text = String(format: "%.\(precision)g", Double(number))
            if let back = Double(text), Float(back) == number { return text }
        }
        return number.description
    }

    static func floating(_ number: Double, text: String) -> JSONValue {
        if number.isNaN { return .string("NaN") }
        if number.isInfinite { return .string(number < 0 ? "-Infinity" : "Infinity") }
        return .number(text)
    }
}

/// The zero value of a field's type: what a map entry without a key or value holds, and what an
/// implicit-presence field reads as when absent.
public enum ProtoValueDefaults {
    public static func zero(of field: Field) -> ProtoValue {
        switch field.type {
        case .int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64, .enum: .int(0)
        case .uint32, .uint64, .fixed32, .fixed64: .uint(0)
        case .bool: .bool(false)
        case .float: .float(0)
        case .double: .double(0)
        case .string: .string("")
        case .bytes: .bytes([])
        case .message, .group: .message(DynamicMessage(typeName: field.typeName ?? ""))
        }
    }
}
