import ProtoModel
import Support

/// One segment of an option name: `deprecated`, or `(my.ext)` when `isExtension`.
struct OptionNameSegment: Sendable, Hashable {
    var name: String
    var isExtension: Bool
    var span: SourceSpan
}

/// An option as written, before interpretation against its options message.
struct OptionNode: Sendable {
    var name: [OptionNameSegment]
    var value: ValueNode
    var span: SourceSpan

    /// The name as written, e.g. `(foo.bar).baz`.
    var nameText: String {
        name.map { $0.isExtension ? "(\($0.name))" : $0.name }.joined(separator: ".")
    }
}

/// A constant or text-format value as written.
indirect enum ValueNodeKind: Sendable {
    case identifier(String)
    /// An integer literal; `magnitude` is nil when it does not fit 64 bits.
    case integer(negative: Bool, magnitude: UInt64?)
    case float(Double)
    case string([UInt8])
    /// A text-format message: `{ name: value ... }`.
    case aggregate([AggregateEntry])
    /// A text-format list: `[a, b]`.
    case list([ValueNode])
}

/// A located value.
struct ValueNode: Sendable {
    var kind: ValueNodeKind
    var span: SourceSpan
}

/// One `name: value` entry of a text-format message; `[a.b]` names an extension or an Any type URL.
struct AggregateEntry: Sendable {
    var name: String
    var isExtension: Bool
    var value: ValueNode
    var span: SourceSpan
}

/// A parsed file before linking: names are as written and options uninterpreted.
struct FileNode: Sendable {
    var name: String
    var syntax: Syntax = .proto2
    var edition: String?
    var syntaxSpan: SourceSpan?
    var package: String = ""
    var packageSpan: SourceSpan?
    var imports: [Import] = []
    var options: [OptionNode] = []
    var messages: [MessageNode] = []
    var enums: [EnumNode] = []
    var services: [ServiceNode] = []
    var extensions: [FieldNode] = []
    var comments: Comments?
}

struct MessageNode: Sendable {
    var name: String
    var span: SourceSpan
    var nameSpan: SourceSpan
    var fields: [FieldNode] = []
    var oneofs: [OneofNode] = []
    var nested: [MessageNode] = []
    var enums: [EnumNode] = []
    var extensions: [FieldNode] = []
    var extensionRanges: [RangeNode] = []
    var reservedRanges: [RangeNode] = []
    var reservedNames: [(String, SourceSpan)] = []
    var options: [OptionNode] = []
    /// Set on synthesized map entry types.
    var isMapEntry = false
    var visibility: SymbolVisibility?
    var comments: Comments?
}

struct FieldNode: Sendable {
    var name: String
    var nameSpan: SourceSpan
    var number: Int64?
    var numberSpan: SourceSpan
    /// The label as written (nil when none was written).
    var label: FieldLabel?
    var labelSpan: SourceSpan?
    var scalarType: FieldType?
    /// The type name as written (for message, enum and group types).
    var typeName: String?
    var typeSpan: SourceSpan
    var isGroup = false
    var isMap = false
    var options: [OptionNode] = []
    var oneofIndex: Int32?
    var proto3Optional = false
    var span: SourceSpan
    var comments: Comments?
    /// What few fields write, out of line (`Sparse`): carried inline, these parts made every field
    /// node 400 bytes instead of 272, and a version's nodes are all held between parsing and linking
    /// (the 44k-line pair: 25 MB of field nodes).
    private var rare = Sparse<Rare>()

    /// `written`: what the field's `[...]` wrote (its options, default and JSON name), if anything.
    init(
        name: String, nameSpan: SourceSpan, number: Int64?, numberSpan: SourceSpan, label: FieldLabel? = nil,
        labelSpan: SourceSpan? = nil, scalarType: FieldType? = nil, typeName: String? = nil, typeSpan: SourceSpan,
        isGroup: Bool = false, isMap: Bool = false, oneofIndex: Int32? = nil, proto3Optional: Bool = false,
        span: SourceSpan, comments: Comments? = nil, written: WrittenOptions? = nil
    ) {
        self.name = name
        self.nameSpan = nameSpan
        self.number = number
        self.numberSpan = numberSpan
        self.label = label
        self.labelSpan = labelSpan
        self.scalarType = scalarType
        self.typeName = typeName
        self.typeSpan = typeSpan
        self.isGroup = isGroup
        self.isMap = isMap
        options = written?.options ?? []
        self.oneofIndex = oneofIndex
        self.proto3Optional = proto3Optional
        self.span = span
        self.comments = comments
        if let written, written.hasRareParts { rare.change { written.moveRareParts(into: &$0) } }
    }

    /// The extended message's name as written, for extensions.
    var extendee: String? {
        get { rare[\.extendee] }
        set { rare[\.extendee] = newValue }
    }
    var extendeeSpan: SourceSpan? {
        get { rare[\.extendeeSpan] }
        set { rare[\.extendeeSpan] = newValue }
    }
    var defaultValue: ValueNode? {
        get { rare[\.defaultValue] }
        set { rare[\.defaultValue] = newValue }
    }
    var jsonName: String? {
        get { rare[\.jsonName] }
        set { rare[\.jsonName] = newValue }
    }
    var jsonNameSpan: SourceSpan? {
        get { rare[\.jsonNameSpan] }
        set { rare[\.jsonNameSpan] = newValue }
    }

    /// What a field's `[...]` wrote: its options, and the `default` and `json_name` protoc moves out of them.
    struct WrittenOptions {
        var options: [OptionNode] = []
        var defaultValue: ValueNode?
        var jsonName: String?
        var jsonNameSpan: SourceSpan?

        var hasRareParts: Bool { defaultValue != nil || jsonName != nil }

        fileprivate func moveRareParts(into parts: inout Rare) {
            parts.defaultValue = defaultValue
            parts.jsonName = jsonName
            parts.jsonNameSpan = jsonNameSpan
        }
    }

    /// Takes the default and JSON name that `written` holds.
    mutating func apply(_ written: WrittenOptions) {
        rare.change { written.moveRareParts(into: &$0) }
    }

    fileprivate struct Rare: SparseParts {
        var extendee: String?
        var extendeeSpan: SourceSpan?
        var defaultValue: ValueNode?
        var jsonName: String?
        var jsonNameSpan: SourceSpan?
    }
}

struct OneofNode: Sendable {
    var name: String
    var options: [OptionNode] = []
    var span: SourceSpan
    var comments: Comments?
}

/// A range as written: `end` inclusive, or nil for `max`.
struct RangeNode: Sendable {
    var start: Int64
    var end: Int64?
    var options: [OptionNode] = []
    var span: SourceSpan
}

struct EnumNode: Sendable {
    var name: String
    var span: SourceSpan
    var nameSpan: SourceSpan
    var values: [EnumValueNode] = []
    var reservedRanges: [RangeNode] = []
    var reservedNames: [(String, SourceSpan)] = []
    var options: [OptionNode] = []
    var visibility: SymbolVisibility?
    var comments: Comments?
}

struct EnumValueNode: Sendable {
    var name: String
    var number: Int64
    var options: [OptionNode] = []
    var span: SourceSpan
    var comments: Comments?
}

struct ServiceNode: Sendable {
    var name: String
    var span: SourceSpan
    var methods: [MethodNode] = []
    var options: [OptionNode] = []
    var comments: Comments?
}

struct MethodNode: Sendable {
    var name: String
    var inputType: String
    var inputSpan: SourceSpan
    var outputType: String
    var outputSpan: SourceSpan
    var clientStreaming = false
    var serverStreaming = false
    var options: [OptionNode] = []
    var span: SourceSpan
    var comments: Comments?
}
