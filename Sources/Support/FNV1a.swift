/// 64-bit FNV-1a, fed one byte at a time: the digest for bytes computed as they are read and never
/// stored (the front end's JSON-name screen hashes a field's default JSON name while deriving it),
/// and the fingerprint `dump --fingerprints` prints. Two multiplications' worth of work per byte, no
/// buffering; `ContentHasher` (eight bytes a word) is the digest for bytes already in memory.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The digest of the bytes fed so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public init() {}

    /// Feeds one byte.
    @inlinable @inline(__always)
    public mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The digest of a sequence of bytes.
    @inlinable
    public static func digest(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.add(byte) }
        return hasher.value
    }
}
