import ProtoCodec
import ProtoModel

/// The values a witness tries for a field, telling ones first: a value beyond 32 bits shows
/// truncation, a negative one a change of sign encoding, bytes that are not UTF-8 a string reader
/// that refuses them, two elements a singular reader that keeps only the last.
struct WitnessValues {
    let catalog: MessageCatalog
    /// The reader's types, to aim nested values at the fields that changed.
    var reader: MessageCatalog? = nil

    /// Values of `field` of `type`, each what the field would hold when set (a list for a repeated field).
    func values(_ field: Field, in type: Message, depth: Int = 0) -> [ProtoValue] {
        let facts = catalog.facts(of: field, in: type)
        if let entry = facts.mapEntry {
            guard let keyField = entry.fields.first(where: { $0.number == 1 }), let valueField = entry.fields.first(where: { $0.number == 2 }),
                let key = singular(keyField, in: entry, depth: depth + 1).first
            else { return [] }
            return singular(valueField, in: entry, depth: depth + 1).prefix(3).map { value in
                .list([.message(DynamicMessage(typeName: entry.fullName, fields: [FieldValue(number: 1, value: key), FieldValue(number: 2, value: value)]))])
            }
        }
        let options = singular(field, in: type, depth: depth)
        if field.label == .repeated {
            guard let first = options.first else { return [] }
            var lists: [ProtoValue] = [.list([first])]
            if options.count > 1 { lists.append(.list([options[0], options[1]])) }
            return lists
        }
        return facts.hasPresence ? options : options.filter { !ValueRules.isDefault($0) }
    }

    /// Values of one element of the field's type.
    func singular(_ field: Field, in type: Message, depth: Int) -> [ProtoValue] {
        switch field.type {
        case .int32, .sint32, .sfixed32: return [1, -1, 2_147_483_647, -2_147_483_648, 150].map { .int($0) }
        case .int64, .sint64, .sfixed64: return [1, -1, 4_294_967_297, Int64.max, Int64.min].map { .int($0) }
        case .uint32, .fixed32: return [1, 4_294_967_295, 2_147_483_648].map { .uint($0) }
        case .uint64, .fixed64: return [1, UInt64.max, 4_294_967_297].map { .uint($0) }
        case .bool: return [.bool(true), .bool(false)]
        case .float: return [.float(1.5), .float(-2.5)]
        case .double: return [.double(1.5), .double(-2.5), .double(1e300)]
        case .string: return [.string("a"), .string("é")]
        case .bytes: return [.bytes([0x61]), .bytes([0xFF]), .bytes([0x08, 0x01])]
        case .enum:
            let listed = field.typeName.flatMap { catalog.enumType($0) }?.values ?? []
            var seen: Set<Int32> = []
            let numbers = (listed.filter { $0.number != 0 } + listed.filter { $0.number == 0 }).compactMap { seen.insert($0.number).inserted ? $0.number : nil }
            return numbers.map { .int(Int64($0)) }
        case .message, .group:
            guard depth < 3, let name = field.typeName, let nested = catalog.message(name) else { return [] }
            var options: [ProtoValue] = []
            if let empty = base(nested, depth: depth + 1) { options.append(.message(empty)) }
            for inner in nested.fields.prefix(3) {
                guard var message = base(nested, depth: depth + 1), let value = values(inner, in: nested, depth: depth + 1).first else { continue }
                message[inner.number] = value
                options.append(.message(message))
            }
            return options
        }
    }

    /// The smallest message of `type` a writer can send: its required fields set (nil when one cannot be).
    func base(_ type: Message, depth: Int = 0) -> DynamicMessage? {
        var message = DynamicMessage(typeName: type.fullName)
        for field in type.fields where catalog.facts(of: field, in: type).isRequired {
            guard depth < 4, let value = values(field, in: type, depth: depth).first else { return nil }
            message[field.number] = value
        }
        return message
    }

    /// Messages of the writer's type `writer` aimed at what differs from the reader's `reader`: each
    /// field whose counterpart (same number) changed, set, and the same one level down for message
    /// fields whose types differ inside (a renamed and retyped nested type).
    func aimed(_ writer: Message, _ readerType: Message, depth: Int = 0) -> [DynamicMessage] {
        guard depth < 4, let reader, let base = base(writer, depth: depth) else { return [] }
        var out: [DynamicMessage] = []
        for field in writer.fields {
            let counterpart = readerType.fields.first { $0.number == field.number }
            if counterpart.map({ $0.type != field.type || $0.label != field.label || $0.name != field.name }) ?? true {
                for value in values(field, in: writer, depth: depth).prefix(3) {
                    var message = base
                    message[field.number] = value
                    out.append(message)
                }
            }
            guard let counterpart, field.type == .message || field.type == .group, counterpart.type == field.type,
                let inner = field.typeName.flatMap({ catalog.message($0) }), let innerReader = counterpart.typeName.flatMap({ reader.message($0) }),
                !inner.isMapEntry
            else { continue }
            for nested in aimed(inner, innerReader, depth: depth + 1).prefix(4) {
                var message = base
                message[field.number] = field.label == .repeated ? .list([.message(nested)]) : .message(nested)
                out.append(message)
            }
        }
        return out
    }
}
