import ProtoModel

/// Two versions of a schema, paired element by element. Choosing the key is the semantics, so it is
/// decided here, once: files pair by path; messages, enums, services and extensions by full name;
/// fields by number within their message (and by name for the JSON view); enum values by number
/// (and by name for JSON); methods by name within their service.
public struct SchemaPair: Sendable {
    public let old: Version
    public let new: Version

    public init(old: Schema, new: Schema) {
        self.old = Version(old)
        self.new = Version(new)
    }

    /// One side, indexed for lookups.
    public struct Version: Sendable {
        public let schema: Schema
        public let index: SchemaIndex
        public let features: FeatureResolver
        public let files: [String: ProtoFile]
        /// Every message with the file that defines it, in file then declaration order.
        public let messages: [(message: Message, file: ProtoFile)]
        public let enums: [(enumType: EnumType, file: ProtoFile)]
        public let services: [(service: Service, file: ProtoFile)]

        init(_ schema: Schema) {
            self.schema = schema
            index = SchemaIndex(schema)
            features = FeatureResolver(schema: schema)
            files = Dictionary(schema.files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            var messages: [(Message, ProtoFile)] = []
            var enums: [(EnumType, ProtoFile)] = []
            var services: [(Service, ProtoFile)] = []
            for file in schema.files {
                file.forEachMessage { messages.append(($0, file)) }
                file.forEachEnum { enums.append(($0, file)) }
                services += file.services.map { ($0, file) }
            }
            self.messages = messages
            self.enums = enums
            self.services = services
        }

        public func message(_ fullName: String) -> Message? { index.messages[fullName] }

        public func file(of fullName: String) -> ProtoFile? { index.fileOf[fullName].flatMap { files[$0] } }
    }

    /// Messages present in both versions.
    public var messagePairs: [(old: Message, new: Message, oldFile: ProtoFile, newFile: ProtoFile)] {
        new.messages.compactMap { entry in
            guard let old = old.message(entry.message.fullName), let oldFile = self.old.file(of: old.fullName) else { return nil }
            return (old, entry.message, oldFile, entry.file)
        }
    }

    /// Enums present in both versions.
    public var enumPairs: [(old: EnumType, new: EnumType, oldFile: ProtoFile, newFile: ProtoFile)] {
        new.enums.compactMap { entry in
            guard let old = old.index.enums[entry.enumType.fullName], let oldFile = self.old.file(of: old.fullName) else { return nil }
            return (old, entry.enumType, oldFile, entry.file)
        }
    }

    /// Services present in both versions.
    public var servicePairs: [(old: Service, new: Service, oldFile: ProtoFile, newFile: ProtoFile)] {
        let oldServices = Dictionary(old.services.map { ($0.service.fullName, $0) }, uniquingKeysWith: { a, _ in a })
        return new.services.compactMap { entry in
            guard let old = oldServices[entry.service.fullName] else { return nil }
            return (old.service, entry.service, old.file, entry.file)
        }
    }

    /// A field (or extension) present in both versions, with what surrounds it.
    public struct FieldPair: Sendable {
        public var old: Field
        public var new: Field
        /// The messages holding the fields (nil for extensions).
        public var oldMessage: Message?
        public var newMessage: Message?
        /// The message name findings mention: the holder, or the extended message for extensions.
        public var containerName: String
        /// The element's full name.
        public var symbol: String
        /// Its full name in the old version (differs for an extension declared in another scope).
        public var oldSymbol: String
        public var oldFile: ProtoFile
        public var newFile: ProtoFile
    }

    /// Every field of messages present in both versions (paired by number), then every extension
    /// present in both (paired by extended message and number).
    public var allFieldPairs: [FieldPair] {
        var result: [FieldPair] = []
        for (old, new, oldFile, newFile) in messagePairs {
            for (o, n) in Self.fieldPairs(old, new) {
                result.append(FieldPair(old: o, new: n, oldMessage: old, newMessage: new, containerName: new.name,
                                        symbol: new.fullName + "." + n.name, oldSymbol: old.fullName + "." + o.name,
                                        oldFile: oldFile, newFile: newFile))
            }
        }
        for (extendee, byNumber) in new.index.extensionsByExtendee.sorted(by: { $0.key < $1.key }) {
            guard let oldByNumber = old.index.extensionsByExtendee[extendee] else { continue }
            for (number, entry) in byNumber.sorted(by: { $0.key < $1.key }) {
                guard let oldEntry = oldByNumber[number], let file = new.file(of: entry.name),
                      let oldFile = old.file(of: oldEntry.name) else { continue }
                result.append(FieldPair(old: oldEntry.field, new: entry.field, oldMessage: nil, newMessage: nil,
                                        containerName: extendee, symbol: entry.name, oldSymbol: oldEntry.name,
                                        oldFile: oldFile, newFile: file))
            }
        }
        return result
    }

    /// Fields present in both messages, paired by number.
    public static func fieldPairs(_ old: Message, _ new: Message) -> [(old: Field, new: Field)] {
        new.fields.compactMap { field in old.field(number: field.number).map { ($0, field) } }
    }
}
