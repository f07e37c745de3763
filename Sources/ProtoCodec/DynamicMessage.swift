/// One value of a field, typed by the schema that wrote or read it: numbers keep the sign the field
/// type gives them, enums are their numbers, repeated fields and maps are lists (a map's elements are
/// its entry messages).
public indirect enum ProtoValue: Sendable, Hashable {
    /// int32, int64, sint32, sint64, sfixed32, sfixed64 and enum numbers.
    case int(Int64)
    /// uint32, uint64, fixed32, fixed64.
    case uint(UInt64)
    case bool(Bool)
    case float(Float)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case message(DynamicMessage)
    case list([ProtoValue])
}

/// A field number and what a message holds there.
public struct FieldValue: Sendable, Hashable {
    public var number: Int32
    public var value: ProtoValue

    public init(number: Int32, value: ProtoValue) {
        self.number = number
        self.value = value
    }
}

/// A field a reader did not know, or could not read as its own (another wire type): kept raw, as
/// the runtimes keep it.
public struct UnknownField: Sendable, Hashable {
    public var number: Int32
    public var wireType: Int
    public var payload: [UInt8]
}

/// A message of any type of a schema, as plain values: what a witness writes and what a reader makes of it.
public struct DynamicMessage: Sendable, Hashable {
    /// The message type's full name (`pkg.Outer.Inner`).
    public var typeName: String
    /// The fields that are set, in field-number order.
    public private(set) var fields: [FieldValue]
    /// What the reader kept without understanding it, in arrival order.
    public var unknown: [UnknownField]

    public init(typeName: String, fields: [FieldValue] = [], unknown: [UnknownField] = []) {
        self.typeName = typeName
        self.fields = fields.sorted { $0.number < $1.number }
        self.unknown = unknown
    }

    public subscript(number: Int32) -> ProtoValue? {
        get { fields.first { $0.number == number }?.value }
        set {
            let at = fields.firstIndex { $0.number == number }
            switch (at, newValue) {
            case (let at?, let value?): fields[at].value = value
            case (let at?, nil): fields.remove(at: at)
            case (nil, let value?):
                fields.append(FieldValue(number: number, value: value))
                fields.sort { $0.number < $1.number }
            case (nil, nil): break
            }
        }
    }
}
