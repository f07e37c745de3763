extension Field {
    /// protoc's default JSON name: underscores dropped, the letter after each one upper-cased.
    public static func defaultJSONName(_ fieldName: String) -> String {
        // Bytes, as protoc's ToJsonName: only ASCII a-z is upper-cased (identifiers are ASCII anyway).
        // Searched in the bytes: `utf8.contains` went through the generic sequence path.
        guard fieldName.withUTF8Bytes({ $0.contains(UInt8(ascii: "_")) }) else { return fieldName }
        var name = fieldName
        return name.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var written = 0
                var capitalizeNext = false
                for byte in bytes {
                    if byte == UInt8(ascii: "_") {
                        capitalizeNext = true
                        continue
                    }
                    buffer[written] = capitalizeNext && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
                    capitalizeNext = false
                    written += 1
                }
                return written
            }
        }
    }
}
