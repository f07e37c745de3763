/// A field of a message, or an extension (then `extendee` names the extended message).
/// Mirrors `FieldDescriptorProto`, with type names resolved to full names (no leading dot).
public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var number: Int32
    public var label: FieldLabel
    public var type: FieldType
    /// Full name of the message or enum type, for message, group and enum fields.
    public var typeName: String?
    /// Full name of the extended message, for extensions.
    public var extendee: String?
    /// The default as protoc writes it in `default_value` (proto2 and editions only).
    public var defaultValue: String?
    /// Index into the containing message's `oneofs` (real or synthetic).
    public var oneofIndex: Int32?
    /// The JSON name, as given by `json_name` or computed (lowerCamelCase) like protoc.
    public var jsonName: String
    /// True for a proto3 field declared `optional` (it lives in a synthetic oneof).
    public var proto3Optional: Bool
    public var options: OptionMessage
    public var span: SourceSpan?
    public var comments: Comments?

    @inlinable
    public init(
        name: String, number: Int32, label: FieldLabel, type: FieldType, typeName: String? = nil,
        extendee: String? = nil, defaultValue: String? = nil, oneofIndex: Int32? = nil,
        jsonName: String, proto3Optional: Bool = false, options: OptionMessage = OptionMessage(),
        span: SourceSpan? = nil, comments: Comments? = nil
    ) {
        self.name = name
        self.number = number
        self.label = label
        self.type = type
        self.typeName = typeName
        self.extendee = extendee
        self.defaultValue = defaultValue
        self.oneofIndex = oneofIndex
        self.jsonName = jsonName
        self.proto3Optional = proto3Optional
        self.options = options
        self.span = span
        self.comments = comments
    }

    /// True when `deprecated = true` is set on the field.
    public var isDeprecated: Bool { options.isTrue("deprecated") }
}

/// A oneof of a message; synthetic oneofs of proto3 `optional` fields are included, as protoc does.
public struct Oneof: Sendable, Hashable, Codable {
    public var name: String
    public var options: OptionMessage
    public var span: SourceSpan?
    public var comments: Comments?

    public init(name: String, options: OptionMessage = OptionMessage(), span: SourceSpan? = nil, comments: Comments? = nil) {
        self.name = name
        self.options = options
        self.span = span
        self.comments = comments
    }
}

/// A range of field or enum value numbers. `end` is exclusive for message ranges and inclusive for
/// enum ranges, exactly as in descriptor.proto.
public struct NumberRange: Sendable, Hashable, Codable {
    public var start: Int32
    public var end: Int32
    /// Options of an extension range (empty elsewhere).
    public var options: OptionMessage
    public var span: SourceSpan?

    public init(start: Int32, end: Int32, options: OptionMessage = OptionMessage(), span: SourceSpan? = nil) {
        self.start = start
        self.end = end
        self.options = options
        self.span = span
    }
}
