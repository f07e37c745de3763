/// A fast 64-bit streaming hash for content digests: file texts in the compile cache, model digests
/// in comparisons. It reads eight bytes per step where Swift's `Hasher` (SipHash) reads one, and it is
/// unseeded, so a digest is the same in every run.
///
/// Not for hash tables that face untrusted keys (nothing here resists crafted collisions), and not a
/// checksum: equal digests stand for equal contents only with the odds of a random 64-bit collision.
/// Each step is a bijection of the state for a given input word (xor, multiplication by an odd
/// constant, xor-shift), so two inputs of the same length that differ in one word never collide.
/// Variable-length values are fed with their length first, optionals with their presence, so that
/// different values never feed the same words.
public struct ContentHasher: Sendable {
    @usableFromInline var state: UInt64 = 0x243F_6A88_85A3_08D3

    @inlinable public init() {}

    /// Mixes one 64-bit word into the state (murmur3's finalizer on state xor word).
    @inlinable @inline(__always)
    mutating func mix(_ word: UInt64) {
        var x = state ^ word
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        x = (x ^ (x >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        state = x ^ (x >> 32)
    }

    /// The digest of everything combined so far.
    @inlinable public func finalize() -> UInt64 {
        var x = state
        x = (x ^ (x >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// Feeds the byte count, then the bytes eight at a time; the last one to seven bytes go in one
    /// word read with two overlapping loads (for four to seven) or three byte reads (as wyhash does),
    /// which cover every byte, so that with the count known different tails give different words.
    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        mix(UInt64(count))
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset + 8 <= count {
            mix(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        let rest = count - offset
        if rest >= 4 {
            let low = UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: offset + rest - 4, as: UInt32.self))
            mix(low | high << 32)
        } else if rest > 0 {
            let first = UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
            let middle = UInt64(base.load(fromByteOffset: offset + rest / 2, as: UInt8.self))
            let last = UInt64(base.load(fromByteOffset: offset + rest - 1, as: UInt8.self))
            mix(first | middle << 8 | last << 16)
        }
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    public mutating func combine(_ string: String) {
        string.withUTF8Bytes { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ strings: [String]) {
        mix(UInt64(strings.count))
        for string in strings { combine(string) }
    }

    @inlinable public mutating func combine(_ value: UInt64) { mix(value) }
    @inlinable public mutating func combine(_ value: Int64) { mix(UInt64(bitPattern: value)) }
    @inlinable public mutating func combine(_ value: Int) { mix(UInt64(UInt(bitPattern: value))) }
    @inlinable public mutating func combine(_ value: Int32) { mix(UInt64(UInt32(bitPattern: value))) }
    @inlinable public mutating func combine(_ value: UInt8) { mix(UInt64(value)) }
    @inlinable public mutating func combine(_ value: Bool) { mix(value ? 1 : 0) }
    /// Doubles by bit pattern, with both zeros as one (as `Double`'s `==` has them).
    @inlinable public mutating func combine(_ value: Double) { mix(value == 0 ? 0 : value.bitPattern) }

    /// Enums with integer raw values (field types and labels).
    @inlinable public mutating func combine<Value: RawRepresentable>(_ value: Value) where Value.RawValue == Int {
        combine(value.rawValue)
    }

    /// Enums with string raw values (syntax, import kinds, visibility).
    public mutating func combine<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String {
        combine(value.rawValue)
    }

    /// An optional: its presence, then its value.
    public mutating func combine(_ value: String?) {
        guard let value else { return mix(0) }
        mix(1)
        combine(value)
    }

    @inlinable public mutating func combine(_ value: Int32?) {
        guard let value else { return mix(0) }
        mix(1)
        combine(value)
    }

    @inlinable public mutating func combine(_ value: Bool?) {
        guard let value else { return mix(0) }
        mix(value ? 2 : 1)
    }

    public mutating func combine<Value: RawRepresentable>(_ value: Value?) where Value.RawValue == String {
        guard let value else { return mix(0) }
        mix(1)
        combine(value.rawValue)
    }
}
