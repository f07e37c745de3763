import ProtoModel

/// Turns one parsed file into the model: resolves every type name with protoc's scoping rules,
/// computes JSON names, formats defaults and fixes range ends. Options are interpreted afterwards
/// (`OptionInterpreter`), once every file this one can see is linked.
struct FileLinker {
    let node: FileNode
    let symbols: SymbolTable
    let visible: Visibility
    var diagnostics: [Diagnostic] = []

    init(node: FileNode, symbols: SymbolTable, visible: Visibility) {
        self.node = node
        self.symbols = symbols
        self.visible = visible
    }

    static let maxFieldNumber: Int64 = 536_870_911

    mutating func link() -> ProtoFile {
        let scope = node.package
        // Option imports come after the others, as in FileDescriptorProto.option_dependency.
        let imports = node.imports.filter { $0.kind != .option } + node.imports.filter { $0.kind == .option }
        var file = ProtoFile(
            name: node.name, package: node.package, syntax: node.syntax, edition: node.edition,
            imports: imports, comments: node.comments)
        file.packageSpan = node.packageSpan
        file.syntaxSpan = node.syntaxSpan
        // Nodes are read in place (`node.messages[$0]`): mapping the arrays copied every node.
        file.messages = node.messages.indices.map { message(node.messages, $0, scope: scope) }
        file.enums = node.enums.indices.map { enumType(node.enums[$0], scope: scope) }
        file.extensions = fields(node.extensions, scope: scope, isExtension: true)
        file.services = node.services.map { service($0, scope: scope) }
        return file
    }

    // MARK: resolution

    /// Resolves a type reference written directly inside `scope` (a full name; empty for the file's
    /// root); reports protoc's errors and returns nil when it fails.
    mutating func resolve(_ name: String, inside scope: String, at span: SourceSpan, typesOnly: Bool) -> (String, SymbolKind)? {
        switch symbols.resolve(name, inside: scope.isEmpty ? nil : Substring(scope), typesOnly: typesOnly, visible: visible) {
        case .found(let fullName, let symbol):
            return (fullName, symbol.kind)
        case .resolvedToUndefined(let fullName):
            diagnostics.append(
                Diagnostic(
                    "\"\(name)\" is resolved to \"\(fullName)\", which is not defined; the innermost scope is searched first in name resolution: use a leading '.' (\".\(name)\") to start from the outermost scope",
                    at: span))
        case .notImported(let fullName, let symbol):
            diagnostics.append(
                Diagnostic(
                    "\"\(fullName)\" seems to be defined in \"\(symbol.file)\", which is not imported by \"\(node.name)\": add the import",
                    at: span))
        case .notAType(let fullName, let symbol):
            diagnostics.append(Diagnostic("\"\(name)\" is not a type (\"\(fullName)\" is a \(symbol.kind.noun))", at: span))
        case .notFound:
            diagnostics.append(Diagnostic("\"\(name)\" is not defined", at: span))
        }
        return nil
    }

    // MARK: elements

    /// The message node at `position`, read in place (passing the node copied it whole).
    mutating func message(_ nodes: [MessageNode], _ position: Int, scope: String) -> Message {
        let fullName = NameRules.qualify(scope, nodes[position].name)
        var result = Message(name: nodes[position].name, fullName: fullName, span: nodes[position].span, comments: nodes[position].comments)
        result.visibility = nodes[position].visibility
        result.fields = fields(nodes[position].fields, scope: fullName, isExtension: false)
        result.oneofs = nodes[position].oneofs.map { Oneof(name: $0.name, span: $0.span, comments: $0.comments) }
        result.nestedMessages = nodes[position].nested.indices.map { message(nodes[position].nested, $0, scope: fullName) }
        result.enums = nodes[position].enums.indices.map { enumType(nodes[position].enums[$0], scope: fullName) }
        result.extensions = fields(nodes[position].extensions, scope: fullName, isExtension: true)
        let maxEnd: Int32 = Self.isMessageSet(nodes[position].options) ? Int32.max : Int32(Self.maxFieldNumber + 1)
        result.extensionRanges = nodes[position].extensionRanges.map { range($0, exclusiveMax: maxEnd) }
        result.reservedRanges = nodes[position].reservedRanges.map { range($0, exclusiveMax: maxEnd) }
        result.reservedNames = nodes[position].reservedNames.map(\.0)
        if nodes[position].isMapEntry { result.options.set(OptionField(name: "map_entry", number: 7, value: .bool(true)), repeated: false) }
        return result
    }

    mutating func fields(_ nodes: [FieldNode], scope: String, isExtension: Bool) -> [Field] {
        nodes.withUnsafeBufferPointer { nodes in nodes.indices.map { field(nodes, $0, scope: scope, isExtension: isExtension) } }
    }

    /// protoc decides `max` for message-set messages from the uninterpreted option text.
    static func isMessageSet(_ options: [OptionNode]) -> Bool {
        options.contains { option in
            option.name.count == 1 && !option.name[0].isExtension && option.name[0].name == "message_set_wire_format"
                && { if case .identifier("true") = option.value.kind { return true } else { return false } }()
        }
    }

    mutating func range(_ n: RangeNode, exclusiveMax: Int32) -> NumberRange {
        let end = n.end.map { $0 + 1 } ?? Int64(exclusiveMax)
        guard let start = Int32(exactly: n.start), let endValue = Int32(exactly: end) else {
            diagnostics.append(Diagnostic("range \(n.start) to \(n.end.map(String.init) ?? "max") is out of range for field numbers", at: n.span))
            return NumberRange(start: 0, end: 0, span: n.span)
        }
        return NumberRange(start: start, end: endValue, span: n.span)
    }

    /// The field node at `position`, read in place: passing the node itself, even `borrowing`, copied
    /// it (a dozen references) for every field of the schema (docs/performance.md, "No whole-element
    /// copies").
    mutating func field(_ nodes: UnsafeBufferPointer<FieldNode>, _ position: Int, scope: String, isExtension: Bool) -> Field {
        var number: Int32 = 0
        if let value = nodes[position].number {
            if value <= 0 {
                diagnostics.append(Diagnostic("field numbers must be positive integers", at: nodes[position].numberSpan))
            } else if value > Self.maxFieldNumber, !isExtension || value > Int64(Int32.max) {
                diagnostics.append(Diagnostic("field numbers cannot be greater than \(Self.maxFieldNumber)", at: nodes[position].numberSpan))
            }
            number = Int32(clamping: value)
        }
        var type = nodes[position].scalarType ?? .message
        var typeName: String?
        if let written = nodes[position].typeName {
            if nodes[position].isGroup {
                // The group's type is nested where the field is declared (for extensions: the extend's scope).
                typeName = NameRules.qualify(scope, written)
            } else if let (resolved, kind) = resolve(written, inside: scope, at: nodes[position].typeSpan, typesOnly: true) {
                typeName = resolved
                type = kind == .enum ? .enum : .message
            }
        }
        var extendee: String?
        if isExtension, let written = nodes[position].extendee {
            if let (resolved, kind) = resolve(written, inside: scope, at: nodes[position].extendeeSpan ?? nodes[position].span, typesOnly: false) {
                if kind == .message {
                    extendee = resolved
                } else {
                    diagnostics.append(Diagnostic("\"\(written)\" is not a message type", at: nodes[position].extendeeSpan ?? nodes[position].span))
                }
            }
        }
        let label = nodes[position].label ?? .optional
        var defaultValue: String?
        if let value = nodes[position].defaultValue {
            if label == .repeated {
                diagnostics.append(Diagnostic("repeated fields can't have default values", at: value.span))
            } else if type != .message || nodes[position].scalarType != nil || typeName != nil {
                do {
                    defaultValue = try DefaultValueFormatter.format(value, type: type)
                } catch {
                    if case .message(let text) = error { diagnostics.append(Diagnostic(text, at: value.span)) }
                }
            }
        }
        // Built once with every value and returned as is: a field built, then changed, was copied on return.
        return Field(
            name: nodes[position].name, number: number, label: label, type: type, typeName: typeName, extendee: extendee,
            defaultValue: defaultValue, oneofIndex: nodes[position].oneofIndex, jsonName: nodes[position].jsonName ?? NameRules.jsonName(nodes[position].name),
            proto3Optional: nodes[position].proto3Optional, span: nodes[position].span, comments: nodes[position].comments)
    }

    mutating func enumType(_ n: EnumNode, scope: String) -> EnumType {
        let fullName = NameRules.qualify(scope, n.name)
        var result = EnumType(name: n.name, fullName: fullName, span: n.span, comments: n.comments)
        result.visibility = n.visibility
        result.values = n.values.map { value in
            guard let number = Int32(exactly: value.number) else {
                diagnostics.append(Diagnostic("enum value number \(value.number) is out of the 32-bit range", at: value.span))
                return EnumValue(name: value.name, number: 0, span: value.span, comments: value.comments)
            }
            return EnumValue(name: value.name, number: number, span: value.span, comments: value.comments)
        }
        result.reservedRanges = n.reservedRanges.map { r in
            guard let start = Int32(exactly: r.start), let end = Int32(exactly: r.end ?? Int64(Int32.max)) else {
                diagnostics.append(Diagnostic("reserved range is out of the 32-bit range", at: r.span))
                return NumberRange(start: 0, end: 0, span: r.span)
            }
            return NumberRange(start: start, end: end, span: r.span)
        }
        result.reservedNames = n.reservedNames.map(\.0)
        return result
    }

    mutating func service(_ n: ServiceNode, scope: String) -> Service {
        let fullName = NameRules.qualify(scope, n.name)
        var result = Service(name: n.name, fullName: fullName, span: n.span, comments: n.comments)
        result.methods = n.methods.map { m in
            let input = messageType(m.inputType, inside: fullName, at: m.inputSpan)
            let output = messageType(m.outputType, inside: fullName, at: m.outputSpan)
            return Method(
                name: m.name, inputType: input, outputType: output, clientStreaming: m.clientStreaming,
                serverStreaming: m.serverStreaming, span: m.span, comments: m.comments)
        }
        return result
    }

    mutating func messageType(_ name: String, inside scope: String, at span: SourceSpan) -> String {
        guard let (resolved, kind) = resolve(name, inside: scope, at: span, typesOnly: false) else { return name }
        if kind != .message {
            diagnostics.append(Diagnostic("\"\(name)\" is not a message type", at: span))
        }
        return resolved
    }
}
