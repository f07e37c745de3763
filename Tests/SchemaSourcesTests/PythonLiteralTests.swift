import Testing

@testable import SchemaSources

/// Python literals as generated `_pb2.py` modules write them, and the scanner that finds them.
struct PythonLiteralTests {
    func decode(_ text: String) throws -> [UInt8] {
        try PythonLiteral.decode(Array(text.utf8), at: 0).bytes
    }

    @Test func everyBytesEscape() throws {
        #expect(try decode(#"b'\x00\x0a\xff\n\r\t\\\'\"\a\b\f\v'"#) == [0, 10, 255, 10, 13, 9, 92, 39, 34, 7, 8, 12, 11])
        #expect(try decode(#"b'\0\12\101\1010'"#) == [0, 10, 65, 65, 48])
        #expect(try decode(#"b"it's""#) == Array("it's".utf8))
        #expect(try decode(#"b'\q'"#) == Array(#"\q"#.utf8))
        #expect(try decode("b'''a\nb'''") == Array("a\nb".utf8))
        #expect(try decode(#"rb'\x00'"#) == Array(#"\x00"#.utf8))
    }

    @Test func strLiteralsAreLatin1() throws {
        #expect(try decode(#"'\u00e9\xe9'"#) == [0xE9, 0xE9])
        #expect(try decode("'é'") == [0xE9])
    }

    @Test func cutShortLiteralsFail() {
        #expect(throws: PythonLiteral.Failure.self) { try decode("b'abc") }
        #expect(throws: PythonLiteral.Failure.self) { try decode("b'abc\n'") }
        #expect(throws: PythonLiteral.Failure.self) { try decode(#"b'\x4'"#) }
    }

    @Test func scannerFindsEveryGeneratedForm() throws {
        let modern = "DESCRIPTOR = _descriptor_pool.Default().AddSerializedFile(b'\\n\\x03a.p' b'roto')\n"
        #expect(try GeneratedModuleScanner.descriptors(in: Array(modern.utf8)) == [Array("\n\u{3}a.proto".utf8)])
        let old = """
            DESCRIPTOR = _descriptor.FileDescriptor(
              name='a.proto',
              serialized_options=b'Z\\x01x',
              serialized_pb=b'\\n\\x07a.proto'
              + b'\\x12\\x01p'
              ,
              dependencies=[])
            """
        #expect(try GeneratedModuleScanner.descriptors(in: Array(old.utf8)) == [Array("\n\u{7}a.proto\u{12}\u{1}p".utf8)])
        let oldest = "serialized_pb=_b('\\n\\x07a.proto\\xe9')\n"
        #expect(try GeneratedModuleScanner.descriptors(in: Array(oldest.utf8)) == [Array("\n\u{7}a.proto".utf8) + [0xE9]])
    }

    @Test func cutShortModuleNamesTheLine() {
        let text = "x = 1\nDESCRIPTOR = _descriptor_pool.Default().AddSerializedFile(b'\\n\\x03a.p"
        do {
            _ = try GeneratedModuleScanner.descriptors(in: Array(text.utf8))
            Issue.record("accepted a cut-short literal")
        } catch {
            #expect(error.line == 2)
        }
    }
}
