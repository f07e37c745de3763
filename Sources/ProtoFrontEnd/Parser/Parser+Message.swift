import ProtoModel

extension Parser {
    /// `message Name { ... }`
    mutating func parseMessage(scope: String, comments: Comments?) throws -> MessageNode {
        let start = current
        next()
        let (name, nameSpan) = try identifier("a message name")
        var message = MessageNode(name: name, span: nameSpan, nameSpan: nameSpan, comments: comments)
        try parseMessageBody(into: &message, opening: start)
        message.span = span(from: start)
        return message
    }

    /// `{ statements }` of a message or group; finishes with the synthetic oneofs and `max` ranges.
    mutating func parseMessageBody(into message: inout MessageNode, opening: Token) throws {
        try expect("{", "to open the message body")
        attachTrailing(to: &message.comments)
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw fail("messages nested deeper than \(Self.maxDepth) levels: flatten the schema", at: opening)
        }
        while !tryConsume("}") {
            if current.kind == .endOfFile {
                throw fail("reached end of input in message definition (missing '}')")
            }
            let statementStart = index
            do {
                try parseMessageStatement(into: &message)
            } catch {
                if index == statementStart { next() }
                skipStatement()
            }
        }
        if syntax == .proto3 { generateSyntheticOneofs(&message) }
    }

    mutating func parseMessageStatement(into message: inout MessageNode) throws {
        if tryConsume(";") { return }
        let comments = leadingComments(of: current)
        let visibility = parseVisibility()
        switch currentKeyword(Self.messageKeywords) {
        case .message:
            var nested = try parseMessage(scope: message.name, comments: comments)
            nested.visibility = visibility
            message.nested.append(nested)
        case .enum:
            var e = try parseEnum(comments: comments)
            e.visibility = visibility
            message.enums.append(e)
        case .extend:
            try parseExtend(into: &message.extensions, nestedTypes: &message.nested)
        case .extensions:
            try parseExtensions(into: &message)
        case .reserved:
            try parseReserved(ranges: &message.reservedRanges, names: &message.reservedNames, isEnum: false)
        case .option:
            message.options.append(try parseOptionStatement())
        case .oneof:
            try parseOneof(into: &message, comments: comments)
        default:
            // Appended, then finished in place: a field node is a few hundred bytes, copied otherwise.
            message.fields.append(try parseField(context: .message, oneofIndex: nil, nestedTypes: &message.nested, comments: comments))
            let last = message.fields.count - 1
            // A group's closing `}` ends no declaration: protoc attaches nothing after it.
            if !message.fields[last].isGroup { attachTrailing(to: &message.fields[last].comments) }
        }
    }

    enum FieldContext { case message, oneof, extend }

    /// The scalar type the current token names when it is a whole type name (an identifier of four to
    /// eight bytes spelling a scalar keyword, not followed by a period), read from its bytes.
    func currentScalarType() -> FieldType? {
        guard current.kind == .identifier else { return nil }
        let start = Int(current.start)
        let count = Int(current.end - current.start)
        guard count >= 4, count <= 8, !peekIs(1, ".") else { return nil }
        var key: UInt64 = 0
        for offset in 0..<count { key |= UInt64(bytes[start + offset]) << UInt64(8 * offset) }
        return FieldType(packedScalarKeyword: key)
    }

    /// The label `token` spells, if it is `optional`, `required` or `repeated`.
    func labelKeyword(_ token: Token) -> FieldLabel? {
        if self.token(token, is: "optional") { return .optional }
        if self.token(token, is: "repeated") { return .repeated }
        if self.token(token, is: "required") { return .required }
        return nil
    }

    /// A field, map field or group; synthesized nested types go to `nestedTypes`.
    mutating func parseField(
        context: FieldContext, oneofIndex: Int32?, nestedTypes: inout [MessageNode],
        comments: consuming Comments?
    ) throws -> FieldNode {
        let start = current
        var label: FieldLabel?
        var labelSpan: SourceSpan?
        if current.kind == .identifier, let l = labelKeyword(current), !peekIs(1, "=") {
            label = l
            labelSpan = span(current)
            next()
        }
        if let label, let labelSpan {
            if context == .oneof {
                throw fail("fields in oneofs must not have labels (required / optional / repeated)", at: start)
            }
            if syntax == .proto3, label == .required {
                diagnostics.append(Diagnostic("required fields are not allowed in proto3", at: labelSpan))
            }
            if syntax == .editions, label == .optional {
                diagnostics.append(
                    Diagnostic(
                        "label \"optional\" is not supported in editions: fields have explicit presence by default, or use features.field_presence",
                        at: labelSpan))
            }
            if syntax == .editions, label == .required {
                diagnostics.append(
                    Diagnostic(
                        "label \"required\" is not supported in editions: use features.field_presence = LEGACY_REQUIRED",
                        at: labelSpan))
            }
        } else if syntax == .proto2, context != .oneof, !(lookingAt("map") && peekIs(1, "<")) {
            diagnostics.append(Diagnostic("expected \"required\", \"optional\", or \"repeated\"", at: span(current)))
        }

        // Map fields.
        if lookingAt("map"), peekIs(1, "<") {
            if context == .oneof { throw fail("map fields are not allowed in oneofs") }
            if context == .extend { throw fail("map fields are not allowed to be extensions") }
            if label != nil {
                diagnostics.append(Diagnostic("field labels (required/optional/repeated) are not allowed on map fields", at: labelSpan))
            }
            return try parseMapField(start: start, nestedTypes: &nestedTypes, comments: comments)
        }

        // Groups.
        if lookingAt("group"), index + 1 < tokens.count, tokens[index + 1].kind != .endOfFile, !peekIs(1, "."), !peekIs(1, "=") {
            let groupToken = current
            next()
            if syntax == .proto3 { diagnostics.append(Diagnostic("groups are not supported in proto3 syntax", at: span(groupToken))) }
            if syntax == .editions {
                diagnostics.append(
                    Diagnostic(
                        "group syntax is no longer supported in editions: use a message field with features.message_encoding = DELIMITED", at: span(groupToken))
                )
            }
            let (groupName, groupNameSpan) = try identifier("a group name")
            if let first = groupName.unicodeScalars.first, !(first >= "A" && first <= "Z") {
                diagnostics.append(Diagnostic("group names must start with a capital letter", at: groupNameSpan))
            }
            try expect("=", "after the group name")
            let (number, numberSpan) = try integer("a field number", allowNegative: false)
            var field = FieldNode(
                name: groupName.lowercased(), nameSpan: groupNameSpan, number: number, numberSpan: numberSpan,
                label: label ?? .optional, labelSpan: labelSpan, scalarType: .group, typeName: groupName,
                typeSpan: groupNameSpan, isGroup: true, oneofIndex: oneofIndex, span: groupNameSpan,
                comments: nil)
            try splitFieldOptions(&field)
            // protoc gives a group's comments to its type, not to its field.
            var body = MessageNode(name: groupName, span: groupNameSpan, nameSpan: groupNameSpan, comments: comments)
            try parseMessageBody(into: &body, opening: groupToken)
            // The group's type is declared by the whole statement, label included (as protoc records it).
            body.span = span(from: start)
            nestedTypes.append(body)
            field.span = span(from: start)
            return field
        }

        // A scalar type is told from its token's bytes: no string is made for it.
        let scalar = currentScalarType()
        var typeText: String?
        let typeSpan: SourceSpan
        if scalar != nil {
            typeSpan = span(current)
            next()
        } else {
            let (text, textSpan) = try typeName("a field type")
            typeText = text
            typeSpan = textSpan
        }
        let (name, nameSpan) = try identifier("a field name")
        try expect("=", "after the field name \"\(name)\"")
        let (number, numberSpan) = try integer("a field number", allowNegative: true)
        // Everything is read before the node is made, once, and returned as made: a node made early
        // and finished field by field was copied twice on the way out (a few hundred bytes, every
        // reference in it retained and released).
        let written = try fieldOptions()
        try expect(";", "after the field definition")
        return FieldNode(
            name: name, nameSpan: nameSpan, number: number, numberSpan: numberSpan,
            label: label, labelSpan: labelSpan, scalarType: scalar, typeName: scalar == nil ? typeText : nil,
            typeSpan: typeSpan, oneofIndex: oneofIndex, proto3Optional: syntax == .proto3 && label == .optional,
            span: span(from: start), comments: comments, written: written)
    }

    /// Reads `[...]` after a field into `field`.
    mutating func splitFieldOptions(_ field: inout FieldNode) throws {
        let written = try fieldOptions()
        field.options = written.options
        if written.hasRareParts { field.apply(written) }
    }

    /// Reads `[...]` after a field, moving `default` and `json_name` out of the options as protoc does.
    mutating func fieldOptions() throws -> FieldNode.WrittenOptions {
        var written = FieldNode.WrittenOptions()
        for option in try parseBracketOptions() {
            if option.name.count == 1, !option.name[0].isExtension, option.name[0].name == "default" {
                if written.defaultValue != nil { throw fail("already set option \"default\"", at: nil) }
                if syntax == .proto3 {
                    diagnostics.append(Diagnostic("explicit default values are not allowed in proto3", at: option.span))
                }
                written.defaultValue = option.value
            } else if option.name.count == 1, !option.name[0].isExtension, option.name[0].name == "json_name" {
                if written.jsonName != nil { throw fail("already set option \"json_name\"", at: nil) }
                guard case .string(let bytes) = option.value.kind else {
                    diagnostics.append(Diagnostic("expected a string for json_name", at: option.value.span))
                    continue
                }
                written.jsonName = String(decoding: bytes, as: UTF8.self)
                written.jsonNameSpan = option.span
            } else {
                written.options.append(option)
            }
        }
        return written
    }

    mutating func parseMapField(start: Token, nestedTypes: inout [MessageNode], comments: Comments?) throws -> FieldNode {
        next()  // map
        try expect("<", "after map")
        let (keyText, keySpan) = try typeName("a map key type")
        try expect(",", "after the map key type")
        let (valueText, valueSpan) = try typeName("a map value type")
        try expect(">", "to close the map type")
        let (name, nameSpan) = try identifier("a field name")
        try expect("=", "after the field name \"\(name)\"")
        let (number, numberSpan) = try integer("a field number", allowNegative: true)
        let entryName = Self.mapEntryName(name)
        var field = FieldNode(
            name: name, nameSpan: nameSpan, number: number, numberSpan: numberSpan,
            label: .repeated, scalarType: .message, typeName: entryName, typeSpan: keySpan,
            isMap: true, span: span(start), comments: comments)
        try splitFieldOptions(&field)
        try expect(";", "after the map field definition")
        field.span = span(from: start)

        var key = FieldNode(
            name: "key", nameSpan: keySpan, number: 1, numberSpan: keySpan, label: .optional,
            typeSpan: keySpan, span: keySpan)
        if let scalar = FieldType(scalarKeyword: keyText) { key.scalarType = scalar } else { key.typeName = keyText }
        var value = FieldNode(
            name: "value", nameSpan: valueSpan, number: 2, numberSpan: valueSpan, label: .optional,
            typeSpan: valueSpan, span: valueSpan)
        if let scalar = FieldType(scalarKeyword: valueText) { value.scalarType = scalar } else { value.typeName = valueText }
        for option in field.options where !option.name[0].isExtension {
            if option.name.count == 1, option.name[0].name == "enforce_utf8" {
                if key.scalarType == .string { key.options.append(option) }
                if value.scalarType == .string { value.options.append(option) }
            }
            if option.name[0].name == "features" {
                key.options.append(option)
                value.options.append(option)
            }
        }
        var entry = MessageNode(name: entryName, span: field.span, nameSpan: nameSpan, isMapEntry: true)
        entry.fields = [key, value]
        nestedTypes.append(entry)
        return field
    }

    /// protoc's map entry type name: `foo_bar` becomes `FooBarEntry`.
    static func mapEntryName(_ fieldName: String) -> String {
        var result = ""
        var capitalizeNext = true
        for c in fieldName {
            if c == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result.append(c >= "a" && c <= "z" ? Character(c.uppercased()) : c)
                capitalizeNext = false
            } else {
                result.append(c)
            }
        }
        return result + "Entry"
    }

    mutating func parseOneof(into message: inout MessageNode, comments: Comments?) throws {
        let start = current
        next()
        let (name, nameSpan) = try identifier("a oneof name")
        let oneofIndex = Int32(message.oneofs.count)
        message.oneofs.append(OneofNode(name: name, span: nameSpan, comments: comments))
        try expect("{", "to open the oneof")
        attachTrailing(to: &message.oneofs[Int(oneofIndex)].comments)
        var sawField = false
        while !tryConsume("}") {
            if current.kind == .endOfFile { throw fail("reached end of input in oneof definition (missing '}')") }
            if tryConsume(";") { continue }
            let statementStart = index
            do {
                if lookingAt("option") {
                    message.oneofs[Int(oneofIndex)].options.append(try parseOptionStatement())
                } else {
                    let fieldComments = leadingComments(of: current)
                    var field = try parseField(
                        context: .oneof, oneofIndex: oneofIndex, nestedTypes: &message.nested,
                        comments: fieldComments)
                    if !field.isGroup { attachTrailing(to: &field.comments) }
                    message.fields.append(field)
                    sawField = true
                }
            } catch {
                if index == statementStart { next() }
                skipStatement()
            }
        }
        message.oneofs[Int(oneofIndex)].span = span(from: start)
        if !sawField { diagnostics.append(Diagnostic("oneof must have at least one field", at: nameSpan)) }
    }

    /// `extend Name { fields }`: the fields become extensions; groups add nested types to `nestedTypes`.
    mutating func parseExtend(into extensions: inout [FieldNode], nestedTypes: inout [MessageNode]) throws {
        next()
        let (extendee, extendeeSpan) = try typeName("the name of the message to extend")
        try expect("{", "to open the extend block")
        while !tryConsume("}") {
            if current.kind == .endOfFile { throw fail("reached end of input in extend definition (missing '}')") }
            if tryConsume(";") { continue }
            let statementStart = index
            do {
                let comments = leadingComments(of: current)
                var field = try parseField(context: .extend, oneofIndex: nil, nestedTypes: &nestedTypes, comments: comments)
                field.extendee = extendee
                field.extendeeSpan = extendeeSpan
                if field.jsonName != nil {
                    diagnostics.append(Diagnostic("option json_name is not allowed on extension fields", at: field.jsonNameSpan))
                }
                if !field.isGroup { attachTrailing(to: &field.comments) }
                extensions.append(field)
            } catch {
                if index == statementStart { next() }
                skipStatement()
            }
        }
    }

    /// `extensions 100 to 199, 500 [options];`
    mutating func parseExtensions(into message: inout MessageNode) throws {
        next()
        var ranges: [RangeNode] = []
        repeat {
            ranges.append(try parseRange(isEnum: false))
        } while tryConsume(",")
        let options = try parseBracketOptions()
        try expect(";", "after the extension ranges")
        for index in ranges.indices { ranges[index].options = options }
        message.extensionRanges += ranges
    }

    /// `N`, `N to M` or `N to max`.
    mutating func parseRange(isEnum: Bool) throws -> RangeNode {
        let start = current
        let (first, _) = try integer(isEnum ? "an enum value number" : "a field number", allowNegative: isEnum)
        var end: Int64? = first
        if tryConsume("to") {
            if tryConsume("max") {
                end = nil
            } else {
                (end, _) = try integer("the end of the range", allowNegative: isEnum)
            }
        }
        return RangeNode(start: first, end: end, span: span(from: start))
    }

    /// `reserved 1, 2 to 5;` or `reserved "a", "b";` (identifiers in editions).
    mutating func parseReserved(ranges: inout [RangeNode], names: inout [(String, SourceSpan)], isEnum: Bool) throws {
        next()
        if current.kind == .string || (current.kind == .identifier && currentText != "max") {
            repeat {
                if current.kind == .string {
                    if syntax == .editions {
                        diagnostics.append(Diagnostic("reserved names must be identifiers in editions, not string literals", at: span(current)))
                    }
                    let (bytes, nameSpan) = try stringLiteral("a reserved name")
                    names.append((String(decoding: bytes, as: UTF8.self), nameSpan))
                } else {
                    if syntax != .editions {
                        diagnostics.append(Diagnostic("reserved names must be string literals (only editions allow identifiers)", at: span(current)))
                    }
                    let (name, nameSpan) = try identifier("a reserved name")
                    names.append((name, nameSpan))
                }
            } while tryConsume(",")
        } else {
            repeat {
                ranges.append(try parseRange(isEnum: isEnum))
            } while tryConsume(",")
        }
        try expect(";", "after the reserved statement")
    }

    /// protoc's synthetic oneofs for proto3 `optional` fields, appended after the real oneofs.
    func generateSyntheticOneofs(_ message: inout MessageNode) {
        // Most messages have no proto3 `optional` field: no names to collect.
        guard message.fields.contains(where: \.proto3Optional) else { return }
        var names = Set(message.fields.map(\.name))
        names.formUnion(message.oneofs.map(\.name))
        for index in message.fields.indices where message.fields[index].proto3Optional {
            var name = message.fields[index].name
            if !name.hasPrefix("_") { name = "_" + name }
            while names.contains(name) { name = "X" + name }
            names.insert(name)
            message.fields[index].oneofIndex = Int32(message.oneofs.count)
            message.oneofs.append(OneofNode(name: name, span: message.fields[index].nameSpan))
        }
    }
}
