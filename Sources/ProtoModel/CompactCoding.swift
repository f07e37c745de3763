// The model's Codable form leaves out what is empty (lists, options, false flags), so that dumps and
// snapshots show what a schema says and nothing else; decoding restores the defaults.

extension KeyedEncodingContainer {
    mutating func encodeUnlessEmpty<T: Encodable & Collection>(_ value: T, forKey key: Key) throws {
        if !value.isEmpty { try encode(value, forKey: key) }
    }

    mutating func encodeUnlessEmpty(_ value: OptionMessage, forKey key: Key) throws {
        if !value.isEmpty { try encode(value, forKey: key) }
    }

    mutating func encodeIfTrue(_ value: Bool, forKey key: Key) throws {
        if value { try encode(value, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    func decodeOrEmpty<T: Decodable & RangeReplaceableCollection>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? T()
    }

    func decodeOrEmpty(_ type: OptionMessage.Type, forKey key: Key) throws -> OptionMessage {
        try decodeIfPresent(type, forKey: key) ?? OptionMessage()
    }

    func decodeOrFalse(forKey key: Key) throws -> Bool {
        try decodeIfPresent(Bool.self, forKey: key) ?? false
    }
}

extension OptionMessage {
    /// Encoded as the list of its set fields.
    public init(from decoder: any Decoder) throws {
        self.init(fields: try decoder.singleValueContainer().decode([OptionField].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }
}

extension Field {
    enum CodingKeys: String, CodingKey {
        case name, number, label, type, typeName, extendee, defaultValue, oneofIndex, jsonName, proto3Optional, options, span, comments
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), number: try c.decode(Int32.self, forKey: .number),
            label: try c.decode(FieldLabel.self, forKey: .label), type: try c.decode(FieldType.self, forKey: .type),
            typeName: try c.decodeIfPresent(String.self, forKey: .typeName),
            extendee: try c.decodeIfPresent(String.self, forKey: .extendee),
            defaultValue: try c.decodeIfPresent(String.self, forKey: .defaultValue),
            oneofIndex: try c.decodeIfPresent(Int32.self, forKey: .oneofIndex),
            jsonName: try c.decode(String.self, forKey: .jsonName),
            proto3Optional: try c.decodeOrFalse(forKey: .proto3Optional),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(number, forKey: .number)
        try c.encode(label, forKey: .label)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(typeName, forKey: .typeName)
        try c.encodeIfPresent(extendee, forKey: .extendee)
        try c.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try c.encodeIfPresent(oneofIndex, forKey: .oneofIndex)
        try c.encode(jsonName, forKey: .jsonName)
        try c.encodeIfTrue(proto3Optional, forKey: .proto3Optional)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension Oneof {
    enum CodingKeys: String, CodingKey { case name, options, span, comments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension NumberRange {
    enum CodingKeys: String, CodingKey { case start, end, options, span }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            start: try c.decode(Int32.self, forKey: .start), end: try c.decode(Int32.self, forKey: .end),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(span, forKey: .span)
    }
}

extension Message {
    enum CodingKeys: String, CodingKey {
        case name, fullName, fields, oneofs, nestedMessages, enums, extensions, extensionRanges, reservedRanges,
            reservedNames, options, visibility, span, comments
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), fullName: try c.decode(String.self, forKey: .fullName),
            fields: try c.decodeOrEmpty([Field].self, forKey: .fields),
            oneofs: try c.decodeOrEmpty([Oneof].self, forKey: .oneofs),
            nestedMessages: try c.decodeOrEmpty([Message].self, forKey: .nestedMessages),
            enums: try c.decodeOrEmpty([EnumType].self, forKey: .enums),
            extensions: try c.decodeOrEmpty([Field].self, forKey: .extensions),
            extensionRanges: try c.decodeOrEmpty([NumberRange].self, forKey: .extensionRanges),
            reservedRanges: try c.decodeOrEmpty([NumberRange].self, forKey: .reservedRanges),
            reservedNames: try c.decodeOrEmpty([String].self, forKey: .reservedNames),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
        visibility = try c.decodeIfPresent(SymbolVisibility.self, forKey: .visibility)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(fullName, forKey: .fullName)
        try c.encodeUnlessEmpty(fields, forKey: .fields)
        try c.encodeUnlessEmpty(oneofs, forKey: .oneofs)
        try c.encodeUnlessEmpty(nestedMessages, forKey: .nestedMessages)
        try c.encodeUnlessEmpty(enums, forKey: .enums)
        try c.encodeUnlessEmpty(extensions, forKey: .extensions)
        try c.encodeUnlessEmpty(extensionRanges, forKey: .extensionRanges)
        try c.encodeUnlessEmpty(reservedRanges, forKey: .reservedRanges)
        try c.encodeUnlessEmpty(reservedNames, forKey: .reservedNames)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(visibility, forKey: .visibility)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension EnumType {
    enum CodingKeys: String, CodingKey { case name, fullName, values, reservedRanges, reservedNames, options, visibility, span, comments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), fullName: try c.decode(String.self, forKey: .fullName),
            values: try c.decodeOrEmpty([EnumValue].self, forKey: .values),
            reservedRanges: try c.decodeOrEmpty([NumberRange].self, forKey: .reservedRanges),
            reservedNames: try c.decodeOrEmpty([String].self, forKey: .reservedNames),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            visibility: try c.decodeIfPresent(SymbolVisibility.self, forKey: .visibility),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(fullName, forKey: .fullName)
        try c.encodeUnlessEmpty(values, forKey: .values)
        try c.encodeUnlessEmpty(reservedRanges, forKey: .reservedRanges)
        try c.encodeUnlessEmpty(reservedNames, forKey: .reservedNames)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(visibility, forKey: .visibility)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension EnumValue {
    enum CodingKeys: String, CodingKey { case name, number, options, span, comments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), number: try c.decode(Int32.self, forKey: .number),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(number, forKey: .number)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension Service {
    enum CodingKeys: String, CodingKey { case name, fullName, methods, options, span, comments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), fullName: try c.decode(String.self, forKey: .fullName),
            methods: try c.decodeOrEmpty([Method].self, forKey: .methods),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(fullName, forKey: .fullName)
        try c.encodeUnlessEmpty(methods, forKey: .methods)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension Method {
    enum CodingKeys: String, CodingKey { case name, inputType, outputType, clientStreaming, serverStreaming, options, span, comments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), inputType: try c.decode(String.self, forKey: .inputType),
            outputType: try c.decode(String.self, forKey: .outputType),
            clientStreaming: try c.decodeOrFalse(forKey: .clientStreaming),
            serverStreaming: try c.decodeOrFalse(forKey: .serverStreaming),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(inputType, forKey: .inputType)
        try c.encode(outputType, forKey: .outputType)
        try c.encodeIfTrue(clientStreaming, forKey: .clientStreaming)
        try c.encodeIfTrue(serverStreaming, forKey: .serverStreaming)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(span, forKey: .span)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension ProtoFile {
    enum CodingKeys: String, CodingKey {
        case name, package, syntax, edition, imports, messages, enums, services, extensions, options, comments, packageSpan, syntaxSpan
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            package: try c.decodeIfPresent(String.self, forKey: .package) ?? "",
            syntax: try c.decode(Syntax.self, forKey: .syntax),
            edition: try c.decodeIfPresent(String.self, forKey: .edition),
            imports: try c.decodeOrEmpty([Import].self, forKey: .imports),
            messages: try c.decodeOrEmpty([Message].self, forKey: .messages),
            enums: try c.decodeOrEmpty([EnumType].self, forKey: .enums),
            services: try c.decodeOrEmpty([Service].self, forKey: .services),
            extensions: try c.decodeOrEmpty([Field].self, forKey: .extensions),
            options: try c.decodeOrEmpty(OptionMessage.self, forKey: .options),
            comments: try c.decodeIfPresent(Comments.self, forKey: .comments))
        packageSpan = try c.decodeIfPresent(SourceSpan.self, forKey: .packageSpan)
        syntaxSpan = try c.decodeIfPresent(SourceSpan.self, forKey: .syntaxSpan)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(packageSpan, forKey: .packageSpan)
        try c.encodeIfPresent(syntaxSpan, forKey: .syntaxSpan)
        if !package.isEmpty { try c.encode(package, forKey: .package) }
        try c.encode(syntax, forKey: .syntax)
        try c.encodeIfPresent(edition, forKey: .edition)
        try c.encodeUnlessEmpty(imports, forKey: .imports)
        try c.encodeUnlessEmpty(messages, forKey: .messages)
        try c.encodeUnlessEmpty(enums, forKey: .enums)
        try c.encodeUnlessEmpty(services, forKey: .services)
        try c.encodeUnlessEmpty(extensions, forKey: .extensions)
        try c.encodeUnlessEmpty(options, forKey: .options)
        try c.encodeIfPresent(comments, forKey: .comments)
    }
}

extension Comments {
    enum CodingKeys: String, CodingKey { case leading, trailing, detached }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            leading: try c.decodeIfPresent(String.self, forKey: .leading),
            trailing: try c.decodeIfPresent(String.self, forKey: .trailing),
            detached: try c.decodeOrEmpty([String].self, forKey: .detached))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(leading, forKey: .leading)
        try c.encodeIfPresent(trailing, forKey: .trailing)
        try c.encodeUnlessEmpty(detached, forKey: .detached)
    }
}
