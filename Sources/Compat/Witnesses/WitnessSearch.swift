import ProtoCodec
import ProtoModel

/// Finds, for each finding that breaks or is a hazard on the wire or in ProtoJSON, the smallest
/// message (of the messages it tries, telling values first) whose reading by the other version shows
/// the finding's effect at the finding's element; a rule whose effect no single message can show
/// says why instead (`CompatRule.noWitnessReason`).
public struct WitnessSearch: Sendable {
    let old: MessageCatalog
    let new: MessageCatalog
    /// At most this many messages are tried per view and direction.
    static let limit = 96

    public init(pair: SchemaPair) {
        old = MessageCatalog(index: pair.old.index, features: pair.old.features, files: pair.old.files)
        new = MessageCatalog(index: pair.new.index, features: pair.new.features, files: pair.new.files)
    }

    /// The witness of a finding, or why it has none; nil when the finding is safe on the wire and in JSON.
    /// `writer` fixes which version writes (a channel's), `views` what travels (a channel's encodings).
    public func outcome(for finding: Finding, writer: Witness.Side? = nil, views: Set<View> = [.wire, .json]) -> WitnessOutcome? {
        let claims: [(View, Verdict)] = [(.wire, .breaking), (.json, .breaking), (.wire, .hazard), (.json, .hazard)]
            .filter { finding.verdicts[$0.0] == $0.1 && views.contains($0.0) }
        guard !claims.isEmpty else { return nil }
        if let reason = RuleCatalog.rule(finding.rule)?.noWitnessReason(finding) { return .none(reason: reason) }
        var sides: [(writer: Witness.Side, reader: Witness.Side)] = []
        if finding.direction != .backward, writer != .old { sides.append((.new, .old)) }
        if finding.direction != .forward, writer != .new { sides.append((.old, .new)) }
        var tried = 0
        var root: String?
        for (view, _) in claims {
            for encoding in view == .json ? [Witness.Encoding.json, .jsonProtoNames] : [.binary] {
                for side in sides {
                    let writer = catalog(side.writer)
                    let reader = catalog(side.reader)
                    guard let target = WitnessTarget(finding: finding, writer: writer, reader: reader, view: view) else { continue }
                    root = target.root.fullName
                    for message in target.candidates(WitnessValues(catalog: writer, reader: reader)).prefix(Self.limit) {
                        tried += 1
                        if let witness = run(message, target: target, encoding: encoding, side: side) { return .shown(witness) }
                    }
                }
            }
        }
        guard let root else {
            return .none(reason: "no field of a message type that both versions have is of \(finding.symbol)'s type, so no message carries it")
        }
        return .notFound(
            reason: "none of the \(tried) messages of \(root) tried shows it (values chosen to tell: extremes, negatives, two elements, every enum value)")
    }

    func catalog(_ side: Witness.Side) -> MessageCatalog { side == .old ? old : new }

    /// Sends one message and reads it back: a witness when the reader refuses it for, or misreads, a focus field.
    func run(_ message: DynamicMessage, target: WitnessTarget, encoding: Witness.Encoding, side: (writer: Witness.Side, reader: Witness.Side)) -> Witness? {
        let writer = catalog(side.writer)
        let reader = catalog(side.reader)
        let protoNames = encoding == .jsonProtoNames
        let view: View = encoding == .binary ? .wire : .json
        // The writer's own runtime must take the message back as sent (no two members of one of its oneofs).
        guard let sent = try? ProtoJSONEncoding.encode(message, catalog: writer, protoNames: protoNames),
            case .success = ProtoJSONDecoding.decode(sent, as: message.typeName, catalog: writer)
        else { return nil }
        var witness = Witness(
            writer: side.writer, reader: side.reader, encoding: encoding, type: message.typeName,
            sent: sent.text, bytes: nil, received: nil, error: nil, unknownFields: [])
        let outcome: Result<DynamicMessage, DecodeFailure>
        if view == .json {
            outcome = ProtoJSONDecoding.decode(sent, as: target.root.fullName, catalog: reader)
        } else {
            let bytes = BinaryEncoding.encode(message, catalog: writer)
            witness.bytes = bytes.map { byte in String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16) }.joined(separator: " ")
            outcome = BinaryDecoding.decode(bytes, as: target.root.fullName, catalog: reader)
        }
        switch outcome {
        case .failure(let failure):
            guard !failure.unrepresentable, target.blames(failure, writer: writer) else { return nil }
            witness.error = failure.reason
        case .success(let read):
            let differing = WitnessComparison.differing(message, writer: writer, read, reader: reader, view: view, protoNames: protoNames)
            guard !differing.isDisjoint(with: target.focus), let received = try? ProtoJSONEncoding.encode(read, catalog: reader, protoNames: protoNames) else {
                return nil
            }
            witness.received = received.text
            witness.unknownFields = Array(Set(read.unknown.map(\.number))).sorted()
        }
        return witness
    }
}

/// Where a finding's effect can be seen: the message type to send (in both versions) and its focus
/// fields (the writer's numbers whose misreading shows the finding).
struct WitnessTarget {
    let root: Message
    let focus: Set<Int32>
    /// Candidate values of the enum, when the finding is about an enum or one of its values (telling ones first).
    let enumNumbers: [Int32]
    /// Fields that must be set together to show the effect (members of one oneof).
    let together: [Int32]
    /// The map entry type when the enum is a map's value type.
    let enumEntry: Message?
    /// Focus fields that are not the root's own (an extension of it).
    var extraFields: [Field] = []
    /// The key ProtoJSON writes for that extension (`[full.name]`): a reader that does not know the
    /// name refuses the key.
    var extensionKey: String?

    /// The target of `finding` in one view (ProtoJSON pairs a writer's field with the reader's by name).
    init?(finding: Finding, writer: MessageCatalog, reader: MessageCatalog, view: View = .wire) {
        let symbol = finding.symbol
        if let ext = writer.index.extensions[symbol] ?? reader.index.extensions[symbol] {
            // An extension: set on the message it extends, in both versions.
            // The writer's extension is the one of that name or, renamed (a package renamed), of that number.
            guard let extendee = ext.extendee, let root = writer.message(extendee), reader.message(extendee) != nil else { return nil }
            let mine = writer.extensionNamed(symbol, of: extendee) ?? finding.number.flatMap { writer.index.extensionsByExtendee[extendee]?[$0]?.field }
            let theirs = reader.extensionNamed(symbol, of: extendee)
            guard let mine else { return nil }
            self.init(root: root, focus: Set([mine.number] + (theirs.map { [$0.number] } ?? [])), enumNumbers: [], together: [])
            extraFields = [mine]
            extensionKey = writer.jsonKey(mine, in: root)
            return
        }
        let parent = symbol.split(separator: ".").dropLast().joined(separator: ".")
        let last = String(symbol.split(separator: ".").last ?? "")
        if let writerType = writer.message(parent), let readerType = reader.message(parent),
            let number = finding.number ?? writerType.fields.first(where: { $0.name == last })?.number
        {
            // A field.
            let mine = writerType.fields.filter { $0.number == number || $0.name == last }
            let theirs = readerType.fields.filter { $0.number == number || $0.name == last }
            guard !mine.isEmpty else { return nil }
            var focus = Set(mine.map(\.number))
            // Members of one oneof on the reader's side that the writer can set at once (no two in one
            // oneof of its own): sent together, they show a oneof the reader keeps only one of. The
            // writer's field is the member's number, or (ProtoJSON reads by name) a field the member reads.
            var together: [Int32] = []
            var writerOneofs: Set<Int32> = []
            for field in theirs {
                guard let oneof = field.oneofIndex, !field.proto3Optional else { continue }
                for member in readerType.fields where member.oneofIndex == oneof {
                    let mine =
                        view == .json
                        ? writerType.fields.first { FieldSameOneof.readingField(of: $0, in: readerType)?.number == member.number }
                        : writerType.fields.first { $0.number == member.number }
                    guard let mine, !together.contains(mine.number) else { continue }
                    if let own = mine.oneofIndex, !mine.proto3Optional, !writerOneofs.insert(own).inserted { continue }
                    together.append(mine.number)
                }
            }
            if together.count < 2 { together = [] }
            focus.formUnion(together)
            self.init(root: writerType, focus: focus, enumNumbers: [], together: together.sorted())
            return
        }
        if let message = writer.message(symbol), reader.message(symbol) != nil {
            // A message: every field may show it (required fields: the message with none set).
            self.init(
                root: message, focus: Set(message.fields.map(\.number) + (reader.message(symbol)?.fields.map(\.number) ?? [])), enumNumbers: [], together: [])
            return
        }
        let enumName = writer.enumType(symbol) != nil ? symbol : writer.enumType(parent) != nil ? parent : nil
        guard let enumName, let enumType = writer.enumType(enumName) else { return nil }
        // An enum or one of its values: sent in a field (or a map's values) of a message both versions have.
        func carries(_ field: Field, in message: Message) -> Message?? {
            guard !writer.facts(of: field, in: message).isRequired else { return nil }
            if field.typeName == enumName { return .some(nil) }
            if let name = field.typeName, let entry = writer.message(name), entry.isMapEntry,
                entry.fields.contains(where: { $0.number == 2 && $0.typeName == enumName })
            {
                return .some(entry)
            }
            return nil
        }
        let holders = writer.index.messages.values.filter { message in
            !message.isMapEntry && reader.message(message.fullName) != nil && message.fields.contains { carries($0, in: message) != nil }
        }.sorted { ($0.fields.count, $0.fullName) < ($1.fields.count, $1.fullName) }
        guard let holder = holders.first, let field = holder.fields.first(where: { carries($0, in: holder) != nil }) else { return nil }
        var numbers = enumType.values.filter { finding.number == $0.number || $0.name == last }.map(\.number)
        numbers += enumType.values.map(\.number).filter { !numbers.contains($0) }
        // A number the enum does not list: an open enum's writer may send it, a closed enum's reader drops it.
        numbers.append((enumType.values.map(\.number).max() ?? 0) &+ 1)
        self.init(root: holder, focus: [field.number], enumNumbers: numbers, together: [], enumEntry: carries(field, in: holder) ?? nil)
    }

    init(root: Message, focus: Set<Int32>, enumNumbers: [Int32], together: [Int32], enumEntry: Message? = nil) {
        self.enumEntry = enumEntry
        self.root = root
        self.focus = focus
        self.enumNumbers = enumNumbers
        self.together = together
    }

    /// Messages to send, smallest and most telling first.
    func candidates(_ values: WitnessValues) -> [DynamicMessage] {
        guard let base = values.base(root) else { return [] }
        var messages: [DynamicMessage] = []
        let fields = (root.fields + extraFields).filter { focus.contains($0.number) }.sorted { $0.number < $1.number }
        if !enumNumbers.isEmpty, let field = fields.first {
            for number in enumNumbers {
                var message = base
                if let entry = enumEntry, let keyField = entry.fields.first(where: { $0.number == 1 }),
                    let key = values.singular(keyField, in: entry, depth: 1).first
                {
                    message[field.number] = .list([
                        .message(
                            DynamicMessage(
                                typeName: entry.fullName,
                                fields: [
                                    FieldValue(number: 1, value: key), FieldValue(number: 2, value: .int(Int64(number))),
                                ]))
                    ])
                } else {
                    message[field.number] = field.label == .repeated ? .list([.int(Int64(number))]) : .int(Int64(number))
                }
                messages.append(message)
            }
            return messages
        }
        // The smallest message first: it shows a field the reader requires and the writer may leave out.
        messages.append(base)
        if !together.isEmpty {
            var message = base
            for number in together {
                if let field = root.fields.first(where: { $0.number == number }), let value = values.values(field, in: root).first {
                    message[number] = value
                }
            }
            messages.append(message)
        }
        for field in fields {
            for value in values.values(field, in: root) {
                var message = base
                message[field.number] = value
                messages.append(message)
            }
        }
        // A message field whose type changed inside: values aimed at the fields that differ, at depth.
        for field in fields where field.type == .message {
            guard let reader = values.reader, let readerRoot = reader.message(root.fullName),
                let counterpart = readerRoot.fields.first(where: { $0.number == field.number }), counterpart.type == .message,
                let inner = field.typeName.flatMap({ values.catalog.message($0) }), let innerReader = counterpart.typeName.flatMap({ reader.message($0) }),
                !inner.isMapEntry
            else { continue }
            for nested in values.aimed(inner, innerReader) {
                var message = base
                message[field.number] = field.label == .repeated ? .list([.message(nested)]) : .message(nested)
                messages.append(message)
            }
        }
        return messages
    }

    /// Whether a reader's refusal is the focus fields' doing.
    func blames(_ failure: DecodeFailure, writer: MessageCatalog) -> Bool {
        if let number = failure.field, focus.contains(number) { return true }
        if let key = failure.key, key == extensionKey { return true }
        if let key = failure.key, let field = root.fields.first(where: { $0.jsonName == key || $0.name == key }) { return focus.contains(field.number) }
        return false
    }
}
