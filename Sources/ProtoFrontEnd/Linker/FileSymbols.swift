import ProtoModel

/// Registers the names a file defines, from its syntax tree or from its linked model, reporting
/// names that are defined twice as protoc does.
struct FileSymbols {
    var table: SymbolTable
    var diagnostics: [Diagnostic] = []

    mutating func define(_ name: String, _ kind: SymbolKind, file: String, scope: String, at span: SourceSpan?) {
        guard let existing = table.add(name, kind, file: file) else { return }
        let shortName = name.split(separator: ".").last.map(String.init) ?? name
        var message: String
        if existing.file == file {
            message = "\"\(shortName)\" is already defined in \"\(scope.isEmpty ? file : scope)\""
        } else {
            message = "\"\(name)\" is already defined in file \"\(existing.file)\""
        }
        if kind == .enumValue {
            message += "; enum values use C++ scoping rules (they are siblings of their type), so the name must be unique within \"\(scope)\""
        }
        diagnostics.append(Diagnostic(message, at: span, severity: .error))
    }

    mutating func definePackage(_ package: String, file: String, at span: SourceSpan?) {
        if let (name, existing) = table.addPackage(package, file: file) {
            diagnostics.append(Diagnostic(
                "\"\(name)\" is already defined (as something other than a package) in file \"\(existing.file)\"", at: span))
        }
    }

    // MARK: from syntax trees

    mutating func define(_ node: FileNode) {
        definePackage(node.package, file: node.name, at: node.packageSpan)
        let scope = node.package
        for message in node.messages { define(message, scope: scope, file: node.name) }
        for e in node.enums { define(e, scope: scope, file: node.name) }
        for ext in node.extensions {
            define(NameRules.qualify(scope, ext.name), .extension, file: node.name, scope: scope, at: ext.nameSpan)
        }
        for service in node.services {
            let name = NameRules.qualify(scope, service.name)
            define(name, .service, file: node.name, scope: scope, at: service.span)
            for method in service.methods {
                define(name + "." + method.name, .method, file: node.name, scope: name, at: method.span)
            }
        }
    }

    mutating func define(_ message: MessageNode, scope: String, file: String) {
        let name = NameRules.qualify(scope, message.name)
        define(name, .message, file: file, scope: scope, at: message.nameSpan)
        for field in message.fields { define(name + "." + field.name, .field, file: file, scope: name, at: field.nameSpan) }
        for oneof in message.oneofs { define(name + "." + oneof.name, .oneof, file: file, scope: name, at: oneof.span) }
        for nested in message.nested { define(nested, scope: name, file: file) }
        for e in message.enums { define(e, scope: name, file: file) }
        for ext in message.extensions { define(name + "." + ext.name, .extension, file: file, scope: name, at: ext.nameSpan) }
    }

    mutating func define(_ e: EnumNode, scope: String, file: String) {
        let name = NameRules.qualify(scope, e.name)
        define(name, .enum, file: file, scope: scope, at: e.nameSpan)
        for value in e.values {
            define(NameRules.qualify(scope, value.name), .enumValue, file: file, scope: scope, at: value.span)
        }
    }

    // MARK: from linked models (built-in files, descriptor sets)

    mutating func define(_ file: ProtoFile) {
        definePackage(file.package, file: file.name, at: nil)
        let scope = file.package
        for message in file.messages { define(message, scope: scope, file: file.name) }
        for e in file.enums { define(e, scope: scope, file: file.name) }
        for ext in file.extensions { define(NameRules.qualify(scope, ext.name), .extension, file: file.name, scope: scope, at: nil) }
        for service in file.services {
            define(service.fullName, .service, file: file.name, scope: scope, at: nil)
            for method in service.methods {
                define(service.fullName + "." + method.name, .method, file: file.name, scope: service.fullName, at: nil)
            }
        }
    }

    mutating func define(_ message: Message, scope: String, file: String) {
        let name = message.fullName
        define(name, .message, file: file, scope: scope, at: nil)
        for field in message.fields { define(name + "." + field.name, .field, file: file, scope: name, at: nil) }
        for oneof in message.oneofs { define(name + "." + oneof.name, .oneof, file: file, scope: name, at: nil) }
        for nested in message.nestedMessages { define(nested, scope: name, file: file) }
        for e in message.enums { define(e, scope: name, file: file) }
        for ext in message.extensions { define(name + "." + ext.name, .extension, file: file, scope: name, at: nil) }
    }

    mutating func define(_ e: EnumType, scope: String, file: String) {
        define(e.fullName, .enum, file: file, scope: scope, at: nil)
        for value in e.values { define(NameRules.qualify(scope, value.name), .enumValue, file: file, scope: scope, at: nil) }
    }
}
