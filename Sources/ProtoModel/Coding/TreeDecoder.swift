/// Decodes any `Decodable` from a `TreeValue`, through the type's own `init(from:)`: the model keeps one
/// Codable form, and reading it costs a walk over plain values instead of Foundation's `JSONDecoder`
/// (about 10x slower on the model's documents). Errors are `DecodingError`s with the full coding path.
public struct TreeDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: TreeValue) throws -> T {
        try T(from: TreeValueDecoder(value, path: nil))
    }

    /// Reads JSON text with `JSONTreeReader`, then decodes it.
    public func decode<T: Decodable>(_ type: T.Type, fromJSON bytes: [UInt8]) throws -> T {
        try decode(type, from: try JSONTreeReader.read(bytes))
    }
}

/// The coding path as a chain to the root, turned into `[CodingKey]` only when asked (errors, mostly).
final class TreePath: Sendable {
    let key: any CodingKey
    let parent: TreePath?

    init(_ key: any CodingKey, parent: TreePath?) {
        self.key = key
        self.parent = parent
    }

    static func keys(_ path: TreePath?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = path
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// A position in a list, as a coding key.
struct TreeIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct TreeValueDecoder: Decoder {
    let value: TreeValue
    let path: TreePath?

    init(_ value: TreeValue, path: TreePath?) {
        self.value = value
        self.path = path
    }

    var codingPath: [any CodingKey] { TreePath.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch(expected: "an object", path: path, found: value) }
        return KeyedDecodingContainer(TreeKeyedContainer<Key>(members: members, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch(expected: "a list", path: path, found: value) }
        return TreeUnkeyedContainer(elements: elements, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { TreeSingleValueContainer(value: value, path: path) }
}

func mismatch(expected: String, path: TreePath?, found: TreeValue) -> DecodingError {
    .typeMismatch(Any.self, .init(codingPath: TreePath.keys(path), debugDescription: "expected \(expected), found \(found.kindName)"))
}

/// Converts a leaf to the type asked for; shared by the three containers.
enum TreeScalar {
    static func decode<T: Decodable>(_ type: T.Type, _ value: TreeValue, path: @autoclosure () -> TreePath?) throws -> T {
        // The common leaves first, without going through `init(from:)`.
        if T.self == String.self { return try string(value, path: path()) as! T }
        if T.self == Bool.self { return try bool(value, path: path()) as! T }
        if T.self == Int32.self { return try integer(Int32.self, value, path: path()) as! T }
        if T.self == Int.self { return try integer(Int.self, value, path: path()) as! T }
        if T.self == Int64.self { return try integer(Int64.self, value, path: path()) as! T }
        if T.self == UInt64.self { return try integer(UInt64.self, value, path: path()) as! T }
        if T.self == UInt32.self { return try integer(UInt32.self, value, path: path()) as! T }
        if T.self == Double.self { return try double(value, path: path()) as! T }
        return try T(from: TreeValueDecoder(value, path: path()))
    }

    /// A primitive leaf, for the containers' non-generic overloads.
    static func leaf<T>(_ type: T.Type, _ value: TreeValue, path: @autoclosure () -> TreePath?) throws -> T {
        switch type {
        case is String.Type: return try string(value, path: path()) as! T
        case is Bool.Type: return try bool(value, path: path()) as! T
        case is Double.Type: return try double(value, path: path()) as! T
        case is Float.Type: return Float(try double(value, path: path())) as! T
        case is Int.Type: return try integer(Int.self, value, path: path()) as! T
        case is Int8.Type: return try integer(Int8.self, value, path: path()) as! T
        case is Int16.Type: return try integer(Int16.self, value, path: path()) as! T
        case is Int32.Type: return try integer(Int32.self, value, path: path()) as! T
        case is Int64.Type: return try integer(Int64.self, value, path: path()) as! T
        case is UInt.Type: return try integer(UInt.self, value, path: path()) as! T
        case is UInt8.Type: return try integer(UInt8.self, value, path: path()) as! T
        case is UInt16.Type: return try integer(UInt16.self, value, path: path()) as! T
        case is UInt32.Type: return try integer(UInt32.self, value, path: path()) as! T
        case is UInt64.Type: return try integer(UInt64.self, value, path: path()) as! T
        default: preconditionFailure("not a primitive: \(type)")
        }
    }

    static func string(_ value: TreeValue, path: @autoclosure () -> TreePath?) throws -> String {
        guard case .string(let text) = value else { throw mismatch(expected: "a string", path: path(), found: value) }
        return text
    }

    static func bool(_ value: TreeValue, path: @autoclosure () -> TreePath?) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(expected: "a boolean", path: path(), found: value) }
        return flag
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: TreeValue, path: @autoclosure () -> TreePath?) throws -> I {
        guard case .number(let text) = value else { throw mismatch(expected: "a number", path: path(), found: value) }
        if let exact = I(text) { return exact }
        // 1.0 or 1e3 are integers too, when exact and in range.
        if let double = Double(text), double.rounded() == double, let exact = I(exactly: double) { return exact }
        throw DecodingError.dataCorrupted(.init(codingPath: TreePath.keys(path()), debugDescription: "\(text) does not fit \(I.self)"))
    }

    static func double(_ value: TreeValue, path: @autoclosure () -> TreePath?) throws -> Double {
        guard case .number(let text) = value, let double = Double(text) else { throw mismatch(expected: "a number", path: path(), found: value) }
        return double
    }
}

struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: TreeValue)]
    let path: TreePath?

    var codingPath: [any CodingKey] { TreePath.keys(path) }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    private func lookup(_ key: Key) -> TreeValue? {
        let name = key.stringValue
        for member in members where member.key == name { return member.value }
        return nil
    }

    private func require(_ key: Key) throws -> TreeValue {
        guard let value = lookup(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: TreePath.keys(path), debugDescription: "no value for the key \"\(key.stringValue)\""))
        }
        return value
    }

    func leaf<T>(_ type: T.Type, forKey key: Key) throws -> T {
        try TreeScalar.leaf(type, try require(key), path: TreePath(key, parent: path))
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try require(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TreeScalar.decode(type, try require(key), path: TreePath(key, parent: path))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = lookup(key) else { return nil }
        if case .null = value { return nil }
        return try TreeScalar.decode(type, value, path: TreePath(key, parent: path))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeValueDecoder(try require(key), path: TreePath(key, parent: path)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeValueDecoder(try require(key), path: TreePath(key, parent: path)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { TreeValueDecoder(lookup(Key(stringValue: "super")!) ?? .null, path: path) }
    func superDecoder(forKey key: Key) throws -> any Decoder { TreeValueDecoder(lookup(key) ?? .null, path: TreePath(key, parent: path)) }
}

struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [TreeValue]
    let path: TreePath?
    var currentIndex = 0

    init(elements: [TreeValue], path: TreePath?) {
        self.elements = elements
        self.path = path
    }

    var codingPath: [any CodingKey] { TreePath.keys(path) }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element and its index (its coding path is made only when needed).
    private mutating func next() throws -> (TreeValue, Int) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: TreePath.keys(path), debugDescription: "the list has no more elements"))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], currentIndex)
    }

    private func elementPath(_ index: Int) -> TreePath { TreePath(TreeIndexKey(index), parent: path) }

    mutating func leaf<T>(_ type: T.Type) throws -> T {
        let (value, index) = try next()
        return try TreeScalar.leaf(type, value, path: elementPath(index))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = elements[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, index) = try next()
        return try TreeScalar.decode(type, value, path: elementPath(index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, index) = try next()
        return try TreeValueDecoder(value, path: elementPath(index)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, index) = try next()
        return try TreeValueDecoder(value, path: elementPath(index)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, index) = try next()
        return TreeValueDecoder(value, path: elementPath(index))
    }
}

struct TreeSingleValueContainer: SingleValueDecodingContainer {
    let value: TreeValue
    let path: TreePath?

    var codingPath: [any CodingKey] { TreePath.keys(path) }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // A single-value container of T decodes T itself: go to the leaf, or to T's own init (arrays, wrappers).
        if T.self == String.self || T.self == Bool.self || T.self == Int32.self || T.self == Int.self || T.self == Int64.self
            || T.self == UInt64.self || T.self == UInt32.self || T.self == Double.self
        {
            return try TreeScalar.decode(type, value, path: path)
        }
        return try T(from: TreeValueDecoder(value, path: path))
    }
}
