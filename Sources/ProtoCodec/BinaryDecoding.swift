import ProtoModel

/// Why a reader refused a message, and the field (top-level number) it refused it at, when one is to blame.
public struct DecodeFailure: Error, Sendable, Hashable {
    public var reason: String
    /// The top-level field whose data the reader could not take.
    public var field: Int32?
    /// The top-level JSON key the reader could not take (ProtoJSON).
    public var key: String?
    /// The reader's outcome cannot be shown faithfully (a string that is not UTF-8 where the reader
    /// does not check it): such a message makes no witness.
    public var unrepresentable = false

    public init(reason: String, field: Int32?, key: String? = nil, unrepresentable: Bool = false) {
        self.reason = reason
        self.field = field
        self.key = key
        self.unrepresentable = unrepresentable
    }
}

/// Reads the binary wire format as the protobuf runtime does: fields by number; data of another wire
/// type than the field's, and numbers a closed enum does not list, kept as unknown fields; packed and
/// unpacked repeated numbers both accepted; the last value of a singular field wins (messages merge);
/// setting a oneof member clears the others; a missing required field refuses the message.
public enum BinaryDecoding {
    public static func decode(_ bytes: [UInt8], as typeName: String, catalog: MessageCatalog) -> Result<DynamicMessage, DecodeFailure> {
        var reader = ByteReader(bytes: bytes[...])
        return RequiredFields.checked(catalog) { try readMessage(&reader, typeName: typeName, catalog: catalog, endGroup: nil, top: true) }
    }

    static func readMessage(_ reader: inout ByteReader, typeName: String, catalog: MessageCatalog, endGroup: Int32?, top: Bool) throws -> DynamicMessage {
        var message = DynamicMessage(typeName: typeName)
        let type = catalog.message(typeName)
        while !reader.atEnd {
            let key = try reader.varint(field: nil)
            let number = Int32(truncatingIfNeeded: key >> 3)
            let wireType = Int(key & 7)
            let blame: Int32? = top ? number : nil
            if number <= 0 || key >> 3 > 536_870_911 { throw DecodeFailure(reason: "invalid field number \(key >> 3)", field: blame) }
            if wireType == 4 {
                guard number == endGroup else { throw DecodeFailure(reason: "unexpected end of group \(number)", field: blame) }
                return message
            }
            // A number the reader does not have, or data of another wire type: kept raw.
            guard let type, let field = catalog.field(number, in: type),
                case let facts = catalog.facts(of: field, in: type),
                wireType == facts.wireType || (wireType == 2 && field.label == .repeated && field.type.isPackable)
            else {
                message.unknown.append(
                    UnknownField(number: number, wireType: wireType, payload: try reader.raw(wireType: wireType, number: number, field: blame)))
                continue
            }
            let packedRun = wireType == 2 && wireType != facts.wireType
            var values: [ProtoValue] = []
            if packedRun {
                var run = ByteReader(bytes: try reader.lengthPrefixed(field: blame))
                while !run.atEnd { values.append(try scalar(&run, wireType: field.type.wireType, facts: facts, blame: blame)) }
            } else if facts.isDelimited {
                values.append(.message(try readMessage(&reader, typeName: field.typeName ?? "", catalog: catalog, endGroup: number, top: false)))
            } else if field.type == .message {
                var inner = ByteReader(bytes: try reader.lengthPrefixed(field: blame))
                do {
                    values.append(.message(try readMessage(&inner, typeName: field.typeName ?? "", catalog: catalog, endGroup: nil, top: false)))
                } catch var failure as DecodeFailure {
                    failure.field = blame
                    throw failure
                }
            } else {
                values.append(try scalar(&reader, wireType: wireType, facts: facts, blame: blame))
            }
            for value in values {
                if facts.isClosedEnum, case .int(let number) = value, !facts.enumNumbers.contains(Int32(truncatingIfNeeded: number)) {
                    // A closed enum's unlisted number: the runtime keeps it as an unknown varint.
                    var payload: [UInt8] = []
                    BinaryEncoding.varint(UInt64(bitPattern: number), into: &payload)
                    message.unknown.append(UnknownField(number: field.number, wireType: 0, payload: payload))
                    continue
                }
                store(value, field: field, facts: facts, type: type, in: &message)
            }
        }
        if endGroup != nil { throw DecodeFailure(reason: "group not ended", field: nil) }
        return message
    }

    /// Puts one arriving value into the message: appended to a repeated field, merged into a set
    /// message, replacing a scalar, clearing the other members of its oneof.
    static func store(_ value: ProtoValue, field: Field, facts: FieldFacts, type: Message, in message: inout DynamicMessage) {
        if field.label == .repeated {
            var list: [ProtoValue] = []
            if case .list(let existing)? = message[field.number] { list = existing }
            if facts.mapEntry != nil, case .message(let entry) = value {
                // A later entry with the same key replaces the earlier one.
                list.removeAll { if case .message(let old) = $0 { old[1] == entry[1] } else { false } }
            }
            list.append(value)
            message[field.number] = .list(list)
            return
        }
        if let oneof = field.oneofIndex, !field.proto3Optional {
            for sibling in type.fields where sibling.oneofIndex == oneof && sibling.number != field.number { message[sibling.number] = nil }
        }
        if case .message(let existing)? = message[field.number], case .message(let incoming) = value {
            message[field.number] = .message(merge(existing, incoming))
        } else {
            message[field.number] = value
        }
    }

    /// `incoming` merged into `base` as a parser merges two occurrences of one message field.
    static func merge(_ base: DynamicMessage, _ incoming: DynamicMessage) -> DynamicMessage {
        var result = base
        for entry in incoming.fields {
            switch (result[entry.number], entry.value) {
            case (.list(let a)?, .list(let b)): result[entry.number] = .list(a + b)
            case (.message(let a)?, .message(let b)): result[entry.number] = .message(merge(a, b))
            default: result[entry.number] = entry.value
            }
        }
        result.unknown += incoming.unknown
        return result
    }

    /// One scalar of the field's type, read with the wire type it arrived with (the field's own).
    static func scalar(_ reader: inout ByteReader, wireType: Int, facts: FieldFacts, blame: Int32?) throws -> ProtoValue {
        let field = facts.field
        switch wireType {
        case 0:
            let raw = try reader.varint(field: blame)
            switch field.type {
            case .int32: return .int(Int64(Int32(truncatingIfNeeded: raw)))
            case .int64: return .int(Int64(bitPattern: raw))
            case .uint32: return .uint(UInt64(UInt32(truncatingIfNeeded: raw)))
            case .uint64: return .uint(raw)
            case .sint32:
                let bits = UInt32(truncatingIfNeeded: raw)
                return .int(Int64(Int32(bitPattern: (bits >> 1) ^ (0 &- (bits & 1)))))
            case .sint64: return .int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
            case .bool: return .bool(raw != 0)
            default: return .int(Int64(Int32(truncatingIfNeeded: raw)))  // an enum
            }
        case 1:
            let raw = try reader.little(8, field: blame)
            switch field.type {
            case .fixed64: return .uint(raw)
            case .sfixed64: return .int(Int64(bitPattern: raw))
            default: return .double(Double(bitPattern: raw))
            }
        case 5:
            let raw = UInt32(truncatingIfNeeded: try reader.little(4, field: blame))
            switch field.type {
            case .fixed32: return .uint(UInt64(raw))
            case .sfixed32: return .int(Int64(Int32(bitPattern: raw)))
            default: return .float(Float(bitPattern: raw))
            }
        default:
            let bytes = Array(try reader.lengthPrefixed(field: blame))
            if field.type == .bytes { return .bytes(bytes) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                if facts.validatesUTF8 { throw DecodeFailure(reason: "string field \(field.name) is not valid UTF-8", field: blame) }
                throw DecodeFailure(reason: "string field \(field.name) holds bytes that are not UTF-8", field: blame, unrepresentable: true)
            }
            return .string(text)
        }
    }
}

/// A cursor over wire-format bytes; every read checks the bounds.
struct ByteReader {
    var bytes: ArraySlice<UInt8>

    var atEnd: Bool { bytes.isEmpty }

    mutating func varint(field: Int32?) throws -> UInt64 {
        var result: UInt64 = 0
        for shift in stride(from: UInt64(0), to: 70, by: 7) {
            guard let byte = bytes.popFirst() else { throw DecodeFailure(reason: "truncated varint", field: field) }
            if shift < 64 { result |= UInt64(byte & 0x7F) << shift }
            if byte < 0x80 { return result }
        }
        throw DecodeFailure(reason: "varint longer than 10 bytes", field: field)
    }

    mutating func little(_ count: Int, field: Int32?) throws -> UInt64 {
        guard bytes.count >= count else { throw DecodeFailure(reason: "truncated fixed-width value", field: field) }
        var result: UInt64 = 0
        for (shift, byte) in bytes.prefix(count).enumerated() { result |= UInt64(byte) << (8 * UInt64(shift)) }
        bytes = bytes.dropFirst(count)
        return result
    }

    mutating func lengthPrefixed(field: Int32?) throws -> ArraySlice<UInt8> {
        let length = try varint(field: field)
        guard length <= UInt64(bytes.count) else { throw DecodeFailure(reason: "length \(length) beyond the end of the data", field: field) }
        let body = bytes.prefix(Int(length))
        bytes = bytes.dropFirst(Int(length))
        return body
    }

    /// The payload of an unknown field, as it stood (a group up to and including its end tag).
    mutating func raw(wireType: Int, number: Int32, field: Int32?) throws -> [UInt8] {
        let start = bytes
        switch wireType {
        case 0: _ = try varint(field: field)
        case 1: _ = try little(8, field: field)
        case 5: _ = try little(4, field: field)
        case 2: _ = try lengthPrefixed(field: field)
        case 3:
            while true {
                let key = try varint(field: field)
                if key & 7 == 4 {
                    guard Int32(truncatingIfNeeded: key >> 3) == number else { throw DecodeFailure(reason: "mismatched end of group", field: field) }
                    break
                }
                _ = try raw(wireType: Int(key & 7), number: Int32(truncatingIfNeeded: key >> 3), field: field)
            }
        default: throw DecodeFailure(reason: "invalid wire type \(wireType)", field: field)
        }
        return Array(start.prefix(start.count - bytes.count))
    }
}
