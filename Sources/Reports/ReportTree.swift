import ProtoModel
import YAML

/// An ordered document: what the JSON and YAML reporters both write, so the two carry the same
/// content in the same key order.
public indirect enum ReportTree: Sendable, Equatable {
    case object([(String, ReportTree)])
    case array([ReportTree])
    case string(String)
    case int(Int)
    case bool(Bool)

    public static func == (lhs: ReportTree, rhs: ReportTree) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        default: false
        }
    }

    /// Pretty JSON, two-space indent, keys in the tree's order.
    public func json(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { "\(pad)\(Self.quote($0.0)): \($0.1.json(indent: indent + 1))" }.joined(separator: ",\n") + "\n\(closing)}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.json(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closing)]"
        case .string(let text): return Self.quote(text)
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        }
    }

    /// The same content as YAML (through libyaml), keys in the tree's order.
    public func yaml() throws -> String { try YAMLEmitter.emit(yamlNode) }

    var yamlNode: YAMLNode {
        switch self {
        case .object(let fields): .mapping(fields.map { (key: $0.0, value: $0.1.yamlNode) })
        case .array(let items): .sequence(items.map(\.yamlNode))
        case .string(let text): .scalar(text, quoted: YAMLEmitter.needsQuotes(text))
        case .int(let number): .scalar(String(number), quoted: false)
        case .bool(let flag): .scalar(flag ? "true" : "false", quoted: false)
        }
    }

    static func quote(_ text: String) -> String { JSONText.quoted(text) }
}
