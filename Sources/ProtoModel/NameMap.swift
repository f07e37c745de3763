import Support

/// Values by full name, for the lookups a schema index answers hundreds of thousands of times: names
/// are hashed with `ContentHasher` (eight bytes a step) into `DigestSlots`, where a `Dictionary`
/// hashed every name with SipHash on each insertion and lookup (about 460 instructions a lookup,
/// 100,000 of them in a check of the 44k-line synthetic pair). Entries keep their insertion order;
/// setting a name again replaces its value in place.
public struct NameMap<Value> {
    @usableFromInline var names: [String] = []
    @usableFromInline var digests: [UInt64] = []
    @usableFromInline var storedValues: [Value] = []
    @usableFromInline var slots = DigestSlots()

    public init() {}

    public var count: Int { names.count }
    public var isEmpty: Bool { names.isEmpty }

    /// The names, in insertion order.
    public var keys: [String] { names }
    /// The values, in insertion order.
    public var values: [Value] { storedValues }

    /// The value stored under `name`, if any.
    @inlinable
    public subscript(name: String) -> Value? {
        position(of: name).map { storedValues[$0] }
    }

    /// Reads the value stored under `name` in place, nil when there is none (a message read for one
    /// flag was copied whole: every array and string in it retained and released).
    @inlinable
    public func read<Result>(_ name: String, _ body: (Value) -> Result) -> Result? {
        guard let position = position(of: name) else { return nil }
        return storedValues.withUnsafeBufferPointer { body($0[position]) }
    }

    /// Whether a value is stored under `name` (without copying it out).
    @inlinable
    public func contains(_ name: String) -> Bool { position(of: name) != nil }

    @inlinable
    func position(of name: String) -> Int? {
        let digest = Self.digest(of: name)
        return slots.position(of: digest, digests: digests) { names[$0] == name }
    }

    @inlinable
    static func digest(of name: String) -> UInt64 {
        var hasher = ContentHasher()
        hasher.combine(name)
        return hasher.finalize()
    }

    /// Stores `value` under `name`, replacing the value there.
    public mutating func set(_ value: Value, for name: String) {
        let digest = Self.digest(of: name)
        if let position = slots.position(of: digest, digests: digests, where: { names[$0] == name }) {
            storedValues[position] = value
        } else {
            append(name, digest: digest, value)
        }
    }

    /// Changes the value under `name` in place, starting from `initial` when there is none.
    public mutating func update(_ name: String, startingWith initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        let digest = Self.digest(of: name)
        if let position = slots.position(of: digest, digests: digests, where: { names[$0] == name }) {
            change(&storedValues[position])
            return
        }
        var value = initial()
        change(&value)
        append(name, digest: digest, value)
    }

    private mutating func append(_ name: String, digest: UInt64, _ value: Value) {
        names.append(name)
        digests.append(digest)
        storedValues.append(value)
        slots.insert(at: names.count - 1, digests: digests)
    }

    /// Room for `count` entries in all without growing on the way.
    public mutating func reserveCapacity(_ count: Int) {
        names.reserveCapacity(count)
        digests.reserveCapacity(count)
        storedValues.reserveCapacity(count)
        slots.reserve(count, digests: digests)
    }
}

extension NameMap: Sendable where Value: Sendable {}

extension NameMap: Sequence {
    /// The entries in insertion order.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        zip(names, storedValues).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}
