import ProtoModel

/// Walks a parsed file and its linked model side by side, interpreting every element's options.
struct FileOptions {
    var interpreter: OptionInterpreter

    mutating func apply(_ node: FileNode, to file: inout ProtoFile) {
        interpreter.interpret(
            node.options, type: "google.protobuf.FileOptions",
            scope: NameRules.qualify(node.package, "dummy"), into: &file.options)
        // Only elements that write an option are touched: writing into an element shared with the
        // index (the optimizer makes a modified array unique before the loop) copied every field of
        // the file.
        if node.messages.contains(where: \.writesOptions) {
            for i in file.messages.indices where node.messages[i].writesOptions { apply(node.messages[i], to: &file.messages[i]) }
        }
        if node.enums.contains(where: \.writesOptions) {
            for i in file.enums.indices where node.enums[i].writesOptions { apply(node.enums[i], to: &file.enums[i], scope: node.package) }
        }
        // Scopes (full names) are built only for elements with options: most have none.
        for i in file.extensions.indices where !node.extensions[i].options.isEmpty {
            let scope = NameRules.qualify(node.package, file.extensions[i].name)
            apply(node.extensions[i], to: &file.extensions[i], scope: scope)
        }
        for i in file.services.indices {
            let service = node.services[i]
            let name = file.services[i].fullName
            if !service.options.isEmpty {
                interpreter.interpret(service.options, type: "google.protobuf.ServiceOptions", scope: name, into: &file.services[i].options)
            }
            for m in file.services[i].methods.indices where !service.methods[m].options.isEmpty {
                let scope = name + "." + file.services[i].methods[m].name
                interpreter.interpret(
                    service.methods[m].options, type: "google.protobuf.MethodOptions", scope: scope,
                    into: &file.services[i].methods[m].options)
            }
        }
    }

    mutating func apply(_ node: MessageNode, to message: inout Message) {
        let name = message.fullName
        if !node.options.isEmpty {
            interpreter.interpret(node.options, type: "google.protobuf.MessageOptions", scope: name, into: &message.options)
        }
        if node.fields.contains(where: { !$0.options.isEmpty }) {
            for i in message.fields.indices where !node.fields[i].options.isEmpty {
                let scope = name + "." + message.fields[i].name
                apply(node.fields[i], to: &message.fields[i], scope: scope)
            }
        }
        if node.oneofs.contains(where: { !$0.options.isEmpty }) {
            for i in message.oneofs.indices where i < node.oneofs.count && !node.oneofs[i].options.isEmpty {
                let scope = name + "." + message.oneofs[i].name
                interpreter.interpret(node.oneofs[i].options, type: "google.protobuf.OneofOptions", scope: scope, into: &message.oneofs[i].options)
            }
        }
        if node.extensionRanges.contains(where: { !$0.options.isEmpty }) {
            for i in message.extensionRanges.indices where !node.extensionRanges[i].options.isEmpty {
                interpreter.interpret(
                    node.extensionRanges[i].options, type: "google.protobuf.ExtensionRangeOptions",
                    scope: name, into: &message.extensionRanges[i].options)
            }
        }
        if node.nested.contains(where: \.writesOptions) {
            for i in message.nestedMessages.indices where node.nested[i].writesOptions {
                apply(node.nested[i], to: &message.nestedMessages[i])
            }
        }
        if node.enums.contains(where: \.writesOptions) {
            for i in message.enums.indices where node.enums[i].writesOptions {
                apply(node.enums[i], to: &message.enums[i], scope: message.fullName)
            }
        }
        if node.extensions.contains(where: { !$0.options.isEmpty }) {
            for i in message.extensions.indices where !node.extensions[i].options.isEmpty {
                let scope = name + "." + message.extensions[i].name
                apply(node.extensions[i], to: &message.extensions[i], scope: scope)
            }
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

extension MessageNode {
    /// Whether this message or anything declared in it writes an option.
    fileprivate var writesOptions: Bool {
        !options.isEmpty || fields.contains { !$0.options.isEmpty } || oneofs.contains { !$0.options.isEmpty }
            || extensionRanges.contains { !$0.options.isEmpty } || extensions.contains { !$0.options.isEmpty }
            || enums.contains(where: \.writesOptions) || nested.contains(where: \.writesOptions)
    }
}

extension EnumNode {
    /// Whether this enum or one of its values writes an option.
    fileprivate var writesOptions: Bool { !options.isEmpty || values.contains { !$0.options.isEmpty } }
}
