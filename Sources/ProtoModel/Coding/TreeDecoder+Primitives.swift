// The primitive overloads the decoding container protocols require, each forwarding to one generic leaf reader.

extension TreeKeyedContainer {
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try leaf(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try leaf(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try leaf(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try leaf(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try leaf(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try leaf(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try leaf(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try leaf(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try leaf(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try leaf(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try leaf(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try leaf(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try leaf(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try leaf(type, forKey: key) }
}

extension TreeUnkeyedContainer {
    mutating func decode(_ type: Bool.Type) throws -> Bool { try leaf(type) }
    mutating func decode(_ type: String.Type) throws -> String { try leaf(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try leaf(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try leaf(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try leaf(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try leaf(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try leaf(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try leaf(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try leaf(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try leaf(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try leaf(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try leaf(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try leaf(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try leaf(type) }
}

extension TreeSingleValueContainer {
    func decode(_ type: Bool.Type) throws -> Bool { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: String.Type) throws -> String { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Double.Type) throws -> Double { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Float.Type) throws -> Float { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Int.Type) throws -> Int { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: UInt.Type) throws -> UInt { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeScalar.leaf(type, value, path: path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeScalar.leaf(type, value, path: path) }
}
