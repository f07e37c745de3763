extension ProtoFile {
    /// Applies `body` to every options message of the file, with the full name of its type
    /// (`google.protobuf.FileOptions`, `google.protobuf.FieldOptions`, ...).
    public mutating func transformOptions(_ body: (inout OptionMessage, String) -> Void) {
        body(&options, "google.protobuf.FileOptions")
        for i in extensions.indices { body(&extensions[i].options, "google.protobuf.FieldOptions") }
        for i in enums.indices { enums[i].transformOptions(body) }
        for i in services.indices {
            body(&services[i].options, "google.protobuf.ServiceOptions")
            for m in services[i].methods.indices { body(&services[i].methods[m].options, "google.protobuf.MethodOptions") }
        }
        transformMessages { message in
            body(&message.options, "google.protobuf.MessageOptions")
            for i in message.fields.indices { body(&message.fields[i].options, "google.protobuf.FieldOptions") }
            for i in message.extensions.indices { body(&message.extensions[i].options, "google.protobuf.FieldOptions") }
            for i in message.oneofs.indices { body(&message.oneofs[i].options, "google.protobuf.OneofOptions") }
            for i in message.extensionRanges.indices {
                body(&message.extensionRanges[i].options, "google.protobuf.ExtensionRangeOptions")
            }
            for i in message.enums.indices { message.enums[i].transformOptions(body) }
        }
    }
}

extension ProtoFile {
    /// Whether `predicate` holds for any options message of the file (given with its type's full
    /// name, as `transformOptions` gives them), read in place; elements without options are skipped.
    public func containsOptions(where predicate: (OptionMessage, String) -> Bool) -> Bool {
        func check(_ options: OptionMessage, _ type: String) -> Bool { !options.isEmpty && predicate(options, type) }
        if check(options, "google.protobuf.FileOptions") { return true }
        if extensions.contains(where: { check($0.options, "google.protobuf.FieldOptions") }) { return true }
        if enums.contains(where: { $0.containsOptions(where: check) }) { return true }
        for service in services {
            if check(service.options, "google.protobuf.ServiceOptions") { return true }
            if service.methods.contains(where: { check($0.options, "google.protobuf.MethodOptions") }) { return true }
        }
        return messages.contains { $0.containsOptions(where: check) }
    }
}

extension Message {
    /// `ProtoFile.containsOptions` for this message and everything nested in it.
    func containsOptions(where check: (OptionMessage, String) -> Bool) -> Bool {
        if check(options, "google.protobuf.MessageOptions") { return true }
        if fields.contains(where: { check($0.options, "google.protobuf.FieldOptions") }) { return true }
        if extensions.contains(where: { check($0.options, "google.protobuf.FieldOptions") }) { return true }
        if oneofs.contains(where: { check($0.options, "google.protobuf.OneofOptions") }) { return true }
        if extensionRanges.contains(where: { check($0.options, "google.protobuf.ExtensionRangeOptions") }) { return true }
        if enums.contains(where: { $0.containsOptions(where: check) }) { return true }
        return nestedMessages.contains { $0.containsOptions(where: check) }
    }
}

extension EnumType {
    /// `ProtoFile.containsOptions` for this enum and its values.
    func containsOptions(where check: (OptionMessage, String) -> Bool) -> Bool {
        check(options, "google.protobuf.EnumOptions") || values.contains { check($0.options, "google.protobuf.EnumValueOptions") }
    }

    mutating func transformOptions(_ body: (inout OptionMessage, String) -> Void) {
        body(&options, "google.protobuf.EnumOptions")
        for i in values.indices { body(&values[i].options, "google.protobuf.EnumValueOptions") }
    }
}

extension OptionMessage {
    /// Removes every field declared `[retention = RETENTION_SOURCE]`, at any depth, as protoc does
    /// before writing a descriptor set: such options never reach generated code or the wire.
    public mutating func stripSourceRetention(type: String, index: SchemaIndex) {
        // Most elements set no options: nothing to look up.
        guard !fields.isEmpty else { return }
        let message = index.messages[type]
        fields = fields.compactMap { field in
            let definition: Field?
            if field.name.hasPrefix("(") {
                definition = index.extensions[String(field.name.dropFirst().dropLast())]
            } else {
                definition = message?.fields.first { $0.number == field.number }
            }
            guard let definition else { return field }
            if definition.options["retention"] == .enumValue("RETENTION_SOURCE") { return nil }
            guard definition.type == .message || definition.type == .group, let typeName = definition.typeName else { return field }
            var copy = field
            copy.value = copy.value.strippingSourceRetention(type: typeName, index: index)
            return copy
        }
    }
}

extension OptionMessage {
    /// Whether `stripSourceRetention` would remove anything (an option declared
    /// `[retention = RETENTION_SOURCE]`, at any depth).
    public func hasSourceRetention(type: String, index: SchemaIndex) -> Bool {
        guard !fields.isEmpty else { return false }
        let message = index.messages[type]
        return fields.contains { field in
            let definition: Field?
            if field.name.hasPrefix("(") {
                definition = index.extensions[String(field.name.dropFirst().dropLast())]
            } else {
                definition = message?.field(number: field.number)
            }
            guard let definition else { return false }
            if definition.options["retention"] == .enumValue("RETENTION_SOURCE") { return true }
            guard definition.type == .message || definition.type == .group, let typeName = definition.typeName else { return false }
            return field.value.hasSourceRetention(type: typeName, index: index)
        }
    }
}

extension OptionValue {
    func hasSourceRetention(type: String, index: SchemaIndex) -> Bool {
        switch self {
        case .message(let inner): inner.hasSourceRetention(type: type, index: index)
        case .list(let items): items.contains { $0.hasSourceRetention(type: type, index: index) }
        default: false
        }
    }

    func strippingSourceRetention(type: String, index: SchemaIndex) -> OptionValue {
        switch self {
        case .message(var inner):
            inner.stripSourceRetention(type: type, index: index)
            return .message(inner)
        case .list(let items):
            return .list(items.map { $0.strippingSourceRetention(type: type, index: index) })
        default:
            return self
        }
    }
}
