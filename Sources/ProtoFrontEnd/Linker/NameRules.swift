import ProtoModel

/// Names protoc derives from other names (JSON names, qualified names).
public enum NameRules {
    /// protoc's default JSON name: underscores dropped, the letter after each one upper-cased.
    public static func jsonName(_ fieldName: String) -> String { Field.defaultJSONName(fieldName) }

    /// `scope.name`, or `name` when the scope is empty.
    public static func qualify(_ scope: String, _ name: String) -> String {
        scope.isEmpty ? name : FullName.join(scope, name)
    }
}
