import ProtoModel
import Testing

@testable import ProtoFrontEnd

/// Every lexical form: comments, strings with every escape, integers, floats, identifiers.
struct LexerTests {
    func tokens(_ text: String) -> ([Token], [Diagnostic], Lexer) {
        var lexer = Lexer(file: "t.proto", bytes: Array(text.utf8))
        let tokens = lexer.tokenize()
        return (tokens, lexer.diagnostics, lexer)
    }

    func texts(_ text: String) -> [String] {
        let (tokens, _, lexer) = tokens(text)
        return tokens.dropLast().map { String(decoding: lexer.bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func identifiersSymbolsAndNumbers() {
        #expect(texts("message Foo { int32 x_1 = 0x1F; }") == ["message", "Foo", "{", "int32", "x_1", "=", "0x1F", ";", "}"])
        let (toks, diags, _) = tokens("12 0x1f 017 1.5 .5 1e10 2.5E-3 5.")
        #expect(diags.isEmpty)
        #expect(toks.dropLast().map(\.kind) == [.integer, .integer, .integer, .float, .float, .float, .float, .float])
    }

    @Test func integerValues() {
        #expect(Parser.parseInteger("0x1F") == 31)
        #expect(Parser.parseInteger("017") == 15)
        #expect(Parser.parseInteger("0") == 0)
        #expect(Parser.parseInteger("18446744073709551615") == UInt64.max)
        #expect(Parser.parseInteger("18446744073709551616") == nil)
        #expect(Parser.parseInteger("0X1f") == 31)
        #expect(Parser.parseInteger("0xFFFFFFFFFFFFFFFF") == UInt64.max)
        #expect(Parser.parseInteger("0x10000000000000000") == nil)
        #expect(Parser.parseInteger("01777777777777777777777") == UInt64.max)
        #expect(Parser.parseInteger("02000000000000000000000") == nil)
        #expect(Parser.parseInteger("0x") == nil)
        #expect(Parser.parseInteger("09") == nil)
        #expect(Parser.parseInteger("12abc") == nil)
        #expect(Parser.parseInteger("") == nil)
    }

    @Test func keywordsAreMatchedByTheirBytes() {
        let parser = Parser(file: "t.proto", bytes: Array("optional optionally \"optional\" = .".utf8))
        #expect(parser.token(parser.tokens[0], is: "optional"))
        #expect(!parser.token(parser.tokens[0], is: "option"))
        #expect(!parser.token(parser.tokens[1], is: "optional"))
        #expect(!parser.token(parser.tokens[2], is: "optional"))  // a string literal is never a keyword
        #expect(parser.token(parser.tokens[3], is: "="))
        #expect(parser.token(parser.tokens[4], is: "."))
        #expect(!parser.token(parser.tokens[5], is: ""))  // end of file
        #expect(parser.labelKeyword(parser.tokens[0]) == .optional)
        #expect(parser.labelKeyword(parser.tokens[1]) == nil)
    }

    @Test func typeNamesWithSpacesOrCommentsBetweenTheirParts() throws {
        let schema = try compile(
            """
            syntax = "proto3";
            package a.b;
            message T { message U {} }
            message M {
              .a.b.T.U x = 1;
              a . b /* c */ . T . U y = 2;
              T.U z = 3;
              . a.b.T w = 4;
            }
            """)
        #expect(schema.message("a.b.M")?.fields.map { $0.typeName ?? "" } == ["a.b.T.U", "a.b.T.U", "a.b.T.U", "a.b.T"])
    }

    @Test func commentsAreSkippedAndKept() {
        let (toks, diags, lexer) = tokens("// line one\n// line two\n/* block\n * two */ message")
        #expect(diags.isEmpty)
        #expect(toks.count == 2)
        let comments = Array(lexer.comments(before: toks[0]))
        #expect(comments.count == 2)
        #expect(comments[0].text == " line one\n line two\n")
        #expect(comments[1].text == " block\n two ")
        #expect(lexer.comments(before: toks[1]).isEmpty)
    }

    @Test func aMillionBadCharactersInARowAreSkippedWithoutRecursion() {
        // Found by fuzzing (frontend target): each skipped character used to start a nested call,
        // so a long run of them overflowed the stack.
        let bytes = Array("message A {}\n".utf8) + [UInt8](repeating: 0x1B, count: 1_000_000) + Array("\nmessage B {}\n".utf8)
        var lexer = Lexer(file: "bad.proto", bytes: bytes)
        let tokens = lexer.tokenize()
        #expect(tokens.count == 9)  // message A { } message B { } and the end
        #expect(lexer.diagnostics.count == 1_000_000)
    }

    @Test func commentsAroundASkippedCharacterStayWithTheNextToken() {
        // A bad character is reported and skipped; the comments before and after it both precede `b`.
        let (toks, diags, lexer) = tokens("a // one\n\u{01} // two\nb")
        #expect(diags.count == 1)
        #expect(toks.count == 3)
        #expect(lexer.comments(before: toks[1]).map(\.text) == [" one\n", " two\n"])
    }

    @Test func everyStringEscape() {
        let (toks, diags, lexer) = tokens(#""\a\b\f\n\r\t\v\\\?\'\"" '\x41\101\0' "\u00e9\U0001F600""#)
        #expect(diags.isEmpty)
        #expect(lexer.stringValue(of: toks[0]) == [7, 8, 12, 10, 13, 9, 11, 92, 63, 39, 34])
        #expect(lexer.stringValue(of: toks[1]) == [0x41, 0x41, 0])
        #expect(lexer.stringValue(of: toks[2]) == Array("é😀".utf8))
    }

    @Test func adjacentStringsConcatenate() throws {
        let schema = try compile(#"syntax = "proto2"; package a; message M { optional string s = 1 [default = "ab" 'cd' "e"]; }"#)
        #expect(schema.message("a.M")?.fields[0].defaultValue == "abcde")
    }

    @Test func floatSpecialValues() throws {
        let schema = try compile(
            """
            syntax = "proto2";
            message M {
              optional double a = 1 [default = inf];
              optional double b = 2 [default = -inf];
              optional float c = 3 [default = nan];
              optional double d = 4 [default = 1e300];
              optional float e = 5 [default = 0.1];
            }
            """)
        #expect(schema.message("M")?.fields.map(\.defaultValue) == ["inf", "-inf", "nan", "1e+300", "0.1"])
    }

    @Test func malformedLiteralsAreLocated() {
        #expect(
            tokens("\"abc\nx").1.map(\.description) == [
                "t.proto:1:1: error: string literals cannot cross line boundaries: close the string before the line ends"
            ])
        #expect(tokens("/* open").1.first?.description.hasPrefix("t.proto:1:1: error: unterminated block comment") == true)
        #expect(tokens("  09").1.first?.description == "t.proto:1:3: error: numbers starting with leading zero must be in octal")
        #expect(tokens("12abc").1.first?.description == "t.proto:1:1: error: need space between number and identifier")
        #expect(tokens(#""\q""#).1.first?.description == "t.proto:1:2: error: invalid escape sequence in string literal")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let schema = try compile("\u{FEFF}syntax = \"proto3\"; message M {}")
        #expect(schema.message("M") != nil)
    }
}
