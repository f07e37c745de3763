import ProtoModel

/// Registers the names a file defines, from its syntax tree or from its linked model, reporting
/// names that are defined twice as protoc does.
struct FileSymbols {
    var table: SymbolTable
    var diagnostics: [Diagnostic] = []

    mutating func define(_ name: String, _ kind: SymbolKind, file: String, scope: String, at span: SourceSpan?) {
        define(SymbolKey(name), kind, file: SourceFileID(file), scope: scope, at: span)
    }

    mutating func define(_ key: SymbolKey, _ kind: SymbolKind, file fileID: SourceFileID, scope: String, at span: SourceSpan?) {
        guard let existing = table.add(key, kind, file: fileID) else { return }
        let file = fileID.path
        let name = key.name
        let shortName = name.split(separator: ".").last.map(String.init) ?? name
        var message: String
        if existing.fileID == fileID {
            message = "\"\(shortName)\" is already defined in \"\(scope.isEmpty ? file : scope)\""
        } else {
            message = "\"\(name)\" is already defined in file \"\(existing.file)\""
        }
        if kind == .enumValue {
            message += "; enum values use C++ scoping rules (they are siblings of their type), so the name must be unique within \"\(scope)\""
        }
        diagnostics.append(Diagnostic(message, at: span, severity: .error))
    }

    /// Defines a member of `scope` from a linked model (no source location).
    mutating func define(member leaf: String, _ kind: SymbolKind, file: String, scope: String) {
        define(SymbolKey(scope: scope, leaf: leaf), kind, file: SourceFileID(file), scope: scope, at: nil)
    }

    mutating func definePackage(_ package: String, file: String, at span: SourceSpan?) {
        if let (name, existing) = table.addPackage(package, file: SourceFileID(file)) {
            diagnostics.append(
                Diagnostic(
                    "\"\(name)\" is already defined (as something other than a package) in file \"\(existing.file)\"", at: span))
        }
    }

    // MARK: from syntax trees

    /// One name a file defines, with what a duplicate's diagnostic needs.
    struct Definition: Sendable {
        /// The full name, hashed.
        var key: SymbolKey
        var kind: SymbolKind
        var scope: String
        var span: SourceSpan?

        init(name: String, kind: SymbolKind, scope: String, span: SourceSpan?) {
            self.init(key: SymbolKey(name), kind: kind, scope: scope, span: span)
        }

        /// A member of `scope` (a field, oneof, enum value, extension or method), its name not joined.
        init(member leaf: String, kind: SymbolKind, scope: String, span: SourceSpan?) {
            self.init(key: SymbolKey(scope: scope, leaf: leaf), kind: kind, scope: scope, span: span)
        }

        init(key: SymbolKey, kind: SymbolKind, scope: String, span: SourceSpan?) {
            self.key = key
            self.kind = kind
            self.scope = scope
            self.span = span
        }

        var name: String { key.name }
    }

    /// Defines a file's names listed before by `definitions(of:)` (a compile cache keeps the list per
    /// file text, so versions sharing a file do not build its names again).
    mutating func define(_ node: FileNode, definitions: [Definition]) {
        definePackage(node.package, file: node.name, at: node.packageSpan)
        table.reserve(definitions.count)
        let fileID = SourceFileID(node.name)
        // Read in place: a loop variable copied each definition's three strings.
        definitions.withUnsafeBufferPointer { list in
            for index in list.indices {
                define(list[index].key, list[index].kind, file: fileID, scope: list[index].scope, at: list[index].span)
            }
        }
    }

    /// Every name the file defines besides its package, in the order protoc defines them.
    static func definitions(of node: FileNode) -> [Definition] {
        var list: [Definition] = []
        // Counted first: growing the list by doubling copied every definition made so far.
        list.reserveCapacity(definitionCount(of: node))
        let scope = node.package
        for index in node.messages.indices { definitions(of: node.messages, at: index, scope: scope, into: &list) }
        for index in node.enums.indices { definitions(of: node.enums[index], scope: scope, into: &list) }
        for ext in node.extensions {
            list.append(Definition(member: ext.name, kind: .extension, scope: scope, span: ext.nameSpan))
        }
        for service in node.services {
            let name = NameRules.qualify(scope, service.name)
            list.append(Definition(name: name, kind: .service, scope: scope, span: service.span))
            for method in service.methods {
                list.append(Definition(member: method.name, kind: .method, scope: name, span: method.span))
            }
        }
        return list
    }

    /// How many names `definitions(of:)` lists for the file, counted without building them.
    static func definitionCount(of node: FileNode) -> Int {
        var count = node.extensions.count + definitionCount(of: node.messages)
        for index in node.enums.indices { count += 1 + node.enums[index].values.count }
        for index in node.services.indices { count += 1 + node.services[index].methods.count }
        return count
    }

    /// Messages are read through their array by position: passing each node copied it whole.
    static func definitionCount(of messages: [MessageNode]) -> Int {
        var count = 0
        for index in messages.indices {
            count += 1 + messages[index].fields.count + messages[index].oneofs.count + messages[index].extensions.count
            count += definitionCount(of: messages[index].nested)
            for e in messages[index].enums.indices { count += 1 + messages[index].enums[e].values.count }
        }
        return count
    }

    /// The message at `position`, read in place (passing the node copied it whole).
    static func definitions(of messages: [MessageNode], at position: Int, scope: String, into list: inout [Definition]) {
        let name = NameRules.qualify(scope, messages[position].name)
        list.append(Definition(name: name, kind: .message, scope: scope, span: messages[position].nameSpan))
        // Elements are read in place (`messages[position].fields[index]`): a loop variable copied each node.
        for index in messages[position].fields.indices {
            list.append(Definition(member: messages[position].fields[index].name, kind: .field, scope: name, span: messages[position].fields[index].nameSpan))
        }
        for index in messages[position].oneofs.indices {
            list.append(Definition(member: messages[position].oneofs[index].name, kind: .oneof, scope: name, span: messages[position].oneofs[index].span))
        }
        for index in messages[position].nested.indices { definitions(of: messages[position].nested, at: index, scope: name, into: &list) }
        for index in messages[position].enums.indices { definitions(of: messages[position].enums[index], scope: name, into: &list) }
        for index in messages[position].extensions.indices {
            list.append(
                Definition(
                    member: messages[position].extensions[index].name, kind: .extension, scope: name, span: messages[position].extensions[index].nameSpan))
        }
    }

    static func definitions(of e: EnumNode, scope: String, into list: inout [Definition]) {
        list.append(Definition(name: NameRules.qualify(scope, e.name), kind: .enum, scope: scope, span: e.nameSpan))
        for index in e.values.indices {
            list.append(Definition(member: e.values[index].name, kind: .enumValue, scope: scope, span: e.values[index].span))
        }
    }

    // MARK: from linked models (built-in files, descriptor sets)

    mutating func define(_ file: ProtoFile) {
        definePackage(file.package, file: file.name, at: nil)
        let scope = file.package
        for message in file.messages { define(message, scope: scope, file: file.name) }
        for e in file.enums { define(e, scope: scope, file: file.name) }
        for ext in file.extensions { define(member: ext.name, .extension, file: file.name, scope: scope) }
        for service in file.services {
            define(service.fullName, .service, file: file.name, scope: scope, at: nil)
            for method in service.methods {
                define(member: method.name, .method, file: file.name, scope: service.fullName)
            }
        }
    }

    mutating func define(_ message: Message, scope: String, file: String) {
        let name = message.fullName
        define(name, .message, file: file, scope: scope, at: nil)
        for field in message.fields { define(member: field.name, .field, file: file, scope: name) }
        for oneof in message.oneofs { define(member: oneof.name, .oneof, file: file, scope: name) }
        for nested in message.nestedMessages { define(nested, scope: name, file: file) }
        for e in message.enums { define(e, scope: name, file: file) }
        for ext in message.extensions { define(member: ext.name, .extension, file: file, scope: name) }
    }

    mutating func define(_ e: EnumType, scope: String, file: String) {
        define(e.fullName, .enum, file: file, scope: scope, at: nil)
        for value in e.values { define(member: value.name, .enumValue, file: file, scope: scope) }
    }
}
