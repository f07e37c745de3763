/// Names protoc derives from other names (JSON names, qualified names).
public enum NameRules {
    /// protoc's default JSON name: underscores dropped, the letter after each one upper-cased.
    public static func jsonName(_ fieldName: String) -> String {
        // Bytes, as protoc's ToJsonName: only ASCII a-z is upper-cased (identifiers are ASCII anyway).
        guard fieldName.utf8.contains(UInt8(ascii: "_")) else { return fieldName }
        var utf8 = Array(fieldName.utf8)
        var written = 0
        var capitalizeNext = false
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == UInt8(ascii: "_") {
                capitalizeNext = true
                continue
            }
            utf8[written] = capitalizeNext && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            capitalizeNext = false
            written += 1
        }
        return String(decoding: utf8[..<written], as: UTF8.self)
    }

    /// `scope.name`, or `name` when the scope is empty.
    public static func qualify(_ scope: String, _ name: String) -> String {
        scope.isEmpty ? name : join(scope, name)
    }

    /// `scope.name`, written into one allocation (appending the parts one by one grew the string twice).
    public static func join(_ scope: String, _ name: String) -> String {
        join(Substring(scope), Substring(name))
    }

    /// `join` for parts of other names.
    public static func join(_ scope: Substring, _ name: Substring) -> String {
        var scope = scope, name = name
        return scope.withUTF8 { head in
            name.withUTF8 { tail in
                String(unsafeUninitializedCapacity: head.count + 1 + tail.count) { buffer in
                    _ = buffer.initialize(fromContentsOf: head)
                    buffer[head.count] = UInt8(ascii: ".")
                    _ = buffer[(head.count + 1)...].initialize(fromContentsOf: tail)
                    return head.count + 1 + tail.count
                }
            }
        }
    }
}
