import ProtoModel

/// Interprets options as written (`OptionNode`) against their options message (`FieldOptions`, ...)
/// and the extensions in scope, producing `OptionMessage` trees, as protoc's OptionInterpreter does.
struct OptionInterpreter {
    let index: SchemaIndex
    let symbols: SymbolTable
    let visible: Visibility
    var diagnostics: [Diagnostic] = []
    /// Whether any option was written (a file without options comes out as it went in).
    private(set) var interpretedAny = false

    struct Failure: Error {}

    /// Interprets all options of one element. `scope` is the element's full name (protoc's name scope).
    mutating func interpret(
        _ nodes: [OptionNode], type optionsType: String, scope: String,
        into options: inout OptionMessage
    ) {
        if !nodes.isEmpty { interpretedAny = true }
        for node in nodes {
            do {
                try interpret(node, optionsType: optionsType, scope: scope, into: &options)
            } catch {}
        }
    }

    mutating func fail(_ message: String, at span: SourceSpan) -> Failure {
        diagnostics.append(Diagnostic(message, at: span))
        return Failure()
    }

    /// The field a name segment denotes inside `messageName`.
    mutating func field(
        for segment: OptionNameSegment, in messageName: String, scope: String,
        optionName: String
    ) throws -> (name: String, field: Field) {
        if segment.isExtension {
            let resolution = symbols.resolve(segment.name, from: scope, typesOnly: false, visible: visible)
            guard case .found(let fullName, let symbol) = resolution, symbol.kind == .extension,
                let ext = index.extensions[fullName]
            else {
                if case .found(let fullName, let symbol) = resolution, symbol.kind != .extension {
                    throw fail("option \"(\(segment.name))\" names \"\(fullName)\", which is a \(symbol.kind.noun), not an extension", at: segment.span)
                }
                throw fail("option \"\(optionName)\" unknown: import the file that defines \"\(segment.name)\"", at: segment.span)
            }
            guard ext.extendee == messageName else {
                throw fail("option \"\(optionName)\": \"\(fullName)\" extends \"\(ext.extendee ?? "?")\", not \"\(messageName)\"", at: segment.span)
            }
            return ("(\(fullName))", ext)
        }
        guard let message = index.messages[messageName] else {
            throw fail("option \"\(optionName)\" unknown: \"\(messageName)\" is not available", at: segment.span)
        }
        guard let f = message.fields.first(where: { $0.name == segment.name }) else {
            throw fail("option \"\(optionName)\" unknown: \"\(messageName)\" has no field \"\(segment.name)\"", at: segment.span)
        }
        return (f.name, f)
    }

    mutating func interpret(_ node: OptionNode, optionsType: String, scope: String, into options: inout OptionMessage) throws {
        let optionName = node.nameText
        if node.name.count == 1, !node.name[0].isExtension, node.name[0].name == "uninterpreted_option" {
            throw fail("option \"uninterpreted_option\" can't be set directly", at: node.span)
        }
        var path: [(name: String, field: Field)] = []
        var messageName = optionsType
        for (position, segment) in node.name.enumerated() {
            let step = try field(for: segment, in: messageName, scope: scope, optionName: optionName)
            path.append(step)
            if position < node.name.count - 1 {
                guard step.field.type == .message || step.field.type == .group, let typeName = step.field.typeName else {
                    throw fail("option \"\(optionName)\" is an atomic type, not a message", at: segment.span)
                }
                if step.field.label == .repeated {
                    throw fail("option field \"\(step.name)\" is a repeated message: set it with an aggregate value", at: segment.span)
                }
                messageName = typeName
            }
        }
        let leaf = path[path.count - 1]
        let value = try convert(node.value, field: leaf.field, optionName: optionName, scope: scope)
        try set(value, at: path[...], in: &options, optionName: optionName, span: node.span)
        if let index = options.fields.firstIndex(where: { $0.name == path[0].name }), options.fields[index].span == nil {
            options.fields[index].span = node.span
        }
    }

    /// Sets `value` at the end of `path`, creating intermediate messages; a singular leaf may be set once.
    mutating func set(
        _ value: OptionValue, at path: ArraySlice<(name: String, field: Field)>, in message: inout OptionMessage,
        optionName: String, span: SourceSpan
    ) throws {
        let step = path[path.startIndex]
        let repeated = step.field.label == .repeated
        if path.count == 1 {
            if !repeated, message.fields.contains(where: { $0.number == step.field.number && $0.name == step.name }) {
                throw fail("option \"\(optionName)\" was already set", at: span)
            }
            message.set(
                OptionField(name: step.name, number: step.field.number, value: repeated ? .list([value]) : value),
                repeated: repeated)
            return
        }
        var inner = OptionMessage()
        var position: Int?
        if let i = message.fields.firstIndex(where: { $0.number == step.field.number && $0.name == step.name }),
            case .message(let existing) = message.fields[i].value
        {
            inner = existing
            position = i
        }
        try set(value, at: path.dropFirst(), in: &inner, optionName: optionName, span: span)
        if let position {
            message.fields[position].value = .message(inner)
        } else {
            message.set(OptionField(name: step.name, number: step.field.number, value: .message(inner)), repeated: false)
        }
    }

    // MARK: values

    /// Converts a written value to the field's type.
    mutating func convert(_ value: ValueNode, field: Field, optionName: String, scope: String) throws -> OptionValue {
        switch field.type {
        case .message, .group:
            guard case .aggregate(let entries) = value.kind else {
                throw fail(
                    "option \"\(optionName)\" is a message: set it with \"\(optionName) = { ... }\" or set its fields with \"\(optionName).field = value\"",
                    at: value.span)
            }
            return .message(try aggregate(entries, type: field.typeName ?? "", scope: scope, optionName: optionName))
        case .enum:
            guard let e = index.enums[field.typeName ?? ""] else { throw fail("enum \"\(field.typeName ?? "")\" is not available", at: value.span) }
            switch value.kind {
            case .identifier(let name):
                guard e.values.contains(where: { $0.name == name }) else {
                    throw fail("enum type \"\(e.fullName)\" has no value named \"\(name)\" for option \"\(optionName)\"", at: value.span)
                }
                return .enumValue(name)
            case .integer(let negative, let magnitude):
                guard let magnitude, let number = Int32(exactly: negative ? -Int64(magnitude) : Int64(magnitude)) else {
                    throw fail("value out of range for enum option \"\(optionName)\"", at: value.span)
                }
                return .enumValue(e.values.first { $0.number == number }?.name ?? "#\(number)")
            default:
                throw fail("value must be an identifier for enum-valued option \"\(optionName)\"", at: value.span)
            }
        case .bool:
            if case .identifier(let name) = value.kind {
                if name == "true" || name == "True" || name == "t" { return .bool(true) }
                if name == "false" || name == "False" || name == "f" { return .bool(false) }
            }
            if case .integer(false, let magnitude) = value.kind, let magnitude, magnitude <= 1 { return .bool(magnitude == 1) }
            throw fail("value must be \"true\" or \"false\" for boolean option \"\(optionName)\"", at: value.span)
        case .string, .bytes:
            guard case .string(let bytes) = value.kind else {
                throw fail("value must be a quoted string for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
            }
            return field.type == .string ? .string(String(decoding: bytes, as: UTF8.self)) : .bytes(bytes)
        case .float, .double:
            let number: Double
            switch value.kind {
            case .float(let d): number = d
            case .integer(let negative, let magnitude):
                let d = magnitude.map { Double($0) } ?? .infinity
                number = negative ? -d : d
            case .identifier(let name):
                switch name.lowercased() {
                case "inf", "infinity": number = .infinity
                case "-inf", "-infinity": number = -.infinity
                case "nan", "-nan": number = .nan
                default: throw fail("value must be a number for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
                }
            default:
                throw fail("value must be a number for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
            }
            return .double(field.type == .float ? Double(Float(number)) : number)
        case .int32, .sint32, .sfixed32, .int64, .sint64, .sfixed64:
            guard case .integer(let negative, let magnitude) = value.kind, let magnitude else {
                throw fail("value must be an integer for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
            }
            let is32 = field.type == .int32 || field.type == .sint32 || field.type == .sfixed32
            let limit: UInt64 = negative ? (is32 ? 1 << 31 : 1 << 63) : (is32 ? UInt64(Int32.max) : UInt64(Int64.max))
            guard magnitude <= limit else {
                throw fail("value out of range for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
            }
            if negative { return .int(magnitude == 1 << 63 ? Int64.min : -Int64(magnitude)) }
            return .int(Int64(magnitude))
        case .uint32, .fixed32, .uint64, .fixed64:
            guard case .integer(let negative, let magnitude) = value.kind, let magnitude else {
                throw fail("value must be an integer for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
            }
            let limit: UInt64 = field.type == .uint32 || field.type == .fixed32 ? UInt64(UInt32.max) : UInt64.max
            guard !negative || magnitude == 0, magnitude <= limit else {
                throw fail("value must be a non-negative integer in range for \(field.type.keyword) option \"\(optionName)\"", at: value.span)
            }
            return .uint(magnitude)
        }
    }

    /// A text-format message value.
    mutating func aggregate(_ entries: [AggregateEntry], type: String, scope: String, optionName: String) throws -> OptionMessage {
        guard let message = index.messages[type] else {
            throw fail(
                "message type \"\(type)\" is not available for option \"\(optionName)\"",
                at: entries.first?.span ?? SourceSpan(file: "", line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, endOffset: 0))
        }
        var result = OptionMessage()
        for entry in entries {
            let name: String
            let field: Field
            if entry.isExtension {
                if entry.name.contains("/") {
                    try expandAny(entry, into: &result, type: type, scope: scope, optionName: optionName)
                    continue
                }
                let resolution = symbols.resolve(entry.name, from: scope, typesOnly: false, visible: visible)
                guard case .found(let fullName, _) = resolution, let ext = index.extensions[fullName], ext.extendee == type else {
                    throw fail("extension \"\(entry.name)\" of \"\(type)\" is not defined or not imported", at: entry.span)
                }
                name = "(\(fullName))"
                field = ext
            } else if let f = message.fields.first(where: { $0.name == entry.name })
                ?? message.fields.first(where: { $0.type == .group && $0.typeName?.hasSuffix("." + entry.name) == true })
            {
                name = f.name
                field = f
            } else {
                throw fail("message type \"\(type)\" has no field named \"\(entry.name)\"", at: entry.span)
            }
            let repeated = field.label == .repeated
            var value: OptionValue
            if case .list(let items) = entry.value.kind {
                guard repeated else { throw fail("field \"\(entry.name)\" is not repeated and can't be given a list", at: entry.span) }
                value = .list(try items.map { try convert($0, field: field, optionName: optionName, scope: scope) })
            } else {
                value = try convert(entry.value, field: field, optionName: optionName, scope: scope)
                if repeated { value = .list([value]) }
            }
            if !repeated, result.fields.contains(where: { $0.number == field.number && $0.name == name }) {
                throw fail("non-repeated field \"\(entry.name)\" is specified multiple times", at: entry.span)
            }
            // A field without presence that holds its default is not serialized, so protoc drops it.
            if !entry.isExtension, index.hasImplicitPresence(field, in: message), isDefault(value, field: field) { continue }
            result.set(OptionField(name: name, number: field.number, value: value), repeated: repeated)
        }
        return result
    }
}

extension OptionInterpreter {
    /// True for the zero value of a scalar type (0, false, "", empty bytes, the enum value numbered 0).
    func isDefault(_ value: OptionValue, field: Field) -> Bool {
        switch value {
        case .enumValue(let name):
            index.enums[field.typeName ?? ""]?.values.first { $0.name == name }?.number == 0
        case .bool(let b): !b
        case .int(let i): i == 0
        case .uint(let u): u == 0
        case .double(let d): d == 0 && d.sign == .plus
        case .string(let s): s.isEmpty
        case .bytes(let b): b.isEmpty
        default: false
        }
    }
}

extension OptionInterpreter {
    /// `[type.googleapis.com/pkg.Msg] { ... }` in a `google.protobuf.Any`: sets `type_url` and the
    /// serialized `value`, as protoc does.
    mutating func expandAny(
        _ entry: AggregateEntry, into result: inout OptionMessage, type: String, scope: String,
        optionName: String
    ) throws {
        guard type == "google.protobuf.Any" else {
            throw fail("\"[\(entry.name)]\" can only expand a google.protobuf.Any, not \"\(type)\"", at: entry.span)
        }
        guard let slash = entry.name.lastIndex(of: "/") else { throw Failure() }
        let typeName = String(entry.name[entry.name.index(after: slash)...])
        guard index.messages.contains(typeName) else {
            throw fail("message type \"\(typeName)\" of the Any value is not defined or not imported", at: entry.span)
        }
        guard case .aggregate(let entries) = entry.value.kind else {
            throw fail("an expanded Any needs a message value: \"[\(entry.name)] { ... }\"", at: entry.span)
        }
        let inner = try aggregate(entries, type: typeName, scope: scope, optionName: optionName)
        let bytes: [UInt8]
        do {
            bytes = try OptionWireEncoder(index: index).encode(inner, type: typeName)
        } catch {
            throw fail("the Any value cannot be encoded: \(error)", at: entry.span)
        }
        result.set(OptionField(name: "type_url", number: 1, value: .string(entry.name)), repeated: false)
        result.set(OptionField(name: "value", number: 2, value: .bytes(bytes)), repeated: false)
    }
}
