/// A message type, with its nested types in declaration order (synthesized map entries and
/// group types included, where protoc puts them).
public struct Message: Sendable, Hashable, Codable {
    public var name: String
    /// Full name without a leading dot, e.g. `livekit.TrackInfo`.
    public var fullName: String
    public var fields: [Field]
    public var oneofs: [Oneof]
    public var nestedMessages: [Message]
    public var enums: [EnumType]
    /// Extensions declared in `extend` blocks inside this message.
    public var extensions: [Field]
    public var extensionRanges: [NumberRange]
    public var reservedRanges: [NumberRange]
    public var reservedNames: [String]
    public var options: OptionMessage
    /// `local` or `export` when written (editions 2024 symbol visibility).
    public var visibility: SymbolVisibility?
    public var span: SourceSpan?
    public var comments: Comments?

    public init(
        name: String, fullName: String, fields: [Field] = [], oneofs: [Oneof] = [],
        nestedMessages: [Message] = [], enums: [EnumType] = [], extensions: [Field] = [],
        extensionRanges: [NumberRange] = [], reservedRanges: [NumberRange] = [],
        reservedNames: [String] = [], options: OptionMessage = OptionMessage(),
        visibility: SymbolVisibility? = nil, span: SourceSpan? = nil, comments: Comments? = nil
    ) {
        self.name = name
        self.fullName = fullName
        self.fields = fields
        self.oneofs = oneofs
        self.nestedMessages = nestedMessages
        self.enums = enums
        self.extensions = extensions
        self.extensionRanges = extensionRanges
        self.reservedRanges = reservedRanges
        self.reservedNames = reservedNames
        self.options = options
        self.visibility = visibility
        self.span = span
        self.comments = comments
    }

    /// True for the synthesized entry type of a map field.
    public var isMapEntry: Bool { options.isTrue("map_entry") }

    /// The field with this number, if any.
    public func field(number: Int32) -> Field? {
        // By index: a closure over the elements copied every field it looked at.
        for index in fields.indices where fields[index].number == number { return fields[index] }
        return nil
    }

    /// The field a ProtoJSON reader fills from `key`: the one with that JSON name, else the one with
    /// that name (readers accept both).
    public func field(jsonKey key: String) -> Field? {
        fields.first { $0.jsonName == key } ?? fields.first { $0.name == key }
    }

    /// Whether a field has this number (without copying it out).
    public func hasField(number: Int32) -> Bool {
        fields.contains { $0.number == number }
    }
}

/// An enum type.
public struct EnumType: Sendable, Hashable, Codable {
    public var name: String
    public var fullName: String
    public var values: [EnumValue]
    /// Reserved ranges; `end` is inclusive.
    public var reservedRanges: [NumberRange]
    public var reservedNames: [String]
    public var options: OptionMessage
    /// `local` or `export` when written (editions 2024 symbol visibility).
    public var visibility: SymbolVisibility?
    public var span: SourceSpan?
    public var comments: Comments?

    public init(
        name: String, fullName: String, values: [EnumValue] = [], reservedRanges: [NumberRange] = [],
        reservedNames: [String] = [], options: OptionMessage = OptionMessage(),
        visibility: SymbolVisibility? = nil, span: SourceSpan? = nil, comments: Comments? = nil
    ) {
        self.visibility = visibility
        self.name = name
        self.fullName = fullName
        self.values = values
        self.reservedRanges = reservedRanges
        self.reservedNames = reservedNames
        self.options = options
        self.span = span
        self.comments = comments
    }
}

/// One value of an enum.
public struct EnumValue: Sendable, Hashable, Codable {
    public var name: String
    public var number: Int32
    public var options: OptionMessage
    public var span: SourceSpan?
    public var comments: Comments?

    public init(
        name: String, number: Int32, options: OptionMessage = OptionMessage(),
        span: SourceSpan? = nil, comments: Comments? = nil
    ) {
        self.name = name
        self.number = number
        self.options = options
        self.span = span
        self.comments = comments
    }
}

/// A service and its methods.
public struct Service: Sendable, Hashable, Codable {
    public var name: String
    public var fullName: String
    public var methods: [Method]
    public var options: OptionMessage
    public var span: SourceSpan?
    public var comments: Comments?

    public init(
        name: String, fullName: String, methods: [Method] = [], options: OptionMessage = OptionMessage(),
        span: SourceSpan? = nil, comments: Comments? = nil
    ) {
        self.name = name
        self.fullName = fullName
        self.methods = methods
        self.options = options
        self.span = span
        self.comments = comments
    }
}

/// An RPC method; input and output types are full names without a leading dot.
public struct Method: Sendable, Hashable, Codable {
    public var name: String
    public var inputType: String
    public var outputType: String
    public var clientStreaming: Bool
    public var serverStreaming: Bool
    public var options: OptionMessage
    public var span: SourceSpan?
    public var comments: Comments?

    public init(
        name: String, inputType: String, outputType: String, clientStreaming: Bool = false,
        serverStreaming: Bool = false, options: OptionMessage = OptionMessage(),
        span: SourceSpan? = nil, comments: Comments? = nil
    ) {
        self.name = name
        self.inputType = inputType
        self.outputType = outputType
        self.clientStreaming = clientStreaming
        self.serverStreaming = serverStreaming
        self.options = options
        self.span = span
        self.comments = comments
    }
}

/// Symbol visibility written before a message or enum (`local` or `export`, editions 2024 and later).
public enum SymbolVisibility: String, Sendable, Hashable, Codable {
    case local, export
}
