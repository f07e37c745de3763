/// Lookups by full name over a set of linked files: messages, enums and extensions.
/// Built once per schema (or grown file by file while linking); read-only afterwards.
public struct SchemaIndex: Sendable {
    public private(set) var messages = NameMap<Message>()
    public private(set) var enums = NameMap<EnumType>()
    /// Extensions by full name (`scope.name`).
    public private(set) var extensions = NameMap<Field>()
    /// Extensions by extended message, then by number, with their full names.
    public private(set) var extensionsByExtendee = NameMap<[Int32: (name: String, field: Field)]>()
    /// The file that defines each message, enum and extension.
    public private(set) var fileOf = NameMap<String>()
    /// Each indexed file's syntax and file-level options, by file name.
    public private(set) var files = NameMap<(syntax: Syntax, options: OptionMessage)>()

    public init() {}

    public init(_ schema: Schema) {
        // Sized up front: growing rehashes every name again.
        var messageCount = 0
        var enumCount = 0
        for file in schema.files {
            enumCount += file.enums.count
            file.forEachMessage {
                messageCount += 1
                enumCount += $0.enums.count
            }
        }
        messages.reserveCapacity(messageCount)
        enums.reserveCapacity(enumCount)
        fileOf.reserveCapacity(messageCount + enumCount)
        files.reserveCapacity(schema.files.count)
        for file in schema.files { add(file) }
    }

    /// Adds every element of a file.
    public mutating func add(_ file: ProtoFile) {
        files.set((file.syntax, file.options), for: file.name)
        for message in file.messages { add(message, file: file.name) }
        for e in file.enums {
            enums.set(e, for: e.fullName)
            fileOf.set(file.name, for: e.fullName)
        }
        for ext in file.extensions { addExtension(ext, scope: file.package, file: file.name) }
    }

    private mutating func add(_ message: Message, file: String) {
        messages.set(message, for: message.fullName)
        fileOf.set(file, for: message.fullName)
        for nested in message.nestedMessages { add(nested, file: file) }
        for e in message.enums {
            enums.set(e, for: e.fullName)
            fileOf.set(file, for: e.fullName)
        }
        for ext in message.extensions { addExtension(ext, scope: message.fullName, file: file) }
    }

    private mutating func addExtension(_ field: Field, scope: String, file: String) {
        let name = scope.isEmpty ? field.name : scope + "." + field.name
        extensions.set(field, for: name)
        fileOf.set(file, for: name)
        if let extendee = field.extendee {
            extensionsByExtendee.update(extendee, startingWith: [:]) { $0[field.number] = (name, field) }
        }
    }
}

extension SchemaIndex {
    /// True when `field` of `message` has no presence: a singular proto3 scalar outside any oneof
    /// and not `optional`, or an editions field whose resolved `field_presence` is IMPLICIT.
    public func hasImplicitPresence(_ field: Field, in message: Message) -> Bool {
        if field.label == .repeated || field.type == .message || field.type == .group || field.oneofIndex != nil {
            return false
        }
        guard let fileName = fileOf[message.fullName], let file = files[fileName] else { return false }
        switch file.syntax {
        case .proto2: return false
        case .proto3: return !field.proto3Optional
        case .editions:
            let presence =
                Self.feature("field_presence", in: field.options) ?? Self.feature("field_presence", in: message.options)
                ?? Self.feature("field_presence", in: file.options)
            return presence == .enumValue("IMPLICIT")
        }
    }

    /// The value of `features.<name>` set directly in these options, if any.
    public static func feature(_ name: String, in options: OptionMessage) -> OptionValue? {
        guard case .message(let features)? = options["features"] else { return nil }
        return features[name]
    }
}
