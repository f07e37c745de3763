/// Whether a handful of 64-bit digests are pairwise different, decided on the stack: a screen that
/// lets a caller skip an exact check (names compared as strings) when no two digests are equal.
public enum DistinctDigests {
    /// Whether the values are pairwise different: through a small open-addressing table on the stack
    /// (a quadratic scan or a sort cost more than the hashing for a few dozen values; past 1,024
    /// values they are sorted in place). A value of zero counts as a repeat, so that the caller's
    /// exact check decides.
    public static func allDifferent(_ values: inout UnsafeMutableBufferPointer<UInt64>) -> Bool {
        var size = 16
        while size < values.count * 4 { size *= 2 }
        guard size <= 4096 else {
            values.sort()
            for i in 1..<values.count where values[i] == values[i - 1] { return false }
            return true
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { slots in
            slots.initialize(repeating: 0)
            let mask = size - 1
            for value in values {
                guard value != 0 else { return false }
                var slot = Int(truncatingIfNeeded: value >> 7) & mask
                while slots[slot] != 0 {
                    if slots[slot] == value { return false }
                    slot = (slot + 1) & mask
                }
                slots[slot] = value
            }
            return true
        }
    }
}
