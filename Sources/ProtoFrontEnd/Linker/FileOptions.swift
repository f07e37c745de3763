import ProtoModel

/// Walks a parsed file and its linked model side by side, interpreting every element's options.
struct FileOptions {
    var interpreter: OptionInterpreter

    mutating func apply(_ node: FileNode, to file: inout ProtoFile) {
        interpreter.interpret(node.options, type: "google.protobuf.FileOptions",
                              scope: NameRules.qualify(node.package, "dummy"), into: &file.options)
        for i in file.messages.indices { apply(node.messages[i], to: &file.messages[i]) }
        for i in file.enums.indices { apply(node.enums[i], to: &file.enums[i], scope: node.package) }
        for i in file.extensions.indices {
            apply(node.extensions[i], to: &file.extensions[i], scope: NameRules.qualify(node.package, file.extensions[i].name))
        }
        for i in file.services.indices {
            let service = node.services[i]
            interpreter.interpret(service.options, type: "google.protobuf.ServiceOptions",
                                  scope: file.services[i].fullName, into: &file.services[i].options)
            for m in file.services[i].methods.indices {
                interpreter.interpret(service.methods[m].options, type: "google.protobuf.MethodOptions",
                                      scope: file.services[i].fullName + "." + file.services[i].methods[m].name,
                                      into: &file.services[i].methods[m].options)
            }
        }
    }

    mutating func apply(_ node: MessageNode, to message: inout Message) {
        interpreter.interpret(node.options, type: "google.protobuf.MessageOptions", scope: message.fullName, into: &message.options)
        for i in message.fields.indices {
            apply(node.fields[i], to: &message.fields[i], scope: message.fullName + "." + message.fields[i].name)
        }
        for i in message.oneofs.indices where i < node.oneofs.count {
            interpreter.interpret(node.oneofs[i].options, type: "google.protobuf.OneofOptions",
                                  scope: message.fullName + "." + message.oneofs[i].name, into: &message.oneofs[i].options)
        }
        for i in message.extensionRanges.indices {
            interpreter.interpret(node.extensionRanges[i].options, type: "google.protobuf.ExtensionRangeOptions",
                                  scope: message.fullName, into: &message.extensionRanges[i].options)
        }
        for i in message.nestedMessages.indices { apply(node.nested[i], to: &message.nestedMessages[i]) }
        for i in message.enums.indices { apply(node.enums[i], to: &message.enums[i], scope: message.fullName) }
        for i in message.extensions.indices {
            apply(node.extensions[i], to: &message.extensions[i], scope: message.fullName + "." + message.extensions[i].name)
        }
    }

    mutating func apply(_ node: FieldNode, to field: inout Field, scope: String) {
        interpreter.interpret(node.options, type: "google.protobuf.FieldOptions", scope: scope, into: &field.options)
    }

    mutating func apply(_ node: EnumNode, to e: inout EnumType, scope: String) {
        interpreter.interpret(node.options, type: "google.protobuf.EnumOptions", scope: e.fullName, into: &e.options)
        for i in e.values.indices {
            interpreter.interpret(node.values[i].options, type: "google.protobuf.EnumValueOptions",
                                  scope: NameRules.qualify(scope, e.values[i].name), into: &e.values[i].options)
        }
    }
}
