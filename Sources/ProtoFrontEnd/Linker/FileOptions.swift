import ProtoModel

/// Walks a parsed file and its linked model side by side, interpreting every element's options.
struct FileOptions {
    var interpreter: OptionInterpreter

    mutating func apply(_ node: FileNode, to file: inout ProtoFile) {
        interpreter.interpret(node.options, type: "google.protobuf.FileOptions",
                              scope: NameRules.qualify(node.package, "dummy"), into: &file.options)
        for i in file.messages.indices { apply(node.messages[i], to: &file.messages[i]) }
        for i in file.enums.indices { apply(node.enums[i], to: &file.enums[i], scope: node.package) }
        // Scopes (full names) are built only for elements with options: most have none.
        for i in file.extensions.indices where !node.extensions[i].options.isEmpty {
            let scope = NameRules.qualify(node.package, file.extensions[i].name)
            apply(node.extensions[i], to: &file.extensions[i], scope: scope)
        }
        for i in file.services.indices {
            let service = node.services[i], name = file.services[i].fullName
            if !service.options.isEmpty {
                interpreter.interpret(service.options, type: "google.protobuf.ServiceOptions", scope: name, into: &file.services[i].options)
            }
            for m in file.services[i].methods.indices where !service.methods[m].options.isEmpty {
                let scope = name + "." + file.services[i].methods[m].name
                interpreter.interpret(service.methods[m].options, type: "google.protobuf.MethodOptions", scope: scope,
                                      into: &file.services[i].methods[m].options)
            }
        }
    }

    mutating func apply(_ node: MessageNode, to message: inout Message) {
        let name = message.fullName
        if !node.options.isEmpty {
            interpreter.interpret(node.options, type: "google.protobuf.MessageOptions", scope: name, into: &message.options)
        }
        for i in message.fields.indices where !node.fields[i].options.isEmpty {
            let scope = name + "." + message.fields[i].name
            apply(node.fields[i], to: &message.fields[i], scope: scope)
        }
        for i in message.oneofs.indices where i < node.oneofs.count && !node.oneofs[i].options.isEmpty {
            let scope = name + "." + message.oneofs[i].name
            interpreter.interpret(node.oneofs[i].options, type: "google.protobuf.OneofOptions", scope: scope, into: &message.oneofs[i].options)
        }
        for i in message.extensionRanges.indices where !node.extensionRanges[i].options.isEmpty {
            interpreter.interpret(node.extensionRanges[i].options, type: "google.protobuf.ExtensionRangeOptions",
                                  scope: name, into: &message.extensionRanges[i].options)
        }
        for i in message.nestedMessages.indices { apply(node.nested[i], to: &message.nestedMessages[i]) }
        for i in message.enums.indices { apply(node.enums[i], to: &message.enums[i], scope: message.fullName) }
        for i in message.extensions.indices where !node.extensions[i].options.isEmpty {
            let scope = name + "." + message.extensions[i].name
            apply(node.extensions[i], to: &message.extensions[i], scope: scope)
        }
    }

    mutating func apply(_ node: FieldNode, to field: inout Field, scope: String) {
        interpreter.interpret(node.options, type: "google.protobuf.FieldOptions", scope: scope, into: &field.options)
    }

    mutating func apply(_ node: EnumNode, to e: inout EnumType, scope: String) {
        if !node.options.isEmpty {
            let name = e.fullName
            interpreter.interpret(node.options, type: "google.protobuf.EnumOptions", scope: name, into: &e.options)
        }
        for i in e.values.indices where !node.values[i].options.isEmpty {
            let valueScope = NameRules.qualify(scope, e.values[i].name)
            interpreter.interpret(node.values[i].options, type: "google.protobuf.EnumValueOptions", scope: valueScope, into: &e.values[i].options)
        }
    }
}
