import ProtoModel

extension Parser {
    /// `enum Name { VALUE = 1; ... }`
    mutating func parseEnum(comments: Comments?) throws -> EnumNode {
        let start = current
        next()
        let (name, nameSpan) = try identifier("an enum name")
        var node = EnumNode(name: name, span: nameSpan, nameSpan: nameSpan, comments: comments)
        try expect("{", "to open the enum body")
        attachTrailing(to: &node.comments)
        while !tryConsume("}") {
            if current.kind == .endOfFile { throw fail("reached end of input in enum definition (missing '}')") }
            if tryConsume(";") { continue }
            let statementStart = index
            do {
                if lookingAt("option") {
                    node.options.append(try parseOptionStatement())
                } else if lookingAt("reserved") {
                    try parseReserved(ranges: &node.reservedRanges, names: &node.reservedNames, isEnum: true)
                } else {
                    node.values.append(try parseEnumValue())
                }
            } catch {
                if index == statementStart { next() }
                skipStatement()
            }
        }
        node.span = span(from: start)
        return node
    }

    mutating func parseEnumValue() throws -> EnumValueNode {
        let start = current
        let comments = leadingComments(of: current)
        let (name, _) = try identifier("an enum constant name")
        try expect("=", "after the enum constant \"\(name)\"")
        let (number, _) = try integer("an enum value number", allowNegative: true)
        let options = try parseBracketOptions()
        try expect(";", "after the enum value")
        var value = EnumValueNode(name: name, number: number, options: options, span: span(from: start), comments: comments)
        attachTrailing(to: &value.comments)
        return value
    }

    /// `service Name { rpc ...; }`
    mutating func parseService(comments: Comments?) throws -> ServiceNode {
        let start = current
        next()
        let (name, nameSpan) = try identifier("a service name")
        var node = ServiceNode(name: name, span: nameSpan, comments: comments)
        try expect("{", "to open the service body")
        attachTrailing(to: &node.comments)
        while !tryConsume("}") {
            if current.kind == .endOfFile { throw fail("reached end of input in service definition (missing '}')") }
            if tryConsume(";") { continue }
            let statementStart = index
            do {
                if lookingAt("option") {
                    node.options.append(try parseOptionStatement())
                } else if lookingAt("rpc") {
                    node.methods.append(try parseMethod())
                } else {
                    throw fail("expected \"rpc\" or \"option\" in a service, found \(describe(current))")
                }
            } catch {
                if index == statementStart { next() }
                skipStatement()
            }
        }
        node.span = span(from: start)
        return node
    }

    mutating func parseMethod() throws -> MethodNode {
        let start = current
        let comments = leadingComments(of: current)
        next()
        let (name, _) = try identifier("a method name")
        try expect("(", "before the request type")
        let clientStreaming = consumeStreamKeyword()
        let (input, inputSpan) = try typeName("a request type")
        try expect(")", "after the request type")
        try expect("returns", "after the request type")
        try expect("(", "before the response type")
        let serverStreaming = consumeStreamKeyword()
        let (output, outputSpan) = try typeName("a response type")
        try expect(")", "after the response type")
        var method = MethodNode(
            name: name, inputType: input, inputSpan: inputSpan, outputType: output,
            outputSpan: outputSpan, clientStreaming: clientStreaming,
            serverStreaming: serverStreaming, span: span(start), comments: comments)
        if tryConsume("{") {
            // With a body, the comment after `{` trails the method (protoc ends the declaration there).
            attachTrailing(to: &method.comments)
            while !tryConsume("}") {
                if current.kind == .endOfFile { throw fail("reached end of input in method options (missing '}')") }
                if tryConsume(";") { continue }
                guard lookingAt("option") else {
                    throw fail("expected \"option\" in a method body, found \(describe(current))")
                }
                method.options.append(try parseOptionStatement())
            }
            // A `;` after the body is an empty statement of the service, outside the method's span.
            method.span = span(from: start)
            _ = tryConsume(";")
        } else {
            try expect(";", "after the method definition")
            method.span = span(from: start)
            attachTrailing(to: &method.comments)
        }
        return method
    }

    /// `stream` before a type name (not a type that happens to be called `stream`).
    mutating func consumeStreamKeyword() -> Bool {
        guard lookingAt("stream"), let following = peekText(1), following != ")", following != "." else { return false }
        next()
        return true
    }
}
