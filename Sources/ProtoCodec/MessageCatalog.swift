import ProtoModel

/// What an encoder or decoder needs to know about one schema version: its types by full name, and
/// for each field how it is encoded (packed, delimited), whether it tracks presence, whether its
/// strings are checked for UTF-8 and whether its enum is closed, resolved through the editions features.
public struct MessageCatalog: Sendable {
    public let index: SchemaIndex
    let features: FeatureResolver
    let files: [String: ProtoFile]

    public init(schema: Schema) {
        let index = SchemaIndex(schema)
        self.init(
            index: index, features: FeatureResolver(schema: schema).precomputing(schema),
            files: Dictionary(schema.files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    public init(index: SchemaIndex, features: FeatureResolver, files: [String: ProtoFile]) {
        self.index = index
        self.features = features
        self.files = files
    }

    public func message(_ fullName: String) -> Message? { index.messages[fullName] }
    public func enumType(_ fullName: String) -> EnumType? { index.enums[fullName] }

    func file(of fullName: String) -> ProtoFile? { index.fileOf[fullName].flatMap { files[$0] } }

    /// The field with `number` of `type`: its own, or an extension of it this schema declares.
    public func field(_ number: Int32, in type: Message) -> Field? {
        type.fields.first { $0.number == number } ?? index.extensionsByExtendee[type.fullName]?[number]?.field
    }

    /// An extension's full name (`pkg.ext`, or `pkg.Scope.ext`), as ProtoJSON writes it in brackets.
    public func extensionName(_ number: Int32, of typeName: String) -> String? {
        index.extensionsByExtendee[typeName]?[number]?.name
    }

    /// The extension of `typeName` with this full name.
    public func extensionNamed(_ fullName: String, of typeName: String) -> Field? {
        index.extensionsByExtendee[typeName]?.values.first { $0.name == fullName }?.field
    }

    /// The key ProtoJSON writes for a field: its JSON name, its name (`protoNames`), or an extension's `[full.name]`.
    public func jsonKey(_ field: Field, in type: Message, protoNames: Bool = false) -> String {
        if field.extendee != nil, let name = extensionName(field.number, of: type.fullName) { return "[" + name + "]" }
        return protoNames ? field.name : field.jsonName
    }

    /// How `field` of `message` is written and read.
    public func facts(of field: Field, in message: Message) -> FieldFacts {
        // An extension's features come from its own file and scope, not the extended message's.
        let isExtension = field.extendee != nil
        let home = isExtension ? extensionName(field.number, of: message.fullName).flatMap { file(of: $0) } : file(of: message.fullName)
        guard let file = home else { return FieldFacts(field: field) }
        let resolved = features.features(of: field, in: isExtension ? nil : message, file: file)
        var facts = FieldFacts(field: field)
        facts.isPacked = field.label == .repeated && field.type.isPackable && resolved.repeatedFieldEncoding == "PACKED"
        facts.hasPresence = features.hasPresence(field, in: isExtension ? nil : message, file: file)
        facts.isRequired = resolved.fieldPresence == "LEGACY_REQUIRED"
        facts.validatesUTF8 = field.type == .string && resolved.utf8Validation == "VERIFY"
        facts.isDelimited = field.type == .group || (field.type == .message && resolved.messageEncoding == "DELIMITED")
        if field.type == .message || field.type == .group, let name = field.typeName, let entry = self.message(name), entry.isMapEntry {
            facts.mapEntry = entry
        }
        if field.type == .enum, let name = field.typeName, let type = enumType(name), let enumFile = self.file(of: name) {
            facts.isClosedEnum = features.isClosed(type, in: enumFile)
            facts.enumNumbers = Set(type.values.map(\.number))
        }
        return facts
    }
}

/// How one field is encoded and checked.
public struct FieldFacts: Sendable {
    public let field: Field
    /// Repeated numbers written as one length-delimited run.
    public var isPacked = false
    /// Set-to-default is told apart from unset (so a default value is still written).
    public var hasPresence = true
    /// A message without it is refused: proto2's `required`, editions' `LEGACY_REQUIRED` presence.
    public var isRequired = false
    /// Strings must be valid UTF-8 (proto3 and editions' `utf8_validation = VERIFY`).
    public var validatesUTF8 = false
    /// A group, or a message field with `message_encoding = DELIMITED`: start and end tags, no length.
    public var isDelimited = false
    /// The map entry type, when the field is a map.
    public var mapEntry: Message?
    /// A closed enum: numbers it does not list go to the unknown fields.
    public var isClosedEnum = false
    /// The numbers the field's enum lists.
    public var enumNumbers: Set<Int32> = []

    init(field: Field) { self.field = field }

    /// The wire type the field's values are written with (a packed run aside).
    public var wireType: Int { isDelimited ? 3 : field.type.wireType }
}
