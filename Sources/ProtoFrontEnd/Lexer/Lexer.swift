import ProtoModel

/// Splits .proto source bytes into tokens, as protoc's tokenizer does, collecting comments and
/// reporting malformed literals as diagnostics (it never stops at the first error).
struct Lexer {
    let file: String
    let fileID: SourceFileID
    let bytes: [UInt8]
    private(set) var diagnostics: [Diagnostic] = []
    /// The decoded bytes of every string literal (escapes applied), by `Token.stringIndex`.
    private(set) var stringValues: [[UInt8]] = []
    /// Every comment block, in order; a token's `commentRange` indexes into it.
    private(set) var commentBlocks: [CommentBlock] = []
    private var position = 0
    private var line = 1
    private var lineStart = 0

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.fileID = SourceFileID(file)
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    /// Every token of the file, ending with one `.endOfFile` token.
    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        while true {
            let commentStart = Int32(commentBlocks.count)
            skipWhitespaceAndComments(afterToken: !tokens.isEmpty)
            var token = nextToken()
            token.commentStart = commentStart
            token.commentEnd = Int32(commentBlocks.count)
            tokens.append(token)
            if token.kind == .endOfFile { return tokens }
        }
    }

    /// The decoded value of a string literal token.
    func stringValue(of token: Token) -> [UInt8] {
        token.stringIndex >= 0 ? stringValues[Int(token.stringIndex)] : []
    }

    /// The comment blocks between the token before `token` and `token`.
    func comments(before token: Token) -> ArraySlice<CommentBlock> {
        commentBlocks[token.commentRange]
    }

    private var column: Int { position - lineStart + 1 }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    private mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    private func span(from start: Int, line startLine: Int, column startColumn: Int) -> SourceSpan {
        SourceSpan(
            fileID: fileID, line: startLine, column: startColumn, endLine: line, endColumn: column,
            offset: start, endOffset: position)
    }

    private mutating func error(_ message: String, start: Int, line: Int, column: Int) {
        diagnostics.append(Diagnostic(message, at: span(from: start, line: line, column: column)))
    }

    /// Skips blanks and comments; appends the comment blocks seen to `commentBlocks`, merging adjacent
    /// `//` lines, except a `//` comment on the line of the token before it (`afterToken`), which
    /// protoc keeps apart as that token's trailing comment.
    private mutating func skipWhitespaceAndComments(afterToken: Bool = false) {
        let firstBlock = commentBlocks.count
        let tokenLine = afterToken ? line : -1
        var lastLineCommentEnd = -2
        while let c = peek() {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
                || c == UInt8(ascii: "\r") || c == 0x0B || c == 0x0C
            {
                advance()
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                let startLine = line
                position += 2
                let textStart = position
                while let d = peek(), d != UInt8(ascii: "\n") { position += 1 }
                var text = String(decoding: bytes[textStart..<position], as: UTF8.self)
                text += "\n"
                if lastLineCommentEnd == startLine - 1, commentBlocks.count > firstBlock,
                    commentBlocks[commentBlocks.count - 1].endLine == startLine - 1
                {
                    commentBlocks[commentBlocks.count - 1].text += text
                    commentBlocks[commentBlocks.count - 1].endLine = startLine
                } else {
                    commentBlocks.append(CommentBlock(text: text, startLine: startLine, endLine: startLine, isLine: true))
                }
                lastLineCommentEnd = startLine == tokenLine ? -2 : startLine
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = position
                let startLine = line
                let startColumn = column
                position += 2
                let textStart = position
                var closed = false
                while let d = peek() {
                    if d == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        closed = true
                        break
                    }
                    advance()
                }
                let text = String(decoding: bytes[textStart..<position], as: UTF8.self)
                if closed {
                    position += 2
                } else {
                    error(
                        "unterminated block comment: add */ to close the comment started here", start: start,
                        line: startLine, column: startColumn)
                }
                commentBlocks.append(CommentBlock(text: Self.cleanBlockComment(text), startLine: startLine, endLine: line, isLine: false))
                lastLineCommentEnd = -2
            } else {
                break
            }
        }
    }

    /// A block comment's text as protoc keeps it: on every line after the first, the leading blanks
    /// and then one `*`, if there is one, are dropped.
    private static func cleanBlockComment(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line -> String in
            guard index > 0 else { return String(line) }
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
            return trimmed.first == "*" ? String(trimmed.dropFirst()) : String(trimmed)
        }.joined(separator: "\n")
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_")
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }

    private mutating func makeToken(_ kind: Token.Kind, start: Int, line startLine: Int, column startColumn: Int) -> Token {
        Token(
            kind: kind, start: start, end: position, line: startLine, column: startColumn,
            endLine: line, endColumn: column)
    }

    /// The next token; bad characters before it are reported and skipped, in a loop (a file of a
    /// million bad bytes is a million errors, not a million nested calls).
    private mutating func nextToken() -> Token {
        while true {
            if let token = scanToken() { return token }
            // A bad character was skipped; the comments around it stay with the next token (they
            // are contiguous in `commentBlocks`, so the caller's range start still covers them).
            skipWhitespaceAndComments()
        }
    }

    /// The token at the current position, or nil after reporting and skipping a bad character.
    private mutating func scanToken() -> Token? {
        let start = position
        let startLine = line
        let startColumn = column
        guard let c = peek() else { return makeToken(.endOfFile, start: start, line: startLine, column: startColumn) }
        if Self.isLetter(c) {
            while let d = peek(), Self.isLetter(d) || Self.isDigit(d) { position += 1 }
            return makeToken(.identifier, start: start, line: startLine, column: startColumn)
        }
        if Self.isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true) {
            return number(start: start, line: startLine, column: startColumn)
        }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            return string(quote: c, start: start, line: startLine, column: startColumn)
        }
        if c < 0x20 || c == 0x7F {
            position += 1
            error(
                "invalid control character \\x\(String(c, radix: 16)) in the text: remove it", start: start,
                line: startLine, column: startColumn)
            return nil
        }
        if c >= 0x80 {
            // A non-ASCII byte outside a string or comment: protoc rejects it.
            advance()
            while let d = peek(), d & 0xC0 == 0x80 { position += 1 }
            error(
                "unexpected non-ASCII character outside a string or comment", start: start, line: startLine,
                column: startColumn)
            return nil
        }
        advance()
        return makeToken(.symbol, start: start, line: startLine, column: startColumn)
    }

    private mutating func number(start: Int, line startLine: Int, column startColumn: Int) -> Token {
        var isFloat = false
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            position += 2
            let digitsStart = position
            while let d = peek(), Self.isHexDigit(d) { position += 1 }
            if position == digitsStart {
                error("\"0x\" must be followed by hex digits", start: start, line: startLine, column: startColumn)
            }
        } else {
            while let d = peek(), Self.isDigit(d) { position += 1 }
            if peek() == UInt8(ascii: ".") {
                isFloat = true
                position += 1
                while let d = peek(), Self.isDigit(d) { position += 1 }
            }
            if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                isFloat = true
                position += 1
                if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { position += 1 }
                let digitsStart = position
                while let d = peek(), Self.isDigit(d) { position += 1 }
                if position == digitsStart {
                    error("\"e\" must be followed by exponent digits", start: start, line: startLine, column: startColumn)
                }
            }
            if !isFloat, bytes[start] == UInt8(ascii: "0"), position - start > 1 {
                for index in start..<position where bytes[index] > UInt8(ascii: "7") {
                    error(
                        "numbers starting with leading zero must be in octal", start: start, line: startLine,
                        column: startColumn)
                    break
                }
            }
        }
        if let d = peek(), Self.isLetter(d) || Self.isDigit(d) || d == UInt8(ascii: ".") {
            error("need space between number and identifier", start: start, line: startLine, column: startColumn)
            while let d = peek(), Self.isLetter(d) || Self.isDigit(d) || d == UInt8(ascii: ".") { position += 1 }
        }
        return makeToken(isFloat ? .float : .integer, start: start, line: startLine, column: startColumn)
    }

    private mutating func string(quote: UInt8, start: Int, line startLine: Int, column startColumn: Int) -> Token {
        position += 1
        var value: [UInt8] = []
        while true {
            guard let c = peek() else {
                error(
                    "unexpected end of file in string literal: close it with \(Character(Unicode.Scalar(quote)))",
                    start: start, line: startLine, column: startColumn)
                break
            }
            if c == UInt8(ascii: "\n") {
                error(
                    "string literals cannot cross line boundaries: close the string before the line ends",
                    start: start, line: startLine, column: startColumn)
                break
            }
            if c == quote {
                position += 1
                break
            }
            if c == UInt8(ascii: "\\") {
                escape(into: &value)
                continue
            }
            value.append(c)
            position += 1
        }
        var token = makeToken(.string, start: start, line: startLine, column: startColumn)
        token.stringIndex = Int32(stringValues.count)
        stringValues.append(value)
        return token
    }

    private mutating func escape(into value: inout [UInt8]) {
        let start = position
        let escapeLine = line
        let escapeColumn = column
        position += 1
        guard let c = peek() else { return }
        position += 1
        switch c {
        case UInt8(ascii: "a"): value.append(7)
        case UInt8(ascii: "b"): value.append(8)
        case UInt8(ascii: "f"): value.append(12)
        case UInt8(ascii: "n"): value.append(10)
        case UInt8(ascii: "r"): value.append(13)
        case UInt8(ascii: "t"): value.append(9)
        case UInt8(ascii: "v"): value.append(11)
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""): value.append(c)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var code = UInt32(c - UInt8(ascii: "0"))
            var count = 1
            while count < 3, let d = peek(), d >= UInt8(ascii: "0"), d <= UInt8(ascii: "7") {
                code = code * 8 + UInt32(d - UInt8(ascii: "0"))
                position += 1
                count += 1
            }
            value.append(UInt8(truncatingIfNeeded: code))
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            var code: UInt32 = 0
            var count = 0
            while count < 2, let d = peek(), Self.isHexDigit(d) {
                code = code * 16 + UInt32(Self.hexValue(d))
                position += 1
                count += 1
            }
            if count == 0 {
                error("expected hex digits for escape sequence", start: start, line: escapeLine, column: escapeColumn)
            }
            value.append(UInt8(code))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "u") ? 4 : 8
            var code: UInt32 = 0
            var count = 0
            while count < digits, let d = peek(), Self.isHexDigit(d) {
                code = code &* 16 &+ UInt32(Self.hexValue(d))
                position += 1
                count += 1
            }
            if count < digits || code > 0x10FFFF {
                error(
                    "expected \(digits) hex digits for a unicode escape, up to 10ffff", start: start,
                    line: escapeLine, column: escapeColumn)
            } else if let scalar = Unicode.Scalar(code) {
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                // A lone surrogate: protoc writes it as CESU-8-like bytes; keep its 3-byte form.
                value.append(UInt8(0xE0 | (code >> 12)))
                value.append(UInt8(0x80 | ((code >> 6) & 0x3F)))
                value.append(UInt8(0x80 | (code & 0x3F)))
            }
        case UInt8(ascii: "\n"):
            line += 1
            lineStart = position
            error("invalid escape sequence in string literal", start: start, line: escapeLine, column: escapeColumn)
        default:
            error("invalid escape sequence in string literal", start: start, line: escapeLine, column: escapeColumn)
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8 {
        if isDigit(c) { return c - UInt8(ascii: "0") }
        if c >= UInt8(ascii: "a") { return c - UInt8(ascii: "a") + 10 }
        return c - UInt8(ascii: "A") + 10
    }
}
