import ProtoModel

/// Reads ProtoJSON as the official runtime's strict parser does (Python's `json_format.Parse`
/// without `ignore_unknown_fields`): a key must name a field (by JSON name or by field name), an
/// enum name must be listed, two members of one oneof refuse the message, integers come as numbers
/// or strings, booleans only as `true` and `false`, null leaves a field unset.
public enum ProtoJSONDecoding {
    public static func decode(_ json: JSONValue, as typeName: String, catalog: MessageCatalog) -> Result<DynamicMessage, DecodeFailure> {
        RequiredFields.checked(catalog) { try readMessage(json, typeName: typeName, catalog: catalog, top: true) }
    }

    static func readMessage(_ json: JSONValue, typeName: String, catalog: MessageCatalog, top: Bool) throws -> DynamicMessage {
        guard let type = catalog.message(typeName) else { throw DecodeFailure(reason: "unknown type \(typeName)", field: nil) }
        if WellKnownJSON.hasSpecialForm(typeName) { return try WellKnownJSON.decode(json, type: type, catalog: catalog) }
        var message = DynamicMessage(typeName: typeName)
        let members: [(key: String, value: JSONValue)]
        switch json {
        case .object(let list): members = list
        // The runtime walks what it is given as the object's keys: an empty string or list has none.
        case .string(""), .array([]): members = []
        default: throw DecodeFailure(reason: "\(typeName) must be a JSON object, not \(json.text)", field: nil)
        }
        var seen: Set<String> = []
        var oneofsSeen: Set<Int32> = []
        for member in members {
            let extensionName = member.key.hasPrefix("[") && member.key.hasSuffix("]") ? String(member.key.dropFirst().dropLast()) : nil
            guard
                let field = extensionName.map({ catalog.extensionNamed($0, of: typeName) })
                    ?? type.field(jsonKey: member.key)
            else {
                throw DecodeFailure(reason: "message type \(typeName) has no field named \"\(member.key)\"", field: nil, key: top ? member.key : nil)
            }
            let blame = top ? field.number : nil
            func fail(_ reason: String) -> DecodeFailure { DecodeFailure(reason: reason, field: blame, key: top ? member.key : nil) }
            guard seen.insert(field.name).inserted else { throw fail("field \(field.name) given twice") }
            if member.value == .null { continue }
            if let oneof = field.oneofIndex, !field.proto3Optional {
                guard oneofsSeen.insert(oneof).inserted else {
                    throw fail("message type \(typeName) should not have multiple \"\(type.oneofs[Int(oneof)].name)\" oneof fields")
                }
            }
            let facts = catalog.facts(of: field, in: type)
            do {
                if let entry = facts.mapEntry {
                    guard case .object(let pairs) = member.value else { throw fail("map field \(field.name) must be a JSON object") }
                    var list: [ProtoValue] = []
                    for pair in pairs {
                        guard let keyField = entry.fields.first(where: { $0.number == 1 }), let valueField = entry.fields.first(where: { $0.number == 2 })
                        else { continue }
                        var item = DynamicMessage(typeName: entry.fullName)
                        item[1] = try mapKey(pair.key, field: keyField, in: entry, catalog: catalog)
                        item[2] = try value(pair.value, field: valueField, in: entry, catalog: catalog)
                        list.removeAll { if case .message(let old) = $0 { old[1] == item[1] } else { false } }
                        list.append(.message(item))
                    }
                    message[field.number] = .list(list)
                } else if field.label == .repeated {
                    guard case .array(let elements) = member.value else { throw fail("repeated field \(field.name) must be a JSON array") }
                    message[field.number] = .list(
                        try elements.map { element in
                            if element == .null { throw fail("null in repeated field \(field.name)") }
                            return try value(element, field: field, in: type, catalog: catalog)
                        })
                } else {
                    message[field.number] = try value(member.value, field: field, in: type, catalog: catalog)
                }
            } catch var failure as DecodeFailure {
                failure.field = failure.field ?? blame
                if top { failure.key = member.key }
                throw failure
            }
        }
        return message
    }

    static func value(_ json: JSONValue, field: Field, in type: Message, catalog: MessageCatalog) throws -> ProtoValue {
        func fail(_ reason: String) -> DecodeFailure { DecodeFailure(reason: reason, field: nil) }
        switch field.type {
        case .message, .group:
            return .message(try readMessage(json, typeName: field.typeName ?? "", catalog: catalog, top: false))
        case .bool:
            guard case .bool(let flag) = json else { throw fail("field \(field.name): expected true or false without quotes, got \(json.text)") }
            return .bool(flag)
        case .string:
            guard case .string(let text) = json else { throw fail("field \(field.name): expected a string, got \(json.text)") }
            return .string(text)
        case .bytes:
            guard case .string(let text) = json, let bytes = Base64.decode(text) else {
                throw fail("field \(field.name): expected base64 bytes, got \(json.text)")
            }
            return .bytes(bytes)
        case .float, .double:
            let number: Double
            switch json {
            case .number(let text): number = Double(text) ?? .nan
            case .string("NaN"): number = .nan
            case .string("Infinity"): number = .infinity
            case .string("-Infinity"): number = -.infinity
            case .string(let text):
                guard let parsed = Double(text) else { throw fail("field \(field.name): couldn't parse float \(json.text)") }
                number = parsed
            default: throw fail("field \(field.name): couldn't parse float \(json.text)")
            }
            if field.type == .float {
                if number.isFinite, abs(number) > Double(Float.greatestFiniteMagnitude) { throw fail("field \(field.name): float value too large") }
                return .float(Float(number))
            }
            return .double(number)
        case .enum:
            guard let name = field.typeName, let enumType = catalog.enumType(name) else { throw fail("unknown enum of \(field.name)") }
            if case .string(let text) = json, let listed = enumType.values.first(where: { $0.name == text }) { return .int(Int64(listed.number)) }
            guard let wide = integer(json)?.signed else {
                throw fail("invalid enum value \(json.text) for enum type \(enumType.fullName)")
            }
            let facts = catalog.facts(of: field, in: type)
            // The runtime looks the number up cut to 32 bits (so 2^32 + 1 finds value 1); a number it
            // does not list, an open enum keeps if it fits 32 bits, a closed one refuses.
            let cut = Int32(truncatingIfNeeded: wide)
            if facts.enumNumbers.contains(cut) { return .int(Int64(cut)) }
            guard !facts.isClosedEnum else { throw fail("invalid enum value \(wide) for enum type \(enumType.fullName)") }
            guard let fits = Int32(exactly: wide) else { throw fail("field \(field.name): value out of range: \(wide)") }
            return .int(Int64(fits))
        default:
            if case .bool = json { throw fail("field \(field.name): bool value \(json.text) is not acceptable for integer field") }
            guard let number = integer(json) else { throw fail("field \(field.name): couldn't parse integer \(json.text)") }
            let range = { DecodeFailure(reason: "field \(field.name): value out of range: \(json.text)", field: nil) }
            switch field.type {
            case .int32, .sint32, .sfixed32:
                guard let fits = number.signed.flatMap({ Int32(exactly: $0) }) else { throw range() }
                return .int(Int64(fits))
            case .int64, .sint64, .sfixed64:
                guard let fits = number.signed else { throw range() }
                return .int(fits)
            case .uint32, .fixed32:
                guard let fits = number.unsigned.flatMap({ UInt32(exactly: $0) }) else { throw range() }
                return .uint(UInt64(fits))
            default:
                guard let fits = number.unsigned else { throw range() }
                return .uint(fits)
            }
        }
    }

    /// An integer given as a JSON number (integral) or a string of digits, as a signed or an
    /// unsigned 64-bit value (both when it fits both); nil when it is no integer or fits neither.
    static func integer(_ json: JSONValue) -> (signed: Int64?, unsigned: UInt64?)? {
        switch json {
        case .number(let text), .string(let text):
            if text.contains(" ") { return nil }
            let signed = Int64(text)
            let unsigned = UInt64(text)
            if signed != nil || unsigned != nil { return (signed, unsigned ?? signed.flatMap(UInt64.init(exactly:))) }
            if case .number = json, let double = Double(text), double.rounded() == double {
                return (Int64(exactly: double), UInt64(exactly: double))
            }
            return nil
        default: return nil
        }
    }

    /// A map key: JSON object keys are strings, numbers and booleans spelled out.
    static func mapKey(_ text: String, field: Field, in entry: Message, catalog: MessageCatalog) throws -> ProtoValue {
        switch field.type {
        case .string: return .string(text)
        case .bool:
            guard text == "true" || text == "false" else { throw DecodeFailure(reason: "map key \(text) is not a bool", field: nil) }
            return .bool(text == "true")
        default:
            return try value(.string(text), field: field, in: entry, catalog: catalog)
        }
    }
}
