import ProtoModel

/// The well-known types whose ProtoJSON form is not an object of their fields, written and read as
/// the runtime does: Timestamp as RFC 3339 in UTC, Duration as seconds with an `s`, wrappers as their
/// value, and the empty forms of Any, Struct, ListValue and FieldMask. Other values of those last
/// four (a type URL to resolve, a Value, paths) are not written: a witness does not use them.
public enum WellKnownJSON {
    static let wrappers: Set<String> = [
        "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value", "google.protobuf.UInt64Value",
        "google.protobuf.Int32Value", "google.protobuf.UInt32Value", "google.protobuf.BoolValue", "google.protobuf.StringValue",
        "google.protobuf.BytesValue",
    ]
    static let special: Set<String> = wrappers.union([
        "google.protobuf.Any", "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
        "google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue",
    ])

    public static func hasSpecialForm(_ fullName: String) -> Bool { special.contains(fullName) }

    static func unsupported(_ reason: String) -> ProtoJSONEncoding.Unsupported { ProtoJSONEncoding.Unsupported(reason: reason) }

    static func int(_ message: DynamicMessage, _ number: Int32) -> Int64 {
        if case .int(let value)? = message[number] { return value }
        return 0
    }

    static func encode(_ message: DynamicMessage, type: Message, catalog: MessageCatalog) throws -> JSONValue {
        switch type.fullName {
        case "google.protobuf.Timestamp":
            let seconds = int(message, 1)
            let nanos = int(message, 2)
            guard seconds >= -62_135_596_800, seconds <= 253_402_300_799, nanos >= 0, nanos < 1_000_000_000 else {
                throw unsupported("Timestamp out of range")
            }
            return .string(CivilTime.rfc3339(seconds: seconds) + fraction(nanos) + "Z")
        case "google.protobuf.Duration":
            let seconds = int(message, 1)
            let nanos = int(message, 2)
            guard abs(seconds) <= 315_576_000_000, abs(nanos) < 1_000_000_000, !(seconds > 0 && nanos < 0), !(seconds < 0 && nanos > 0) else {
                throw unsupported("Duration out of range")
            }
            let negative = seconds < 0 || nanos < 0
            return .string((negative ? "-" : "") + String(abs(seconds)) + fraction(abs(nanos)) + "s")
        case let name where wrappers.contains(name):
            guard let field = type.fields.first(where: { $0.number == 1 }) else { throw unsupported("wrapper without value") }
            return try ProtoJSONEncoding.scalarOrMessage(message[1] ?? ProtoValueDefaults.zero(of: field), field: field, catalog: catalog, protoNames: false)
        case "google.protobuf.Any", "google.protobuf.Struct":
            guard message.fields.isEmpty else { throw unsupported("\(type.fullName) with content") }
            return .object([])
        case "google.protobuf.ListValue":
            guard message.fields.isEmpty else { throw unsupported("ListValue with content") }
            return .array([])
        case "google.protobuf.FieldMask":
            guard message.fields.isEmpty else { throw unsupported("FieldMask with paths") }
            return .string("")
        default:
            throw unsupported("\(type.fullName) (its JSON form needs a kind)")
        }
    }

    /// Nanoseconds as the runtime prints them: none, or 3, 6 or 9 digits.
    static func fraction(_ nanos: Int64) -> String {
        guard nanos != 0 else { return "" }
        func digits(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return "." + String(repeating: "0", count: width - text.count) + text
        }
        if nanos % 1_000_000 == 0 { return digits(nanos / 1_000_000, 3) }
        if nanos % 1_000 == 0 { return digits(nanos / 1_000, 6) }
        return digits(nanos, 9)
    }

    static func decode(_ json: JSONValue, type: Message, catalog: MessageCatalog) throws -> DynamicMessage {
        var message = DynamicMessage(typeName: type.fullName)
        func refuse(_ reason: String) -> DecodeFailure { DecodeFailure(reason: reason, field: nil) }
        func notShown(_ reason: String) -> DecodeFailure { DecodeFailure(reason: reason, field: nil, unrepresentable: true) }
        switch type.fullName {
        case "google.protobuf.Timestamp":
            guard case .string(let text) = json, let (seconds, nanos) = CivilTime.parseRFC3339(text) else {
                throw refuse("\(json.text) is not an RFC 3339 timestamp")
            }
            if seconds != 0 { message[1] = .int(seconds) }
            if nanos != 0 { message[2] = .int(nanos) }
        case "google.protobuf.Duration":
            guard case .string(let text) = json, text.hasSuffix("s"), let (seconds, nanos) = CivilTime.parseSeconds(String(text.dropLast())) else {
                throw refuse("\(json.text) is not a duration")
            }
            if seconds != 0 { message[1] = .int(seconds) }
            if nanos != 0 { message[2] = .int(nanos) }
        case let name where wrappers.contains(name):
            guard let field = type.fields.first(where: { $0.number == 1 }) else { throw refuse("wrapper without value") }
            let value = try ProtoJSONDecoding.value(json, field: field, in: type, catalog: catalog)
            if !ValueRules.isDefault(value) { message[1] = value }
        case "google.protobuf.Any", "google.protobuf.Struct":
            guard case .object(let members) = json else { throw refuse("\(type.fullName) must be a JSON object") }
            guard members.isEmpty else { throw notShown("\(type.fullName) with content") }
        case "google.protobuf.ListValue":
            guard case .array(let elements) = json else { throw refuse("ListValue must be a JSON array") }
            guard elements.isEmpty else { throw notShown("ListValue with content") }
        case "google.protobuf.FieldMask":
            guard case .string(let text) = json else { throw refuse("FieldMask must be a string") }
            guard text.isEmpty else { throw notShown("FieldMask with paths") }
        default:
            throw notShown("\(type.fullName) in JSON")
        }
        return message
    }
}

/// Calendar arithmetic for Timestamp's RFC 3339 form (proleptic Gregorian, UTC).
enum CivilTime {
    /// `YYYY-MM-DDTHH:MM:SS` of seconds since the Unix epoch.
    static func rfc3339(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // Days to civil date (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3_600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))"
    }

    /// Seconds since the epoch of a civil date.
    static func epochSeconds(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400
    }

    /// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` to seconds and nanoseconds.
    static func parseRFC3339(_ text: String) -> (Int64, Int64)? {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= chars.count else { return nil }
            var value: Int64 = 0
            for byte in chars[from..<from + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard chars.count >= 20, chars[4] == 45, chars[7] == 45, chars[10] == 84 || chars[10] == 116, chars[13] == 58, chars[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var nanos: Int64 = 0
        if index < chars.count, chars[index] == 46 {
            index += 1
            var digits = 0
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                guard digits < 9 else { return nil }
                nanos = nanos * 10 + Int64(chars[index] - 48)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard index < chars.count else { return nil }
        if chars[index] == 90 || chars[index] == 122 {
            index += 1
        } else if chars[index] == 43 || chars[index] == 45, let hours = number(index + 1, 2), index + 3 < chars.count, chars[index + 3] == 58,
            let minutes = number(index + 4, 2)
        {
            offset = (hours * 3_600 + minutes * 60) * (chars[index] == 43 ? 1 : -1)
            index += 6
        } else {
            return nil
        }
        guard index == chars.count else { return nil }
        let seconds = epochSeconds(year: year, month: month, day: day) + hour * 3_600 + minute * 60 + second - offset
        guard seconds >= -62_135_596_800, seconds <= 253_402_300_799 else { return nil }
        return (seconds, nanos)
    }

    /// `[-]S[.frac]` to seconds and nanoseconds of one sign.
    static func parseSeconds(_ text: String) -> (Int64, Int64)? {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, whole <= 315_576_000_000, !parts[0].hasPrefix("+") else { return nil }
        var nanos: Int64 = 0
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 9, parts[1].allSatisfy(\.isNumber), let fraction = Int64(parts[1]) else { return nil }
            nanos = fraction
            for _ in parts[1].count..<9 { nanos *= 10 }
        }
        return negative ? (-whole, -nanos) : (whole, nanos)
    }
}
