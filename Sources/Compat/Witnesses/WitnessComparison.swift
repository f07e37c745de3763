import ProtoCodec
import ProtoModel

/// Whether a reader understood what a writer sent, field by field, in one view: on the wire a field
/// is its number (a value that arrives under another field's meaning, or changed, differs); in
/// ProtoJSON it is its name. A field the reader does not have at all is kept unknown on the wire and
/// is no difference there (the strict JSON reader refuses it instead).
enum WitnessComparison {
    /// The writer's top-level field numbers whose values the reader did not get as sent.
    static func differing(
        _ sent: DynamicMessage, writer: MessageCatalog, _ read: DynamicMessage, reader: MessageCatalog, view: View,
        protoNames: Bool = false
    ) -> Set<Int32> {
        guard let writerType = writer.message(sent.typeName) else { return [] }
        guard let readerType = reader.message(read.typeName) else { return Set(sent.fields.map(\.number)) }
        var differing: Set<Int32> = []
        for entry in sent.fields {
            guard let writerField = writer.field(entry.number, in: writerType) else { continue }
            let readerField: Field?
            let extensionName = writerField.extendee == nil ? nil : writer.extensionName(entry.number, of: writerType.fullName)
            switch view {
            case .json:
                let key = protoNames ? writerField.name : writerField.jsonName
                readerField =
                    extensionName.map { reader.extensionNamed($0, of: readerType.fullName) }
                    ?? readerType.fields.first { $0.jsonName == key } ?? readerType.fields.first { $0.name == key }
            default:
                readerField = reader.field(entry.number, in: readerType)
                // The field's name now belongs to another number: the reader files the value under another meaning, or loses it.
                let moved =
                    extensionName.map { reader.extensionNamed($0, of: readerType.fullName).map { $0.number != entry.number } ?? false }
                    ?? readerType.fields.contains { $0.name == writerField.name && $0.number != entry.number }
                if moved {
                    differing.insert(entry.number)
                    continue
                }
            }
            guard let readerField else {
                if view == .json { differing.insert(entry.number) }
                continue
            }
            let writerFacts = writer.facts(of: writerField, in: writerType)
            let readerFacts = reader.facts(of: readerField, in: readerType)
            let before = filled(entry.value, facts: writerFacts)
            let after = filled(read[readerField.number], facts: readerFacts)
            if !same(before, writerFacts, writer, after, readerFacts, reader, view: view, protoNames: protoNames) { differing.insert(entry.number) }
        }
        return differing
    }

    /// An implicit-presence field reads as its zero value when absent.
    static func filled(_ value: ProtoValue?, facts: FieldFacts) -> ProtoValue? {
        if value == nil, !facts.hasPresence, facts.field.label != .repeated { return ProtoValueDefaults.zero(of: facts.field) }
        return value
    }

    static func same(
        _ a: ProtoValue?, _ af: FieldFacts, _ writer: MessageCatalog, _ b: ProtoValue?, _ bf: FieldFacts, _ reader: MessageCatalog, view: View,
        protoNames: Bool
    ) -> Bool {
        if af.field.label == .repeated || bf.field.label == .repeated {
            let left = list(a)
            let right = list(b)
            return left.count == right.count && zip(left, right).allSatisfy { same($0, af, writer, $1, bf, reader, view: view, protoNames: protoNames) }
        }
        guard let a, let b else { return a == nil && b == nil }
        return same(a, af, writer, b, bf, reader, view: view, protoNames: protoNames)
    }

    static func list(_ value: ProtoValue?) -> [ProtoValue] {
        switch value {
        case nil: []
        case .list(let elements)?: elements
        case let single?: [single]
        }
    }

    static func same(
        _ a: ProtoValue, _ af: FieldFacts, _ writer: MessageCatalog, _ b: ProtoValue, _ bf: FieldFacts, _ reader: MessageCatalog, view: View,
        protoNames: Bool
    ) -> Bool {
        switch (a, b) {
        case (.message(let left), .message(let right)):
            return differing(left, writer: writer, right, reader: reader, view: view, protoNames: protoNames).isEmpty
                && (view == .json || keptNothingKnown(right, reader: reader))
        case (.message(let left), .bytes(let right)):
            return BinaryEncoding.encode(left, catalog: writer) == right
        case (.bytes(let left), .message(let right)):
            return BinaryEncoding.encode(right, catalog: reader) == left
        case (.string(let left), .bytes(let right)): return Array(left.utf8) == right
        case (.bytes(let left), .string(let right)): return left == Array(right.utf8)
        default: break
        }
        if af.field.type == .enum, bf.field.type == .enum, case .int(let x) = a, case .int(let y) = b {
            let before = enumName(x, af, writer)
            let after = enumName(y, bf, reader)
            switch view {
            case .json:
                return before != nil && before == after
            default:
                guard x == y, let before else { return false }
                // A number the reader does not list has no meaning to it; one whose name moved elsewhere, another meaning.
                guard let after else { return false }
                return before == after || !(enumValues(bf, reader).contains { $0.name == before })
            }
        }
        return numeric(a) != nil && numeric(a) == numeric(b) || (numeric(a) == nil && a == b)
    }

    /// Whether a nested message lost nothing: a field that arrived unknown although the reader has
    /// that number (another wire type) was lost.
    static func keptNothingKnown(_ read: DynamicMessage, reader: MessageCatalog) -> Bool {
        guard let type = reader.message(read.typeName) else { return true }
        return !read.unknown.contains { unknown in type.fields.contains { $0.number == unknown.number } }
    }

    static func enumValues(_ facts: FieldFacts, _ catalog: MessageCatalog) -> [EnumValue] {
        facts.field.typeName.flatMap { catalog.enumType($0) }?.values ?? []
    }

    static func enumName(_ number: Int64, _ facts: FieldFacts, _ catalog: MessageCatalog) -> String? {
        enumValues(facts, catalog).first { Int64($0.number) == number }?.name
    }

    /// A number's mathematical value as text, so that types of one kind compare (int32 1 and int64 1).
    static func numeric(_ value: ProtoValue) -> String? {
        switch value {
        case .int(let x): String(x)
        case .uint(let x): String(x)
        case .bool(let x): x ? "1" : "0"
        case .float(let x): Double(x).description
        case .double(let x): x.description
        default: nil
        }
    }
}
