/// Finds the serialized FileDescriptorProtos embedded in a generated `*_pb2.py` module, in every form
/// protobuf's Python generator has used: `AddSerializedFile(b'...')` and `serialized_pb=b'...'`
/// (also wrapped in `_b('...')`), with adjacent literals concatenated (across lines, with or without `+`).
enum GeneratedModuleScanner {
    struct Failure: Error {
        var message: String
        var line: Int
    }

    static let markers: [[UInt8]] = [Array("AddSerializedFile(".utf8), Array("serialized_pb=".utf8), Array("serialized_pb =".utf8)]

    static func descriptors(in text: [UInt8]) throws(Failure) -> [[UInt8]] {
        var results: [[UInt8]] = []
        var i = 0
        while i < text.count {
            guard let (marker, at) = nextMarker(in: text, from: i) else { break }
            var j = at + marker.count
            do {
                let (bytes, end) = try literalSequence(text, at: j)
                results.append(bytes)
                j = end
            } catch {
                throw Failure(message: error.message, line: line(of: error.offset, in: text))
            }
            i = j
        }
        return results
    }

    private static func nextMarker(in text: [UInt8], from start: Int) -> ([UInt8], Int)? {
        var best: ([UInt8], Int)?
        for marker in markers {
            if let at = find(marker, in: text, from: start), best == nil || at < best!.1 { best = (marker, at) }
        }
        return best
    }

    private static func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard needle.count <= text.count else { return nil }
        var i = start
        while i + needle.count <= text.count {
            if text[i] == needle[0], text[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r")
            || c == UInt8(ascii: "\\")
    }

    /// One or more literals joined by blanks, line continuations or `+`, optionally inside `_b(...)`.
    private static func literalSequence(_ text: [UInt8], at start: Int) throws(PythonLiteral.Failure) -> ([UInt8], Int) {
        var i = start
        var out: [UInt8] = []
        var count = 0
        var openParens = 0
        while true {
            while i < text.count, isSpace(text[i]) || text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "(") {
                if text[i] == UInt8(ascii: "(") { openParens += 1 }
                i += 1
            }
            if i + 2 < text.count, text[i] == UInt8(ascii: "_"), text[i + 1] == UInt8(ascii: "b"), text[i + 2] == UInt8(ascii: "(") {
                i += 3
                openParens += 1
                continue
            }
            guard i < text.count, isLiteralStart(text, i) else { break }
            let (bytes, end) = try PythonLiteral.decode(text, at: i)
            out += bytes
            count += 1
            i = end
            while i < text.count, isSpace(text[i]) { i += 1 }
            while openParens > 0, i < text.count, text[i] == UInt8(ascii: ")") {
                openParens -= 1
                i += 1
                while i < text.count, isSpace(text[i]) { i += 1 }
            }
        }
        if count == 0 { throw PythonLiteral.Failure(message: "expected a bytes literal with the serialized descriptor", offset: start) }
        return (out, i)
    }

    private static func isLiteralStart(_ text: [UInt8], _ i: Int) -> Bool {
        var j = i
        while j < text.count, j - i < 2, [UInt8(ascii: "b"), UInt8(ascii: "r"), UInt8(ascii: "u")].contains(text[j] | 0x20) { j += 1 }
        return j < text.count && (text[j] == UInt8(ascii: "'") || text[j] == UInt8(ascii: "\""))
    }

    static func line(of offset: Int, in text: [UInt8]) -> Int {
        1 + text[..<min(offset, text.count)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
