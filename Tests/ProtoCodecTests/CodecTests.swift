import Foundation
import ProtoFrontEnd
import ProtoModel
import XCTest

@testable import ProtoCodec

/// The codec's bytes and JSON against values the protobuf documentation and runtime give (the
/// runtime oracle replays every witness besides; these pin the encoding tables themselves).
final class CodecTests: XCTestCase {
    func catalog(_ text: String) throws -> MessageCatalog {
        let schema = try ProtoCompiler(source: InMemorySource(texts: ["t.proto": text])).compile(["t.proto"])
        return MessageCatalog(schema: schema)
    }

    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined(separator: " ") }

    func testEncodingTablesOfTheDocumentation() throws {
        let types = try catalog(
            """
            syntax = "proto3";
            message M { int32 a = 1; string b = 2; sint64 c = 3; repeated int32 d = 4; fixed32 e = 5; M f = 6; int32 z = 7; }
            """)
        var message = DynamicMessage(typeName: "M")
        message[1] = .int(150)
        message[2] = .string("testing")
        message[3] = .int(-1)
        message[4] = .list([.int(3), .int(270)])
        message[5] = .uint(1)
        message[6] = .message(DynamicMessage(typeName: "M", fields: [FieldValue(number: 1, value: .int(-1))]))
        message[7] = .int(0)
        let bytes = BinaryEncoding.encode(message, catalog: types)
        // 150 = 96 01 (protobuf.dev/programming-guides/encoding), "testing", zigzag(-1) = 1, packed
        // [3, 270], fixed32 1, -1 as ten bytes, and the implicit 0 not written.
        XCTAssertEqual(hex(bytes), "08 96 01 12 07 74 65 73 74 69 6e 67 18 01 22 03 03 8e 02 2d 01 00 00 00 32 0b 08 ff ff ff ff ff ff ff ff ff 01")
        XCTAssertEqual(try BinaryDecoding.decode(bytes, as: "M", catalog: types).get(), message.removing(7))
        XCTAssertEqual(
            try ProtoJSONEncoding.encode(message, catalog: types).text,
            #"{"a":150,"b":"testing","c":"-1","d":[3,270],"e":1,"f":{"a":-1}}"#)
    }

    func testReaderOfAnotherTypeKeepsTheDataUnknownOrTruncates() throws {
        let writer = try catalog(#"syntax = "proto3"; message M { int64 a = 1; string b = 2; }"#)
        let reader = try catalog(#"syntax = "proto3"; message M { int32 a = 1; fixed64 b = 2; }"#)
        var message = DynamicMessage(typeName: "M")
        message[1] = .int(4_294_967_297)
        message[2] = .string("x")
        let read = try BinaryDecoding.decode(BinaryEncoding.encode(message, catalog: writer), as: "M", catalog: reader).get()
        XCTAssertEqual(read[1], .int(1))
        XCTAssertNil(read[2])
        XCTAssertEqual(read.unknown.map(\.number), [2])
    }

    func testStrictJSONReaderRefusesUnknownNamesAndTwoOneofMembers() throws {
        let reader = try catalog(#"syntax = "proto3"; message M { oneof o { int32 a = 1; int32 b = 2; } E e = 3; } enum E { Z = 0; }"#)
        let unknown = ProtoJSONDecoding.decode(.object([("c", .number("1"))]), as: "M", catalog: reader)
        XCTAssertEqual(unknown.failure?.key, "c")
        let both = ProtoJSONDecoding.decode(.object([("a", .number("1")), ("b", .number("2"))]), as: "M", catalog: reader)
        XCTAssertEqual(both.failure?.field, 2)
        let name = ProtoJSONDecoding.decode(.object([("e", .string("Y"))]), as: "M", catalog: reader)
        XCTAssertEqual(name.failure?.field, 3)
        XCTAssertEqual(try ProtoJSONDecoding.decode(.object([("a", .string("7"))]), as: "M", catalog: reader).get()[1], .int(7))
    }

    func testClosedEnumKeepsUnlistedNumbersUnknown() throws {
        let writer = try catalog(#"syntax = "proto2"; message M { optional E e = 1; } enum E { A = 0; B = 1; }"#)
        let reader = try catalog(#"syntax = "proto2"; message M { optional E e = 1; } enum E { A = 0; }"#)
        let bytes = BinaryEncoding.encode(DynamicMessage(typeName: "M", fields: [FieldValue(number: 1, value: .int(1))]), catalog: writer)
        let read = try BinaryDecoding.decode(bytes, as: "M", catalog: reader).get()
        XCTAssertNil(read[1])
        XCTAssertEqual(read.unknown.count, 1)
    }
}

extension DynamicMessage {
    func removing(_ number: Int32) -> DynamicMessage {
        var copy = self
        copy[number] = nil
        return copy
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// The well-known types' JSON forms, as the runtime prints them.
final class WellKnownJSONTests: XCTestCase {
    func testTimestampAndDurationForms() throws {
        let types = MessageCatalog(
            schema: try ProtoCompiler(
                source: InMemorySource(texts: [
                    "t.proto": """
                    syntax = "proto3";
                    import "google/protobuf/timestamp.proto";
                    import "google/protobuf/duration.proto";
                    import "google/protobuf/wrappers.proto";
                    message M { google.protobuf.Timestamp t = 1; google.protobuf.Duration d = 2; google.protobuf.Int64Value w = 3; }
                    """
                ])
            ).compile(["t.proto"]))
        var message = DynamicMessage(typeName: "M")
        message[1] = .message(
            DynamicMessage(
                typeName: "google.protobuf.Timestamp", fields: [FieldValue(number: 1, value: .int(951_782_400)), FieldValue(number: 2, value: .int(5_000_000))])
        )
        message[2] = .message(
            DynamicMessage(
                typeName: "google.protobuf.Duration", fields: [FieldValue(number: 1, value: .int(-1)), FieldValue(number: 2, value: .int(-500_000_000))]))
        message[3] = .message(DynamicMessage(typeName: "google.protobuf.Int64Value", fields: [FieldValue(number: 1, value: .int(7))]))
        let json = try ProtoJSONEncoding.encode(message, catalog: types)
        // 951782400 is 2000-02-29 00:00:00 UTC (a leap day).
        XCTAssertEqual(json.text, #"{"t":"2000-02-29T00:00:00.005Z","d":"-1.500s","w":"7"}"#)
        XCTAssertEqual(try ProtoJSONDecoding.decode(json, as: "M", catalog: types).get(), message)
        XCTAssertEqual(CivilTime.rfc3339(seconds: -1), "1969-12-31T23:59:59")
        XCTAssertEqual(CivilTime.parseRFC3339("1970-01-01T01:00:00+01:00")?.0, 0)
    }
}
