import CYAML

/// Reads one YAML document into a `YAMLNode` through libyaml. Anchors and aliases are refused (they
/// allow exponential documents), as are documents nested deeper than `maxDepth`.
public enum YAMLParser {
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode {
        try parseLocated(bytes).node
    }

    /// The document and where each of its nodes starts (`YAMLMarks`), for errors about values.
    public static func parseLocated(_ bytes: [UInt8]) throws(YAMLError) -> (node: YAMLNode, marks: YAMLMarks) {
        var marks = YAMLMarks()
        let node = try parse(bytes, marks: &marks)
        return (node, marks)
    }

    static func parse(_ bytes: [UInt8], marks: inout YAMLMarks) throws(YAMLError) -> YAMLNode {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError("cannot initialize the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        var input = bytes
        return try input.withUnsafeMutableBufferPointer { (buffer) throws(YAMLError) -> YAMLNode in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [(kind: Int, items: [YAMLNode], keys: [String], pendingKey: String?, path: [String])] = []
            var root: YAMLNode?
            /// Where the node starting at `mark` sits: a key of a mapping is recorded under its own
            /// path (errors about a value point at its key); a sequence item under its index.
            func path(startingAt mark: yaml_mark_t, keyText: String?) -> [String] {
                guard let top = stack.last else {
                    marks.record([], mark)
                    return []
                }
                if top.kind == 1 {
                    let path = top.path + [String(top.items.count)]
                    marks.record(path, mark)
                    return path
                }
                if let key = top.pendingKey { return top.path + [key] }
                if let keyText { marks.record(top.path + [keyText], mark) }
                return top.path
            }
            func add(_ node: YAMLNode, mark: yaml_mark_t) throws(YAMLError) {
                guard !stack.isEmpty else {
                    root = root ?? node
                    return
                }
                let top = stack.count - 1
                if stack[top].kind == 1 {
                    stack[top].items.append(node)
                } else if let key = stack[top].pendingKey {
                    if stack[top].keys.contains(key) {
                        throw YAMLError("duplicate key \"\(key)\"", line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                    }
                    stack[top].keys.append(key)
                    stack[top].items.append(node)
                    stack[top].pendingKey = nil
                } else {
                    guard case .scalar(let key, _) = node else {
                        throw YAMLError("mapping keys must be scalars", line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                    }
                    stack[top].pendingKey = key
                }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
                    throw YAMLError(problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
                }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root ?? .mapping([])
                case YAML_ALIAS_EVENT:
                    throw YAMLError("aliases are not supported", line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    if scalar.anchor != nil { throw YAMLError("anchors are not supported", line: Int(mark.line) + 1, column: Int(mark.column) + 1) }
                    let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let quoted =
                        scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                        || scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
                    _ = path(startingAt: mark, keyText: text)
                    try add(.scalar(text, quoted: quoted), mark: mark)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    guard stack.count < maxDepth else {
                        throw YAMLError("nested deeper than \(maxDepth) levels", line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                    }
                    if stack.last?.kind == 2, stack.last?.pendingKey == nil {
                        throw YAMLError("mapping keys must be scalars", line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                    }
                    let childPath = path(startingAt: mark, keyText: nil)
                    stack.append((event.type == YAML_SEQUENCE_START_EVENT ? 1 : 2, [], [], nil, childPath))
                case YAML_SEQUENCE_END_EVENT:
                    let done = stack.removeLast()
                    try add(.sequence(done.items), mark: mark)
                case YAML_MAPPING_END_EVENT:
                    let done = stack.removeLast()
                    try add(.mapping(Array(zip(done.keys, done.items)).map { (key: $0.0, value: $0.1) }), mark: mark)
                default:
                    break
                }
            }
        }
    }
}

/// Where the nodes of a document start (1-based line and column), by path: mapping keys and sequence
/// indices from the root, e.g. `["ignore", "0", "rule"]`. A mapping entry is located at its key.
public struct YAMLMarks: Sendable {
    private var positions: [[String]: (line: Int, column: Int)] = [:]

    public init() {}

    mutating func record(_ path: [String], _ mark: yaml_mark_t) {
        if positions[path] == nil { positions[path] = (Int(mark.line) + 1, Int(mark.column) + 1) }
    }

    /// The position of the node at `path`, or of its nearest located ancestor.
    public func position(_ path: [String]) -> (line: Int, column: Int)? {
        var path = path
        while true {
            if let found = positions[path] { return found }
            if path.isEmpty { return nil }
            path.removeLast()
        }
    }
}
