import Foundation
import ProtoModel

/// Turns a `[default = ...]` value into the text protoc writes in `FieldDescriptorProto.default_value`.
enum DefaultValueFormatter {
    enum Failure: Error { case message(String) }

    static func format(_ value: ValueNode, type: FieldType) throws(Failure) -> String {
        switch type {
        case .int32, .sint32, .sfixed32:
            return String(try integer(value, min: Int64(Int32.min), max: UInt64(Int32.max)))
        case .int64, .sint64, .sfixed64:
            return String(try integer(value, min: Int64.min, max: UInt64(Int64.max)))
        case .uint32, .fixed32:
            return String(try unsigned(value, max: UInt64(UInt32.max)))
        case .uint64, .fixed64:
            return String(try unsigned(value, max: UInt64.max))
        case .double:
            return formatDouble(try floating(value))
        case .float:
            return formatFloat(Float(try floating(value)))
        case .bool:
            if case .identifier(let name) = value.kind, name == "true" || name == "false" { return name }
            throw .message("expected \"true\" or \"false\" as the default of a bool field")
        case .string:
            guard case .string(let bytes) = value.kind else { throw .message("expected a string as the default of a string field") }
            return String(decoding: bytes, as: UTF8.self)
        case .bytes:
            guard case .string(let bytes) = value.kind else { throw .message("expected a string as the default of a bytes field") }
            return cEscape(bytes)
        case .enum:
            guard case .identifier(let name) = value.kind, !name.hasPrefix("-") else {
                throw .message("default value for an enum field must be an identifier")
            }
            return name
        case .message, .group:
            throw .message("messages can't have default values")
        }
    }

    private static func integer(_ value: ValueNode, min: Int64, max: UInt64) throws(Failure) -> Int64 {
        guard case .integer(let negative, let magnitude) = value.kind else {
            throw .message("expected an integer as the default value")
        }
        guard let magnitude else { throw .message("integer out of range") }
        if negative {
            guard magnitude <= min.magnitude else { throw .message("integer out of range") }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= max else { throw .message("integer out of range") }
        return Int64(magnitude)
    }

    private static func unsigned(_ value: ValueNode, max: UInt64) throws(Failure) -> UInt64 {
        guard case .integer(let negative, let magnitude) = value.kind else {
            throw .message("expected an integer as the default value")
        }
        if negative { throw .message("unsigned fields can't have negative default values") }
        guard let magnitude, magnitude <= max else { throw .message("integer out of range") }
        return magnitude
    }

    static func floating(_ value: ValueNode) throws(Failure) -> Double {
        switch value.kind {
        case .float(let d): return d
        case .integer(let negative, let magnitude):
            let d = magnitude.map { Double($0) } ?? Double.infinity
            return negative ? -d : d
        case .identifier(let name):
            switch name.lowercased() {
            case "inf", "infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "-nan": return .nan
            default: throw .message("expected a number as the default value")
            }
        default:
            throw .message("expected a number as the default value")
        }
    }

    /// protoc's SimpleDtoa: `%.15g`, or `%.17g` when that does not round-trip.
    static func formatDouble(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = cFormat(value, precision: 15)
        if Double(short) == value { return short }
        return cFormat(value, precision: 17)
    }

    /// protoc's SimpleFtoa: `%.6g`, or `%.9g` when that does not round-trip.
    static func formatFloat(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = cFormat(Double(value), precision: 6)
        if Float(short) == value { return short }
        return cFormat(Double(value), precision: 9)
    }

    static func cFormat(_ value: Double, precision: Int) -> String {
        String(format: "%.\(precision)g", value)
    }

    /// protoc's CEscape: C escapes for quotes, backslash and control bytes, 3-digit octal for the rest.
    static func cEscape(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case 10: out += "\\n"
            case 13: out += "\\r"
            case 9: out += "\\t"
            case 34: out += "\\\""
            case 39: out += "\\'"
            case 92: out += "\\\\"
            case 0x20..<0x7F: out.append(Character(Unicode.Scalar(byte)))
            default:
                let octal = String(byte, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return out
    }
}
