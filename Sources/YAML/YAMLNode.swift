/// A YAML document as a tree: scalars keep whether they were quoted, mappings keep their order.
public indirect enum YAMLNode: Sendable, Equatable {
    /// A scalar; `quoted` scalars are always strings, plain ones may read as numbers, booleans or null.
    case scalar(String, quoted: Bool)
    case sequence([YAMLNode])
    case mapping([(key: String, value: YAMLNode)])

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a, let qa), .scalar(let b, let qb)): return a == b && qa == qb
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The text of a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }
}

/// A YAML input that cannot be read: located at its 1-based line and column.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { line > 0 ? "\(line):\(column): \(message)" : message }
}
