import ProtoModel

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
        scope.isEmpty ? name : FullName.join(scope, name)
    }
}
