/// Full names of schema elements, built from a scope and a name.
public enum FullName {
    /// `scope.name`, written into one allocation (appending the parts one by one grew the string twice).
    public static func join(_ scope: String, _ name: String) -> String {
        join(Substring(scope), Substring(name))
    }

    /// `join` for parts of other names.
    public static func join(_ scope: Substring, _ name: Substring) -> String {
        var scope = scope
        var name = name
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
