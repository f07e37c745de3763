/// Names protoc derives from other names (JSON names, qualified names).
public enum NameRules {
    /// protoc's default JSON name: underscores dropped, the letter after each one upper-cased.
    public static func jsonName(_ fieldName: String) -> String {
        var result = ""
        result.reserveCapacity(fieldName.utf8.count)
        var capitalizeNext = false
        for c in fieldName {
            if c == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += c.uppercased()
                capitalizeNext = false
            } else {
                result.append(c)
            }
        }
        return result
    }

    /// `scope.name`, or `name` when the scope is empty.
    public static func qualify(_ scope: String, _ name: String) -> String {
        scope.isEmpty ? name : scope + "." + name
    }
}
