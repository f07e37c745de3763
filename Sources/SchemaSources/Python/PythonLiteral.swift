/// Decodes Python string and bytes literals as the generated `*_pb2.py` modules write them:
/// `b'...'`, `"..."`, triple quotes, raw prefixes, every escape (`\xNN`, octal, `\n`, `\'`, `\\`,
/// `\uXXXX` in str literals), without running Python.
enum PythonLiteral {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// Decodes the literal starting at `start` (its prefix or opening quote); returns the bytes
    /// (str literals as Latin-1, as protobuf's `_b()` helper encodes them) and the offset after it.
    static func decode(_ text: [UInt8], at start: Int) throws(Failure) -> (bytes: [UInt8], end: Int) {
        var i = start
        var isRaw = false
        var isBytes = false
        while i < text.count, let c = Optional(text[i] | 0x20), c == UInt8(ascii: "b") || c == UInt8(ascii: "r") || c == UInt8(ascii: "u") {
            if c == UInt8(ascii: "r") { isRaw = true }
            if c == UInt8(ascii: "b") { isBytes = true }
            i += 1
        }
        guard i < text.count, text[i] == UInt8(ascii: "'") || text[i] == UInt8(ascii: "\"") else {
            throw Failure(message: "expected a string literal", offset: start)
        }
        let quote = text[i]
        let triple = i + 2 < text.count && text[i + 1] == quote && text[i + 2] == quote
        i += triple ? 3 : 1
        var out: [UInt8] = []
        while true {
            guard i < text.count else { throw Failure(message: "the string literal is cut short (no closing quote)", offset: start) }
            let c = text[i]
            if c == quote {
                if !triple { return (out, i + 1) }
                if i + 2 < text.count, text[i + 1] == quote, text[i + 2] == quote { return (out, i + 3) }
            }
            if c == UInt8(ascii: "\n"), !triple {
                throw Failure(message: "the string literal is cut short at the end of the line", offset: start)
            }
            if c == UInt8(ascii: "\\"), !isRaw {
                i += 1
                guard i < text.count else { throw Failure(message: "the string literal is cut short after a backslash", offset: start) }
                i = try escape(text, at: i, isBytes: isBytes, into: &out, literalStart: start)
                continue
            }
            if c == UInt8(ascii: "\\"), isRaw, i + 1 < text.count {
                out.append(c)
                out.append(text[i + 1])
                i += 2
                continue
            }
            if !isBytes, c >= 0x80 {
                // A character of a str literal: decode UTF-8, keep it as Latin-1 when it fits.
                var length = 1
                if c >= 0xF0 { length = 4 } else if c >= 0xE0 { length = 3 } else if c >= 0xC0 { length = 2 }
                let end = min(i + length, text.count)
                let scalar = String(decoding: text[i..<end], as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
                try appendLatin1(scalar, into: &out, literalStart: start)
                i = end
                continue
            }
            out.append(c)
            i += 1
        }
    }

    private static func appendLatin1(_ scalar: UInt32, into out: inout [UInt8], literalStart: Int) throws(Failure) {
        guard scalar <= 0xFF else {
            throw Failure(message: "character U+\(String(scalar, radix: 16)) does not fit in Latin-1", offset: literalStart)
        }
        out.append(UInt8(scalar))
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// One escape after a backslash at `i - 1`; returns the offset after it.
    private static func escape(_ text: [UInt8], at start: Int, isBytes: Bool, into out: inout [UInt8], literalStart: Int) throws(Failure) -> Int {
        var i = start
        let c = text[i]
        i += 1
        switch c {
        case UInt8(ascii: "\n"): break
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(c)
        case UInt8(ascii: "a"): out.append(7)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "v"): out.append(11)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(c - UInt8(ascii: "0"))
            var count = 1
            while count < 3, i < text.count, text[i] >= UInt8(ascii: "0"), text[i] <= UInt8(ascii: "7") {
                value = value * 8 + UInt32(text[i] - UInt8(ascii: "0"))
                i += 1
                count += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
        case UInt8(ascii: "x"):
            guard i + 1 < text.count, let high = hexValue(text[i]), let low = hexValue(text[i + 1]) else {
                throw Failure(message: "a \\x escape needs two hex digits", offset: literalStart)
            }
            out.append(UInt8(high * 16 + low))
            i += 2
        case UInt8(ascii: "u") where !isBytes, UInt8(ascii: "U") where !isBytes:
            let digits = c == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard i < text.count, let digit = hexValue(text[i]) else {
                    throw Failure(message: "a \\\(Character(Unicode.Scalar(c))) escape needs \(digits) hex digits", offset: literalStart)
                }
                value = value &* 16 &+ digit
                i += 1
            }
            try appendLatin1(value, into: &out, literalStart: literalStart)
        default:
            // Python keeps unknown escapes as they are.
            out.append(UInt8(ascii: "\\"))
            out.append(c)
        }
        return i
    }
}
