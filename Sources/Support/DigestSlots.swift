/// The slots of an open-addressing hash table whose entries live in their owner's arrays, placed by
/// 64-bit `ContentHasher` digests: a slot holds an entry's position plus one (0: empty), linear
/// probing, at most half full. The owner keeps the digests and decides what "equal" means, so one
/// table serves names looked up whole (`NameMap`) and names looked up by their parts (the front
/// end's symbol table).
///
/// Digests only pick slots: two keys with one digest both live in the table, and a lookup asks the
/// owner about every entry whose digest matches, so a collision costs a comparison, never a wrong
/// answer. The digests are unseeded: a crafted schema could make many names collide and slow its
/// own compilation down, nothing worse.
public struct DigestSlots: Sendable {
    @usableFromInline var slots: [Int32] = []
    @usableFromInline var mask = -1

    public init() {}

    /// The position of the first entry with `digest` that `matches`, if any.
    @inlinable
    public func position(of digest: UInt64, digests: [UInt64], where matches: (Int) -> Bool) -> Int? {
        guard mask >= 0 else { return nil }
        var slot = Int(truncatingIfNeeded: digest) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if digests[position] == digest, matches(position) { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Places the entry at `position` (the last of `digests`, already appended), growing first when
    /// the table would be more than half full.
    public mutating func insert(at position: Int, digests: [UInt64]) {
        if (position + 1) * 2 > slots.count {
            // Places every entry, this one included.
            rebuild(capacity: max(64, slots.count * 2), digests: digests)
        } else {
            place(position, digest: digests[position])
        }
    }

    /// Room for `count` entries in all without growing on the way (growing places every entry again).
    public mutating func reserve(_ count: Int, digests: [UInt64]) {
        if count * 2 > slots.count { rebuild(capacity: count * 2, digests: digests) }
    }

    private mutating func place(_ position: Int, digest: UInt64) {
        var slot = Int(truncatingIfNeeded: digest) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
    }

    private mutating func rebuild(capacity: Int, digests: [UInt64]) {
        var size = 64
        while size < capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for position in digests.indices { place(position, digest: digests[position]) }
    }
}
