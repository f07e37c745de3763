import ProtoModel

/// Encodes an `OptionMessage` in the binary format, typed by the message definitions and extensions
/// of a `SchemaIndex` (descriptor.proto's options messages and the schema's custom options): what
/// protoc writes for an options message in a descriptor set (`protocompat build`), and for the value
/// of an expanded `google.protobuf.Any` inside an option. The reverse of the descriptor-set reader's
/// decoder. Fields are written in the message's order (by number, extensions among them), repeated
/// scalars packed where the file that declares the field packs them.
public struct OptionWireEncoder: Sendable {
    let index: SchemaIndex

    public init(index: SchemaIndex) { self.index = index }

    /// An option whose type cannot be written (a value that does not fit its declared field).
    public struct Unencodable: Error, CustomStringConvertible {
        public var description: String
    }

    public func encode(_ message: OptionMessage, type: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try encodeMessage(message, type: type, into: &out, depth: 0)
        return out
    }

    private func encodeMessage(_ message: OptionMessage, type: String, into out: inout [UInt8], depth: Int) throws {
        guard depth < 100 else { throw Unencodable(description: "options nested deeper than 100 levels") }
        let definition = index.messages[type]
        let isMessageSet = definition?.options.isTrue("message_set_wire_format") == true
        for option in message.fields {
            let values: [OptionValue]
            if case .list(let list) = option.value { values = list } else { values = [option.value] }
            guard let field = self.field(option, in: definition, type: type) else {
                // Unknown fields (from a descriptor set) keep the form they were read in.
                for value in values { try encodeUnknown(value, number: option.number, into: &out) }
                continue
            }
            if isMessageSet, field.extendee != nil, field.type == .message, case .message(let inner) = option.value {
                // A MessageSet item: group 1 { type_id = 2; message = 3 }.
                out.appendTag(1, wireType: 3)
                out.appendTag(2, wireType: 0)
                out.appendVarint(UInt64(option.number))
                var payload: [UInt8] = []
                try encodeMessage(inner, type: field.typeName ?? "", into: &payload, depth: depth + 1)
                out.appendTag(3, wireType: 2)
                out.appendVarint(UInt64(payload.count))
                out += payload
                out.appendTag(1, wireType: 4)
                continue
            }
            if field.label == .repeated, field.type.isPackable, isPacked(field, name: option.name, in: type), !values.isEmpty {
                var payload: [UInt8] = []
                for value in values { try encodeScalar(value, field: field, into: &payload) }
                out.appendTag(option.number, wireType: 2)
                out.appendVarint(UInt64(payload.count))
                out += payload
                continue
            }
            for value in values {
                switch field.type {
                case .message:
                    guard case .message(let inner) = value else { throw mismatch(option, type: type) }
                    var payload: [UInt8] = []
                    try encodeMessage(inner, type: field.typeName ?? "", into: &payload, depth: depth + 1)
                    out.appendTag(option.number, wireType: 2)
                    out.appendVarint(UInt64(payload.count))
                    out += payload
                case .group:
                    guard case .message(let inner) = value else { throw mismatch(option, type: type) }
                    out.appendTag(option.number, wireType: 3)
                    try encodeMessage(inner, type: field.typeName ?? "", into: &out, depth: depth + 1)
                    out.appendTag(option.number, wireType: 4)
                default:
                    out.appendTag(option.number, wireType: field.type.wireType)
                    try encodeScalar(value, field: field, into: &out)
                }
            }
        }
    }

    /// The definition of an option's field: a field of the options message, or an extension of it.
    private func field(_ option: OptionField, in definition: Message?, type: String) -> Field? {
        if option.name.hasPrefix("(") { return index.extensionsByExtendee[type]?[option.number]?.field }
        if option.name.hasPrefix("#") { return nil }
        return definition?.fields.first { $0.number == option.number }
    }

    /// Whether a repeated scalar is packed: `[packed = ...]`, proto3's default, or editions'
    /// `repeated_field_encoding` (on the field, its message, its file; PACKED by default).
    private func isPacked(_ field: Field, name: String, in type: String) -> Bool {
        if case .bool(let packed)? = field.options["packed"] { return packed }
        // The file that declares the field: the extension's, or the message's.
        let isExtension = extensionName(name) != nil
        let file = index.fileOf[extensionName(name) ?? type].flatMap { index.files[$0] }
        switch file?.syntax {
        case .proto3?: return true
        case .editions?:
            let message = isExtension ? nil : index.messages[type]
            let encoding =
                SchemaIndex.feature("repeated_field_encoding", in: field.options)
                ?? message.flatMap { SchemaIndex.feature("repeated_field_encoding", in: $0.options) }
                ?? file.flatMap { SchemaIndex.feature("repeated_field_encoding", in: $0.options) }
            return encoding != .enumValue("EXPANDED")
        default: return false
        }
    }

    private func extensionName(_ name: String) -> String? {
        guard name.hasPrefix("("), name.hasSuffix(")") else { return nil }
        return String(name.dropFirst().dropLast())
    }

    private func mismatch(_ option: OptionField, type: String) -> Unencodable {
        Unencodable(description: "option \(option.name) of \(type) does not hold a value of its declared type")
    }

    private func encodeScalar(_ value: OptionValue, field: Field, into out: inout [UInt8]) throws {
        switch (field.type, value) {
        case (.int32, .int(let v)), (.int64, .int(let v)), (.enum, .int(let v)): out.appendVarint(UInt64(bitPattern: v))
        case (.int32, .uint(let v)), (.int64, .uint(let v)), (.uint32, .uint(let v)), (.uint64, .uint(let v)): out.appendVarint(v)
        case (.uint32, .int(let v)), (.uint64, .int(let v)): out.appendVarint(UInt64(bitPattern: v))
        case (.sint32, .int(let v)):
            let n = Int32(truncatingIfNeeded: v)
            out.appendVarint(UInt64(UInt32(bitPattern: (n << 1) ^ (n >> 31))))
        case (.sint64, .int(let v)): out.appendVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        case (.bool, .bool(let b)): out.appendVarint(b ? 1 : 0)
        case (.enum, .enumValue(let name)):
            let number: Int32
            if name.hasPrefix("#"), let n = Int32(name.dropFirst()) {
                number = n
            } else if let n = index.enums[field.typeName ?? ""]?.values.first(where: { $0.name == name })?.number {
                number = n
            } else {
                throw Unencodable(description: "enum value \(name) is not a value of \(field.typeName ?? "its enum")")
            }
            out.appendVarint(UInt64(bitPattern: Int64(number)))
        case (.fixed32, .uint(let v)): out.appendFixed32(UInt32(truncatingIfNeeded: v))
        case (.sfixed32, .int(let v)): out.appendFixed32(UInt32(bitPattern: Int32(truncatingIfNeeded: v)))
        case (.float, .double(let d)): out.appendFixed32(Float(d).bitPattern)
        case (.fixed64, .uint(let v)): out.appendFixed64(v)
        case (.sfixed64, .int(let v)): out.appendFixed64(UInt64(bitPattern: v))
        case (.double, .double(let d)): out.appendFixed64(d.bitPattern)
        case (.string, .string(let s)):
            out.appendVarint(UInt64(s.utf8.count))
            out += Array(s.utf8)
        case (.bytes, .bytes(let b)), (.string, .bytes(let b)):
            out.appendVarint(UInt64(b.count))
            out += b
        default:
            throw Unencodable(description: "a \(field.type) field \(field.name) cannot hold \(value)")
        }
    }

    /// An unknown field as the decoder kept it: varints as numbers, everything else as bytes.
    private func encodeUnknown(_ value: OptionValue, number: Int32, into out: inout [UInt8]) throws {
        switch value {
        case .uint(let v):
            out.appendTag(number, wireType: 0)
            out.appendVarint(v)
        case .bytes(let b):
            out.appendTag(number, wireType: 2)
            out.appendVarint(UInt64(b.count))
            out += b
        default:
            throw Unencodable(description: "unknown option field \(number) holds \(value)")
        }
    }
}

extension [UInt8] {
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(v))
    }

    mutating func appendTag(_ number: Int32, wireType: Int) {
        appendVarint(UInt64(UInt32(bitPattern: number)) << 3 | UInt64(wireType))
    }

    mutating func appendFixed32(_ value: UInt32) {
        for i in 0..<4 { append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(i)))) }
    }

    mutating func appendFixed64(_ value: UInt64) {
        for i in 0..<8 { append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }
}
