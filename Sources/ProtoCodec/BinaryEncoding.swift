import ProtoModel

/// Writes a message in the binary wire format as the runtimes' deterministic serialization does:
/// fields in number order, packed runs where the field is packed, implicit-presence defaults left out.
public enum BinaryEncoding {
    /// The bytes of `message`, by the types of `catalog`.
    public static func encode(_ message: DynamicMessage, catalog: MessageCatalog) -> [UInt8] {
        var out: [UInt8] = []
        write(message, catalog: catalog, into: &out)
        return out
    }

    static func write(_ message: DynamicMessage, catalog: MessageCatalog, into out: inout [UInt8]) {
        guard let type = catalog.message(message.typeName) else { return }
        for entry in message.fields {
            guard let field = catalog.field(entry.number, in: type) else { continue }
            let facts = catalog.facts(of: field, in: type)
            switch entry.value {
            case .list(let elements):
                if facts.isPacked, !elements.isEmpty {
                    var run: [UInt8] = []
                    for element in elements { payload(element, facts: facts, catalog: catalog, into: &run) }
                    tag(field.number, 2, into: &out)
                    varint(UInt64(run.count), into: &out)
                    out += run
                } else {
                    for element in elements { one(element, facts: facts, catalog: catalog, into: &out) }
                }
            case let value:
                // Map entries write key and value always, as the runtimes do.
                if !facts.hasPresence, !type.isMapEntry, ValueRules.isDefault(value) { continue }
                one(value, facts: facts, catalog: catalog, into: &out)
            }
        }
        for unknown in message.unknown {
            tag(unknown.number, unknown.wireType, into: &out)
            out += unknown.payload
        }
    }

    static func one(_ value: ProtoValue, facts: FieldFacts, catalog: MessageCatalog, into out: inout [UInt8]) {
        tag(facts.field.number, facts.wireType, into: &out)
        payload(value, facts: facts, catalog: catalog, into: &out)
        if facts.isDelimited { tag(facts.field.number, 4, into: &out) }
    }

    /// A value without its tag: a length prefix for length-delimited types, none for a group.
    static func payload(_ value: ProtoValue, facts: FieldFacts, catalog: MessageCatalog, into out: inout [UInt8]) {
        switch (facts.field.type, value) {
        case (.sint32, .int(let v)): varint(UInt64(UInt32(bitPattern: (Int32(truncatingIfNeeded: v) << 1) ^ (Int32(truncatingIfNeeded: v) >> 31))), into: &out)
        case (.sint64, .int(let v)): varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &out)
        case (.fixed32, .uint(let v)): little(UInt64(UInt32(truncatingIfNeeded: v)), bytes: 4, into: &out)
        case (.sfixed32, .int(let v)): little(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: v))), bytes: 4, into: &out)
        case (.fixed64, .uint(let v)): little(v, bytes: 8, into: &out)
        case (.sfixed64, .int(let v)): little(UInt64(bitPattern: v), bytes: 8, into: &out)
        case (_, .int(let v)): varint(UInt64(bitPattern: v), into: &out)
        case (_, .uint(let v)): varint(v, into: &out)
        case (_, .bool(let v)): varint(v ? 1 : 0, into: &out)
        case (_, .float(let v)): little(UInt64(v.bitPattern), bytes: 4, into: &out)
        case (_, .double(let v)): little(v.bitPattern, bytes: 8, into: &out)
        case (_, .string(let v)): lengthPrefixed(Array(v.utf8), into: &out)
        case (_, .bytes(let v)): lengthPrefixed(v, into: &out)
        case (_, .message(let nested)):
            if facts.isDelimited {
                write(nested, catalog: catalog, into: &out)
            } else {
                var inner: [UInt8] = []
                write(nested, catalog: catalog, into: &inner)
                lengthPrefixed(inner, into: &out)
            }
        case (_, .list): break
        }
    }

    static func tag(_ number: Int32, _ wireType: Int, into out: inout [UInt8]) {
        varint(UInt64(UInt32(bitPattern: number)) << 3 | UInt64(wireType), into: &out)
    }

    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    static func little(_ value: UInt64, bytes: Int, into out: inout [UInt8]) {
        for shift in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(shift)))) }
    }

    static func lengthPrefixed(_ bytes: [UInt8], into out: inout [UInt8]) {
        varint(UInt64(bytes.count), into: &out)
        out += bytes
    }
}

/// Facts about values that every encoding shares.
public enum ValueRules {
    /// The value an implicit-presence field does not write: zero, false, empty.
    public static func isDefault(_ value: ProtoValue) -> Bool {
        switch value {
        case .int(let v): v == 0
        case .uint(let v): v == 0
        case .bool(let v): !v
        case .float(let v): v == 0 && v.sign == .plus
        case .double(let v): v == 0 && v.sign == .plus
        case .string(let v): v.isEmpty
        case .bytes(let v): v.isEmpty
        case .list(let v): v.isEmpty
        case .message: false
        }
    }
}
