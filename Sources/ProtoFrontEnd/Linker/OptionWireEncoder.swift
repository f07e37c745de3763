import ProtoModel

/// Serializes an option value to protobuf binary, as protoc does for the `value` of an expanded
/// `google.protobuf.Any` (`[type.googleapis.com/pkg.Msg] { ... }`) inside an option.
struct OptionWireEncoder {
    let index: SchemaIndex

    func encode(_ message: OptionMessage, type: String) -> [UInt8] {
        var out: [UInt8] = []
        let definition = index.messages[type]
        for field in message.fields {
            let def: Field?
            if field.name.hasPrefix("(") {
                def = index.extensions[String(field.name.dropFirst().dropLast())]
            } else {
                def = definition?.fields.first { $0.number == field.number }
            }
            guard let def else { continue }
            let values: [OptionValue]
            if case .list(let items) = field.value { values = items } else { values = [field.value] }
            if def.label == .repeated, def.type.isPackable, isPacked(def, in: definition) {
                var payload: [UInt8] = []
                for value in values { scalar(value, type: def.type, into: &payload) }
                tag(field.number, 2, into: &out)
                varint(UInt64(payload.count), into: &out)
                out += payload
                continue
            }
            for value in values {
                switch def.type {
                case .message:
                    guard case .message(let inner) = value else { continue }
                    let bytes = encode(inner, type: def.typeName ?? "")
                    tag(field.number, 2, into: &out)
                    varint(UInt64(bytes.count), into: &out)
                    out += bytes
                case .group:
                    guard case .message(let inner) = value else { continue }
                    tag(field.number, 3, into: &out)
                    out += encode(inner, type: def.typeName ?? "")
                    tag(field.number, 4, into: &out)
                case .string, .bytes:
                    let bytes: [UInt8]
                    switch value {
                    case .string(let s): bytes = Array(s.utf8)
                    case .bytes(let b): bytes = b
                    default: continue
                    }
                    tag(field.number, 2, into: &out)
                    varint(UInt64(bytes.count), into: &out)
                    out += bytes
                default:
                    tag(field.number, def.type.wireType, into: &out)
                    scalar(value, type: def.type, into: &out)
                }
            }
        }
        return out
    }

    /// Whether a repeated scalar is written packed: `[packed]` when set, else by syntax or features.
    func isPacked(_ field: Field, in message: Message?) -> Bool {
        if case .bool(let packed)? = field.options["packed"] { return packed }
        guard let message, let fileName = index.fileOf[message.fullName], let file = index.files[fileName] else { return false }
        switch file.syntax {
        case .proto2: return false
        case .proto3: return true
        case .editions:
            let encoding = SchemaIndex.feature("repeated_field_encoding", in: field.options)
                ?? SchemaIndex.feature("repeated_field_encoding", in: message.options)
                ?? SchemaIndex.feature("repeated_field_encoding", in: file.options)
            return encoding != .enumValue("EXPANDED")
        }
    }

    func scalar(_ value: OptionValue, type: FieldType, into out: inout [UInt8]) {
        switch (type, value) {
        case (.sint32, .int(let v)): varint(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: (v << 1) ^ (v >> 63)))), into: &out)
        case (.sint64, .int(let v)): varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &out)
        case (.int32, .int(let v)), (.int64, .int(let v)): varint(UInt64(bitPattern: v), into: &out)
        case (_, .uint(let v)) where type.wireType == 0: varint(v, into: &out)
        case (.bool, .bool(let b)): varint(b ? 1 : 0, into: &out)
        case (.enum, .enumValue(let name)):
            let number = index.enums.values.lazy.flatMap(\.values).first { $0.name == name }?.number ?? Int32(name.dropFirst()) ?? 0
            varint(UInt64(bitPattern: Int64(number)), into: &out)
        case (.fixed32, .uint(let v)): fixed(UInt64(UInt32(truncatingIfNeeded: v)), bytes: 4, into: &out)
        case (.sfixed32, .int(let v)): fixed(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: v))), bytes: 4, into: &out)
        case (.float, .double(let d)): fixed(UInt64(Float(d).bitPattern), bytes: 4, into: &out)
        case (.fixed64, .uint(let v)): fixed(v, bytes: 8, into: &out)
        case (.sfixed64, .int(let v)): fixed(UInt64(bitPattern: v), bytes: 8, into: &out)
        case (.double, .double(let d)): fixed(d.bitPattern, bytes: 8, into: &out)
        default: break
        }
    }

    func tag(_ number: Int32, _ wireType: Int, into out: inout [UInt8]) {
        varint(UInt64(number) << 3 | UInt64(wireType), into: &out)
    }

    func varint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    func fixed(_ value: UInt64, bytes: Int, into out: inout [UInt8]) {
        for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }
}
