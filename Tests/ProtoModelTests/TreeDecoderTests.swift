import Foundation
import Testing

@testable import ProtoModel

/// The model's fast reader (`JSONTreeReader` + `TreeDecoder`) gives exactly what Foundation's `JSONDecoder`
/// gives, on the built-in well-known types and on hand-made values, and refuses what is not JSON.
struct TreeDecoderTests {
    @Test func everyBuiltInFileDecodesAsJSONDecoderDoes() throws {
        #expect(WellKnownTypesData.files.count == 20)
        for (name, json) in WellKnownTypesData.files {
            let reference = try JSONDecoder().decode(ProtoFile.self, from: Data(json.utf8))
            let fast = try TreeDecoder().decode(ProtoFile.self, fromJSON: Array(json.utf8))
            #expect(fast == reference, "\(name)")
            #expect(WellKnownTypes.files[name] == reference, "\(name)")
            #expect(reference.name == name)
        }
        #expect(WellKnownTypes.files["google/protobuf/nothing.proto"] == nil)
        #expect(WellKnownTypes.files.names.count == 20)
        let descriptor = try #require(WellKnownTypes.files["google/protobuf/descriptor.proto"])
        #expect(descriptor.messages.contains { $0.fullName == "google.protobuf.FieldOptions" })
    }

    @Test func optionValuesSpansAndExtremesRoundTrip() throws {
        let inner = OptionMessage(fields: [OptionField(name: "n", number: 1, value: .uint(UInt64.max))])
        let values: [OptionValue] = [
            .bool(true), .int(Int64.min), .uint(UInt64.max), .double(.infinity), .double(-0.5), .double(1e300),
            .string("tab\t \"quoted\" \\ é 😀 \u{1}"), .bytes([0, 255, 10]), .enumValue("SPEED"),
            .message(inner), .list([.int(1), .int(-2)]),
        ]
        let options = OptionMessage(
            fields: values.enumerated().map {
                OptionField(
                    name: "f\($0.offset)", number: Int32($0.offset + 1), value: $0.element,
                    span: SourceSpan(file: "a b.proto", line: 3, column: 4, endLine: 3, endColumn: 9, offset: 40, endOffset: 45))
            })
        let data = try JSONEncoder().encode(options)
        let decoded = try TreeDecoder().decode(OptionMessage.self, fromJSON: Array(data))
        #expect(decoded == options)
        #expect(decoded == (try JSONDecoder().decode(OptionMessage.self, from: data)))
    }

    @Test func stringsAndNumbersReadAsFoundationReadsThem() throws {
        let texts = [
            #"["a\u00e9\ud83d\ude00\n\/\"", "", "plain"]"#, #"[0, -1, 2.5, -3e2, 1E+2, 9223372036854775807]"#,
            #"{"a": {"b": [true, false, null]}, "c": "x"}"#, " [ ] ", "{}",
        ]
        for text in texts {
            let tree = try JSONTreeReader.read(text)
            let reference = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(describe(tree) == describe(reference), "\(text)")
        }
        #expect(
            try TreeDecoder().decode([Int64].self, fromJSON: Array("[9223372036854775807, -9223372036854775808, 1.0, 1e3]".utf8))
                == [Int64.max, Int64.min, 1, 1000])
        #expect(throws: DecodingError.self) { try TreeDecoder().decode([Int32].self, fromJSON: Array("[2147483648]".utf8)) }
        #expect(throws: DecodingError.self) { try TreeDecoder().decode([Int32].self, fromJSON: Array("[1.5]".utf8)) }
    }

    @Test func malformedJSONIsRefusedWithItsOffset() {
        let cases: [(String, Int)] = [
            ("", 0), ("[1,]", 3), ("[01]", 3), ("{\"a\" 1}", 5), ("\"abc", 4), ("[1] x", 4), ("tru", 3), ("[\"\\ud800\"]", 8),
            ("[\"\\udc00\"]", 8), ("[\"a\u{1}\"]", 3), ("[\"\\q\"]", 4), ("-", 1), ("1.", 2), ("1e", 2), ("{\"a\":1,}", 7),
            (String(repeating: "[", count: 600) + String(repeating: "]", count: 600), 512),
        ]
        for (text, offset) in cases {
            do {
                _ = try JSONTreeReader.read(text)
                Issue.record("accepted \(text.prefix(20))")
            } catch {
                #expect(error.offset == offset, "\(text.prefix(20)): \(error)")
            }
        }
        #expect(throws: JSONTreeReader.Failure.self) { try JSONTreeReader.read([0x22, 0xFF, 0x22]) }
    }

    @Test func errorsNameTheMissingKeyAndItsPath() throws {
        let text = #"{"name": "a.proto", "syntax": "proto3", "messages": [{"name": "M"}]}"#
        do {
            _ = try TreeDecoder().decode(ProtoFile.self, fromJSON: Array(text.utf8))
            Issue.record("decoded a message without its full name")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "fullName")
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["messages", "0"])
        }
        #expect(throws: DecodingError.self) { try TreeDecoder().decode(ProtoFile.self, fromJSON: Array(#"{"name": 3}"#.utf8)) }
        #expect(throws: DecodingError.self) { try TreeDecoder().decode(ProtoFile.self, fromJSON: Array("[]".utf8)) }
    }

    /// A canonical text of a parsed document (numbers as doubles), to compare the two readers.
    private func describe(_ value: Any) -> String {
        switch value {
        case let tree as TreeValue:
            switch tree {
            case .null: return "null"
            case .bool(let b): return "\(b)"
            case .number(let text): return "\(Double(text)!)"
            case .string(let s): return s.debugDescription
            case .array(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
            case .object(let members):
                return "{" + members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\(describe($0.value))" }.joined(separator: ",") + "}"
            }
        case is NSNull: return "null"
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return "\(number.boolValue)" }
            return "\(number.doubleValue)"
        case let s as String: return s.debugDescription
        case let items as [Any]: return "[" + items.map(describe).joined(separator: ",") + "]"
        case let object as [String: Any]:
            return "{" + object.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\(describe($0.value))" }.joined(separator: ",") + "}"
        default: return "?\(value)"
        }
    }
}
