import ProtoModel

/// Thrown inside one statement to abandon it; the statement loop records the diagnostic and resyncs.
struct ParseAbort: Error {}

/// Builds a `FileNode` from tokens, as protoc's parser builds an unlinked FileDescriptorProto:
/// map entries, group types and proto3 synthetic oneofs are synthesized here, names stay as written.
struct Parser {
    static let maxDepth = 100

    let file: String
    let fileID: SourceFileID
    let bytes: [UInt8]
    var tokens: [Token]
    /// The lexer's side tables: string literal values and comment blocks, found from tokens by index.
    let stringValues: [[UInt8]]
    let commentBlocks: [CommentBlock]
    var index = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    var syntax: Syntax = .proto2
    var edition: String?

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        var lexer = Lexer(file: file, bytes: bytes)
        tokens = lexer.tokenize()
        fileID = lexer.fileID
        stringValues = lexer.stringValues
        commentBlocks = lexer.commentBlocks
        diagnostics = lexer.diagnostics
    }

    /// Parses the whole file; `diagnostics` holds every problem found.
    static func parse(file: String, bytes: [UInt8]) -> (FileNode, [Diagnostic]) {
        var parser = Parser(file: file, bytes: bytes)
        let node = parser.parseFile()
        return (node, parser.diagnostics)
    }

    // MARK: tokens

    var current: Token { tokens[index] }

    func text(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    var currentText: String { text(current) }

    func span(_ token: Token) -> SourceSpan {
        SourceSpan(
            fileID: fileID, line: token.line, column: token.column, endLine: token.endLine,
            endColumn: token.endColumn, offset: token.start, endOffset: token.end)
    }

    /// The span from `start` to the end of the previous token.
    func span(from start: Token) -> SourceSpan {
        let last = tokens[max(index - 1, 0)]
        return span(start).extended(to: span(last))
    }

    /// True when `token` is the symbol or identifier `symbol`, compared byte for byte (no string is made).
    func token(_ token: Token, is symbol: StaticString) -> Bool {
        guard token.kind == .symbol || token.kind == .identifier else { return false }
        let start = Int(token.start)
        let count = Int(token.end - token.start)
        // A literal's bytes are in the binary: no String to look into (a third of a million calls a file set).
        return symbol.withUTF8Buffer { literal in
            guard literal.count == count else { return false }
            for k in 0..<count where bytes[start + k] != literal[k] { return false }
            return true
        }
    }

    /// The keyword among `keywords` that the current identifier spells, or nil (matched by length,
    /// then bytes: a field, the usual statement, is told apart without comparing strings).
    func currentKeyword(_ keywords: [Keyword]) -> StatementKeyword? {
        guard current.kind == .identifier else { return nil }
        let start = Int(current.start)
        let length = Int(current.end - current.start)
        for keyword in keywords where keyword.bytes.count == length {
            if keyword.bytes.indices.allSatisfy({ bytes[start + $0] == keyword.bytes[$0] }) { return keyword.kind }
        }
        return nil
    }

    /// The keywords that start a statement in a file or a message body.
    enum StatementKeyword: String, Sendable {
        case message, `enum`, service, extend, `import`, package, option, syntax, edition, extensions, reserved, oneof
    }

    /// A statement keyword with its bytes.
    struct Keyword: Sendable {
        let kind: StatementKeyword
        let bytes: [UInt8]
        init(_ kind: StatementKeyword) {
            self.kind = kind
            bytes = Array(kind.rawValue.utf8)
        }
    }

    static let topLevelKeywords = ([.message, .enum, .service, .extend, .import, .package, .option, .syntax, .edition] as [StatementKeyword]).map(Keyword.init)
    static let messageKeywords = ([.message, .enum, .extend, .extensions, .reserved, .option, .oneof] as [StatementKeyword]).map(Keyword.init)

    func lookingAt(_ symbol: StaticString) -> Bool {
        token(current, is: symbol)
    }

    /// True when the token `offset` places ahead is `symbol` (false past the end of the file).
    func peekIs(_ offset: Int, _ symbol: StaticString) -> Bool {
        let i = index + offset
        return i < tokens.count && token(tokens[i], is: symbol)
    }

    func peekText(_ offset: Int) -> String? {
        let i = index + offset
        guard i < tokens.count, tokens[i].kind != .endOfFile else { return nil }
        return text(tokens[i])
    }

    mutating func next() {
        if current.kind != .endOfFile { index += 1 }
    }

    mutating func tryConsume(_ symbol: StaticString) -> Bool {
        if lookingAt(symbol) {
            next()
            return true
        }
        return false
    }

    mutating func fail(_ message: String, at token: Token? = nil) -> ParseAbort {
        let place = token ?? current
        diagnostics.append(Diagnostic(message, at: span(place)))
        return ParseAbort()
    }

    func describe(_ token: Token) -> String {
        token.kind == .endOfFile ? "end of file" : "\"\(text(token))\""
    }

    /// Consumes `symbol` or fails; `context` (built only on failure) says where it was expected.
    mutating func expect(_ symbol: StaticString, _ context: @autoclosure () -> String) throws {
        if !tryConsume(symbol) {
            throw fail("expected \"\(symbol)\" \(context()), found \(describe(current))")
        }
    }

    mutating func identifier(_ what: String) throws -> (String, SourceSpan) {
        guard current.kind == .identifier else { throw fail("expected \(what), found \(describe(current))") }
        let result = (currentText, span(current))
        next()
        return result
    }

    /// A possibly dotted name, with an optional leading dot (`.foo.Bar`).
    mutating func typeName(_ what: String) throws -> (String, SourceSpan) {
        let start = current
        let startIndex = index
        var touching = true  // every token starts where the previous one ended: the name is one run of bytes
        var end = start.end
        if tryConsume(".") {
            touching = current.start == end
        }
        guard current.kind == .identifier else { throw fail("expected \(what), found \(describe(current))") }
        end = current.end
        next()
        while lookingAt("."), index + 1 < tokens.count, tokens[index + 1].kind == .identifier {
            touching = touching && current.start == end && tokens[index + 1].start == current.end
            next()
            end = current.end
            next()
        }
        if touching {
            return (String(decoding: bytes[start.start..<end], as: UTF8.self), span(from: start))
        }
        var name = ""
        for token in tokens[startIndex..<index] { name += text(token) }
        return (name, span(from: start))
    }

    /// Adjacent string literals, concatenated.
    mutating func stringLiteral(_ what: String) throws -> ([UInt8], SourceSpan) {
        guard current.kind == .string else { throw fail("expected \(what), found \(describe(current))") }
        let start = current
        var value: [UInt8] = []
        while current.kind == .string {
            value += stringValues[Int(current.stringIndex)]
            next()
        }
        return (value, span(from: start))
    }

    /// An integer literal with an optional leading `-`, checked to fit 64 bits.
    mutating func integer(_ what: String, allowNegative: Bool) throws -> (Int64, SourceSpan) {
        let start = current
        let negative = allowNegative && tryConsume("-")
        guard current.kind == .integer else { throw fail("expected \(what), found \(describe(current))") }
        guard let magnitude = Self.parseInteger(bytes[current.start..<current.end]) else {
            throw fail("integer out of range")
        }
        next()
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw fail("integer out of range", at: start) }
            return (magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude), span(from: start))
        }
        guard magnitude <= UInt64(Int64.max) else { throw fail("integer out of range", at: start) }
        return (Int64(magnitude), span(from: start))
    }

    /// Decimal, hex (`0x`) or octal (leading `0`) text to its value; nil when over 64 bits or not digits.
    static func parseInteger(_ text: String) -> UInt64? {
        parseInteger(Array(text.utf8)[...])
    }

    /// `parseInteger` over the token's bytes.
    static func parseInteger(_ text: ArraySlice<UInt8>) -> UInt64? {
        var digits = text
        var radix: UInt64 = 10
        if digits.count > 2, digits.first == UInt8(ascii: "0"),
            digits[digits.startIndex + 1] == UInt8(ascii: "x") || digits[digits.startIndex + 1] == UInt8(ascii: "X")
        {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.count > 1, digits.first == UInt8(ascii: "0") {
            radix = 8
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            if overflow || carry { return nil }
            value = sum
        }
        return value
    }

    /// Comments attached to the element starting at the current token: the comment right before it
    /// (no blank line between) is leading, earlier ones are detached, the previous token's trailing
    /// comment left out (`CommentRoles`).
    func leadingComments(of token: Token) -> Comments? {
        if token.commentRange.isEmpty { return nil }
        let roles = commentRoles()
        var comments = Comments()
        comments.leading = roles.leading.map { commentBlocks[$0].text }
        comments.detached = roles.detached.map { commentBlocks[$0].text }
        return comments.isEmpty ? nil : comments
    }

    /// The roles of the comments before the current token.
    func commentRoles() -> CommentRoles {
        // Most declarations have no comment before them: nothing to decide, nothing to look up.
        if current.commentRange.isEmpty { return CommentRoles() }
        let closes = token(current, is: "}") || token(current, is: "]") || token(current, is: ")")
        return CommentRoles(before: index, tokens: tokens, blocks: commentBlocks, closesScope: closes)
    }

    /// The trailing comment of the token just consumed (a declaration's `;` or `{`), as protoc
    /// attaches it to the declaration.
    func trailingComment() -> String? {
        guard index > 0 else { return nil }
        return commentRoles().trailing.map { commentBlocks[$0].text }
    }

    /// Adds the trailing comment, if any, to `comments`; without one, `comments` is not touched
    /// (reading an element's comments out and writing them back copied them for every field).
    func attachTrailing(to comments: inout Comments?) {
        guard let trailing = trailingComment() else { return }
        if comments == nil { comments = Comments() }
        comments?.trailing = trailing
    }

    /// Skips to just past the next `;` or the end of the current `{ }` block, for error recovery.
    mutating func skipStatement() {
        var braces = 0
        while current.kind != .endOfFile {
            if lookingAt("{") {
                braces += 1
            } else if lookingAt("}") {
                if braces == 0 { return }
                braces -= 1
                if braces == 0 {
                    next()
                    return
                }
            } else if lookingAt(";"), braces == 0 {
                next()
                return
            }
            next()
        }
    }

    // MARK: file

    mutating func parseFile() -> FileNode {
        var node = FileNode(name: file)
        if current.kind == .endOfFile { return node }
        let first = current
        if lookingAt("syntax") || lookingAt("edition") {
            node.comments = leadingComments(of: current)
            do { try parseSyntax(into: &node) } catch { skipStatement() }
        } else {
            diagnostics.append(
                Diagnostic(
                    "no syntax specified for the proto file: add 'syntax = \"proto2\";' or 'syntax = \"proto3\";' at the top",
                    at: span(first), severity: .warning))
        }
        while current.kind != .endOfFile {
            let statementStart = index
            do {
                try parseTopLevelStatement(into: &node)
            } catch {
                if index == statementStart { next() }
                skipStatement()
            }
        }
        return node
    }

    mutating func parseSyntax(into node: inout FileNode) throws {
        let start = current
        let isEdition = lookingAt("edition")
        next()
        try expect("=", "after \(isEdition ? "edition" : "syntax")")
        let (value, valueSpan) = try stringLiteral(isEdition ? "an edition string" : "a syntax string")
        let text = String(decoding: value, as: UTF8.self)
        if isEdition {
            guard Self.knownEditions.contains(text) else {
                diagnostics.append(
                    Diagnostic("edition \"\(text)\" is not supported: use one of \(Self.knownEditions.sorted().joined(separator: ", "))", at: valueSpan))
                throw ParseAbort()
            }
            node.syntax = .editions
            node.edition = text
            edition = text
        } else {
            switch text {
            case "proto2": node.syntax = .proto2
            case "proto3": node.syntax = .proto3
            default:
                diagnostics.append(
                    Diagnostic(
                        "unrecognized syntax identifier \"\(text)\": this parser only recognizes \"proto2\" and \"proto3\"",
                        at: valueSpan))
                throw ParseAbort()
            }
        }
        syntax = node.syntax
        node.syntaxSpan = span(from: start)
        try expect(";", "after the syntax statement")
    }

    /// The editions protoc 36 accepts.
    static let knownEditions: Set<String> = ["2023", "2024", "2026", "UNSTABLE"]

    /// `export` or `local` before `message` or `enum` (editions 2024 and later).
    mutating func parseVisibility() -> SymbolVisibility? {
        guard current.kind == .identifier, peekIs(1, "message") || peekIs(1, "enum") else { return nil }
        guard let visibility = SymbolVisibility(rawValue: currentText) else { return nil }
        if syntax != .editions || edition == "2023" {
            diagnostics.append(Diagnostic("\"\(currentText)\" visibility is only allowed in edition 2024 and later", at: span(current)))
        }
        self.next()
        return visibility
    }

    mutating func parseTopLevelStatement(into node: inout FileNode) throws {
        if tryConsume(";") { return }
        let start = current
        let comments = leadingComments(of: current)
        let visibility = parseVisibility()
        switch currentKeyword(Self.topLevelKeywords) {
        case .message:
            var message = try parseMessage(scope: "", comments: comments)
            message.comments = message.comments ?? comments
            message.visibility = visibility
            node.messages.append(message)
        case .enum:
            var e = try parseEnum(comments: comments)
            e.visibility = visibility
            node.enums.append(e)
        case .service:
            node.services.append(try parseService(comments: comments))
        case .extend:
            var nested: [MessageNode] = []
            try parseExtend(into: &node.extensions, nestedTypes: &nested)
            node.messages += nested
        case .import:
            next()
            var kind = Import.Kind.normal
            if tryConsume("public") {
                kind = .public
            } else if tryConsume("weak") {
                kind = .weak
            } else if current.kind == .identifier, currentText == "option", peekText(1).map({ $0.hasPrefix("\"") || $0.hasPrefix("'") }) == true {
                next()
                kind = .option
            }
            let (path, _) = try stringLiteral("a file name to import")
            try expect(";", "after the import")
            var statement = Import(path: String(decoding: path, as: UTF8.self), kind: kind, span: span(from: start), comments: comments)
            attachTrailing(to: &statement.comments)
            node.imports.append(statement)
        case .package:
            next()
            if node.packageSpan != nil { throw fail("multiple package definitions", at: start) }
            let (name, nameSpan) = try typeName("a package name")
            if name.hasPrefix(".") { throw fail("a package name cannot start with \".\"", at: start) }
            try expect(";", "after the package name")
            node.package = name
            node.packageSpan = nameSpan
        case .option:
            node.options.append(try parseOptionStatement())
        case .syntax, .edition:
            throw fail("the \(currentText) statement must be the first statement of the file")
        default:
            throw fail("expected a top-level statement (message, enum, service, extend, import, package, option), found \(describe(current))")
        }
    }

    // MARK: options

    /// `option name = value;`
    mutating func parseOptionStatement() throws -> OptionNode {
        let start = current
        next()
        var option = try parseOption()
        try expect(";", "after the option")
        option.span = span(from: start)
        return option
    }

    /// `name = value`, as inside `option ...;` or `[...]`.
    mutating func parseOption() throws -> OptionNode {
        let start = current
        var segments: [OptionNameSegment] = []
        repeat {
            let segmentStart = current
            if tryConsume("(") {
                let (name, _) = try typeName("an extension name")
                try expect(")", "to close the extension name")
                segments.append(OptionNameSegment(name: name, isExtension: true, span: span(from: segmentStart)))
            } else {
                let (name, nameSpan) = try identifier("an option name")
                segments.append(OptionNameSegment(name: name, isExtension: false, span: nameSpan))
            }
        } while tryConsume(".")
        try expect("=", "after the option name")
        let value = try parseOptionValue()
        return OptionNode(name: segments, value: value, span: span(from: start))
    }

    mutating func parseOptionValue() throws -> ValueNode {
        if lookingAt("{") { return try parseAggregate() }
        return try parseScalarValue(allowList: false)
    }

    /// A scalar constant: identifier, signed number or string (adjacent strings concatenate).
    mutating func parseScalarValue(allowList: Bool) throws -> ValueNode {
        let start = current
        if allowList, lookingAt("[") {
            next()
            var items: [ValueNode] = []
            if !lookingAt("]") {
                repeat {
                    items.append(lookingAt("{") || lookingAt("<") ? try parseAggregate() : try parseScalarValue(allowList: false))
                } while tryConsume(",")
            }
            try expect("]", "to close the list")
            return ValueNode(kind: .list(items), span: span(from: start))
        }
        let negative = tryConsume("-")
        if !negative, allowList { _ = tryConsume("+") }
        switch current.kind {
        case .identifier:
            let name = currentText
            next()
            if negative {
                guard name == "inf" || name == "infinity" || name == "nan" else {
                    throw fail("only \"inf\", \"infinity\" or \"nan\" can follow a minus sign", at: start)
                }
                return ValueNode(kind: .identifier("-" + name), span: span(from: start))
            }
            return ValueNode(kind: .identifier(name), span: span(from: start))
        case .integer:
            let text = currentText
            let magnitude = Self.parseInteger(text)
            next()
            if magnitude == nil, !text.hasPrefix("0") || text == "0", let d = Double(text) {
                // Too large for 64 bits: protoc reads it as a floating-point value.
                return ValueNode(kind: .float(negative ? -d : d), span: span(from: start))
            }
            return ValueNode(kind: .integer(negative: negative, magnitude: magnitude), span: span(from: start))
        case .float:
            let text = currentText
            next()
            var value = Double(text) ?? (Double(text + "0") ?? 0)
            if negative { value = -value }
            return ValueNode(kind: .float(value), span: span(from: start))
        case .string:
            if negative { throw fail("a string cannot follow a minus sign", at: start) }
            let (value, valueSpan) = try stringLiteral("a string")
            return ValueNode(kind: .string(value), span: valueSpan)
        default:
            throw fail("expected an option value, found \(describe(current))")
        }
    }

    /// A text-format message in `{ }` or `< >`.
    mutating func parseAggregate() throws -> ValueNode {
        let start = current
        let close: StaticString = lookingAt("<") ? ">" : "}"
        next()
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw fail("option value nested deeper than \(Self.maxDepth) levels", at: start) }
        var entries: [AggregateEntry] = []
        while !lookingAt(close) {
            if current.kind == .endOfFile { throw fail("unexpected end of file in an option value: add \"\(close)\"") }
            let entryStart = current
            var name: String
            var isExtension = false
            if tryConsume("[") {
                isExtension = true
                let (first, _) = try typeName("an extension or type URL")
                name = first
                while tryConsume("/") {
                    let (more, _) = try typeName("a type name")
                    name += "/" + more
                }
                try expect("]", "to close the extension name")
            } else {
                (name, _) = try identifier("a field name")
            }
            let value: ValueNode
            if tryConsume(":") {
                value = lookingAt("{") || lookingAt("<") ? try parseAggregate() : try parseScalarValue(allowList: true)
            } else if lookingAt("{") || lookingAt("<") {
                value = try parseAggregate()
            } else if lookingAt("[") {
                value = try parseScalarValue(allowList: true)
            } else {
                throw fail("expected \":\" after the field name \"\(name)\"")
            }
            entries.append(AggregateEntry(name: name, isExtension: isExtension, value: value, span: span(from: entryStart)))
            if !tryConsume(",") { _ = tryConsume(";") }
        }
        next()
        return ValueNode(kind: .aggregate(entries), span: span(from: start))
    }

    /// `[a = 1, b = 2]` after a field, enum value or range; `default` and `json_name` are split out by callers.
    mutating func parseBracketOptions() throws -> [OptionNode] {
        var options: [OptionNode] = []
        guard tryConsume("[") else { return options }
        repeat {
            options.append(try parseOption())
        } while tryConsume(",")
        try expect("]", "to close the option list")
        return options
    }
}
