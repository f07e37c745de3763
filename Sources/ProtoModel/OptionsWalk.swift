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

extension EnumType {
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

extension OptionValue {
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
