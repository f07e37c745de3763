import ProtoModel

/// Decodes a serialized options message (or any message) into an `OptionMessage`, using the message
/// definitions and extensions of a `SchemaIndex`. Unknown fields are kept as `#N`.
struct OptionWireDecoder {
    let index: SchemaIndex

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    func decode(_ bytes: [UInt8], type: String) throws -> OptionMessage {
        var reader = WireReader(bytes: bytes[...])
        return try decodeMessage(&reader, type: type, endGroup: nil, depth: 0)
    }

    private func decodeMessage(_ reader: inout WireReader, type: String, endGroup: UInt64?, depth: Int) throws -> OptionMessage {
        guard depth < 100 else { throw Malformed(description: "options nested deeper than 100 levels") }
        let message = index.messages[type]
        var result = OptionMessage()
        while !reader.isAtEnd {
            let tag = try reader.varint()
            let number = tag >> 3
            let wireType = Int(tag & 7)
            if wireType == 4 {
                guard endGroup == number else { throw Malformed(description: "unexpected end-group tag") }
                return result
            }
            guard number > 0, number <= UInt64(Int32.max), let fieldNumber = Int32(exactly: number) else {
                throw Malformed(description: "invalid field number \(number)")
            }
            if number == 1, wireType == 3, message?.options.isTrue("message_set_wire_format") == true {
                try decodeMessageSetItem(&reader, type: type, into: &result, depth: depth)
                continue
            }
            var name = "#\(number)"
            var field: Field?
            if let f = message?.fields.first(where: { $0.number == fieldNumber }) {
                field = f
                name = f.name
            } else if let ext = index.extensionsByExtendee[type]?[fieldNumber] {
                field = ext.field
                name = "(\(ext.name))"
            }
            guard let field, Self.wireTypeMatches(field, wireType) else {
                let value = try unknownValue(&reader, wireType: wireType, number: number)
                result.set(OptionField(name: "#\(number)", number: fieldNumber, value: .list([value])), repeated: true)
                continue
            }
            let repeated = field.label == .repeated
            var values: [OptionValue] = []
            if wireType == 2, field.type.isPackable {
                var packed = WireReader(bytes: try reader.lengthDelimited())
                while !packed.isAtEnd { values.append(try scalar(&packed, field: field, wireType: field.type.wireType)) }
            } else if field.type == .message {
                var sub = WireReader(bytes: try reader.lengthDelimited())
                values.append(.message(try decodeMessage(&sub, type: field.typeName ?? "", endGroup: nil, depth: depth + 1)))
            } else if field.type == .group {
                values.append(.message(try decodeMessage(&reader, type: field.typeName ?? "", endGroup: number, depth: depth + 1)))
            } else {
                values.append(try scalar(&reader, field: field, wireType: wireType))
            }
            for value in values {
                result.set(OptionField(name: name, number: fieldNumber, value: repeated ? .list([value]) : value), repeated: repeated)
            }
        }
        if endGroup != nil { throw Malformed(description: "group not closed") }
        return result
    }

    /// One `Item { type_id = 2; message = 3 }` group of a MessageSet: an extension by number.
    private func decodeMessageSetItem(_ reader: inout WireReader, type: String, into result: inout OptionMessage, depth: Int) throws {
        var typeID: UInt64?
        var payload: ArraySlice<UInt8>?
        while true {
            let tag = try reader.varint()
            if tag == (1 << 3 | 4) { break }
            switch tag {
            case 2 << 3: typeID = try reader.varint()
            case 3 << 3 | 2: payload = try reader.lengthDelimited()
            default: _ = try unknownValue(&reader, wireType: Int(tag & 7), number: tag >> 3)
            }
        }
        guard let typeID, let payload, let number = Int32(exactly: typeID),
            let ext = index.extensionsByExtendee[type]?[number]
        else { return }
        var sub = WireReader(bytes: payload)
        let value = try decodeMessage(&sub, type: ext.field.typeName ?? "", endGroup: nil, depth: depth + 1)
        result.set(OptionField(name: "(\(ext.name))", number: number, value: .message(value)), repeated: false)
    }

    private static func wireTypeMatches(_ field: Field, _ wireType: Int) -> Bool {
        wireType == field.type.wireType || (wireType == 2 && field.type.isPackable && field.label == .repeated)
    }

    private func scalar(_ reader: inout WireReader, field: Field, wireType: Int) throws -> OptionValue {
        switch field.type {
        case .int32: return .int(Int64(Int32(truncatingIfNeeded: try reader.varint())))
        case .int64: return .int(Int64(bitPattern: try reader.varint()))
        case .uint32: return .uint(UInt64(UInt32(truncatingIfNeeded: try reader.varint())))
        case .uint64: return .uint(try reader.varint())
        case .sint32:
            let v = UInt32(truncatingIfNeeded: try reader.varint())
            return .int(Int64(Int32(bitPattern: (v >> 1) ^ (0 &- (v & 1)))))
        case .sint64:
            let v = try reader.varint()
            return .int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
        case .bool: return .bool(try reader.varint() != 0)
        case .enum:
            let number = Int32(truncatingIfNeeded: try reader.varint())
            let name = index.enums[field.typeName ?? ""]?.values.first { $0.number == number }?.name
            return .enumValue(name ?? "#\(number)")
        case .fixed32: return .uint(UInt64(try reader.fixed32()))
        case .sfixed32: return .int(Int64(Int32(bitPattern: try reader.fixed32())))
        case .float: return .double(Double(Float(bitPattern: try reader.fixed32())))
        case .fixed64: return .uint(try reader.fixed64())
        case .sfixed64: return .int(Int64(bitPattern: try reader.fixed64()))
        case .double: return .double(Double(bitPattern: try reader.fixed64()))
        case .string: return .string(String(decoding: try reader.lengthDelimited(), as: UTF8.self))
        case .bytes: return .bytes(Array(try reader.lengthDelimited()))
        case .message, .group: throw Malformed(description: "unexpected message value")
        }
    }

    private func unknownValue(_ reader: inout WireReader, wireType: Int, number: UInt64) throws -> OptionValue {
        switch wireType {
        case 0: return .uint(try reader.varint())
        case 1: return .uint(try reader.fixed64())
        case 2: return .bytes(Array(try reader.lengthDelimited()))
        case 3:
            let start = reader.position
            try reader.skipGroup(number)
            return .bytes(Array(reader.bytes[start..<reader.position]))
        case 5: return .uint(UInt64(try reader.fixed32()))
        default: throw Malformed(description: "invalid wire type \(wireType)")
        }
    }
}

/// A cursor over protobuf wire-format bytes.
struct WireReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var isAtEnd: Bool { position >= bytes.endIndex }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex else { throw OptionWireDecoder.Malformed(description: "truncated varint") }
            let byte = bytes[position]
            position += 1
            if shift < 64 { result |= UInt64(byte & 0x7F) << shift }
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 70 { throw OptionWireDecoder.Malformed(description: "varint too long") }
        }
    }

    mutating func fixed32() throws -> UInt32 {
        guard bytes.endIndex - position >= 4 else { throw OptionWireDecoder.Malformed(description: "truncated fixed32") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
        position += 4
        return v
    }

    mutating func fixed64() throws -> UInt64 {
        guard bytes.endIndex - position >= 8 else { throw OptionWireDecoder.Malformed(description: "truncated fixed64") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    mutating func lengthDelimited() throws -> ArraySlice<UInt8> {
        let length = try varint()
        guard length <= UInt64(bytes.endIndex - position) else { throw OptionWireDecoder.Malformed(description: "truncated length-delimited field") }
        let slice = bytes[position..<(position + Int(length))]
        position += Int(length)
        return slice
    }

    mutating func skipGroup(_ number: UInt64, depth: Int = 0) throws {
        guard depth < 100 else { throw OptionWireDecoder.Malformed(description: "groups nested too deeply") }
        while true {
            let tag = try varint()
            switch tag & 7 {
            case 0: _ = try varint()
            case 1: _ = try fixed64()
            case 2: _ = try lengthDelimited()
            case 3: try skipGroup(tag >> 3, depth: depth + 1)
            case 4:
                guard tag >> 3 == number else { throw OptionWireDecoder.Malformed(description: "mismatched end-group tag") }
                return
            case 5: _ = try fixed32()
            default: throw OptionWireDecoder.Malformed(description: "invalid wire type")
            }
        }
    }
}
