import Foundation
import ProtoModel
import Testing

/// Option trees: number order, merging of repeated and message values, and a lossless JSON form.
struct OptionMessageTests {
    @Test func fieldsStayInNumberOrder() {
        var options = OptionMessage()
        options.set(OptionField(name: "(z.ext)", number: 50000, value: .bool(true)), repeated: false)
        options.set(OptionField(name: "deprecated", number: 3, value: .bool(true)), repeated: false)
        options.set(OptionField(name: "packed", number: 2, value: .bool(false)), repeated: false)
        #expect(options.fields.map(\.number) == [2, 3, 50000])
        #expect(options.isTrue("deprecated"))
    }

    @Test func repeatedValuesAppendAndMessagesMerge() {
        var options = OptionMessage()
        options.set(OptionField(name: "ids", number: 1, value: .list([.int(1)])), repeated: true)
        options.set(OptionField(name: "ids", number: 1, value: .list([.int(2)])), repeated: true)
        #expect(options["ids"] == .list([.int(1), .int(2)]))
        let a = OptionMessage(fields: [OptionField(name: "a", number: 1, value: .string("x"))])
        let b = OptionMessage(fields: [OptionField(name: "b", number: 2, value: .string("y"))])
        options.set(OptionField(name: "(m)", number: 9, value: .message(a)), repeated: false)
        options.set(OptionField(name: "(m)", number: 9, value: .message(b)), repeated: false)
        #expect(options["(m)"] == .message(OptionMessage(fields: a.fields + b.fields)))
    }

    @Test func jsonRoundTripIsLossless() throws {
        let inner = OptionMessage(fields: [OptionField(name: "n", number: 1, value: .uint(UInt64.max))])
        let values: [OptionValue] = [
            .bool(true), .int(Int64.min), .uint(UInt64.max), .double(0.1), .double(.infinity), .double(-.infinity),
            .string("é\"\\"), .bytes([0, 255, 16]), .enumValue("FOO"), .message(inner), .list([.int(1), .int(-2)]),
        ]
        for value in values {
            let data = try JSONEncoder().encode(value)
            let back = try JSONDecoder().decode(OptionValue.self, from: data)
            #expect(back == value, "\(String(decoding: data, as: UTF8.self))")
        }
        let nan = try JSONDecoder().decode(OptionValue.self, from: JSONEncoder().encode(OptionValue.double(.nan)))
        guard case .double(let d) = nan else {
            Issue.record("not a double")
            return
        }
        #expect(d.isNaN)
    }

    @Test func strippingSourceInfoKeepsTheModel() {
        let span = SourceSpan(file: "a.proto", line: 1, column: 1, endLine: 1, endColumn: 5, offset: 0, endOffset: 4)
        let field = Field(
            name: "a", number: 1, label: .optional, type: .int32, jsonName: "a", span: span,
            comments: Comments(leading: " doc\n"))
        let message = Message(name: "M", fullName: "p.M", fields: [field], span: span)
        let schema = Schema(files: [ProtoFile(name: "a.proto", package: "p", messages: [message])])
        let stripped = schema.strippingSourceInfo()
        #expect(stripped.files[0].messages[0].span == nil)
        #expect(stripped.files[0].messages[0].fields[0].comments == nil)
        #expect(stripped.files[0].messages[0].fields[0].name == "a")
    }
}
