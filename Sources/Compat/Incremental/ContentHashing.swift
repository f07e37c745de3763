import ProtoModel
import Support

/// Hashing of what a model element says, leaving out where it was written (spans) and its comments:
/// what model digests are made of. It reads the model in place; hashing a copy stripped of source
/// information copied every array of every file first. Every stored property but spans and comments
/// is combined (`ContentHashingTests` lists each type's properties and fails when one is added), arrays
/// with their count, optionals with their presence, so that different contents feed different input.
protocol ContentHashable {
    /// Feeds everything but source locations and comments to `hasher`.
    func combineContent(into hasher: inout ContentHasher)
}

extension Array: ContentHashable where Element: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(count)
        for index in indices { self[index].combineContent(into: &hasher) }
    }
}

extension OptionValue: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        switch self {
        case .bool(let value):
            hasher.combine(0 as UInt8)
            hasher.combine(value)
        case .int(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .uint(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .double(let value):
            hasher.combine(3 as UInt8)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        case .bytes(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        case .enumValue(let value):
            hasher.combine(6 as UInt8)
            hasher.combine(value)
        case .message(let value):
            hasher.combine(7 as UInt8)
            value.combineContent(into: &hasher)
        case .list(let values):
            hasher.combine(8 as UInt8)
            values.combineContent(into: &hasher)
        }
    }
}

extension OptionField: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(number)
        value.combineContent(into: &hasher)
    }
}

extension OptionMessage: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        fields.combineContent(into: &hasher)
    }
}

extension Field: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        Self.combineContent(of: [self], at: 0, into: &hasher)
    }

    /// The field at `position`, read property by property in place: hashing a field taken out of its
    /// array copied it whole (a dozen references retained and released) for every field of a schema.
    static func combineContent(of fields: [Field], at position: Int, into hasher: inout ContentHasher) {
        hasher.combine(fields[position].name)
        hasher.combine(fields[position].number)
        hasher.combine(fields[position].label)
        hasher.combine(fields[position].type)
        hasher.combine(fields[position].typeName)
        hasher.combine(fields[position].extendee)
        hasher.combine(fields[position].defaultValue)
        hasher.combine(fields[position].oneofIndex)
        hasher.combine(fields[position].jsonName)
        hasher.combine(fields[position].proto3Optional)
        fields[position].options.combineContent(into: &hasher)
    }
}

extension Array where Element == Field {
    /// As for any array (the count, then each element), each field read in place.
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(count)
        for position in indices { Field.combineContent(of: self, at: position, into: &hasher) }
    }
}

extension Oneof: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        options.combineContent(into: &hasher)
    }
}

extension NumberRange: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(start)
        hasher.combine(end)
        options.combineContent(into: &hasher)
    }
}

extension EnumValue: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(number)
        options.combineContent(into: &hasher)
    }
}

extension EnumType: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(fullName)
        values.combineContent(into: &hasher)
        reservedRanges.combineContent(into: &hasher)
        hasher.combine(reservedNames)
        options.combineContent(into: &hasher)
        hasher.combine(visibility)
    }
}

extension Message: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(fullName)
        fields.combineContent(into: &hasher)
        oneofs.combineContent(into: &hasher)
        nestedMessages.combineContent(into: &hasher)
        enums.combineContent(into: &hasher)
        extensions.combineContent(into: &hasher)
        extensionRanges.combineContent(into: &hasher)
        reservedRanges.combineContent(into: &hasher)
        hasher.combine(reservedNames)
        options.combineContent(into: &hasher)
        hasher.combine(visibility)
    }
}

extension Method: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(inputType)
        hasher.combine(outputType)
        hasher.combine(clientStreaming)
        hasher.combine(serverStreaming)
        options.combineContent(into: &hasher)
    }
}

extension Service: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(fullName)
        methods.combineContent(into: &hasher)
        options.combineContent(into: &hasher)
    }
}

extension Import: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(path)
        hasher.combine(kind)
    }
}
